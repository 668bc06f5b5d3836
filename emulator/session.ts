/**
 * Simulated room sessions: what Live recording and Global Auto-Recording produce when a room's session ends.
 *
 * Whether a room is recorded is decided when it is created, from the console in force then (the console history):
 * a REST room keeps the decision `create_room` took; a room an admin simulation creates is decided at the session's
 * start (`endedAt` − `minutes`). The session is then recorded whole, or not at all.
 *
 * `applySession` changes the state at once (tasks, VOD media, usage) and returns the report plus the callbacks
 * that would be sent; the caller delivers them (awaited for admin simulations, in the background for destroy_room).
 */
import type { CallbackDelivery, OutboundCallback } from "./deliver";
import type { EmulatorContext } from "./context";
import { NEVER_EXPIRES, isoSeconds } from "./params";
import { consoleAt } from "./console-history";
import { DEFAULT_UNLIMITED_ROOM, SeatTemplate, decideAtCreation, effectiveUnlimited, isSeatTemplate, isVoiceTemplate, splitRecording } from "./recording";
import { LiveRoomRecord, MediaRecord, RoomRecordingDecisionRecord, TaskOrigin, USAGE_KEYS, UsageKey } from "./state";
import { newTaskId } from "./trtc";
import { addMedia, canStoreInto, nextFileId } from "./vod";
import { liveRoomInfo, liveWebhook, trtcCallback, vodNewFileUpload } from "./outbound";

/** Video resolutions a simulated session records in (the usage classes but Audio, which voice rooms record). */
export const RESOLUTIONS: readonly Resolution[] = USAGE_KEYS.filter((k): k is Exclude<UsageKey, "Audio"> => k !== "Audio");
export type Resolution = Exclude<UsageKey, "Audio">;

/** An admin "simulate a session" request. */
export interface SimulateSessionInput {
  readonly sdkAppId: number;
  readonly roomId: string;
  /** `live` (default): a room created via Live. `trtc`: a plain TRTC room (SDK, TUICallKit…), which only Global Auto-Recording records. */
  readonly roomKind?: "live" | "trtc";
  /** Required for a Live room that does not exist yet; an existing Live room (created by REST) keeps its own. */
  readonly seatTemplate?: SeatTemplate;
  /**
   * How the Live room is created: `client-sdk` (TUILiveKit, the guide's template defaults) or `rest-api` (the REST
   * create_room, whose IsUnlimitedRoomEnabled defaults to false). Ignored for an existing room, which keeps its own.
   * @default "client-sdk"
   */
  readonly createdWith?: "client-sdk" | "rest-api";
  /** Absent = the default of `createdWith`. */
  readonly isUnlimitedRoomEnabled?: boolean;
  /** Tri-state: absent = follow Full Room Recording. */
  readonly isCloudRecordEnabled?: boolean;
  /** Hosts (anchors) publishing during the session; at least one. */
  readonly hosts: readonly string[];
  /** Session length in minutes (fractions allowed). */
  readonly minutes: number;
  /** Video resolution class for usage and metadata. @default "HD" (voice templates are counted as Audio) */
  readonly resolution?: Resolution;
  /**
   * End of the session, ISO 8601 or epoch milliseconds. The room is created `minutes` earlier, and decided from the
   * console in force then (a console change made during the session does not change it).
   * @default - the emulator's now
   */
  readonly endedAt?: string | number;
}

export interface RecordingTaskReport {
  readonly taskId: string;
  readonly origin: Exclude<TaskOrigin, "api">;
  readonly recordMode: "single" | "mixed";
  /** Recorded hosts (one for single-stream). */
  readonly userIds: readonly string[];
  /** The recording robot. */
  readonly robotUserId: string;
  /** null = the primary VOD application. */
  readonly vodSubAppId: number | null;
  /** Usage class in DescribeRecordingUsage. */
  readonly mixType: "single" | "multi";
  readonly usageKey: UsageKey;
  readonly minutes: number;
  readonly fileIds: readonly string[];
}

