/**
 * TRTC (trtc, 2019-07-22): cloud recording tasks and recording usage.
 * Fields, ranges and codes from trtc_models.d.ts, the reference §2 and the Go SDK's error lists.
 *
 * Tasks started through CreateCloudRecording are bookkeeping only: they record no media and send no callbacks
 * (the emulator has no media streams to record). Recordings come from simulated sessions (see session.ts).
 */
import { MAX_FILE_DURATION_MINUTES, MAX_IDLE_TIME_SECONDS, MIN_FILE_DURATION_MINUTES, TRTC_RECORDING_REGIONS } from "../lib/limits";
import { MS_PER_DAY } from "../lib/times";
import { randomBytes } from "crypto";
import type { ActionHandler, EmulatorContext } from "./context";
import { CloudApiError, missingParameter } from "./errors";
import { JsonObject, Params } from "./params";
import { USAGE_KEYS, TaskRecord, UsageRecord } from "./state";
import { verifyUserSig } from "./usersig";

export const TRTC_VERSION = "2019-07-22";

/** Regions accepted by CreateCloudRecording (intl docs: "only supports ap-beijing, ap-guangzhou, ap-mumbai, ap-shanghai, ap-singapore"). */
export const CLOUD_RECORDING_REGIONS = TRTC_RECORDING_REGIONS;
/** DescribeRecordingUsage: "Region ap-guangzhou only". */
export const USAGE_REGIONS = ["ap-guangzhou"] as const;
/** DescribeRecordingUsage: at most 31 days per query. */
export const USAGE_MAX_DAYS = 31;

const OUT_OF_RANGE = "InvalidParameter.OutOfRange";

/** A new TaskId (opaque, URL-safe, like the service's). */
export function newTaskId(ctx: EmulatorContext): string {
  const n = ctx.state.counters.nextTask++;
  return `${randomBytes(24).toString("base64url")}${n.toString(36)}`;
}

function requireRegion(meta: { region?: string }, allowed: readonly string[]): void {
  if (!meta.region) throw missingParameter("Region");
  if (!allowed.includes(meta.region)) {
    throw new CloudApiError("UnsupportedRegion", `The region \`${meta.region}\` is not supported by this action (supported: ${allowed.join(", ")}).`);
  }
}

function sdkAppOrThrow(ctx: EmulatorContext, sdkAppId: number) {
  const app = ctx.state.apps[String(sdkAppId)];
  if (!app) throw new CloudApiError("InvalidParameter.SdkAppId", `The value of parameter \`SdkAppId\` is not valid: ${sdkAppId} is not an application of this account.`);
  return app;
}

function validateRecordParams(p: Params): number {
  const mode = p.number("RecordMode", { required: "MissingParameter.RecordMode", oneOf: [1, 2], code: OUT_OF_RANGE }) as number;
  p.number("MaxIdleTime", { min: MAX_IDLE_TIME_SECONDS.min, max: MAX_IDLE_TIME_SECONDS.max, code: OUT_OF_RANGE });
  p.number("StreamType", { oneOf: [0, 1, 2], code: OUT_OF_RANGE });
  p.number("OutputFormat", { oneOf: [0, 1, 2, 3, 4], code: OUT_OF_RANGE });
  p.number("AvMerge", { oneOf: [0, 1], code: OUT_OF_RANGE });
  p.number("MaxMediaFileDuration", { min: MIN_FILE_DURATION_MINUTES, max: MAX_FILE_DURATION_MINUTES, code: OUT_OF_RANGE });
  p.number("MediaId", { oneOf: [0, 1, 2], code: OUT_OF_RANGE });
  p.number("FillType", { oneOf: [0, 1], code: OUT_OF_RANGE });
  p.number("SubscribeAbility", { oneOf: [0, 1], code: OUT_OF_RANGE });
  const subs = p.object("SubscribeStreamUserIds", {
    allowed: ["SubscribeAudioUserIds", "UnSubscribeAudioUserIds", "SubscribeVideoUserIds", "UnSubscribeVideoUserIds"],
  });
  if (subs) {
    for (const k of ["SubscribeAudioUserIds", "UnSubscribeAudioUserIds", "SubscribeVideoUserIds", "UnSubscribeVideoUserIds"]) {
      subs.stringArray(k, { maxItems: 32, code: OUT_OF_RANGE });
    }
  }
  return mode;
}

