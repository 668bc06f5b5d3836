/**
 * Which Live rooms are recorded, and how: the rules of Tencent RTC's "Live Recording" guide as one function.
 *
 * A room is recorded only when all of these hold (guide, "Application Scope" and "Step 2"):
 *  1. it was created through Live (TUILiveKit / the Live REST API);
 *  2. its `isUnlimitedRoomEnabled` is true (the default depends on how the room is created, see below);
 *  3. `IsCloudRecordEnabled` is true, or it is empty and Full Room Recording is on for the SDKAppID;
 *  4. the SDKAppID's Room Recording has a VOD application and a Save Duration.
 * Video rooms with one host are recorded single-stream; with several hosts, as one mixed-stream file.
 *
 * Defaults of `isUnlimitedRoomEnabled`: the guide's table gives them per room template, in the client SDK's spelling
 * (`.videoDynamicGrid9Seats` ...): this package applies that table to rooms created with the client SDK. The REST
 * `create_room` documents its own default, false, whatever the template (reference §5.2): a REST-created room that
 * does not send the flag is not recorded. (Our reading: the guide's table is the client SDK's.)
 *
 * Voice rooms (Karaoke, AudioSalon): "recording is not supported by default. To enable, please Contact Us." A voice
 * room created with `isUnlimitedRoomEnabled: true` is decided as recorded, but only with that caveat: Tencent must
 * have enabled voice-room recording for the app, which nothing here can check (our reading: the guide does not say
 * what its enablement changes, so the flag is taken as the room's side of it).
 *
 * The decision is taken when the room is created, from the console settings then ("starting or stopping recording
 * mid-session is not supported"): a console change applies to rooms created after it (our reading).
 */

import { checkBoolean, checkKnownKeys, checkObject, fail, keysOf, validateCall } from "./validation-core";

/** Seat templates, by their REST `SeatTemplate` names. */
export const SEAT_TEMPLATES = [
  "VideoDynamicGrid9Seats",
  "VideoDynamicFloat7Seats",
  "VideoFixedGrid9Seats",
  "VideoFixedFloat7Seats",
  "VideoLandscape4Seats",
  "Karaoke",
  "AudioSalon",
] as const;
export type SeatTemplate = (typeof SEAT_TEMPLATES)[number];

/** Voice-room templates: `isUnlimitedRoomEnabled` defaults to false, so Live does not record them by default. */
export const VOICE_ROOM_TEMPLATES: readonly SeatTemplate[] = ["Karaoke", "AudioSalon"];

/** Default `isUnlimitedRoomEnabled` per template for rooms created with the client SDK (guide, "Application Scope" table). */
export const DEFAULT_UNLIMITED_ROOM_ENABLED: Readonly<Record<SeatTemplate, boolean>> = {
  VideoDynamicGrid9Seats: true,
  VideoDynamicFloat7Seats: true,
  VideoFixedGrid9Seats: true,
  VideoFixedFloat7Seats: true,
  VideoLandscape4Seats: true,
  Karaoke: false,
  AudioSalon: false,
};

/** Default `IsUnlimitedRoomEnabled` of the REST `create_room` (reference §5.2: "default false at the REST level"). */
export const REST_DEFAULT_UNLIMITED_ROOM_ENABLED = false;

/** How an app creates a kind of room: with the client SDK (TUILiveKit), or with the REST `create_room`. */
export const ROOM_CREATION_METHODS = ["client-sdk", "rest-api"] as const;
export type RoomCreationMethod = (typeof ROOM_CREATION_METHODS)[number];

/** What the guide says of voice rooms, as the caveat of a voice room planned as recorded. */
export const VOICE_ROOM_CAVEAT =
  "voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded";

/** Client SDK spellings (`.videoDynamicGrid9Seats`, `.karaoke`; the guide also writes `.videoLandscape4Seat`). */
const CLIENT_NAMES: Readonly<Record<string, SeatTemplate>> = Object.fromEntries([
  ...SEAT_TEMPLATES.map((t) => [t.charAt(0).toLowerCase() + t.slice(1), t] as const),
  ["videoLandscape4Seat", "VideoLandscape4Seats"] as const,
]);

/** Reads a seat template in its REST (`VideoDynamicGrid9Seats`) or client (`.videoDynamicGrid9Seats`) spelling. */
export function parseSeatTemplate(name: string): SeatTemplate | undefined {
  const bare = name.startsWith(".") ? name.slice(1) : name;
  if ((SEAT_TEMPLATES as readonly string[]).includes(bare)) return bare as SeatTemplate;
  return CLIENT_NAMES[bare];
}

