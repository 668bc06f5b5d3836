/** Checks of the stack helpers and the keys of their props (internal: not exported by stacks/index.ts). */
import { LIVE_RECORDING_PROP_KEYS, RETIRED_LIVE_RECORDING_PROP_KEYS } from "../constructs/checks";
import { fail, keysOf } from "../lib/validation";
import type { LiveRecordingProps } from "../constructs/live-recording";
import type { EnvironmentConfig } from "./environments";
import type { LiveRecordingStackProps } from "./live-recording-stack";
import { StateBackend } from "./state-backend";

type OwnStackProps = Omit<LiveRecordingStackProps, keyof LiveRecordingProps>;
const OWN_STACK_PROP_KEYS = keysOf<OwnStackProps>()({ region: true, backend: true, postDeployHook: true });

/** The keys of LiveRecordingStackProps: the stack's own and its LiveRecording's. */
export const LIVE_RECORDING_STACK_PROP_KEYS: readonly string[] = [...OWN_STACK_PROP_KEYS, ...LIVE_RECORDING_PROP_KEYS];
/** The keys of EnvironmentConfig: the environment's name and the stack's props. */
export const ENVIRONMENT_KEYS: readonly string[] = [...keysOf<Omit<EnvironmentConfig, keyof LiveRecordingStackProps>>()({ name: true }), ...LIVE_RECORDING_STACK_PROP_KEYS];
/** Keys an outer level lets through, for the LiveRecording to say why they are refused. */
export const PASSED_THROUGH_KEYS: readonly string[] = RETIRED_LIVE_RECORDING_PROP_KEYS;

/** A StateBackend made by `StateBackend.local()` or `StateBackend.cos(...)`; absent is fine. */
export function checkOptionalBackend(property: string, value: unknown): void {
  if (value === undefined || value instanceof StateBackend) return;
  fail(
    property,
    "a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region }))",
    value,
    typeof value === "function" ? `call it: StateBackend.${value.name || "local"}(...)` : undefined,
  );
}
