export * from "./rule";
export { LIVE_RECORDING_RULES, RETIRED_RULES, evaluateRules } from "./pack";
export { Acknowledgements, MIN_REASON_LENGTH } from "./acknowledgements";
export { LiveRecordingChecks } from "./aspect";