function validateStorageParams(p: Params, streamType: number): void {
  const cos = p.object("CloudStorage", { allowed: ["Vendor", "Region", "Bucket", "AccessKey", "SecretKey", "FileNamePrefix"] });
  const vod = p.object("CloudVod", { allowed: ["TencentVod"] });
  if (cos && vod) throw new CloudApiError("InvalidParameter", "StorageParams: CloudVod and CloudStorage cannot both be set.");
  if (!cos && !vod) throw missingParameter("StorageParams.CloudVod or StorageParams.CloudStorage", "MissingParameter.StorageParams");
  if (cos) {
    cos.number("Vendor", { required: "MissingParameter.Vendor", oneOf: [0, 1], code: OUT_OF_RANGE });
    cos.string("Region", { required: "MissingParameter.Region" });
    cos.string("Bucket", { required: "MissingParameter.Bucket" });
    cos.string("AccessKey", { required: "MissingParameter.AccessKey" });
    cos.string("SecretKey", { required: "MissingParameter.SecretKey" });
    const prefixes = cos.stringArray("FileNamePrefix");
    prefixes?.forEach((x, i) => {
      if (!/^[a-zA-Z0-9_-]+$/.test(x)) throw cos.invalid(`FileNamePrefix.${i}`, OUT_OF_RANGE, "only a-z, A-Z, 0-9, _ and - are allowed");
    });
  }
  if (vod) {
    const tv = vod.object("TencentVod", {
      allowed: ["Procedure", "ExpireTime", "StorageRegion", "ClassId", "SubAppId", "SessionContext", "SourceContext", "MediaType", "UserDefineRecordId"],
    });
    if (tv) {
      tv.string("Procedure");
      tv.number("ExpireTime", { min: 0, code: OUT_OF_RANGE });
      tv.string("StorageRegion");
      tv.number("ClassId", { min: 0, code: OUT_OF_RANGE });
      tv.number("SubAppId", { min: 1, code: OUT_OF_RANGE });
      tv.string("SessionContext");
      tv.string("SourceContext");
      const mediaType = tv.number("MediaType", { oneOf: [0, 1, 2, 3, 4], code: OUT_OF_RANGE });
      if ((mediaType === 2 || mediaType === 4) && streamType !== 1) {
        throw tv.invalid("MediaType", "InvalidParameter.RecordAudioOnly", "aac (2) and hls+aac (4) need RecordParams.StreamType 1 (audio only)");
      }
      tv.string("UserDefineRecordId", { maxLength: 64, pattern: /^[a-zA-Z0-9_-]*$/, patternText: "only a-z, A-Z, 0-9, _ and - are allowed", code: OUT_OF_RANGE });
    }
  }
}

function validateMixParams(p: Params): void {
  const mt = p.object("MixTranscodeParams", { allowed: ["VideoParams", "AudioParams"] });
  if (mt) {
    // "If an object is given, all its fields are required."
    const v = mt.object("VideoParams", { allowed: ["Width", "Height", "Fps", "BitRate", "Gop"] });
    if (v) {
      const w = v.number("Width", { required: true, min: 1, max: 1920, code: OUT_OF_RANGE }) as number;
      const h = v.number("Height", { required: true, min: 1, max: 1920, code: OUT_OF_RANGE }) as number;
      if (w * h > 1920 * 1080) throw v.invalid("Width", OUT_OF_RANGE, `Width × Height must not exceed 1920 × 1080, got ${w} × ${h}`);
      v.number("Fps", { required: true, min: 1, max: 60, code: OUT_OF_RANGE });
      v.number("BitRate", { required: true, min: 64000, max: 8192000, code: OUT_OF_RANGE });
      v.number("Gop", { required: true, min: 1, code: OUT_OF_RANGE });
    }
    const a = mt.object("AudioParams", { allowed: ["SampleRate", "Channel", "BitRate"] });
    if (a) {
      a.number("SampleRate", { required: true, oneOf: [1, 2, 3], code: OUT_OF_RANGE });
      a.number("Channel", { required: true, oneOf: [1, 2], code: OUT_OF_RANGE });
      a.number("BitRate", { required: true, min: 32000, max: 128000, code: OUT_OF_RANGE });
    }
  }
  const ml = p.object("MixLayoutParams");
  if (ml) {
    ml.number("MixLayoutMode", { required: true, oneOf: [1, 2, 3, 4], code: OUT_OF_RANGE });
    ml.objectArray("MixLayoutList", { maxItems: 25, code: OUT_OF_RANGE });
    ml.objectArray("WaterMarkList", { maxItems: 25, code: OUT_OF_RANGE });
    const color = ml.string("BackGroundColor");
    if (color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(color)) throw ml.invalid("BackGroundColor", OUT_OF_RANGE, "must be #RRGGBB");
    ml.number("MediaId", { oneOf: [0, 1], code: OUT_OF_RANGE });
    ml.boolean("PureAudioDisableLayout");
  }
}

