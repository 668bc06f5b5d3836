/**
 * Builds the callbacks the real services would send, signed with the package's callback kit (lib/callbacks),
 * addressed from the configured URLs. Returns undefined when nothing would be sent (no URL, command not subscribed,
 * event switch off).
 */
import { liveWebhookSign, signTrtcCallback, vodCallbackSign } from "../lib/callbacks";
import type { EmulatorContext } from "./context";
import type { OutboundCallback } from "./deliver";
import type { LiveRoomRecord, MediaRecord } from "./state";
import { eventConfigOf } from "./vod";

/** The VOD signature's lifetime: "by default 10 minutes after sending". */
export const VOD_SIGN_LIFETIME_SECONDS = 600;

/** A TRTC event callback (groups 1–3) to the console URL of that group, signed with the console callback key. */
export function trtcCallback(
  ctx: EmulatorContext,
  sdkAppId: number,
  group: "room" | "recording",
  body: Readonly<Record<string, unknown>>,
): OutboundCallback | undefined {
  const app = ctx.state.apps[String(sdkAppId)];
  if (!app) return undefined;
  const cfg = app.console.trtcCallbacks;
  const url = group === "room" ? cfg.roomCallbackUrl : cfg.recordingCallbackUrl;
  if (!url) return undefined;
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { SdkAppId: String(sdkAppId) };
  if (cfg.callbackKey) headers.Sign = signTrtcCallback(cfg.callbackKey, raw);
  return { kind: "trtc", event: String(body.EventType), sdkAppId, url, body: raw, headers };
}

/** A Live webhook, if the app has a webhook URL whose command list includes `command`. */
export function liveWebhook(
  ctx: EmulatorContext,
  sdkAppId: number,
  command: string,
  body: Readonly<Record<string, unknown>>,
): OutboundCallback | undefined {
  const cfg = ctx.state.liveCallbacks[String(sdkAppId)];
  if (!cfg || !cfg.Url || !cfg.CallbackCommandList.includes(command)) return undefined;
  const q = new URLSearchParams({
    SdkAppid: String(sdkAppId),
    CallbackCommand: command,
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "RESTAPI",
  });
  const token = ctx.state.liveCallbackTokens[String(sdkAppId)];
  if (token && token.IsTokenEnable && token.Token) {
    const requestTime = String(Math.floor(ctx.wallNow() / 1000));
    q.set("RequestTime", requestTime);
    q.set("Sign", liveWebhookSign(token.Token, requestTime));
  }
  const url = `${cfg.Url}${cfg.Url.includes("?") ? "&" : "?"}${q.toString()}`;
  return { kind: "live", event: command, sdkAppId, url, body: JSON.stringify({ CallbackCommand: command, ...body }) };
}

/** A VOD `NewFileUpload` notification, when the media's application is in PUSH mode with the upload switch ON. */
export function vodNewFileUpload(ctx: EmulatorContext, media: MediaRecord, sdkAppId?: number): OutboundCallback | undefined {
  const cfg = eventConfigOf(ctx, media.subAppId);
  if (cfg.Mode !== "PUSH" || !cfg.NotificationUrl || cfg.UploadMediaCompleteEventSwitch !== "ON") return undefined;
  const body: Record<string, unknown> = {
    EventType: "NewFileUpload",
    FileUploadEvent: {
      FileId: media.FileId,
      MediaBasicInfo: media.BasicInfo,
      ProcedureTaskId: "",
      ReviewAudioVideoTaskId: "",
      MetaData: media.MetaData,
    },
  };
  if (cfg.SignKey) {
    const t = Math.floor(ctx.wallNow() / 1000) + VOD_SIGN_LIFETIME_SECONDS;
    body.Sign = vodCallbackSign(cfg.SignKey, t);
    body.T = t;
  }
  return { kind: "vod", event: "NewFileUpload", sdkAppId, url: cfg.NotificationUrl, body: JSON.stringify(body) };
}

/** `RoomInfo` of the Live room webhooks. */
export function liveRoomInfo(room: LiveRoomRecord, effectiveUnlimited: boolean, destroyed: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    RoomId: room.RoomId,
    RoomName: room.RoomName,
    RoomType: room.RoomType,
    Owner_Account: room.Owner_Account,
    MaxMemberCount: room.MaxMemberCount ?? 0,
    IsMessageDisabled: room.IsMessageDisabled,
    CustomInfo: room.CustomInfo ?? "",
    IsSeatEnabled: true,
    TakeSeatMode: room.TakeSeatMode,
    MaxSeatCount: room.MaxSeatCount ?? 0,
    CreateTime: room.CreateTime,
    IsPublicVisible: room.IsPublicVisible,
    CoverURL: room.CoverURL,
    Category: [...room.Category],
  };
  if (destroyed) {
    info.ActivityStatus = 0;
    info.ViewCount = 0;
    info.BackgroundURL = "";
    info.IsUnlimitedRoomEnabled = effectiveUnlimited;
  }
  return info;
}
