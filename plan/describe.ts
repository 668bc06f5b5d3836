/**
 * How the desired state reads to people: the words shared by the summary (`npm start`) and the recording plan, so
 * both describe retention, the recording template, the VOD application, callbacks and rooms the same way.
 */
import { formatRetention, isStorageConfigured, liveRoomOf } from "../lib/desired-state";
import type { DesiredApp, DesiredCallbacks, DesiredRoom, DesiredVodApplication, RecordingSettingsData, RetentionSpecData } from "../lib/desired-state";
import { RoomRecordingDecision, decideRoomRecording } from "../lib/room-scope";

/** "90 days", "1 day", "forever", or "none" when no Save Duration is set. */
export function describeRetention(retention: RetentionSpecData | null): string {
  return retention === null ? "none" : formatRetention(retention);
}

/** The recording mode in words. */
export function describeRecordingMode(mode: RecordingSettingsData["mode"]): string {
  switch (mode) {
    case "as-live":
      return "single-stream with one host, one mixed-stream file with several";
    case "single-stream":
      return "single-stream: every host to its own file";
    case "mixed-stream":
      return "mixed-stream: all hosts into one file";
  }
}

/** File limits: the longest file and the gap before recording resumes in a new file. */
export function describeFileLimits(recording: RecordingSettingsData): string {
  return `files up to ${recording.maxFileDurationMinutes} min, resumed after ${recording.resumeWaitSeconds} s`;
}

/** "live-recording-production (managed by Terraform)", "(existing, SubAppId 123)", or "none". */
export function describeVodApplication(vod: DesiredVodApplication | null): string {
  if (vod === null) return "none";
  const name = vod.name ?? "(name known at deploy)";
  return vod.managed ? `${name} (managed by Terraform)` : `${name} (existing, SubAppId ${vod.subAppId ?? "known at deploy"})`;
}

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

/** The declared callback endpoints, in a fixed order. */
export function callbackEndpoints(callbacks: DesiredCallbacks): CallbackEndpoint[] {
  const out: CallbackEndpoint[] = [];
  if (callbacks.vodEvents) out.push({ kind: "vodEvents", label: CALLBACK_LABELS.vodEvents, url: callbacks.vodEvents.url, signed: callbacks.vodEvents.signKey !== null });
  if (callbacks.trtcRecording) {
    out.push({ kind: "trtcRecording", label: CALLBACK_LABELS.trtcRecording, url: callbacks.trtcRecording.url, signed: callbacks.trtcRecording.key !== null });
  }
  if (callbacks.liveWebhook) out.push({ kind: "liveWebhook", label: CALLBACK_LABELS.liveWebhook, url: callbacks.liveWebhook.url, signed: callbacks.liveWebhook.token !== null });
  return out;
}

/** "VOD https://... (signed)". */
export function describeCallback(endpoint: Pick<CallbackEndpoint, "label" | "url" | "signed">): string {
  return `${endpoint.label} ${endpoint.url}${endpoint.signed ? " (signed)" : ""}`;
}

/** What Live does with a declared room of this app: `decideRoomRecording` with the app's console settings. */
export function decideDeclaredRoom(app: DesiredApp, room: DesiredRoom): RoomRecordingDecision {
  return decideRoomRecording(liveRoomOf(room), { fullRoomRecording: app.fullRoomRecording, storageConfigured: isStorageConfigured(app) });
}

/** The tag a finding gets in text output: "ACK", "ERROR", "WARN" or "INFO". */
export function findingTag(f: { readonly severity: "error" | "warning" | "info"; readonly acknowledged: boolean }): string {
  if (f.acknowledged) return "ACK";
  return f.severity === "error" ? "ERROR" : f.severity === "warning" ? "WARN" : "INFO";
}
