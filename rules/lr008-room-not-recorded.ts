import { liveRoomOf } from "../lib/desired-state";
import { decideRoomRecording, isVoiceRoomTemplate } from "../lib/room-scope";
import { Rule, roomTarget } from "./rule";

/** A video room expected to be recorded that Live will not record as declared. */
export const ExpectedRoomNotRecorded: Rule = {
  id: "LR008",
  name: "ExpectedRoomNotRecorded",
  severity: "warning",
  explanation:
    "Live records a room only if isUnlimitedRoomEnabled is true (unsent, it is the template's default with the client " +
    "SDK, and false with the REST create_room) and IsCloudRecordEnabled is true, or empty with Full Room Recording on; " +
    "IsCloudRecordEnabled=false wins over Full Room Recording.",
  fix:
    "For the cause named: send isUnlimitedRoomEnabled: true (REST create_room), create the room with IsCloudRecordEnabled: " +
    "true (or leave it empty and turn Full Room Recording on), or set expectRecorded: false.",
  findingTarget: "Room",
  evaluate: (app) =>
    app.rooms
      .filter((r) => r.expectRecorded && !isVoiceRoomTemplate(r.seatTemplate))
      .map((r) => ({
        room: r,
        decision: decideRoomRecording(
          liveRoomOf(r),
          // Storage is required by the LiveRecording's constructor whenever recording is wanted; here only the room counts.
          { fullRoomRecording: app.fullRoomRecording, storageConfigured: true },
        ),
      }))
      .filter(({ decision }) => !decision.recorded)
      .map(({ room, decision }) => ({
        message: `Room "${room.name}" (${room.seatTemplate}) is expected to be recorded but is not: ${decision.explanation}.`,
        target: roomTarget(room.name),
      })),
};