const createCloudRecording: ActionHandler = (ctx, p, meta) => {
  p.onlyKnown([
    "SdkAppId", "RoomId", "UserId", "UserSig", "RecordParams", "StorageParams", "RoomIdType", "MixTranscodeParams",
    "MixLayoutParams", "ResourceExpiredHour", "PrivateMapKey",
  ]);
  requireRegion(meta, CLOUD_RECORDING_REGIONS);
  const sdkAppId = p.number("SdkAppId", { required: "MissingParameter.SdkAppId", min: 1, code: "InvalidParameter.SdkAppId" }) as number;
  const roomIdType = p.number("RoomIdType", { oneOf: [0, 1], code: OUT_OF_RANGE }) ?? 1;
  const roomId = p.string("RoomId", { required: "MissingParameter.RoomId", maxLength: 64, code: "InvalidParameter.RoomId" }) as string;
  if (roomIdType === 1 && !(/^[1-9]\d{0,9}$/.test(roomId) && Number(roomId) <= 4294967294)) {
    throw p.invalid("RoomId", "InvalidParameter.RoomId", "with RoomIdType 1 (default) the RoomId must be a 32-bit integer; set RoomIdType 0 for string room IDs");
  }
  const userId = p.string("UserId", { required: "MissingParameter.UserId", maxLength: 32, code: "InvalidParameter.UserId" }) as string;
  const userSig = p.string("UserSig", { required: "MissingParameter.UserSig", code: "InvalidParameter.UserSig" }) as string;
  const rp = p.object("RecordParams", {
    required: "MissingParameter.RecordParams",
    allowed: ["RecordMode", "MaxIdleTime", "StreamType", "SubscribeStreamUserIds", "OutputFormat", "AvMerge", "MaxMediaFileDuration", "MediaId", "FillType", "SubscribeAbility"],
  }) as Params;
  const recordMode = validateRecordParams(rp);
  const sp = p.object("StorageParams", { required: "MissingParameter.StorageParams", allowed: ["CloudStorage", "CloudVod"] }) as Params;
  validateStorageParams(sp, rp.number("StreamType") ?? 0);
  validateMixParams(p);
  const hours = p.number("ResourceExpiredHour", { min: 6, max: 720, code: OUT_OF_RANGE }) ?? 72;
  p.string("PrivateMapKey");
  const app = sdkAppOrThrow(ctx, sdkAppId);
  const sig = verifyUserSig({ userSig, sdkAppId, sdkSecretKey: app.sdkSecretKey, identifier: userId, nowSeconds: Math.floor(ctx.wallNow() / 1000) });
  if (!sig.ok) throw new CloudApiError("InvalidParameter.UserSig", `The UserSig of the recording robot is not valid: ${sig.errorInfo}.`);
  const now = ctx.now();
  // "A duplicate robot UserId kicks the earlier task."
  for (const t of Object.values(ctx.state.tasks)) {
    if (t.SdkAppId === sdkAppId && t.RoomId === roomId && t.UserId === userId && t.Status === "InProgress") {
      t.Status = "Exited";
      t.endedAtMs = now;
    }
  }
  const task: TaskRecord = {
    TaskId: newTaskId(ctx),
    SdkAppId: sdkAppId,
    RoomId: roomId,
    UserId: userId,
    origin: "api",
    RecordMode: recordMode,
    Status: "InProgress",
    createdAtMs: now,
    addressableUntilMs: now + hours * 3600 * 1000,
  };
  ctx.state.tasks[task.TaskId] = task;
  ctx.persist();
  return { TaskId: task.TaskId };
};

