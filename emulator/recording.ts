/**
 * The seed's recording rules, as pure functions (TRTC "Live Recording" page, reference [Seed]).
 *
 * Live records a room only when ALL hold:
 *  1. the room was created via Live;
 *  2. its effective `IsUnlimitedRoomEnabled` is true (unsent: with the client SDK the template's default, true for the
 *     five video templates and false for Karaoke and AudioSalon; with the REST create_room, false);
 *  3. `IsCloudRecordEnabled` is true, or it is unset and the console's Full Room Recording is on
 *     (false never records, even with Full Room Recording on);
 *  4. the console's Live Room Recording has a VOD application and a save duration.
 * Single host → single-stream recording of that host; several hosts → one mixed-stream file. MP4; at 1440 minutes a
 * file's recording is interrupted and Resume Recording waits 30 seconds before restarting.
 * Everything is decided when the room is created, from the console then, and holds for the whole session.
 *
 * Independently, TRTC Global Auto-Recording (console, per SDKAppID) records every host of every TRTC room (Live or
 * not) to its own file: the double recording the seed warns about.
 */
import type { GlobalAutoRecordingSetting, LiveRoomRecordingSetting } from "../lib/console-state";
import type { ConsoleRecord, RoomRecordingDecisionRecord } from "./state";
import { MAX_FILE_DURATION_MINUTES, RESUME_WAIT_SECONDS } from "../lib/limits";
import {
  DEFAULT_UNLIMITED_ROOM_ENABLED,
  RoomCreationMethod,
  SEAT_TEMPLATES,
  SeatTemplate,
  decideRoomRecording,
  effectiveUnlimitedRoomEnabled,
  isVoiceRoomTemplate,
} from "../lib/room-scope";

// The rules live in one place, the package's room-scope function (tested over every combination of the seed's
// tables); the emulator plays them out.
export { SEAT_TEMPLATES };
export type { SeatTemplate };
/** Default `IsUnlimitedRoomEnabled` per template, from the seed's table. */
export const DEFAULT_UNLIMITED_ROOM = DEFAULT_UNLIMITED_ROOM_ENABLED;

export function isSeatTemplate(v: unknown): v is SeatTemplate {
  return typeof v === "string" && (SEAT_TEMPLATES as readonly string[]).includes(v);
}

/** Voice-room templates (recorded as audio). */
export const isVoiceTemplate = isVoiceRoomTemplate;

/** Facts about one room session that decide whether Live records it. */
export interface LiveRecordingInput {
  /** Created through Live (REST create_room or TUILiveKit), as opposed to a plain TRTC room. */
  readonly createdViaLive: boolean;
  /** Absent for rooms not created via Live. */
  readonly seatTemplate?: SeatTemplate;
  /** REST create_room or the client SDK (admin simulations). @default "client-sdk" */
  readonly createdWith?: RoomCreationMethod;
  /** As set at creation; absent = the default of `createdWith`. */
  readonly isUnlimitedRoomEnabled?: boolean;
  /** Tri-state as set at creation: absent = follow Full Room Recording. */
  readonly isCloudRecordEnabled?: boolean;
  /** Console > Live Configuration > Room Recording. */
  readonly liveRoomRecording: LiveRoomRecordingSetting;
}

export type LiveRecordingDecision =
  | {
      readonly recorded: true;
      readonly reason: string;
      readonly vodSubAppId: number;
      readonly saveDurationSeconds: number;
    }
  | { readonly recorded: false; readonly reason: string };

/** Whether Live records a room session, and why, exactly as the seed's rules say (via `decideRoomRecording`). */
export function decideLiveRecording(input: LiveRecordingInput): LiveRecordingDecision {
  const rr = input.liveRoomRecording;
  const decision = decideRoomRecording(
    {
      seatTemplate: input.seatTemplate ?? "VideoDynamicGrid9Seats",
      createdViaLive: input.createdViaLive && input.seatTemplate !== undefined,
      createdWith: input.createdWith,
      isUnlimitedRoomEnabled: input.isUnlimitedRoomEnabled,
      isCloudRecordEnabled: input.isCloudRecordEnabled,
    },
    { fullRoomRecording: rr.fullRoomRecording, storageConfigured: rr.vodSubAppId !== undefined && rr.saveDurationSeconds !== undefined },
  );
  if (!decision.recorded || rr.vodSubAppId === undefined || rr.saveDurationSeconds === undefined) {
    if (decision.reason !== "storage-not-configured") return { recorded: false, reason: decision.explanation };
    const missing = [rr.vodSubAppId === undefined ? "VOD Application" : "", rr.saveDurationSeconds === undefined ? "Save Duration" : ""]
      .filter(Boolean)
      .join(" and ");
    return { recorded: false, reason: `${decision.explanation} (missing: ${missing})` };
  }
  return { recorded: true, reason: decision.explanation, vodSubAppId: rr.vodSubAppId, saveDurationSeconds: rr.saveDurationSeconds };
}

