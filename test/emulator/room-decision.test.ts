/**
 * Recording is decided when a room is created, from the console then, and the session is recorded whole or not at
 * all (the guide: "starting or stopping recording mid-session is not supported"; Global Auto-Recording "applies only
 * to rooms created after enabling"). Live REST calls carry a real UserSig; console changes go through the admin
 * interface over HTTP.
 */
import { EmulatorAdminClient } from "../../emulator/admin-client";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, startEmulator } from "../../emulator/public-api";
import { Receiver, VodClient, liveCall, startReceiver, vodClient } from "./helpers";

let emu: Emulator;
let admin: EmulatorAdminClient;
let vod: VodClient;
let rx: Receiver;
let liveApp: number;
let otherApp: number;
let garApp: number;
const app = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };

const createRoom = (roomId: string, info: Record<string, unknown> = {}) =>
  liveCall(emu, "live_engine_http_srv/create_room", { RoomInfo: { RoomId: roomId, RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats", Owner_Account: "host", IsUnlimitedRoomEnabled: true, ...info } }, app);
const destroyRoom = async (roomId: string) => {
  expect(await liveCall(emu, "live_engine_http_srv/destroy_room", { RoomId: roomId }, app)).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
  await admin.settle();
  const report = (await admin.listSessions()).find((s) => s.roomId === roomId);
  if (!report) throw new Error(`no session report for ${roomId}`);
  return report;
};
const media = async (roomId: string, subAppId: number) =>
  (await vod.SearchMedia({ SubAppId: subAppId, SourceTypes: ["TrtcRecord"], TrtcSdkAppIds: [DEFAULT_SDK_APP_ID], TrtcRoomIds: [roomId], Limit: 50 })).MediaInfoSet ?? [];
const frr = (on: boolean) => admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { fullRoomRecording: on } });
const gar = (enabled: boolean) => admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled, vodSubAppId: garApp, storageSeconds: 0 } });
const later = (seconds: number) => admin.advanceClock(seconds);

beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
  admin = new EmulatorAdminClient(emu.url);
  vod = vodClient(emu);
  rx = await startReceiver();
  liveApp = (await vod.CreateSubAppId({ Name: "live" })).SubAppId as number;
  otherApp = (await vod.CreateSubAppId({ Name: "other" })).SubAppId as number;
  garApp = (await vod.CreateSubAppId({ Name: "gar" })).SubAppId as number;
  await liveCall(emu, "live_config/set_callback", { Url: `${rx.url}/live`, CallbackCommandList: ["Live.CallbackAfterDestroyRoom"] }, app);
  await admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: liveApp, saveDurationSeconds: 86400, fullRoomRecording: false } });
});
afterAll(async () => {
  admin.close();
  await emu.stop();
  await rx.close();
});
beforeEach(async () => {
  await frr(false);
  await gar(false);
  await later(60);
});

describe("REST create_room / destroy_room: decided at create_room, recorded whole or not at all", () => {
  test("create_room captures the decision in the room record, from the console then", async () => {
    const before = Date.parse((await admin.dumpState()).now);
    await createRoom("captured", { IsCloudRecordEnabled: true });
    const room = (await admin.dumpState()).liveRooms.find((r) => r.RoomId === "captured");
    expect(room).toMatchObject({ createdWith: "rest-api", recordingDecision: { live: { recorded: true, vodSubAppId: liveApp, saveDurationSeconds: 86400 }, globalAutoRecording: { recorded: false } } });
    expect(room!.recordingDecision!.decidedAtMs).toBeGreaterThanOrEqual(before);
    await destroyRoom("captured");
  });

  test("Full Room Recording off → on during the session: not recorded", async () => {
    await createRoom("off-on");
    await frr(true);
    await later(1800);
    const report = await destroyRoom("off-on");
    expect(report.live).toEqual({ recorded: false, reason: "IsCloudRecordEnabled is empty and Full Room Recording is off" });
    expect(report.tasks).toEqual([]);
    expect(await media("off-on", liveApp)).toEqual([]);
  });

  test("Full Room Recording on → off during the session: recorded whole, from creation to dissolution", async () => {
    const created = Date.parse((await admin.dumpState()).now);
    await frr(true);
    await later(1);
    await createRoom("on-off");
    await frr(false);
    await later(1800);
    const report = await destroyRoom("on-off");
    expect(report.live.recorded).toBe(true);
    expect(Date.parse(report.decidedAt)).toBeGreaterThanOrEqual(created);
    expect(report.durationSeconds).toBeGreaterThanOrEqual(1800);
    expect(report.durationSeconds).toBeLessThan(1830);
    const files = await media("on-off", liveApp);
    expect(files).toHaveLength(1);
    expect(files[0].MetaData?.Duration).toBe(report.durationSeconds);
  });

  test("Global Auto-Recording enabled during the session does not record it; disabled during it records it whole", async () => {
    await createRoom("gar-off-on", { IsCloudRecordEnabled: false });
    await gar(true);
    await later(600);
    const offOn = await destroyRoom("gar-off-on");
    expect(offOn.globalAutoRecording).toEqual({ recorded: false, reason: "Global Auto-Recording was off when the room was created" });
    expect(await media("gar-off-on", garApp)).toEqual([]);

    await later(1);
    await createRoom("gar-on-off", { IsCloudRecordEnabled: false });
    await gar(false);
    await later(600);
    const onOff = await destroyRoom("gar-on-off");
    expect(onOff.globalAutoRecording.recorded).toBe(true);
    expect((await media("gar-on-off", garApp)).map((m) => m.MetaData?.Duration)).toEqual([onOff.durationSeconds]);
  });

  test("the VOD Application in force at create_room receives the files (our reading: the whole decision is taken then)", async () => {
    await frr(true);
    await later(1);
    await createRoom("moved");
    await admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: otherApp } });
    await later(300);
    try {
      await destroyRoom("moved");
      expect(await media("moved", liveApp)).toHaveLength(1);
      expect(await media("moved", otherApp)).toEqual([]);
    } finally {
      await admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: liveApp } });
    }
  });
});

