import { Rule } from "./rule";

/** Full Room Recording on while nobody has declared whether Global Auto-Recording is on. */
export const GlobalAutoRecordingUnknown: Rule = {
  id: "LR007",
  name: "GlobalAutoRecordingUnknown",
  severity: "warning",
  explanation:
    "Global Auto-Recording has no public API, so only a declaration or live evidence can tell whether it records the " +
    "same rooms a second time. The post-deploy step looks for that evidence, but a declaration makes the plan exact.",
  fix: 'Look in the TRTC console (Application > Advanced Features > On-cloud recording) and declare globalAutoRecording: "off" or "on".',
  evaluate: (app) =>
    app.fullRoomRecording && app.globalAutoRecording === "unknown"
      ? [{ message: `Full Room Recording is on and Global Auto-Recording is undeclared for SDKAppID ${app.sdkAppId}.` }]
      : [],
};
