/**
 * VOD event notifications (v3 format, "normal callback" = PUSH mode).
 *
 * Transport (reference §1.4–1.5): HTTP POST to the sub-application's `NotificationUrl`, JSON body = `EventContent`
 * with null fields omitted. When the event configuration has a `SignKey`, the notification carries `Sign` and `T`:
 * `Sign = hex(MD5(SignKey + T))`, `T` = Unix seconds at which the signature expires (by default 10 minutes after
 * sending). Reject expired `T` to stop replays.
 *
 * Where `Sign` and `T` sit: the API doc says only that they are put "in the notification message"; the emulator
 * sends them as top-level fields of the JSON body (`{"EventType":…, …, "Sign":"…", "T":1700000600}`).
 * {@link verifyVodCallback} takes them as arguments, so it works wherever you read them from.
 */
import { createHash } from "crypto";
import { VERIFIED, VerifyResult, constantTimeEqual, nowMs, rejected } from "./result";

/** `MediaBasicInfo.SourceInfo.TrtcRecordInfo`, present when `SourceType` is `TrtcRecord`. */
export interface VodTrtcRecordInfo {
  readonly SdkAppId?: number;
  readonly RoomId?: string;
  readonly TaskId?: string;
  readonly UserIds?: readonly string[];
}

/** `MediaSourceData`. */
export interface VodMediaSourceData {
  /** `Record`, `Upload`, `VideoProcessing`, `TrtcRecord`, `WebPageRecord`, `Unknown`. */
  readonly SourceType?: string;
  /** Passed through from the creator (for TRTC recordings: `TencentVod.SourceContext`). */
  readonly SourceContext?: string;
  readonly TrtcRecordInfo?: VodTrtcRecordInfo;
}

/** The subset of `MediaBasicInfo` that recording receivers use. */
export interface VodMediaBasicInfo {
  readonly Name?: string;
  readonly Description?: string;
  /** ISO 8601. */
  readonly CreateTime?: string;
  readonly UpdateTime?: string;
  /** ISO 8601; `9999-12-31T23:59:59Z` = never expires. */
  readonly ExpireTime?: string;
  readonly ClassId?: number;
  readonly ClassName?: string;
  readonly ClassPath?: string;
  readonly CoverUrl?: string;
  /** Container, e.g. `mp4`. */
  readonly Type?: string;
  readonly MediaUrl?: string;
  readonly SourceInfo?: VodMediaSourceData;
  readonly StorageRegion?: string;
  readonly TagSet?: readonly string[];
  readonly Vid?: string;
  readonly Category?: string;
  readonly Status?: string;
  readonly StorageClass?: string;
}

/** The subset of `MediaMetaData` sent with uploads. */
export interface VodMediaMetaData {
  readonly Size?: number;
  readonly Container?: string;
  readonly Bitrate?: number;
  readonly Height?: number;
  readonly Width?: number;
  /** Seconds. */
  readonly Duration?: number;
  readonly Rotate?: number;
  readonly VideoDuration?: number;
  readonly AudioDuration?: number;
}

/** `FileUploadTask`. */
export interface VodFileUploadEvent {
  readonly FileId: string;
  readonly MediaBasicInfo: VodMediaBasicInfo;
  readonly ProcedureTaskId: string;
  readonly ReviewAudioVideoTaskId?: string;
  readonly MetaData?: VodMediaMetaData;
}

/** `NewFileUpload` event body (needs `UploadMediaCompleteEventSwitch=ON`). */
export interface VodNewFileUploadCallback {
  readonly EventType: "NewFileUpload";
  readonly FileUploadEvent: VodFileUploadEvent;
  /** Present when a SignKey is configured. */
  readonly Sign?: string;
  /** Unix seconds at which `Sign` expires; present when a SignKey is configured. */
  readonly T?: number;
}

/** `hex(MD5(SignKey + T))`. */
export function vodCallbackSign(signKey: string, t: number | string): string {
  return createHash("md5").update(`${signKey}${t}`, "utf8").digest("hex");
}

/** Input of {@link verifyVodCallback}. */
export interface VerifyVodCallbackInput {
  /** The `SignKey` set with `ModifyEventConfig`. */
  readonly signKey: string;
  /** The notification's `Sign`. */
  readonly sign: string | null | undefined;
  /** The notification's `T` (Unix seconds, expiry of the signature). */
  readonly t: number | string | null | undefined;
  /** Current time (milliseconds since the epoch, or a Date). @default - Date.now() */
  readonly now?: number | Date;
}

/** Checks `Sign = MD5(SignKey + T)` and that `T` has not passed. Never throws. */
export function verifyVodCallback(input: VerifyVodCallbackInput): VerifyResult {
  try {
    if (typeof input.signKey !== "string" || input.signKey.length === 0) return rejected("no SignKey configured");
    if (typeof input.sign !== "string" || input.sign.length === 0) return rejected("missing Sign");
    if (input.t === undefined || input.t === null) return rejected("missing T");
    const t = String(input.t).trim();
    if (!/^\d{1,12}$/.test(t)) return rejected("T is not a Unix time in seconds");
    if (Number(t) < nowMs(input.now) / 1000) return rejected("signature expired (T has passed)");
    const expected = vodCallbackSign(input.signKey, t);
    return constantTimeEqual(expected, input.sign.trim().toLowerCase()) ? VERIFIED : rejected("signature mismatch");
  } catch {
    return rejected("unverifiable input");
  }
}
