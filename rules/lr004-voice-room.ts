import { liveRoomOf } from "../lib/desired-state";
import { decideRoomRecording } from "../lib/room-scope";
import { Rule } from "./rule";

/** A voice room (Karaoke, AudioSalon) expected to be recorded, which Live does not do by default. */
export const VoiceRoomNotRecorded: Rule = {
  id: "LR004",
  name: "VoiceRoomNotRecorded",
  severity: "warning",
  explanation:
    "Voice chat rooms (Karaoke, AudioSalon) have isUnlimitedRoomEnabled false by default, and Live records only rooms " +
    "where it is true: they are not recorded unless Tencent enables it for the app.",
  fix: "Contact Tencent to enable voice-room recording and create those rooms with isUnlimitedRoomEnabled: true, or set expectRecorded: false.",
  evaluate: (app) =>
    app.rooms
      .filter((r) => r.expectRecorded && (r.seatTemplate === "Karaoke" || r.seatTemplate === "AudioSalon"))
      .filter(
        (r) =>
          !decideRoomRecording(liveRoomOf(r), { fullRoomRecording: app.fullRoomRecording, storageConfigured: true }).recorded,
      )
      .map((r) => ({ message: `Room "${r.name}" (${r.seatTemplate}) is expected to be recorded, but voice rooms are not recorded by default.` })),
};