describe("how the room is created decides the default of IsUnlimitedRoomEnabled", () => {
  test("REST create_room without IsUnlimitedRoomEnabled: false (reference §5.2), not recorded, and the webhook says false", async () => {
    await frr(true);
    await later(1);
    await createRoom("rest-default", { IsUnlimitedRoomEnabled: undefined, IsCloudRecordEnabled: true });
    await later(60);
    rx.requests.length = 0;
    const report = await destroyRoom("rest-default");
    expect(report.createdWith).toBe("rest-api");
    expect(report.live).toEqual({
      recorded: false,
      reason: "created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true)",
    });
    const destroyed = rx.requests.map((r) => JSON.parse(r.rawBody) as { CallbackCommand?: string; RoomInfo?: { IsUnlimitedRoomEnabled?: boolean } }).find((b) => b.CallbackCommand === "Live.CallbackAfterDestroyRoom");
    expect(destroyed?.RoomInfo?.IsUnlimitedRoomEnabled).toBe(false);
  });

  test("a client-created room (admin simulation) gets the template default; the same room created with REST does not", async () => {
    await frr(true);
    await later(3600);
    const client = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "client-made", seatTemplate: "VideoFixedGrid9Seats", hosts: ["a"], minutes: 30 });
    expect([client.createdWith, client.live.recorded]).toEqual(["client-sdk", true]);
    const rest = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "rest-made", seatTemplate: "VideoFixedGrid9Seats", createdWith: "rest-api", hosts: ["a"], minutes: 30 });
    expect([rest.createdWith, rest.live.recorded]).toEqual(["rest-api", false]);
  });

  test("a voice room created with isUnlimitedRoomEnabled true is recorded, the reason carrying Tencent's enablement", async () => {
    await frr(true);
    await later(3600);
    const r = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "salon", seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true, hosts: ["a", "b"], minutes: 20 });
    expect(r.live.recorded).toBe(true);
    expect(r.live.reason).toContain("voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us)");
  });
});

describe("voice rooms through REST create_room / destroy_room: the caveat, or the real cause", () => {
  test("AudioSalon with IsUnlimitedRoomEnabled true: recorded, the reason carrying Tencent's enablement; with IsCloudRecordEnabled false: not, and that is the cause given", async () => {
    await frr(true);
    await later(1);
    await createRoom("salon-rest", { SeatTemplate: "AudioSalon", IsUnlimitedRoomEnabled: true });
    await createRoom("salon-optout", { SeatTemplate: "AudioSalon", IsUnlimitedRoomEnabled: true, IsCloudRecordEnabled: false });
    await later(600);
    const recorded = await destroyRoom("salon-rest");
    expect(recorded.live).toEqual({
      recorded: true,
      reason:
        "recorded as single-stream with one host, one mixed-stream file with several hosts: IsCloudRecordEnabled is empty and Full Room Recording is on (voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded)",
    });
    expect((await media("salon-rest", liveApp)).map((m) => m.BasicInfo?.Category)).toEqual(["Audio"]);
    const optOut = await destroyRoom("salon-optout");
    expect(optOut.live).toEqual({ recorded: false, reason: "IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on" });
    expect(await media("salon-optout", liveApp)).toEqual([]);
  });
});

describe("simulated sessions are decided from the console history at their start", () => {
  test("every admin change is stamped with the emulator clock", async () => {
    const before = (await admin.getConsoleHistory(DEFAULT_SDK_APP_ID)).length;
    const { now } = await later(0);
    await frr(true);
    const history = await admin.getConsoleHistory(DEFAULT_SDK_APP_ID);
    expect(history).toHaveLength(before + 1);
    expect(history[0].since).toBeNull();
    const last = history[history.length - 1];
    expect(last.console.liveRoomRecording.fullRoomRecording).toBe(true);
    expect(Date.parse(last.since!)).toBeGreaterThanOrEqual(Date.parse(now));
  });

  test("a session that started before Full Room Recording was turned on is not recorded, even though it ended after", async () => {
    await later(4 * 3600); // off for the last 4 hours
    const { now } = await later(0);
    await frr(true);
    const changedAt = Date.parse(now);
    const spanning = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "spanning", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 30, endedAt: changedAt + 10 * 60000 });
    expect(spanning.live.recorded).toBe(false);
    const past = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "past", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 30, endedAt: changedAt - 60 * 60000 });
    expect(past.live.recorded).toBe(false);
    const after = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "after", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 30, endedAt: changedAt + 40 * 60000 });
    expect(after.live.recorded).toBe(true);
    expect(Date.parse(after.decidedAt)).toBe(changedAt + 10 * 60000);
  });

  test("a session that started while Full Room Recording was on is recorded whole, though it was turned off before the end", async () => {
    await frr(true);
    await later(3600);
    const { now } = await later(0);
    await frr(false);
    const r = await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "whole", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 50, endedAt: Date.parse(now) + 10 * 60000 });
    expect(r.live.recorded).toBe(true);
    expect(r.files.map((f) => f.durationSeconds)).toEqual([3000]);
  });
});
