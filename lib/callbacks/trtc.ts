/**
 * TRTC event callbacks: room (EventGroupId 1), media (2) and cloud recording (3) events.
 *
 * Transport (Tencent docs https://trtc.io/document/39559 and https://trtc.io/document/54914): an HTTP(S) POST with a
 * UTF-8 JSON body and the headers `Content-Type: application/json`, `Sign` and `SdkAppId`.
 * `Sign = base64(HMAC-SHA256(key = callback key, message = the raw request body))`. Verify against the body bytes
 * exactly as received, before parsing. Reply HTTP 200 within 5 s (`{"code":0}` is suggested; the body is ignored).
 */
import { createHmac } from "crypto";
import { VERIFIED, VerifyResult, bodyBytes, constantTimeEqual, rejected } from "./result";

/** Header carrying the signature. */
export const TRTC_SIGN_HEADER = "Sign";
/** Header carrying the SDKAppID the event belongs to. */
export const TRTC_SDKAPPID_HEADER = "SdkAppId";

/** Event groups. 8 (web-page recording) exists but is not typed here. */
export const TrtcEventGroupId = { Room: 1, Media: 2, Recording: 3 } as const;

/** Room events (group 1). */
export const TrtcRoomEventType = {
  CreateRoom: 101,
  DismissRoom: 102,
  EnterRoom: 103,
  ExitRoom: 104,
  ChangeRole: 105,
} as const;
export type TrtcRoomEventTypeCode = (typeof TrtcRoomEventType)[keyof typeof TrtcRoomEventType];

/** Media events (group 2). Exiting a room sends only 104, not 202/204. */
export const TrtcMediaEventType = {
  StartVideo: 201,
  StopVideo: 202,
  StartAudio: 203,
  StopAudio: 204,
  StartAssistant: 205,
  StopAssistant: 206,
} as const;
export type TrtcMediaEventTypeCode = (typeof TrtcMediaEventType)[keyof typeof TrtcMediaEventType];

/** Cloud recording events (group 3). 301–309 are intermediate states; one 311 per uploaded file; 312 ends the task. */
export const TrtcRecordingEventType = {
  RecorderStart: 301,
  RecorderStop: 302,
  UploadStart: 303,
  FileInfo: 304,
  UploadStop: 305,
  Failover: 306,
  FileSlice: 307,
  UploadError: 308,
  DownloadImageError: 309,
  Mp4Stop: 310,
  VodCommit: 311,
  VodStop: 312,
} as const;
export type TrtcRecordingEventTypeCode = (typeof TrtcRecordingEventType)[keyof typeof TrtcRecordingEventType];

/** `EventInfo` of room and media events. */
export interface TrtcRoomEventInfo {
  /** Same type (string or number) as the client used. */
  readonly RoomId: string | number;
  /** Seconds (legacy). */
  readonly EventTs: number;
  /** Milliseconds. */
  readonly EventMsTs: number;
  readonly UserId: string;
  /** Room group only; not sent for callbacks enabled after 2021-07-30. */
  readonly UniqueId?: number;
  /** 20 anchor, 21 audience (enter/exit). */
  readonly Role?: number;
  /** 1 Windows, 2 Android, 3 iOS, 4 Linux, 100 other (enter). */
  readonly TerminalType?: number;
  /** 1 WebRTC, 2 mini program, 3 native SDK (enter). */
  readonly UserType?: number;
  /** Enter: 1 normal, 2 network change, 3 timeout retry, 4 cross-room. Exit: 1 normal, 2 timeout, 3 kicked, 4 cross-room cancelled, 5 process killed. */
  readonly Reason?: number;
}

export interface TrtcRoomCallback {
  readonly EventGroupId: 1;
  readonly EventType: TrtcRoomEventTypeCode;
  /** Milliseconds. */
  readonly CallbackTs: number;
  readonly EventInfo: TrtcRoomEventInfo;
}

export interface TrtcMediaCallback {
  readonly EventGroupId: 2;
  readonly EventType: TrtcMediaEventTypeCode;
  readonly CallbackTs: number;
  readonly EventInfo: TrtcRoomEventInfo;
}

/** 301 RECORDER_START. */
export interface RecorderStartPayload {
  /** 0 ok, 1 failed. */
  readonly Status: 0 | 1;
}

/**
 * 302 RECORDER_STOP. `LeaveCode`: 0 normal, 1 robot kicked by client, 2 room dismissed by client, 3 kicked by server,
 * 4 room dismissed by server, 99 no other users (idle timeout), 100 timeout exit, 101 same robot re-entered.
 */
export interface RecorderStopPayload {
  readonly LeaveCode: 0 | 1 | 2 | 3 | 4 | 99 | 100 | 101;
}

/** `Payload.TencentVod` of 311 VOD_COMMIT. */
export interface VodCommitTencentVod {
  /** Empty for a mixed-stream recording. */
  readonly UserId: string;
  readonly TrackType: "audio" | "video" | "audio_video";
  /** `main`, `aux` or `mix`. */
  readonly MediaId: string;
  readonly FileId: string;
  readonly VideoUrl: string;
  readonly CacheFile: string;
  /** Milliseconds. */
  readonly StartTimeStamp: number;
  /** Milliseconds. */
  readonly EndTimeStamp: number;
}