export type GlobalAutoRecordingDecision =
  | {
      readonly recorded: true;
      readonly reason: string;
      /** null = the primary VOD application. */
      readonly vodSubAppId: number | null;
      /** 0 = keep forever. */
      readonly storageSeconds: number;
    }
  | { readonly recorded: false; readonly reason: string };

/**
 * Whether Global Auto-Recording records the hosts of a room (any TRTC room, Live or not). Its VOD application is
 * the template's, else Live Room Recording's, else the primary application; its storage period is the template's,
 * else forever (TencentVod.ExpireTime's default).
 */
export function decideGlobalAutoRecording(
  gar: GlobalAutoRecordingSetting,
  liveRoomRecording: LiveRoomRecordingSetting,
): GlobalAutoRecordingDecision {
  if (!gar.enabled) return { recorded: false, reason: "Global Auto-Recording was off when the room was created" };
  return {
    recorded: true,
    reason: "Global Auto-Recording was on when the room was created: every host is recorded separately",
    vodSubAppId: gar.vodSubAppId ?? liveRoomRecording.vodSubAppId ?? null,
    storageSeconds: gar.storageSeconds ?? 0,
  };
}

/** The `IsUnlimitedRoomEnabled` that applies to a Live room (as sent, else the default of how it was created). */
export function effectiveUnlimited(seatTemplate: SeatTemplate, createdWith: RoomCreationMethod | undefined, sent: boolean | undefined): boolean {
  return effectiveUnlimitedRoomEnabled({ seatTemplate, createdWith, isUnlimitedRoomEnabled: sent });
}

/** A room as it is created: what decides whether it is recorded. */
export interface RoomAtCreation {
  readonly createdViaLive: boolean;
  readonly seatTemplate?: SeatTemplate;
  readonly createdWith?: RoomCreationMethod;
  readonly isUnlimitedRoomEnabled?: boolean;
  readonly isCloudRecordEnabled?: boolean;
}

/**
 * Live's and Global Auto-Recording's decisions for a room, from the console in force when it is created (`console`,
 * at `atMs`). The session is then recorded whole, or not at all, whatever the console does meanwhile.
 */
export function decideAtCreation(room: RoomAtCreation, console: ConsoleRecord, atMs: number): RoomRecordingDecisionRecord {
  const live = decideLiveRecording({ ...room, liveRoomRecording: console.liveRoomRecording });
  const gar = decideGlobalAutoRecording(console.globalAutoRecording, console.liveRoomRecording);
  return { decidedAtMs: atMs, live, globalAutoRecording: gar };
}

/** Maximum length of one recorded file (the seed's 1440 minutes). */
export const MAX_FILE_SECONDS = MAX_FILE_DURATION_MINUTES * 60;
/** Seconds Resume Recording waits before restarting after a file reaches the limit (the seed's 30 seconds). */
export const RESUME_GAP_SECONDS = RESUME_WAIT_SECONDS;

export interface FileSegment {
  /** Seconds from the session start. */
  readonly offsetSeconds: number;
  readonly durationSeconds: number;
}

/**
 * Cuts a recording of `durationSeconds` into files of at most `maxFileSeconds`; after each, recording is interrupted and
 * restarts `gapSeconds` later (nothing is recorded during that wait).
 */
export function splitRecording(durationSeconds: number, maxFileSeconds = MAX_FILE_SECONDS, gapSeconds = RESUME_GAP_SECONDS): FileSegment[] {
  const out: FileSegment[] = [];
  let offset = 0;
  while (offset < durationSeconds) {
    const len = Math.min(maxFileSeconds, durationSeconds - offset);
    out.push({ offsetSeconds: offset, durationSeconds: len });
    offset += len + gapSeconds;
  }
  return out;
}
