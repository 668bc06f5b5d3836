/**
 * Live (TUILiveKit) webhooks.
 *
 * Transport (Tencent docs, reference §4.3): POST `<Url>?SdkAppid=…&CallbackCommand=…&contenttype=json&ClientIP=…&OptPlatform=…`
 * with a JSON body. When a callback token is enabled (`v4/live_config/set_callback_token`), Live appends `Sign` and
 * `RequestTime` to the URL: `Sign = hex(SHA256(Token + RequestTime))`; reject when |now − RequestTime| > 1 minute.
 * The receiver must also check `SdkAppid`. Reply `{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}`.
 */
import { createHash } from "crypto";
import type { TrtcRecordingEventInfo } from "./trtc";
import { VERIFIED, VerifyResult, constantTimeEqual, nowMs, rejected } from "./result";

/** Every webhook command documented for Live (Follow.CallbackAfterCloudRecordingChanged is spelled as documented). */
export const LIVE_CALLBACK_COMMANDS = [
  "Live.CallbackAfterCreateRoom",
  "Live.CallbackAfterDestroyRoom",
  "Live.CallbackAfterUpdateRoomInfo",
  "Live.CallbackAfterSetMetadata",
  "Live.CallbackAfterDelMetadata",
  "Live.CallbackAfterCreateRoomReachingThreshold",
  "Live.CallbackAfterMemberStateChanged",
  "Live.CallbackAfterChangeOwner",
  "Live.CallbackAfterModifyAdmin",
  "Mic.CallbackAfterSeatInfoChanged",
  "Live.CallbackAfterCreateBattle",
  "Live.CallbackAfterStartBattle",
  "Live.CallbackAfterEndBattle",
  "Live.CallbackBeforeSendGift",
  "Group.CallbackAfterSendMsg",
  "Group.CallbackBeforeSendMsg",
  "Follow.CallbackAfterFollowAdd",
  "Follow.CallbackAfterFollowDelete",
  "Follow.CallbackAfterCloudRecordingChanged",
] as const;
export type LiveCallbackCommand = (typeof LIVE_CALLBACK_COMMANDS)[number];

/** The acknowledgement a webhook receiver returns. */
export const LIVE_WEBHOOK_ACK = Object.freeze({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });

/** `RoomInfo` of `Live.CallbackAfterCreateRoom`. */
export interface LiveCallbackRoomInfo {
  readonly RoomId: string;
  readonly RoomName: string;
  readonly RoomType: string;
  readonly Owner_Account: string;
  readonly MaxMemberCount?: number;
  readonly IsMessageDisabled: boolean;
  readonly CustomInfo?: string;
  readonly IsSeatEnabled: boolean;
  readonly TakeSeatMode: string;
  readonly MaxSeatCount?: number;
  /** Seconds. */
  readonly CreateTime: number;
  readonly IsPublicVisible: boolean;
  readonly CoverURL: string;
  readonly Category: readonly number[];
}

/** `RoomInfo` of `Live.CallbackAfterDestroyRoom`. */
export interface LiveDestroyedRoomInfo extends LiveCallbackRoomInfo {
  readonly ActivityStatus: number;
  readonly ViewCount: number;
  readonly BackgroundURL: string;
  readonly IsUnlimitedRoomEnabled: boolean;
}

/** `Live.CallbackAfterCreateRoom`: a room was created by a client or by REST. */
export interface LiveCallbackAfterCreateRoom {
  readonly CallbackCommand: "Live.CallbackAfterCreateRoom";
  readonly Operator_Account: string;
  /** Milliseconds. */
  readonly EventTime: number;
  readonly RoomInfo: LiveCallbackRoomInfo;
}

/** `Live.CallbackAfterDestroyRoom`. */
export interface LiveCallbackAfterDestroyRoom {
  readonly CallbackCommand: "Live.CallbackAfterDestroyRoom";
  readonly Operator_Account: string;
  readonly RoomId: string;
  readonly EventType: "DestroyByUser" | "DestroyBySystem";
  /** Milliseconds. */
  readonly EventTime: number;
  readonly RoomInfo: LiveDestroyedRoomInfo;
  readonly Statistic: {
    readonly TotalViewers: number;
    readonly TotalGiftsSent: number;
    readonly TotalGiftCoins: number;
    readonly TotalUniqueGiftSenders: number;
    readonly TotalLikesReceived: number;
  };
}

