import {
  parseLiveWebhookQuery,
  parseTrtcCallback,
  verifyLiveWebhook,
  verifyTrtcCallback,
  verifyVodCallback,
} from "../../lib/callbacks";
import type { VodNewFileUploadCallback } from "../../lib/callbacks";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, startEmulator } from "../../emulator/public-api";
import { Receiver, liveCall, startReceiver, vodClient } from "./helpers";

const TRTC_KEY = "trtcCallbackKey42";
const LIVE_TOKEN = "liveToken2024";
const SIGN_KEY = "vodSignKey7";

let emu: Emulator;
let rx: Receiver;
let subAppId: number;

beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
  rx = await startReceiver();
  const vod = vodClient(emu);
  subAppId = (await vod.CreateSubAppId({ Name: "cb" })).SubAppId as number;
  await vod.ModifyEventConfig({ SubAppId: subAppId, Mode: "PUSH", NotificationUrl: `${rx.url}/vod`, UploadMediaCompleteEventSwitch: "ON", SignKey: SIGN_KEY });
  const o = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
  await liveCall(emu, "live_config/set_callback", {
    Url: `${rx.url}/live`,
    CallbackCommandList: ["Live.CallbackAfterCreateRoom", "Live.CallbackAfterDestroyRoom", "Follow.CallbackAfterCloudRecordingChanged"],
  }, o);
  await liveCall(emu, "live_config/set_callback_token", { Token: LIVE_TOKEN, IsTokenEnable: true }, o);
  await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, {
    liveRoomRecording: { vodSubAppId: subAppId, saveDurationSeconds: 3600, fullRoomRecording: true },
    trtcCallbacks: { recordingCallbackUrl: `${rx.url}/trtc`, roomCallbackUrl: `${rx.url}/room`, callbackKey: TRTC_KEY },
  });
  // Rooms are decided when they are created: sessions simulated below start after this configuration.
  await emu.admin.advanceClock(3600);
});
afterAll(async () => {
  await emu.stop();
  await rx.close();
});

test("a recorded Live session sends signed TRTC, Live and VOD callbacks that lib/callbacks verifies", async () => {
  // WHEN
  rx.requests.length = 0;
  const report = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "cb-room", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["h1", "h2"], minutes: 5 });

  // THEN: every delivery reached the receiver
  expect(report.callbacks.length).toBe(rx.requests.length);
  expect(report.callbacks.every((d) => d.ok && d.status === 200)).toBe(true);

  const trtc = rx.requests.filter((r) => r.path === "/trtc");
  const live = rx.requests.filter((r) => r.path.startsWith("/live"));
  const vod = rx.requests.filter((r) => r.path === "/vod");

  // TRTC recording events 301, 302, 311, 312, each signed with the console key
  expect(trtc.map((r) => JSON.parse(r.rawBody).EventType)).toEqual([301, 311, 302, 312]);
  for (const r of trtc) {
    expect(r.headers["sdkappid"]).toBe(String(DEFAULT_SDK_APP_ID));
    expect(verifyTrtcCallback({ key: TRTC_KEY, rawBody: r.rawBody, signature: r.headers["sign"] as string })).toEqual({ ok: true });
    expect(verifyTrtcCallback({ key: "wrong", rawBody: r.rawBody, signature: r.headers["sign"] as string }).ok).toBe(false);
    const parsed = parseTrtcCallback(r.rawBody);
    expect(parsed.ok).toBe(true);
  }
  // Room and media events to the room callback URL, same key
  const room = rx.requests.filter((r) => r.path === "/room");
  expect(room.map((r) => JSON.parse(r.rawBody).EventType)).toEqual([101, 103, 201, 203, 103, 201, 203, 104, 104, 102]);
  for (const r of room) {
    expect(verifyTrtcCallback({ key: TRTC_KEY, rawBody: r.rawBody, signature: r.headers["sign"] as string })).toEqual({ ok: true });
    expect(parseTrtcCallback(r.rawBody).ok).toBe(true);
  }
  expect(JSON.parse(room[1].rawBody).EventInfo).toMatchObject({ RoomId: "cb-room", UserId: "h1", Role: 20 });

  const commit = parseTrtcCallback(trtc[1].rawBody);
  if (!commit.ok || commit.event.EventType !== 311) throw new Error("expected 311");
  expect(commit.event.EventInfo.Payload.TencentVod).toMatchObject({ UserId: "", MediaId: "mix", FileId: report.files[0].fileId });
  expect(commit.event.EventInfo.TaskId).toBe(report.tasks[0].taskId);

  // Live webhooks: create, recording started, recording stopped, destroy — each with Sign and RequestTime
  expect(live.map((r) => parseLiveWebhookQuery(r.path).CallbackCommand)).toEqual([
    "Live.CallbackAfterCreateRoom",
    "Follow.CallbackAfterCloudRecordingChanged",
    "Follow.CallbackAfterCloudRecordingChanged",
    "Live.CallbackAfterDestroyRoom",
  ]);
  for (const r of live) {
    const q = parseLiveWebhookQuery(r.path);
    expect(q).toMatchObject({ SdkAppid: String(DEFAULT_SDK_APP_ID), contenttype: "json", OptPlatform: "RESTAPI" });
    expect(verifyLiveWebhook({ token: LIVE_TOKEN, sign: q.Sign, requestTime: q.RequestTime, expectedSdkAppId: DEFAULT_SDK_APP_ID, sdkAppIdParam: q.SdkAppid })).toEqual({ ok: true });
    expect(verifyLiveWebhook({ token: "other", sign: q.Sign, requestTime: q.RequestTime }).ok).toBe(false);
    expect(JSON.parse(r.rawBody).CallbackCommand).toBe(q.CallbackCommand);
  }
  const destroyed = JSON.parse(live[3].rawBody);
  expect(destroyed).toMatchObject({ RoomId: "cb-room", EventType: "DestroyByUser", RoomInfo: { IsUnlimitedRoomEnabled: true } });
  expect(JSON.parse(live[1].rawBody)).toMatchObject({ EventGroupId: 3, EventType: 301 });

  // VOD NewFileUpload, with Sign/T in the body
  expect(vod).toHaveLength(1);
  const upload = JSON.parse(vod[0].rawBody) as VodNewFileUploadCallback;
  expect(upload.EventType).toBe("NewFileUpload");
  expect(upload.FileUploadEvent.FileId).toBe(report.files[0].fileId);
  expect(upload.FileUploadEvent.MediaBasicInfo.SourceInfo?.TrtcRecordInfo?.RoomId).toBe("cb-room");
  expect(verifyVodCallback({ signKey: SIGN_KEY, sign: upload.Sign, t: upload.T })).toEqual({ ok: true });
  expect(verifyVodCallback({ signKey: SIGN_KEY, sign: upload.Sign, t: upload.T, now: ((upload.T as number) + 1) * 1000 })).toMatchObject({ ok: false });
});

