import { Rule } from "./rule";

/** Full Room Recording on while TRTC Global Auto-Recording is declared on for the same SDKAppID. */
export const DoubleRecording: Rule = {
  id: "LR001",
  name: "DoubleRecording",
  severity: "error",
  explanation:
    "TRTC Global Auto-Recording records every host of every room to its own file, independently of Live recording; " +
    "with both on, the same audio and video are recorded (and billed) twice.",
  fix:
    "Turn Global Auto-Recording off in the TRTC console (Application > Advanced Features > On-cloud recording) and " +
    "declare globalAutoRecording: \"off\", or set fullRoomRecording: false and keep Global Auto-Recording.",
  evaluate: (app) =>
    app.fullRoomRecording && app.globalAutoRecording === "on"
      ? [{ message: `Full Room Recording is on while Global Auto-Recording is declared on for SDKAppID ${app.sdkAppId}.` }]
      : [],
};
