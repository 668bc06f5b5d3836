/**
 * What turning TRTC Global Auto-Recording off means, in one place. Every text of this package that proposes turning
 * it off (guided console instructions, post-deploy reports, the README) says what else that stops, and names the
 * guide's alternatives. No dependency: the constructs, the rules, the plan and the post-deploy step all use it.
 *
 * Facts from Tencent's "Live Recording" guide: Global Auto-Recording records every TRTC room of the SDKAppID (rooms
 * created via TUICallKit, Live, TUIRoomKit and the TRTC SDK), each host to its own file; it and Live recording are
 * independent and can both be on. Live records only Live rooms in scope, and never a room created with
 * `IsCloudRecordEnabled: false`; voice rooms (Karaoke, AudioSalon) are not in Live's scope by default.
 */

/** What Global Auto-Recording records besides the Live rooms (guide: every TRTC room of the SDKAppID). */
export const GLOBAL_AUTO_RECORDING_ALSO_RECORDS =
  "every TRTC room of the SDKAppID: TUICallKit calls, TUIRoomKit conferences, plain TRTC SDK rooms and voice rooms";

/** What else stops when Global Auto-Recording is turned off for an SDKAppID. */
export const GLOBAL_AUTO_RECORDING_OFF_STOPS =
  "turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID, not only the Live rooms: " +
  "TUICallKit calls, TUIRoomKit conferences, rooms of plain TRTC SDK integrations, voice rooms (Karaoke, AudioSalon) " +
  "and Live rooms created with IsCloudRecordEnabled false are no longer recorded, unless something else records them " +
  "(TRTC Manual Recording)";

/**
 * The options the guide leaves when Global Auto-Recording records rooms that Live recording does not (the guide:
 * "use Live recording first; if it does not meet your needs, see TRTC Manual Recording"; Global Auto-Recording is
 * set per SDKAppID, hence the third, labelled as this package's reading in the text itself).
 */
export const GLOBAL_AUTO_RECORDING_OPTIONS: readonly string[] = [
  "keep Global Auto-Recording on and acknowledge rule LR001 with a written reason (the Live rooms are then recorded and billed twice)",
  "record those rooms with TRTC Manual Recording (CreateCloudRecording, started by your server for each room), then turn Global Auto-Recording off",
  "separate SDKAppIDs (our reading, not the guide's words: Global Auto-Recording is set per SDKAppID, so rooms that need it can live in an app of their own)",
];

/** The property of `LiveRecording` that accepts stopping those recordings, for messages. */
export const ACCEPT_STOPPING_PROP = "acceptStoppingOtherRecordings";
