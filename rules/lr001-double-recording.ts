import { liveRecordedRooms } from "../lib/desired-state";
import { GLOBAL_AUTO_RECORDING_ALSO_RECORDS, GLOBAL_AUTO_RECORDING_OFF_STOPS } from "../lib/global-auto-recording";
import { Rule } from "./rule";

/** Global Auto-Recording declared on while Live records at least one declared room of the same SDKAppID. */
export const DoubleRecording: Rule = {
  id: "LR001",
  name: "DoubleRecording",
  severity: "error",
  explanation:
    "The guide: with isUnlimitedRoomEnabled true and TRTC Cloud Recording's Global Auto-Recording on, \"the same audio/video " +
    "content may be recorded twice, resulting in extra charges\". Global Auto-Recording records each host of " +
    `${GLOBAL_AUTO_RECORDING_ALSO_RECORDS}, to its own file, independently of Live recording.`,
  fix:
    "In the guide's order: (1) use Live recording first: turn Global Auto-Recording off in the TRTC console (Application > " +
    "Advanced Features > On-cloud recording) and declare globalAutoRecording: \"off\" (mind that " +
    GLOBAL_AUTO_RECORDING_OFF_STOPS +
    "); (2) if Live recording does not meet your needs, record with TRTC Manual " +
    "Recording (ManualRecording) instead of Global Auto-Recording; (3) keep the Live rooms and the other products in " +
    "separate SDKAppIDs (our reading: both features work per SDKAppID); (4) or acknowledge LR001 with a reason if both " +
    "recordings are wanted.",
  evaluate: (app) => {
    if (app.globalAutoRecording !== "on") return [];
    const live = liveRecordedRooms(app);
    if (!live.anyRecorded) return [];
    const what = live.roomsDeclared
      ? `Live records ${live.names.length === 1 ? "room" : "rooms"} ${live.names.map((n) => `"${n}"`).join(", ")}`
      : "Full Room Recording is on (no room declared: taken as recording the app's Live rooms, our reading)";
    return [
      {
        message: `Global Auto-Recording is declared on for SDKAppID ${app.sdkAppId} while ${what}: the same audio and video may be recorded twice, resulting in extra charges.`,
      },
    ];
  },
};