export function isVoiceRoomTemplate(template: SeatTemplate): boolean {
  return VOICE_ROOM_TEMPLATES.includes(template);
}

/** A room as the app creates it. */
export interface LiveRoom {
  /** `SeatTemplate` of the room. */
  readonly seatTemplate: SeatTemplate;
  /**
   * How the room is created: the default of `isUnlimitedRoomEnabled` depends on it.
   * @default "client-sdk" - the guide's template table applies
   */
  readonly createdWith?: RoomCreationMethod;
  /** `isUnlimitedRoomEnabled` as sent at creation. @default - the default of `createdWith` */
  readonly isUnlimitedRoomEnabled?: boolean;
  /** `IsCloudRecordEnabled` as sent at creation: true, false, or unset (follow Full Room Recording). @default - unset */
  readonly isCloudRecordEnabled?: boolean;
  /** Hosts on seats; decides single- vs mixed-stream. @default - unknown: one host single-stream, several mixed */
  readonly hostCount?: number;
  /** Whether the room was created through Live. Rooms of TUICallKit, TUIRoomKit or the bare TRTC SDK are not. @default true */
  readonly createdViaLive?: boolean;
}

/** The SDKAppID's console Room Recording settings when the room is created. */
export interface RoomRecordingSettings {
  /** "Full Room Recording" switch. */
  readonly fullRoomRecording: boolean;
  /** Whether both "VOD Application" and "Save Duration" are configured. */
  readonly storageConfigured: boolean;
}

/** Why a room is or is not recorded; stable codes for machines, `explanation` for people. */
export type RoomScopeReason =
  | "not-created-via-live"
  /** `isUnlimitedRoomEnabled` explicitly false. */
  | "unlimited-room-disabled"
  /** A voice template without `isUnlimitedRoomEnabled`: the client SDK's default is false ("not supported by default"). */
  | "voice-room-default"
  /** A REST-created room without `IsUnlimitedRoomEnabled`: the REST default is false. */
  | "rest-api-default"
  | "cloud-record-disabled-for-room"
  | "full-room-recording-off"
  | "storage-not-configured"
  | "cloud-record-enabled-for-room"
  | "full-room-recording-on";

/**
 * TRTC cloud recording's two modes (`RecordParams.RecordMode` 1 and 2): each host's own stream, or all hosts mixed into
 * one. What Live records in a room is one of them (one host: single-stream; several: one mixed stream), and
 * `ManualRecording` chooses one.
 */
export const RECORDING_MODES = ["single-stream", "mixed-stream"] as const;
export type RecordedContent = (typeof RECORDING_MODES)[number];

export interface RoomRecordingDecision {
  readonly recorded: boolean;
  /** What Live records: known when `hostCount` is, else both cases are listed in `explanation`. */
  readonly content?: RecordedContent;
  readonly reason: RoomScopeReason;
  readonly explanation: string;
  /** The `isUnlimitedRoomEnabled` value that applied (given, or the default of how the room is created). */
  readonly effectiveUnlimitedRoomEnabled: boolean;
  /**
   * What must also hold, outside this package's sight, for the decision to come true: set for voice rooms planned as
   * recorded (Tencent's enablement, {@link VOICE_ROOM_CAVEAT}).
   */
  readonly caveat?: string;
}

/** The `isUnlimitedRoomEnabled` a room gets when it does not send it. */
export function defaultUnlimitedRoomEnabled(template: SeatTemplate, createdWith: RoomCreationMethod = "client-sdk"): boolean {
  return createdWith === "rest-api" ? REST_DEFAULT_UNLIMITED_ROOM_ENABLED : DEFAULT_UNLIMITED_ROOM_ENABLED[template];
}

/** The `isUnlimitedRoomEnabled` that applies to a room: as sent, else the default of how it is created. */
export function effectiveUnlimitedRoomEnabled(room: Pick<LiveRoom, "seatTemplate" | "createdWith" | "isUnlimitedRoomEnabled">): boolean {
  return room.isUnlimitedRoomEnabled ?? defaultUnlimitedRoomEnabled(room.seatTemplate, room.createdWith);
}

/**
 * Decides whether Live records a room, what it records and why, from the console settings when the room is created.
 * Pure; covers every combination of the guide's tables and of the two ways of creating a room.
 */