export interface RecordedFileReport {
  /** Empty when the file could not be stored (see `error`). */
  readonly fileId: string;
  readonly taskId: string;
  readonly origin: Exclude<TaskOrigin, "api">;
  readonly vodSubAppId: number | null;
  readonly userIds: readonly string[];
  readonly durationSeconds: number;
  readonly createTime: string;
  readonly expireTime: string;
  readonly stored: boolean;
  readonly error?: string;
}

export interface SessionReport {
  readonly sdkAppId: number;
  readonly roomId: string;
  readonly roomKind: "live" | "trtc";
  readonly seatTemplate?: SeatTemplate;
  /** How the Live room was created (absent for plain TRTC rooms). */
  readonly createdWith?: "client-sdk" | "rest-api";
  readonly hosts: readonly string[];
  /** When the room was created and its recording decided (ISO 8601). */
  readonly decidedAt: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly durationSeconds: number;
  /** Whether Live recorded the room, with the rule that decided. */
  readonly live: { readonly recorded: boolean; readonly reason: string };
  readonly globalAutoRecording: { readonly recorded: boolean; readonly reason: string };
  /** True when Live and Global Auto-Recording both recorded the same hosts. */
  readonly doubleRecorded: boolean;
  readonly tasks: readonly RecordingTaskReport[];
  readonly files: readonly RecordedFileReport[];
  /** Recorded minutes by DescribeRecordingUsage MixType. */
  readonly usageMinutes: { readonly single: number; readonly multi: number };
  /** Deliveries, in sending order (filled once delivered). */
  callbacks: CallbackDelivery[];
}

/** Longest simulated session: 31 days. */
export const MAX_SESSION_MINUTES = 60 * 24 * 31;

/** Thrown for an invalid simulation request (admin answers 400). */
export class SimulationError extends Error {}

/** Per-resolution media metadata (the emulator's assumptions). */
const RESOLUTION_META: Readonly<Record<UsageKey, { width: number; height: number; bitrate: number }>> = {
  Audio: { width: 0, height: 0, bitrate: 64000 },
  SD: { width: 640, height: 360, bitrate: 800000 },
  HD: { width: 1280, height: 720, bitrate: 1500000 },
  FullHD: { width: 1920, height: 1080, bitrate: 3000000 },
  "2K": { width: 2560, height: 1440, bitrate: 6000000 },
  "4K": { width: 3840, height: 2160, bitrate: 12000000 },
};

function parseEnd(ctx: EmulatorContext, endedAt: string | number | undefined): number {
  if (endedAt === undefined) return ctx.now();
  const ms = typeof endedAt === "number" ? endedAt : Date.parse(endedAt);
  if (!Number.isFinite(ms)) throw new SimulationError(`endedAt is not a valid time: ${String(endedAt)}`);
  return ms;
}

interface PlannedTask {
  origin: Exclude<TaskOrigin, "api">;
  userIds: string[];
  mixed: boolean;
  vodSubAppId: number | null;
  storageSeconds: number;
  mixType: "single" | "multi";
}

/** How the session's room is known: an existing Live room (REST), or described by the request. */
export interface SessionRoom {
  readonly existing?: LiveRoomRecord;
  /** Who destroyed the room (webhook Operator_Account). */
  readonly operator?: string;
  /** 302 LeaveCode: 2 dismissed by client, 4 dismissed by server (REST), 99 idle (plain TRTC room). */
  readonly leaveCode?: 2 | 4 | 99;
}

export interface AppliedSession {
  readonly report: SessionReport;
  readonly outbound: OutboundCallback[];
}