/** 311 VOD_COMMIT: one per uploaded file. Wait 30 s–3 min after it for the file to be fully ready. */
export interface VodCommitPayload {
  /** 0 uploaded, 1 left on the recording server, 2 upload or VOD error. */
  readonly Status: 0 | 1 | 2;
  readonly Errmsg?: string;
  readonly TencentVod?: VodCommitTencentVod;
}

/** 312 VOD_STOP: the task ended. */
export interface VodStopPayload {
  /** 0 normal, 1 abnormal. */
  readonly Status: 0 | 1;
}

/** `EventInfo` of recording events. */
export interface TrtcRecordingEventInfo<P> {
  readonly RoomId: string | number;
  readonly EventTs: number;
  readonly EventMsTs: number;
  /** The recording robot's UserId. */
  readonly UserId: string;
  readonly TaskId: string;
  readonly Payload: P;
}

interface RecordingCallbackOf<T extends number, P> {
  readonly EventGroupId: 3;
  readonly EventType: T;
  readonly CallbackTs: number;
  readonly EventInfo: TrtcRecordingEventInfo<P>;
}

export type RecorderStartCallback = RecordingCallbackOf<301, RecorderStartPayload>;
export type RecorderStopCallback = RecordingCallbackOf<302, RecorderStopPayload>;
export type VodCommitCallback = RecordingCallbackOf<311, VodCommitPayload>;
export type VodStopCallback = RecordingCallbackOf<312, VodStopPayload>;
/** 303–310 (COS uploads, failover, slices, MP4 stop...): payload left untyped. */
export type OtherRecordingCallback = RecordingCallbackOf<303 | 304 | 305 | 306 | 307 | 308 | 309 | 310, Readonly<Record<string, unknown>>>;

export type TrtcRecordingCallback =
  | RecorderStartCallback
  | RecorderStopCallback
  | VodCommitCallback
  | VodStopCallback
  | OtherRecordingCallback;

/** Any TRTC event callback body. Narrow on `EventGroupId` and `EventType`. */
export type TrtcCallback = TrtcRoomCallback | TrtcMediaCallback | TrtcRecordingCallback;

/** `base64(HMAC-SHA256(key, rawBody))`: the `Sign` header of a TRTC callback. */
export function signTrtcCallback(key: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", Buffer.from(key, "utf8")).update(bodyBytes(rawBody)).digest("base64");
}

/** Input of {@link verifyTrtcCallback}. */
export interface VerifyTrtcCallbackInput {
  /** The callback key configured in the TRTC console. */
  readonly key: string;
  /** The request body exactly as received (do not re-serialize parsed JSON). */
  readonly rawBody: string | Uint8Array;
  /** The `Sign` header value. */
  readonly signature: string | null | undefined;
}

/** Checks the `Sign` header of a TRTC callback against the raw body (constant-time). Never throws. */
export function verifyTrtcCallback(input: VerifyTrtcCallbackInput): VerifyResult {
  try {
    if (typeof input.key !== "string" || input.key.length === 0) return rejected("no callback key configured");
    if (typeof input.signature !== "string" || input.signature.length === 0) return rejected("missing Sign header");
    if (input.rawBody === null || input.rawBody === undefined) return rejected("missing body");
    const expected = signTrtcCallback(input.key, input.rawBody);
    return constantTimeEqual(expected, input.signature.trim()) ? VERIFIED : rejected("signature mismatch");
  } catch {
    return rejected("unverifiable input");
  }
}

/** Result of {@link parseTrtcCallback}. */
export type ParseTrtcCallbackResult =
  | { readonly ok: true; readonly event: TrtcCallback }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses a (verified) TRTC callback body and checks its envelope (`EventGroupId`, `EventType`, `CallbackTs`,
 * `EventInfo`). Payload fields are not checked beyond that. Never throws.
 */
export function parseTrtcCallback(rawBody: string | Uint8Array): ParseTrtcCallbackResult {
  let value: unknown;
  try {
    value = JSON.parse(bodyBytes(rawBody).toString("utf8"));
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, reason: "body is not a JSON object" };
  const v = value as Record<string, unknown>;
  if (typeof v.EventGroupId !== "number" || typeof v.EventType !== "number") {
    return { ok: false, reason: "EventGroupId and EventType must be numbers" };
  }
  if (typeof v.CallbackTs !== "number") return { ok: false, reason: "CallbackTs must be a number" };
  if (typeof v.EventInfo !== "object" || v.EventInfo === null) return { ok: false, reason: "EventInfo must be an object" };
  const group = v.EventGroupId;
  const type = v.EventType;
  const inRange = (lo: number, hi: number): boolean => type >= lo && type <= hi;
  if ((group === 1 && inRange(101, 105)) || (group === 2 && inRange(201, 206)) || (group === 3 && inRange(301, 312))) {
    return { ok: true, event: value as TrtcCallback };
  }
  return { ok: false, reason: `unknown event ${group}/${type}` };
}
