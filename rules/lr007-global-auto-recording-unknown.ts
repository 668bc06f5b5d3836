import { liveRecordedRooms } from "../lib/desired-state";
import { Rule } from "./rule";

/** Live records rooms while nobody has declared whether Global Auto-Recording is on. */
export const GlobalAutoRecordingUnknown: Rule = {
  id: "LR007",
  name: "GlobalAutoRecordingUnknown",
  severity: "warning",
  explanation:
    "Global Auto-Recording has no public API, so only a declaration or live evidence can tell whether it records the " +
    "same rooms a second time. The post-deploy step looks for that evidence, but a declaration makes the plan exact.",
  fix: 'Look in the TRTC console (Application > Advanced Features > On-cloud recording) and declare globalAutoRecording: "off" or "on".',
  evaluate: (app) => {
    if (app.globalAutoRecording !== "unknown") return [];
    const live = liveRecordedRooms(app);
    if (!live.anyRecorded) return [];
    const what = live.roomsDeclared
      ? `Live records ${live.names.length === 1 ? "room" : "rooms"} ${live.names.map((n) => `"${n}"`).join(", ")}`
      : "Full Room Recording is on";
    return [{ message: `${what} and Global Auto-Recording is undeclared for SDKAppID ${app.sdkAppId}.` }];
  },
};
