import { GLOBAL_AUTO_RECORDING_OFF_STOPS } from "../lib/global-auto-recording";
import { Rule } from "./rule";

/** Live recording wanted while TRTC Global Auto-Recording is declared on for the same SDKAppID. */
export const DoubleRecording: Rule = {
  id: "LR001",
  name: "DoubleRecording",
  severity: "error",
  explanation:
    "TRTC Global Auto-Recording records every host of every room to its own file, independently of Live recording; " +
    "with both on, the same audio and video are recorded (and billed) twice.",
  fix:
    "Turn Global Auto-Recording off in the TRTC console (Application > Advanced Features > On-cloud recording) and " +
    "declare globalAutoRecording: \"off\" (mind that " +
    GLOBAL_AUTO_RECORDING_OFF_STOPS +
    "), or stop Live recording (fullRoomRecording: false, no room with IsCloudRecordEnabled: true), or acknowledge LR001 with a reason if those other rooms need it.",
  evaluate: (app) => {
    if (app.globalAutoRecording !== "on") return [];
    const byRoom = app.rooms.filter((r) => r.isCloudRecordEnabled === true).map((r) => `"${r.name}"`);
    const what = app.fullRoomRecording
      ? "Full Room Recording is on"
      : byRoom.length > 0
        ? `rooms ${byRoom.join(", ")} set IsCloudRecordEnabled=true`
        : undefined;
    return what === undefined ? [] : [{ message: `${what} while Global Auto-Recording is declared on for SDKAppID ${app.sdkAppId}.` }];
  },
};
