/**
 * Live (TUILiveKit) server REST API, Chat style: POST `/v4/<service>/<command>?sdkappid&identifier&usersig&random&contenttype=json`,
 * answered in the `{"ActionStatus","ErrorCode","ErrorInfo","RequestId","Response"}` envelope (always HTTP 200).
 * Commands: `live_engine_http_srv/{create_room,get_room_info,destroy_room}` and
 * `live_config/{set,update,get,delete}_callback`, `live_config/{set,get,delete}_callback_token` (reference §4.3, §5).
 */
import { LIVE_CALLBACK_COMMANDS } from "../lib/callbacks";
import type { EmulatorContext } from "./context";
import { LiveApiError, LiveErrorCode } from "./errors";
import type { JsonObject } from "./params";
import { isObject } from "./params";
import { consoleAt } from "./console-history";
import { SEAT_TEMPLATES, SeatTemplate, decideAtCreation, effectiveUnlimited, isSeatTemplate, isVoiceTemplate } from "./recording";
import { liveRoomInfo, liveWebhook } from "./outbound";
import { MAX_SESSION_MINUTES, SessionReport, applySession } from "./session";
import type { AppRecord, LiveRoomRecord } from "./state";
import { verifyUserSig } from "./usersig";

/** The authenticated caller of a Live REST command. */
export interface LiveCaller {
  readonly app: AppRecord;
  readonly identifier: string;
}

export interface LiveCommandContext extends EmulatorContext {
  /** Called with the report of a session that destroy_room ended (its callbacks are still being delivered). */
  readonly onSession: (report: SessionReport) => void;
}

export type LiveHandler = (ctx: LiveCommandContext, body: JsonObject, caller: LiveCaller) => JsonObject | undefined;

