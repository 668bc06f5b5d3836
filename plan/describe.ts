/**
 * How the desired state reads to people: the words shared by the summary (`npm start`) and the recording plan, so
 * both describe retention, what Live records (fixed), the VOD application, callbacks and rooms the same way.
 */
import { formatRetention, isStorageConfigured, liveRoomOf } from "../lib/desired-state";
import type { DesiredApp, DesiredRoom, RetentionSpec, Severity } from "../lib/desired-state";
import { LIVE_RECORDING_FORMAT, MAX_FILE_DURATION_MINUTES, RESUME_WAIT_SECONDS } from "../lib/limits";
import { RoomRecordingDecision, decideRoomRecording } from "../lib/room-scope";

/** "90 days", "1 day", "forever", or "none" when no Save Duration is set. */
export function describeRetention(retention: RetentionSpec | null): string {
  return retention === null ? "none" : formatRetention(retention);
}

/**
 * What Live records, as the guide states it: fixed by Tencent, the same for every app, not configuration (nothing in
 * this package changes it; `ManualRecording` is TRTC Cloud Recording's configurable request).
 */
export const LIVE_RECORDING_FACTS: readonly string[] = [
  `${LIVE_RECORDING_FORMAT} files (Recording File Format)`,
  "the entire session from room creation to dissolution; starting or stopping recording mid-session is not supported",
  `at most ${MAX_FILE_DURATION_MINUTES} minutes a file: if exceeded, recording is interrupted, and Resume Recording waits ${RESUME_WAIT_SECONDS} seconds before restarting`,
  "video live: single-stream of the host's audio and video in single-host rooms; one mixed-stream file of all hosts in multi-host rooms",
  "voice chat rooms: recording is not supported by default; to enable it, contact Tencent (Contact Us)",
  "stored only to VOD (standard storage of its Media Asset Management)",
];

/** What to know before and when changing the console's Room Recording. */
export const CONSOLE_NOTES: readonly string[] = [
  "Room Recording can be configured only once Video on Demand (VOD) is activated: if it is not, Configure Now prompts to enable VOD first",
  "a console change (Full Room Recording, VOD Application, Save Duration) applies to rooms created after it; rooms already live keep what was decided when they were created (our reading of \"starting or stopping recording mid-session is not supported\")",
  "Save Duration: the guide does not list the console's options or its unit; the declared retention (whole days, or forever) is what to set, and this package refuses no value the guide allows",
];

/** Under the plan's room table: how `isUnlimitedRoomEnabled` defaults, which the guide's table leaves ambiguous. */
export const ROOM_DEFAULTS_READING =
  "Created with: unsent, isUnlimitedRoomEnabled takes the guide's template default with the client SDK (true for the " +
  "five video templates, false for Karaoke and AudioSalon) and false with the REST create_room (our reading: the " +
  "guide's table is the client SDK's; the REST API documents false)";

/** One declared callback endpoint: its URL and whether a signing key source is declared (never the key or its name). */
export interface CallbackEndpoint {
  readonly kind: "vodEvents" | "trtcRecording" | "liveWebhook";
  /** "VOD events", "TRTC recording", "Live webhook". */
  readonly label: string;
  readonly url: string;
  readonly signed: boolean;
}

export const CALLBACK_LABELS: Readonly<Record<CallbackEndpoint["kind"], string>> = {
  vodEvents: "VOD events",
  trtcRecording: "TRTC recording",
  liveWebhook: "Live webhook",
};

/** "VOD https://... (signed)". */
export function describeCallback(endpoint: Pick<CallbackEndpoint, "label" | "url" | "signed">): string {
  return `${endpoint.label} ${endpoint.url}${endpoint.signed ? " (signed)" : ""}`;
}

/** What Live does with a declared room of this app: `decideRoomRecording` with the app's console settings. */
export function decideDeclaredRoom(app: DesiredApp, room: DesiredRoom): RoomRecordingDecision {
  return decideRoomRecording(liveRoomOf(room), { fullRoomRecording: app.fullRoomRecording, storageConfigured: isStorageConfigured(app) });
}

/** The tag a finding gets in text output: "ACK", "ERROR", "WARN" or "INFO". */
export function findingTag(f: { readonly severity: Severity; readonly acknowledged: boolean }): string {
  if (f.acknowledged) return "ACK";
  return f.severity === "error" ? "ERROR" : f.severity === "warning" ? "WARN" : "INFO";
}