export function decideRoomRecording(room: LiveRoom, settings: RoomRecordingSettings): RoomRecordingDecision {
  validateCall("decideRoomRecording", () => checkRoomAndSettings(room, settings));
  const unlimited = effectiveUnlimitedRoomEnabled(room);
  const voice = isVoiceRoomTemplate(room.seatTemplate);
  const no = (reason: RoomScopeReason, explanation: string): RoomRecordingDecision => ({
    recorded: false,
    reason,
    explanation,
    effectiveUnlimitedRoomEnabled: unlimited,
  });

  if (room.createdViaLive === false) {
    return no("not-created-via-live", "Live records only rooms created through Live; TRTC Global Auto-Recording or manual recording would be needed");
  }
  if (!unlimited) {
    if (room.isUnlimitedRoomEnabled === false) return no("unlimited-room-disabled", "isUnlimitedRoomEnabled is false");
    if (room.createdWith === "rest-api") {
      return no(
        "rest-api-default",
        "created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true)",
      );
    }
    return no(
      "voice-room-default",
      `isUnlimitedRoomEnabled defaults to false for ${room.seatTemplate} (voice rooms are not recorded by default; Tencent must enable it)`,
    );
  }
  if (room.isCloudRecordEnabled === false) {
    return no("cloud-record-disabled-for-room", "IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on");
  }
  if (room.isCloudRecordEnabled === undefined && !settings.fullRoomRecording) {
    return no("full-room-recording-off", "IsCloudRecordEnabled is empty and Full Room Recording is off");
  }
  if (!settings.storageConfigured) {
    return no("storage-not-configured", "Room Recording has no VOD application or no Save Duration, so recording cannot be enabled");
  }

  const reason: RoomScopeReason = room.isCloudRecordEnabled === true ? "cloud-record-enabled-for-room" : "full-room-recording-on";
  const because =
    reason === "cloud-record-enabled-for-room"
      ? "IsCloudRecordEnabled is true (regardless of Full Room Recording)"
      : "IsCloudRecordEnabled is empty and Full Room Recording is on";
  const content: RecordedContent | undefined =
    room.hostCount === undefined ? undefined : room.hostCount > 1 ? "mixed-stream" : "single-stream";
  const what =
    content === undefined
      ? "single-stream with one host, one mixed-stream file with several hosts"
      : content === "mixed-stream"
        ? `one mixed-stream file of the ${room.hostCount} hosts`
        : "single-stream of the host";
  const caveat = voice ? VOICE_ROOM_CAVEAT : undefined;
  return {
    recorded: true,
    content,
    reason,
    explanation: `recorded as ${what}: ${because}${caveat ? ` (${caveat})` : ""}`,
    effectiveUnlimitedRoomEnabled: unlimited,
    ...(caveat ? { caveat } : {}),
  };
}

const LIVE_ROOM_KEYS = keysOf<LiveRoom>()({ seatTemplate: true, createdWith: true, isUnlimitedRoomEnabled: true, isCloudRecordEnabled: true, hostCount: true, createdViaLive: true });
const SETTINGS_KEYS = keysOf<RoomRecordingSettings>()({ fullRoomRecording: true, storageConfigured: true });

/** The public function's input, as plain JavaScript may give it. */
function checkRoomAndSettings(room: unknown, settings: unknown): void {
  checkObject("room", room, "a LiveRoom object");
  checkKnownKeys(room as object, LIVE_ROOM_KEYS, "LiveRoom", "room.");
  const r = room as Record<string, unknown>;
  if (!(SEAT_TEMPLATES as readonly unknown[]).includes(r.seatTemplate)) fail("room.seatTemplate", `one of ${SEAT_TEMPLATES.join(", ")}`, r.seatTemplate);
  if (r.createdWith !== undefined && !(ROOM_CREATION_METHODS as readonly unknown[]).includes(r.createdWith)) {
    fail("room.createdWith", `one of ${ROOM_CREATION_METHODS.map((m) => `"${m}"`).join(", ")}`, r.createdWith);
  }
  for (const key of ["isUnlimitedRoomEnabled", "isCloudRecordEnabled", "createdViaLive"] as const) if (r[key] !== undefined) checkBoolean(`room.${key}`, r[key]);
  if (r.hostCount !== undefined && (typeof r.hostCount !== "number" || !Number.isInteger(r.hostCount) || r.hostCount < 1)) fail("room.hostCount", "a whole number of at least 1", r.hostCount);
  checkObject("settings", settings, "a RoomRecordingSettings object");
  checkKnownKeys(settings as object, SETTINGS_KEYS, "RoomRecordingSettings", "settings.");
  checkBoolean("settings.fullRoomRecording", (settings as Record<string, unknown>).fullRoomRecording);
  checkBoolean("settings.storageConfigured", (settings as Record<string, unknown>).storageConfigured);
}
