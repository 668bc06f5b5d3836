import { isStorageConfigured, liveRoomOf } from "../lib/desired-state";
import { decideRoomRecording, isVoiceRoomTemplate } from "../lib/room-scope";
import { Rule, roomTarget } from "./rule";

/**
 * A voice room (Karaoke, AudioSalon) expected to be recorded: either it is not, and the finding names why (the
 * voice-room default, the REST default, isUnlimitedRoomEnabled or IsCloudRecordEnabled false, Full Room Recording), or
 * it is planned as recorded only if Tencent has enabled voice-room recording for the app.
 */
export const VoiceRoomNotRecorded: Rule = {
  id: "LR004",
  name: "VoiceRoomNotRecorded",
  severity: "warning",
  explanation:
    "The guide: \"Voice Chat Room: By default, isUnlimitedRoomEnabled is false, so recording is not supported. To enable, " +
    "please Contact Us.\" Live records a room only when isUnlimitedRoomEnabled is true and IsCloudRecordEnabled is true, " +
    "or empty with Full Room Recording on; and a voice room only once Tencent has enabled it, which no API shows.",
  fix:
    "For the cause named: ask Tencent to enable voice-room recording (Contact Us), create these rooms with " +
    "isUnlimitedRoomEnabled: true (and IsCloudRecordEnabled not false), then acknowledge LR004 with the ticket as reason; " +
    "or set expectRecorded: false.",
  findingTarget: "Room",
  evaluate: (app) =>
    app.rooms
      .filter((r) => r.expectRecorded && isVoiceRoomTemplate(r.seatTemplate))
      .map((r) => {
        const d = decideRoomRecording(liveRoomOf(r), { fullRoomRecording: app.fullRoomRecording, storageConfigured: isStorageConfigured(app) });
        return d.recorded
          ? {
              message: `Room "${r.name}" (${r.seatTemplate}) is planned as recorded only if Tencent has enabled voice-room recording for SDKAppID ${app.sdkAppId} (Contact Us): voice rooms are not recorded by default.`,
              target: roomTarget(r.name),
            }
          : { message: `Room "${r.name}" (${r.seatTemplate}) is expected to be recorded but is not: ${d.explanation}.`, target: roomTarget(r.name) };
      }),
};