/**
 * `Follow.CallbackAfterCloudRecordingChanged`: `CallbackCommand` plus the TRTC recording event fields
 * (EventGroupId 3). Sent when a host starts live with recording enabled, and when the host stops while room or
 * console recording remains enabled.
 */
export interface FollowCallbackAfterCloudRecordingChanged {
  readonly CallbackCommand: "Follow.CallbackAfterCloudRecordingChanged";
  readonly EventGroupId: 3;
  readonly EventType: number;
  /** Milliseconds. */
  readonly CallbackTs: number;
  readonly EventInfo: TrtcRecordingEventInfo<Readonly<Record<string, unknown>>>;
}

/** The webhook bodies typed here. */
export type LiveWebhook = LiveCallbackAfterCreateRoom | LiveCallbackAfterDestroyRoom | FollowCallbackAfterCloudRecordingChanged;

/** `hex(SHA256(Token + RequestTime))`: the `Sign` query parameter of a Live webhook. */
export function liveWebhookSign(token: string, requestTime: string | number): string {
  return createHash("sha256").update(`${token}${requestTime}`, "utf8").digest("hex");
}

/** Input of {@link verifyLiveWebhook}. */
export interface VerifyLiveWebhookInput {
  /** The callback token set with `live_config/set_callback_token`. */
  readonly token: string;
  /** The `Sign` query parameter. */
  readonly sign: string | null | undefined;
  /** The `RequestTime` query parameter (Unix seconds). */
  readonly requestTime: string | number | null | undefined;
  /** Current time (milliseconds since the epoch, or a Date). @default - Date.now() */
  readonly now?: number | Date;
  /** Allowed |now − RequestTime|. @default 60 seconds (the documented rule) */
  readonly maxSkewSeconds?: number;
  /** Your SDKAppID; when given, `sdkAppIdParam` must equal it. */
  readonly expectedSdkAppId?: number;
  /** The `SdkAppid` query parameter. */
  readonly sdkAppIdParam?: string | number | null;
}

/** Checks a Live webhook's `Sign`, `RequestTime` freshness and (optionally) `SdkAppid`. Never throws. */
export function verifyLiveWebhook(input: VerifyLiveWebhookInput): VerifyResult {
  try {
    if (input.expectedSdkAppId !== undefined) {
      if (input.sdkAppIdParam === undefined || input.sdkAppIdParam === null || String(input.sdkAppIdParam).trim() === "") {
        return rejected("missing SdkAppid parameter");
      }
      if (String(input.sdkAppIdParam).trim() !== String(input.expectedSdkAppId)) return rejected("SdkAppid does not match");
    }
    if (typeof input.token !== "string" || input.token.length === 0) return rejected("no callback token configured");
    if (typeof input.sign !== "string" || input.sign.length === 0) return rejected("missing Sign parameter");
    if (input.requestTime === undefined || input.requestTime === null) return rejected("missing RequestTime parameter");
    const rt = String(input.requestTime).trim();
    if (!/^\d{1,12}$/.test(rt)) return rejected("RequestTime is not a Unix time in seconds");
    const maxSkew = input.maxSkewSeconds ?? 60;
    const skew = Math.abs(nowMs(input.now) / 1000 - Number(rt));
    if (!(skew <= maxSkew)) return rejected(`RequestTime is ${Math.round(skew)} s away from now (limit ${maxSkew} s)`);
    const expected = liveWebhookSign(input.token, rt);
    return constantTimeEqual(expected, input.sign.trim().toLowerCase()) ? VERIFIED : rejected("signature mismatch");
  } catch {
    return rejected("unverifiable input");
  }
}

/** The query parameters Live appends to the webhook URL. */
export interface LiveWebhookQuery {
  readonly SdkAppid?: string;
  readonly CallbackCommand?: string;
  readonly contenttype?: string;
  readonly ClientIP?: string;
  readonly OptPlatform?: string;
  readonly Sign?: string;
  readonly RequestTime?: string;
}

/** Reads the webhook query parameters from a request URL (absolute, or a path with a query string). */
export function parseLiveWebhookQuery(url: string): LiveWebhookQuery {
  const q = new URL(url, "http://receiver.invalid").searchParams;
  const get = (k: string): string | undefined => q.get(k) ?? undefined;
  return {
    SdkAppid: get("SdkAppid"),
    CallbackCommand: get("CallbackCommand"),
    contenttype: get("contenttype"),
    ClientIP: get("ClientIP"),
    OptPlatform: get("OptPlatform"),
    Sign: get("Sign"),
    RequestTime: get("RequestTime"),
  };
}