function taskOrThrow(ctx: EmulatorContext, p: Params): TaskRecord {
  const sdkAppId = p.number("SdkAppId", { required: "MissingParameter.SdkAppId", min: 1, code: "InvalidParameter.SdkAppId" }) as number;
  const taskId = p.string("TaskId", { required: "MissingParameter.TaskId", code: "InvalidParameter.TaskId" }) as string;
  sdkAppOrThrow(ctx, sdkAppId);
  const t = ctx.state.tasks[taskId];
  // The Go SDK's FailedOperation.TaskNotExist reads "task does not exist or has ended".
  if (!t || t.SdkAppId !== sdkAppId || t.Status !== "InProgress" || ctx.now() > t.addressableUntilMs) {
    throw new CloudApiError("FailedOperation.TaskNotExist", `The task ${taskId} does not exist or has ended.`);
  }
  return t;
}

const describeCloudRecording: ActionHandler = (ctx, p) => {
  p.onlyKnown(["SdkAppId", "TaskId", "RecorderKey"]);
  const recorderKey = p.string("RecorderKey");
  const t = taskOrThrow(ctx, p);
  // With VOD storage the StorageFileList is empty (files are reported by callbacks).
  const out: JsonObject = { TaskId: t.TaskId, Status: t.Status, StorageFileList: [] };
  if (recorderKey !== undefined) out.RecorderKey = recorderKey;
  return out;
};

const deleteCloudRecording: ActionHandler = (ctx, p) => {
  p.onlyKnown(["SdkAppId", "TaskId"]);
  const t = taskOrThrow(ctx, p);
  t.Status = "Exited";
  t.endedAtMs = ctx.now();
  ctx.persist();
  return { TaskId: t.TaskId };
};

function parseDay(p: Params, name: string): number {
  const v = p.string(name, { required: true }) as string;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== v) {
    throw p.invalid(name, "InvalidParameter", `must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  }
  return ms;
}

const FIVE_MIN_MS = 300000;

function timeKey(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

/**
 * Minutes per usage class over buckets. Dates are UTC days (the service's time zone for these dates is not
 * documented). One day → 288 five-minute points; more → one point per day.
 */
export function usageSeries(records: readonly UsageRecord[], startDayMs: number, endDayMs: number): JsonObject[] {
  const end = endDayMs + MS_PER_DAY;
  const step = end - startDayMs === MS_PER_DAY ? FIVE_MIN_MS : MS_PER_DAY;
  const out: JsonObject[] = [];
  for (let b = startDayMs; b < end; b += step) {
    const values = USAGE_KEYS.map(() => 0);
    for (const r of records) {
      const overlap = Math.min(r.endMs, b + step) - Math.max(r.startMs, b);
      if (overlap > 0) values[USAGE_KEYS.indexOf(r.usageKey)] += overlap / 60000;
    }
    out.push({ TimeKey: timeKey(b), TimeStampKey: Math.floor(b / 1000), UsageValue: values.map((v) => Math.round(v * 10000) / 10000) });
  }
  return out;
}

const describeRecordingUsage: ActionHandler = (ctx, p, meta) => {
  p.onlyKnown(["StartTime", "EndTime", "MixType", "SdkAppId"]);
  requireRegion(meta, USAGE_REGIONS);
  const start = parseDay(p, "StartTime");
  const end = parseDay(p, "EndTime");
  const mixType = p.string("MixType", { required: true, oneOf: ["single", "multi"], code: "InvalidParameter" }) as "single" | "multi";
  const sdkAppId = p.number("SdkAppId", { min: 1, code: "InvalidParameter.SdkAppId" });
  if (end < start) throw p.invalid("EndTime", "InvalidParameter", "EndTime must not be before StartTime");
  const days = (end - start) / MS_PER_DAY + 1;
  if (days > USAGE_MAX_DAYS) {
    throw new CloudApiError("InvalidParameter.QueryScaleOversize", `The query spans ${days} days; at most ${USAGE_MAX_DAYS} days are allowed.`);
  }
  if (sdkAppId !== undefined) sdkAppOrThrow(ctx, sdkAppId);
  const records = ctx.state.usage.filter((r) => r.mixType === mixType && (sdkAppId === undefined || r.sdkAppId === sdkAppId));
  return { UsageKey: [...USAGE_KEYS], UsageList: usageSeries(records, start, end) };
};

/** Every emulated TRTC action. */
export const TRTC_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  CreateCloudRecording: createCloudRecording,
  DescribeCloudRecording: describeCloudRecording,
  DeleteCloudRecording: deleteCloudRecording,
  DescribeRecordingUsage: describeRecordingUsage,
};