/** Validates the request, records what the rules say, and returns the report and the callbacks to send. */
export function applySession(ctx: EmulatorContext, input: SimulateSessionInput, room: SessionRoom = {}): AppliedSession {
  const app = ctx.state.apps[String(input.sdkAppId)];
  if (!app) throw new SimulationError(`SDKAppID ${input.sdkAppId} is not registered`);
  const roomKind = input.roomKind ?? "live";
  if (roomKind !== "live" && roomKind !== "trtc") throw new SimulationError(`roomKind must be "live" or "trtc", got ${String(roomKind)}`);
  if (typeof input.roomId !== "string" || input.roomId.length === 0 || input.roomId.length > 64) {
    throw new SimulationError("roomId must be a string of 1 to 64 characters");
  }
  if (!Array.isArray(input.hosts) || input.hosts.length === 0 || input.hosts.some((h) => typeof h !== "string" || h.length === 0)) {
    throw new SimulationError("hosts must be a non-empty list of user IDs");
  }
  const hosts = [...new Set(input.hosts)];
  if (typeof input.minutes !== "number" || !(input.minutes > 0) || input.minutes > MAX_SESSION_MINUTES) {
    throw new SimulationError(`minutes must be a number greater than 0 and at most ${MAX_SESSION_MINUTES} (31 days)`);
  }
  const resolution = input.resolution ?? "HD";
  if (!(RESOLUTIONS as readonly string[]).includes(resolution)) throw new SimulationError(`resolution must be one of ${RESOLUTIONS.join(", ")}`);

  const existing = room.existing;
  let seatTemplate: SeatTemplate | undefined;
  let isUnlimited: boolean | undefined;
  let isCloudRecord: boolean | undefined;
  let createdWith: "client-sdk" | "rest-api" | undefined;
  if (input.createdWith !== undefined && input.createdWith !== "client-sdk" && input.createdWith !== "rest-api") {
    throw new SimulationError(`createdWith must be "client-sdk" or "rest-api", got ${String(input.createdWith)}`);
  }
  if (roomKind === "live") {
    if (existing) {
      const clash = (a: unknown, b: unknown): boolean => a !== undefined && a !== b;
      if (clash(input.seatTemplate, existing.SeatTemplate) || clash(input.isUnlimitedRoomEnabled, existing.IsUnlimitedRoomEnabled) || clash(input.isCloudRecordEnabled, existing.IsCloudRecordEnabled)) {
        throw new SimulationError(`Live room ${input.roomId} exists with other settings; omit seatTemplate, isUnlimitedRoomEnabled and isCloudRecordEnabled`);
      }
      seatTemplate = existing.SeatTemplate as SeatTemplate;
      isUnlimited = existing.IsUnlimitedRoomEnabled;
      isCloudRecord = existing.IsCloudRecordEnabled;
      createdWith = existing.createdWith ?? "rest-api";
    } else {
      if (!isSeatTemplate(input.seatTemplate)) throw new SimulationError(`seatTemplate is required for a Live room (one of ${Object.keys(DEFAULT_UNLIMITED_ROOM).join(", ")})`);
      seatTemplate = input.seatTemplate;
      isUnlimited = input.isUnlimitedRoomEnabled;
      isCloudRecord = input.isCloudRecordEnabled;
      createdWith = input.createdWith ?? "client-sdk";
    }
    for (const [k, v] of [["isUnlimitedRoomEnabled", isUnlimited], ["isCloudRecordEnabled", isCloudRecord]] as const) {
      if (v !== undefined && typeof v !== "boolean") throw new SimulationError(`${k} must be true, false or absent`);
    }
  }

  const endMs = parseEnd(ctx, input.endedAt);
  const durationSeconds = Math.round(input.minutes * 60);
  const startMs = endMs - durationSeconds * 1000;
  const usageKey: UsageKey = seatTemplate && isVoiceTemplate(seatTemplate) ? "Audio" : resolution;

  // Decided when the room was created: a REST room keeps create_room's decision; any other room is decided from the
  // console in force at the session's start. Nothing decided later changes it (no mid-session start or stop).
  const decision: RoomRecordingDecisionRecord =
    existing?.recordingDecision ??
    decideAtCreation(
      { createdViaLive: roomKind === "live", seatTemplate, createdWith, isUnlimitedRoomEnabled: isUnlimited, isCloudRecordEnabled: isCloudRecord },
      consoleAt(app, existing ? existing.createdAtMs : startMs),
      existing ? existing.createdAtMs : startMs,
    );
  const live = decision.live;
  const gar = decision.globalAutoRecording;
  const effectiveUnlimitedFlag = seatTemplate ? effectiveUnlimited(seatTemplate, createdWith, isUnlimited) : false;

  const planned: PlannedTask[] = [];
  if (live.recorded) {
    const mixed = hosts.length > 1;
    planned.push({
      origin: "live",
      userIds: hosts,
      mixed,
      vodSubAppId: live.vodSubAppId ?? null,
      storageSeconds: live.saveDurationSeconds ?? 0,
      mixType: mixed ? ctx.settings.liveMixedUsageMixType : "single",
    });
  }
  if (gar.recorded) {
    for (const h of hosts) {
      planned.push({ origin: "globalAutoRecording", userIds: [h], mixed: false, vodSubAppId: gar.vodSubAppId ?? null, storageSeconds: gar.storageSeconds ?? 0, mixType: "single" });
    }
  }

  const roomIdValue: string | number = roomKind === "trtc" && /^[1-9]\d{0,9}$/.test(input.roomId) ? Number(input.roomId) : input.roomId;
  const startOut: OutboundCallback[] = [];
  const endOut: OutboundCallback[] = [];
  const push = (list: OutboundCallback[], cb: OutboundCallback | undefined): void => {
    if (cb) list.push(cb);
  };

  // The room itself (Live rooms described by the request are created and destroyed around the session).
  let roomRecord: LiveRoomRecord | undefined = existing;
  if (roomKind === "live" && !existing && seatTemplate) {
    roomRecord = {
      sdkAppId: input.sdkAppId,
      RoomId: input.roomId,
      RoomName: input.roomId,
      RoomType: "Live",
      Owner_Account: hosts[0],
      SeatTemplate: seatTemplate,
      TakeSeatMode: "FreeToTake",
      IsMessageDisabled: false,
      IsPublicVisible: true,
      CoverURL: "",
      Category: [],
      IsUnlimitedRoomEnabled: isUnlimited,
      IsCloudRecordEnabled: isCloudRecord,
      CreateTime: Math.floor(startMs / 1000),
      createdAtMs: startMs,
      createdWith,
      recordingDecision: decision,
    };
    push(startOut, liveWebhook(ctx, input.sdkAppId, "Live.CallbackAfterCreateRoom", {
      Operator_Account: hosts[0],
      EventTime: startMs,
      RoomInfo: liveRoomInfo(roomRecord, effectiveUnlimitedFlag, false),
    }));
  }

  // TRTC room and media events (groups 1 and 2) to the console's room callback URL: the room is created, each host
  // enters as an anchor and starts video and audio; at the end each host exits (104 only) and the room is dismissed.
  const roomEvent = (group: 1 | 2, eventType: number, atMs: number, info: Record<string, unknown> = {}): Record<string, unknown> => ({
    EventGroupId: group,
    EventType: eventType,
    CallbackTs: atMs,
    EventInfo: { RoomId: roomIdValue, EventTs: Math.floor(atMs / 1000), EventMsTs: atMs, ...info },
  });
  push(startOut, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(1, 101, startMs, { UserId: hosts[0] })));
  for (const h of hosts) {
    push(startOut, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(1, 103, startMs, { UserId: h, Role: 20, TerminalType: 100, UserType: 3, Reason: 1 })));
    push(startOut, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(2, 201, startMs, { UserId: h })));
    push(startOut, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(2, 203, startMs, { UserId: h })));
  }
  const roomEnd: OutboundCallback[] = [];
  for (const h of hosts) push(roomEnd, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(1, 104, endMs, { UserId: h, Role: 20, Reason: 1 })));
  push(roomEnd, trtcCallback(ctx, input.sdkAppId, "room", roomEvent(1, 102, endMs, { UserId: hosts[0] })));

  const tasks: RecordingTaskReport[] = [];
  const files: RecordedFileReport[] = [];
  const usageMinutes = { single: 0, multi: 0 };
  const leaveCode = room.leaveCode ?? (roomKind === "trtc" ? 99 : 2);
  let robotSeq = 0;

  for (const t of planned) {
    const taskId = newTaskId(ctx);
    const robot = `${t.origin === "live" ? "live_recorder" : "auto_recorder"}_${++robotSeq}_${input.roomId}`.slice(0, 32);
    ctx.state.tasks[taskId] = {
      TaskId: taskId,
      SdkAppId: input.sdkAppId,
      RoomId: input.roomId,
      UserId: robot,
      origin: t.origin,
      RecordMode: t.mixed ? 2 : 1,
      Status: "Exited",
      createdAtMs: startMs,
      endedAtMs: endMs,
      addressableUntilMs: endMs,
    };
    const recEvent = (eventType: number, atMs: number, payload: Record<string, unknown>): Record<string, unknown> => ({
      EventGroupId: 3,
      EventType: eventType,
      CallbackTs: atMs,
      EventInfo: { RoomId: roomIdValue, EventTs: Math.floor(atMs / 1000), EventMsTs: atMs, UserId: robot, TaskId: taskId, Payload: payload },
    });
    const started = recEvent(301, startMs, { Status: 0 });
    push(startOut, trtcCallback(ctx, input.sdkAppId, "recording", started));
    if (t.origin === "live") push(startOut, liveWebhook(ctx, input.sdkAppId, "Follow.CallbackAfterCloudRecordingChanged", started));

    const store = canStoreInto(ctx, t.vodSubAppId);
    const fileIds: string[] = [];
    let recordedSeconds = 0;
    const uploadTime = isoSeconds(endMs);
    const expireTime = t.storageSeconds === 0 ? NEVER_EXPIRES : isoSeconds(endMs + t.storageSeconds * 1000);
    splitRecording(durationSeconds).forEach((seg, index) => {
      recordedSeconds += seg.durationSeconds;
      const segStart = startMs + seg.offsetSeconds * 1000;
      const segEnd = segStart + seg.durationSeconds * 1000;
      ctx.state.usage.push({ sdkAppId: input.sdkAppId, mixType: t.mixType, usageKey, startMs: segStart, endMs: segEnd, taskId });
      const baseFile = { taskId, origin: t.origin, vodSubAppId: t.vodSubAppId, userIds: t.userIds, durationSeconds: seg.durationSeconds, createTime: uploadTime, expireTime };
      if (!store.ok) {
        files.push({ ...baseFile, fileId: "", stored: false, error: store.reason });
        push(endOut, trtcCallback(ctx, input.sdkAppId, "recording", recEvent(311, endMs, { Status: 2, Errmsg: store.reason })));
        return;
      }
      const fileId = nextFileId(ctx);
      const meta = RESOLUTION_META[usageKey];
      const who = t.mixed ? "mix" : t.userIds[0];
      const mediaUrl = `https://vod.emulator.invalid/${t.vodSubAppId ?? "primary"}/${fileId}/f0.mp4`;
      const media: MediaRecord = {
        FileId: fileId,
        subAppId: t.vodSubAppId,
        BasicInfo: {
          Name: `${input.sdkAppId}_${input.roomId}_${who}_${index}`,
          Description: "",
          CreateTime: uploadTime,
          UpdateTime: uploadTime,
          ExpireTime: expireTime,
          ClassId: 0,
          ClassName: "Other",
          ClassPath: "Other",
          CoverUrl: "",
          Type: "mp4",
          MediaUrl: mediaUrl,
          SourceInfo: {
            SourceType: "TrtcRecord",
            SourceContext: "",
            TrtcRecordInfo: { SdkAppId: input.sdkAppId, RoomId: input.roomId, TaskId: taskId, UserIds: [...t.userIds] },
          },
          StorageRegion: "ap-guangzhou",
          StoragePath: "",
          TagSet: [],
          Vid: "",
          Category: usageKey === "Audio" ? "Audio" : "Video",
          Status: "Normal",
          StorageClass: "STANDARD",
        },
        MetaData: {
          Size: Math.round((meta.bitrate / 8) * seg.durationSeconds),
          Container: "mp4",
          Bitrate: meta.bitrate,
          Height: meta.height,
          Width: meta.width,
          Duration: seg.durationSeconds,
          Rotate: 0,
          VideoDuration: usageKey === "Audio" ? 0 : seg.durationSeconds,
          AudioDuration: seg.durationSeconds,
        },
      };
      addMedia(ctx, media);
      fileIds.push(fileId);
      files.push({ ...baseFile, fileId, stored: true });
      push(endOut, trtcCallback(ctx, input.sdkAppId, "recording", recEvent(311, endMs, {
        Status: 0,
        Errmsg: "",
        TencentVod: {
          UserId: t.mixed ? "" : t.userIds[0],
          TrackType: usageKey === "Audio" ? "audio" : "audio_video",
          MediaId: t.mixed ? "mix" : "main",
          FileId: fileId,
          VideoUrl: mediaUrl,
          CacheFile: `${fileId}.mp4`,
          StartTimeStamp: segStart,
          EndTimeStamp: segEnd,
        },
      })));
      push(endOut, vodNewFileUpload(ctx, media, input.sdkAppId));
    });
    push(endOut, trtcCallback(ctx, input.sdkAppId, "recording", recEvent(302, endMs, { LeaveCode: leaveCode })));
    const stopped = recEvent(312, endMs, { Status: 0 });
    push(endOut, trtcCallback(ctx, input.sdkAppId, "recording", stopped));
    if (t.origin === "live") push(endOut, liveWebhook(ctx, input.sdkAppId, "Follow.CallbackAfterCloudRecordingChanged", stopped));

    const minutes = recordedSeconds / 60;
    usageMinutes[t.mixType] += minutes;
    tasks.push({
      taskId,
      origin: t.origin,
      recordMode: t.mixed ? "mixed" : "single",
      userIds: t.userIds,
      robotUserId: robot,
      vodSubAppId: t.vodSubAppId,
      mixType: t.mixType,
      usageKey,
      minutes,
      fileIds,
    });
  }

  endOut.push(...roomEnd);
  if (roomKind === "live" && roomRecord && seatTemplate) {
    push(endOut, liveWebhook(ctx, input.sdkAppId, "Live.CallbackAfterDestroyRoom", {
      Operator_Account: room.operator ?? roomRecord.Owner_Account,
      RoomId: input.roomId,
      EventType: "DestroyByUser",
      EventTime: endMs,
      RoomInfo: liveRoomInfo(roomRecord, effectiveUnlimitedFlag, true),
      Statistic: { TotalViewers: 0, TotalGiftsSent: 0, TotalGiftCoins: 0, TotalUniqueGiftSenders: 0, TotalLikesReceived: 0 },
    }));
    if (existing) delete ctx.state.liveRooms[`${input.sdkAppId}/${input.roomId}`];
  }
  ctx.persist();

  const report: SessionReport = {
    sdkAppId: input.sdkAppId,
    roomId: input.roomId,
    roomKind,
    seatTemplate,
    ...(roomKind === "live" ? { createdWith } : {}),
    hosts,
    decidedAt: isoSeconds(decision.decidedAtMs),
    startedAt: isoSeconds(startMs),
    endedAt: isoSeconds(endMs),
    durationSeconds,
    live: { recorded: live.recorded, reason: live.reason },
    globalAutoRecording: { recorded: gar.recorded, reason: gar.reason },
    doubleRecorded: live.recorded && gar.recorded,
    tasks,
    files,
    usageMinutes,
    callbacks: [],
  };
  return { report, outbound: [...startOut, ...endOut] };
}