test("only subscribed Live commands are sent; without a token there is no Sign", async () => {
  const o = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
  await liveCall(emu, "live_config/update_callback", { Url: `${rx.url}/live`, CallbackCommandList: ["Live.CallbackAfterDestroyRoom"] }, o);
  await liveCall(emu, "live_config/delete_callback_token", {}, o);
  rx.requests.length = 0;
  await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "cb-2", seatTemplate: "AudioSalon", hosts: ["s"], minutes: 1 });
  const live = rx.requests.filter((r) => r.path.startsWith("/live"));
  expect(live.map((r) => parseLiveWebhookQuery(r.path).CallbackCommand)).toEqual(["Live.CallbackAfterDestroyRoom"]);
  expect(parseLiveWebhookQuery(live[0].path).Sign).toBeUndefined();
  expect(JSON.parse(live[0].rawBody).RoomInfo.IsUnlimitedRoomEnabled).toBe(false);
  // not recorded (voice room): no TRTC or VOD callbacks
  expect(rx.requests.filter((r) => r.path === "/trtc" || r.path === "/vod")).toEqual([]);
});

test("REST create_room sends Live.CallbackAfterCreateRoom in the background", async () => {
  const o = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
  await liveCall(emu, "live_config/set_callback", { Url: `${rx.url}/live`, CallbackCommandList: ["Live.CallbackAfterCreateRoom"] }, o);
  rx.requests.length = 0;
  await liveCall(emu, "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "bg", RoomType: "Live", SeatTemplate: "Karaoke" } }, o);
  await emu.admin.settle();
  expect(rx.requests.map((r) => JSON.parse(r.rawBody).RoomInfo.RoomId)).toEqual(["bg"]);
});

test("failed deliveries are reported, never fatal", async () => {
  rx.status = 500;
  try {
    const r500 = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "cb-500", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["x"], minutes: 1 });
    expect(r500.callbacks.length).toBeGreaterThan(0);
    expect(r500.callbacks.every((d) => d.status === 500 && !d.ok)).toBe(true);
  } finally {
    rx.status = 200;
  }
  await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { trtcCallbacks: { recordingCallbackUrl: "http://127.0.0.1:1/unreachable" } });
  const down = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "cb-down", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["x"], minutes: 1 });
  const trtc = down.callbacks.filter((d) => d.kind === "trtc" && d.url.endsWith("/unreachable"));
  expect(trtc.length).toBe(4);
  expect(trtc.every((d) => !d.ok && d.status === undefined && typeof d.error === "string")).toBe(true);
  // the emulator still answers
  await expect(vodClient(emu).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
});

test("callbacks to hosts other than loopback are recorded as not delivered (offline by default)", async () => {
  // GIVEN a TRTC recording callback URL on the internet
  await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { trtcCallbacks: { recordingCallbackUrl: "https://hooks.example.com/trtc" } });
  try {
    // WHEN
    const report = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "cb-external", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["h1"], minutes: 1 });
    // THEN
    const external = report.callbacks.filter((d) => d.url === "https://hooks.example.com/trtc");
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((d) => !d.ok && d.error === "not delivered: the emulator calls only loopback URLs (option externalCallbacks)")).toBe(true);
  } finally {
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { trtcCallbacks: { recordingCallbackUrl: `${rx.url}/trtc` } });
  }
});