function invalid(message: string): LiveApiError {
  return new LiveApiError(LiveErrorCode.InvalidParams, message);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function str(o: JsonObject, name: string, opts: { required?: boolean; maxBytes?: number } = {}): string | undefined {
  const v = o[name];
  if (v === undefined || v === null) {
    if (opts.required) throw invalid(`${name} is required`);
    return undefined;
  }
  if (typeof v !== "string") throw invalid(`${name} must be a string`);
  if (opts.required && v.length === 0) throw invalid(`${name} must not be empty`);
  if (opts.maxBytes !== undefined && byteLength(v) > opts.maxBytes) throw invalid(`${name} must be at most ${opts.maxBytes} bytes, got ${byteLength(v)}`);
  return v;
}

function bool(o: JsonObject, name: string): boolean | undefined {
  const v = o[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalid(`${name} must be a boolean`);
  return v;
}

function roomKey(sdkAppId: number, roomId: string): string {
  return `${sdkAppId}/${roomId}`;
}

const createRoom: LiveHandler = (ctx, body, caller) => {
  const info = body.RoomInfo;
  if (!isObject(info)) throw invalid("RoomInfo is required and must be an object");
  const roomId = str(info, "RoomId", { required: true, maxBytes: 48 }) as string;
  const roomType = str(info, "RoomType", { required: true }) as string;
  if (roomType !== "Live") throw invalid(`RoomType must be "Live", got ${JSON.stringify(roomType)}`);
  const template = info.SeatTemplate;
  if (template === undefined || template === null) throw invalid(`SeatTemplate is required (one of ${SEAT_TEMPLATES.join(", ")})`);
  if (!isSeatTemplate(template)) throw invalid(`SeatTemplate must be one of ${SEAT_TEMPLATES.join(", ")}, got ${JSON.stringify(template)}`);
  const owner = str(info, "Owner_Account", { maxBytes: 32 }) || caller.identifier;
  const takeSeatMode = str(info, "TakeSeatMode") ?? "FreeToTake";
  if (takeSeatMode !== "FreeToTake" && takeSeatMode !== "ApplyToTake") throw invalid(`TakeSeatMode must be FreeToTake or ApplyToTake, got ${JSON.stringify(takeSeatMode)}`);
  const maxSeat = info.MaxSeatCount;
  if (maxSeat !== undefined && maxSeat !== null) {
    if (typeof maxSeat !== "number" || !Number.isInteger(maxSeat) || maxSeat < 1) throw invalid("MaxSeatCount must be a positive integer");
    if (!isVoiceTemplate(template as SeatTemplate)) throw invalid("MaxSeatCount applies only to voice rooms (SeatTemplate AudioSalon or Karaoke)");
  }
  const maxMember = info.MaxMemberCount;
  if (maxMember !== undefined && maxMember !== null && (typeof maxMember !== "number" || !Number.isInteger(maxMember) || maxMember < 1)) {
    throw invalid("MaxMemberCount must be a positive integer");
  }
  const isMessageDisabled = bool(info, "IsMessageDisabled") ?? false;
  const isPublicVisible = bool(info, "IsPublicVisible") ?? true;
  const roomName = str(info, "RoomName", { maxBytes: 100 }) || roomId;
  const coverUrl = str(info, "CoverURL", { maxBytes: 200 }) ?? "";
  const customInfo = str(info, "CustomInfo");
  const category = info.Category;
  if (category !== undefined && category !== null) {
    if (!Array.isArray(category) || category.length > 3 || category.some((c) => typeof c !== "number" || !Number.isInteger(c))) {
      throw invalid("Category must be an array of at most 3 integers");
    }
  }
  const unlimited = bool(info, "IsUnlimitedRoomEnabled");
  // Tri-state (reference §5.2): absent or null = unset, true, false.
  const cloudRecord = bool(info, "IsCloudRecordEnabled");
  const key = roomKey(caller.app.sdkAppId, roomId);
  const existing = ctx.state.liveRooms[key];
  if (existing) {
    if (existing.Owner_Account === owner) throw new LiveApiError(LiveErrorCode.RoomIdExistsSameOwner, `room ${roomId} already exists with the same owner`);
    throw new LiveApiError(LiveErrorCode.RoomIdExists, `room ${roomId} already exists`);
  }
  const now = ctx.now();
  // Recording is decided now, from the console in force now (reference §5.2: unsent, IsUnlimitedRoomEnabled is false
  // for REST-created rooms); destroy_room records the session whole, or not at all, whatever the console does meanwhile.
  const recordingDecision = decideAtCreation(
    { createdViaLive: true, seatTemplate: template as SeatTemplate, createdWith: "rest-api", isUnlimitedRoomEnabled: unlimited, isCloudRecordEnabled: cloudRecord },
    consoleAt(caller.app, now),
    now,
  );
  const room: LiveRoomRecord = {
    sdkAppId: caller.app.sdkAppId,
    RoomId: roomId,
    RoomName: roomName,
    RoomType: "Live",
    Owner_Account: owner,
    SeatTemplate: template,
    TakeSeatMode: takeSeatMode,
    MaxSeatCount: typeof maxSeat === "number" ? maxSeat : undefined,
    MaxMemberCount: typeof maxMember === "number" ? maxMember : undefined,
    IsMessageDisabled: isMessageDisabled,
    IsPublicVisible: isPublicVisible,
    CoverURL: coverUrl,
    Category: Array.isArray(category) ? (category as number[]) : [],
    CustomInfo: customInfo,
    IsUnlimitedRoomEnabled: unlimited,
    IsCloudRecordEnabled: cloudRecord,
    CreateTime: Math.floor(now / 1000),
    createdAtMs: now,
    createdWith: "rest-api",
    recordingDecision,
  };
  ctx.state.liveRooms[key] = room;
  ctx.persist();
  const cb = liveWebhook(ctx, caller.app.sdkAppId, "Live.CallbackAfterCreateRoom", {
    Operator_Account: caller.identifier,
    EventTime: now,
    RoomInfo: liveRoomInfo(room, effectiveUnlimited(template as SeatTemplate, "rest-api", unlimited), false),
  });
  if (cb) ctx.callbacks.track(ctx.callbacks.send(cb));
  return { RoomId: roomId };
};

function roomOrThrow(ctx: EmulatorContext, body: JsonObject, caller: LiveCaller): LiveRoomRecord {
  const roomId = str(body, "RoomId", { required: true, maxBytes: 48 }) as string;
  const room = ctx.state.liveRooms[roomKey(caller.app.sdkAppId, roomId)];
  if (!room) throw new LiveApiError(LiveErrorCode.RoomNotFound, `room ${roomId} does not exist or has been destroyed`);
  return room;
}

const getRoomInfo: LiveHandler = (ctx, body, caller) => {
  const r = roomOrThrow(ctx, body, caller);
  // Only the documented fields; whether the service echoes SeatTemplate / IsUnlimitedRoomEnabled / IsCloudRecordEnabled is not documented.
  return {
    RoomInfo: {
      RoomId: r.RoomId,
      RoomName: r.RoomName,
      RoomType: r.RoomType,
      Owner_Account: r.Owner_Account,
      CreateTime: r.CreateTime,
      IsSeatEnabled: true,
      TakeSeatMode: r.TakeSeatMode,
      MaxSeatCount: r.MaxSeatCount ?? 0,
      MaxMemberCount: r.MaxMemberCount ?? 0,
      IsMessageDisabled: r.IsMessageDisabled,
      CoverURL: r.CoverURL,
      Category: [...r.Category],
      ActivityStatus: 0,
      ViewCount: 0,
      IsPublicVisible: r.IsPublicVisible,
    },
  };
};

const destroyRoom: LiveHandler = (ctx, body, caller) => {
  const room = roomOrThrow(ctx, body, caller);
  // The session: the owner as the only host, from creation until now, recorded as create_room decided.
  // (Capped at the simulation's 31-day maximum.)
  const minutes = Math.min(MAX_SESSION_MINUTES, Math.max(1 / 60, (ctx.now() - room.createdAtMs) / 60000));
  const { report, outbound } = applySession(
    ctx,
    { sdkAppId: caller.app.sdkAppId, roomId: room.RoomId, roomKind: "live", hosts: [room.Owner_Account], minutes },
    { existing: room, operator: caller.identifier, leaveCode: 4 },
  );
  delete ctx.state.liveRooms[roomKey(caller.app.sdkAppId, room.RoomId)];
  ctx.persist();
  const deliveries = ctx.callbacks.sendAll(outbound).then((d) => {
    report.callbacks = d;
  });
  ctx.callbacks.track(deliveries);
  ctx.onSession(report);
  return undefined;
};

function callbackBody(body: JsonObject): { Url: string; CallbackCommandList: string[] } {
  const url = str(body, "Url", { required: true, maxBytes: 2083 }) as string;
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw invalid("Url must be an http:// or https:// URL");
  const list = body.CallbackCommandList;
  if (!Array.isArray(list) || list.some((c) => typeof c !== "string")) throw invalid("CallbackCommandList must be an array of command names");
  for (const c of list as string[]) {
    if (!(LIVE_CALLBACK_COMMANDS as readonly string[]).includes(c)) throw invalid(`unknown callback command ${JSON.stringify(c)}`);
  }
  return { Url: url, CallbackCommandList: [...new Set(list as string[])] };
}

// set_callback creates and update_callback modifies; the service's answer to set-when-set or
// update-when-unset is not documented, so both simply write the configuration.
const setCallback: LiveHandler = (ctx, body, caller) => {
  ctx.state.liveCallbacks[String(caller.app.sdkAppId)] = callbackBody(body);
  ctx.persist();
  return undefined;
};

const getCallback: LiveHandler = (ctx, _body, caller) => {
  const c = ctx.state.liveCallbacks[String(caller.app.sdkAppId)];
  // Unset: empty values (the service's answer for "never configured" is not documented).
  return { Url: c?.Url ?? "", CallbackCommandList: c ? [...c.CallbackCommandList] : [] };
};

const deleteCallback: LiveHandler = (ctx, _body, caller) => {
  delete ctx.state.liveCallbacks[String(caller.app.sdkAppId)];
  ctx.persist();
  return undefined;
};

const setCallbackToken: LiveHandler = (ctx, body, caller) => {
  const token = str(body, "Token", { required: true, maxBytes: 128 }) as string;
  const enable = bool(body, "IsTokenEnable");
  if (enable === undefined) throw invalid("IsTokenEnable is required");
  ctx.state.liveCallbackTokens[String(caller.app.sdkAppId)] = { Token: token, IsTokenEnable: enable };
  ctx.persist();
  return undefined;
};

const getCallbackToken: LiveHandler = (ctx, _body, caller) => {
  const t = ctx.state.liveCallbackTokens[String(caller.app.sdkAppId)];
  return { Token: t?.Token ?? "", IsTokenEnable: t?.IsTokenEnable ?? false };
};

const deleteCallbackToken: LiveHandler = (ctx, _body, caller) => {
  delete ctx.state.liveCallbackTokens[String(caller.app.sdkAppId)];
  ctx.persist();
  return undefined;
};

/** Every emulated Live REST command, by `<service>/<command>`. */
export const LIVE_COMMANDS: Readonly<Record<string, LiveHandler>> = {
  "live_engine_http_srv/create_room": createRoom,
  "live_engine_http_srv/get_room_info": getRoomInfo,
  "live_engine_http_srv/destroy_room": destroyRoom,
  "live_config/set_callback": setCallback,
  "live_config/update_callback": setCallback,
  "live_config/get_callback": getCallback,
  "live_config/delete_callback": deleteCallback,
  "live_config/set_callback_token": setCallbackToken,
  "live_config/get_callback_token": getCallbackToken,
  "live_config/delete_callback_token": deleteCallbackToken,
};

/** Query parameters of a Live REST call. */
export interface LiveQuery {
  readonly sdkappid?: string;
  readonly identifier?: string;
  readonly usersig?: string;
  readonly random?: string;
  readonly contenttype?: string;
}

/**
 * Authenticates a Live REST call: SDKAppID known (70020), UserSig valid for `identifier` in that app (70003,
 * 70014, 70013, 70009, 70001), `identifier` an app administrator (60010).
 */
export function authenticateLive(ctx: EmulatorContext, q: LiveQuery): LiveCaller {
  if (!q.sdkappid || !q.identifier || !q.usersig) {
    throw new LiveApiError(LiveErrorCode.BadHttpRequest, "sdkappid, identifier and usersig are required URL parameters");
  }
  if (!/^\d{1,12}$/.test(q.sdkappid)) throw new LiveApiError(LiveErrorCode.BadHttpRequest, "sdkappid must be a number");
  if (q.random !== undefined && !(/^\d{1,10}$/.test(q.random) && Number(q.random) <= 4294967295)) {
    throw new LiveApiError(LiveErrorCode.BadHttpRequest, "random must be an integer from 0 to 4294967295");
  }
  if (q.contenttype !== undefined && q.contenttype !== "json") throw new LiveApiError(LiveErrorCode.BadHttpRequest, "contenttype must be json");
  const app = ctx.state.apps[q.sdkappid];
  if (!app) throw new LiveApiError(LiveErrorCode.SdkAppIdNotFound, `SDKAppID ${q.sdkappid} not found`);
  const v = verifyUserSig({
    userSig: q.usersig,
    sdkAppId: app.sdkAppId,
    sdkSecretKey: app.sdkSecretKey,
    identifier: q.identifier,
    nowSeconds: Math.floor(ctx.wallNow() / 1000),
  });
  if (!v.ok) throw new LiveApiError(v.errorCode, v.errorInfo);
  if (q.identifier !== app.adminIdentifier) {
    throw new LiveApiError(LiveErrorCode.AdminRequired, `identifier ${q.identifier} is not an app administrator`);
  }
  return { app, identifier: q.identifier };
}
