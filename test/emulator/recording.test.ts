import type { LiveRoomRecordingSetting } from "../../lib/console-state";
import { NEVER_EXPIRES } from "../../emulator/params";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, startEmulator } from "../../emulator/public-api";
import { SEAT_TEMPLATES, decideGlobalAutoRecording, decideLiveRecording, splitRecording } from "../../emulator/recording";
import { TrtcClient, VodClient, liveCall, trtcClient, vodClient } from "./helpers";

const configured: LiveRoomRecordingSetting = { vodSubAppId: 1500000001, saveDurationSeconds: 86400, fullRoomRecording: false };

describe("decideLiveRecording (the seed's rules)", () => {
  const decide = (o: Partial<Parameters<typeof decideLiveRecording>[0]>) =>
    decideLiveRecording({ createdViaLive: true, seatTemplate: "VideoDynamicGrid9Seats", liveRoomRecording: configured, ...o });

  test("IsCloudRecordEnabled tri-state against Full Room Recording", () => {
    // unset follows Full Room Recording
    expect(decide({})).toEqual({ recorded: false, reason: "IsCloudRecordEnabled is empty and Full Room Recording is off" });
    expect(decide({ liveRoomRecording: { ...configured, fullRoomRecording: true } })).toMatchObject({ recorded: true, reason: expect.stringContaining("IsCloudRecordEnabled is empty and Full Room Recording is on") });
    // true records regardless
    expect(decide({ isCloudRecordEnabled: true })).toMatchObject({ recorded: true, vodSubAppId: 1500000001, saveDurationSeconds: 86400 });
    // false never records
    expect(decide({ isCloudRecordEnabled: false, liveRoomRecording: { ...configured, fullRoomRecording: true } })).toMatchObject({
      recorded: false,
      reason: expect.stringContaining("IsCloudRecordEnabled is false"),
    });
  });

  test("template defaults of IsUnlimitedRoomEnabled: video true, voice false", () => {
    for (const t of SEAT_TEMPLATES) {
      const r = decide({ seatTemplate: t, isCloudRecordEnabled: true });
      expect(r.recorded).toBe(t !== "Karaoke" && t !== "AudioSalon");
    }
    expect(decide({ seatTemplate: "AudioSalon", isCloudRecordEnabled: true }).reason).toBe("isUnlimitedRoomEnabled defaults to false for AudioSalon (voice rooms are not recorded by default; Tencent must enable it)");
    expect(decide({ seatTemplate: "Karaoke", isCloudRecordEnabled: true, isUnlimitedRoomEnabled: true }).recorded).toBe(true);
    expect(decide({ isCloudRecordEnabled: true, isUnlimitedRoomEnabled: false }).reason).toBe("isUnlimitedRoomEnabled is false");
  });

  test("only rooms created via Live", () => {
    expect(decide({ createdViaLive: false, isCloudRecordEnabled: true })).toMatchObject({ recorded: false, reason: expect.stringContaining("Live records only rooms created through Live") });
  });

  test("VOD Application and Save Duration are both required", () => {
    expect(decide({ isCloudRecordEnabled: true, liveRoomRecording: { fullRoomRecording: true } }).reason).toMatch(/\(missing: VOD Application and Save Duration\)$/);
    expect(decide({ isCloudRecordEnabled: true, liveRoomRecording: { vodSubAppId: 1, fullRoomRecording: true } }).reason).toMatch(/\(missing: Save Duration\)$/);
    expect(decide({ isCloudRecordEnabled: true, liveRoomRecording: { vodSubAppId: 1, saveDurationSeconds: 0, fullRoomRecording: false } }).recorded).toBe(true);
  });

  test("Global Auto-Recording defaults: Live's VOD app, else primary; forever", () => {
    expect(decideGlobalAutoRecording({ enabled: false }, configured).recorded).toBe(false);
    expect(decideGlobalAutoRecording({ enabled: true }, configured)).toMatchObject({ recorded: true, vodSubAppId: 1500000001, storageSeconds: 0 });
    expect(decideGlobalAutoRecording({ enabled: true }, { fullRoomRecording: false })).toMatchObject({ vodSubAppId: null });
    expect(decideGlobalAutoRecording({ enabled: true, vodSubAppId: 7, storageSeconds: 60 }, configured)).toMatchObject({ vodSubAppId: 7, storageSeconds: 60 });
  });

  test("splitRecording cuts at 1440 minutes with a 30-second gap", () => {
    expect(splitRecording(1500 * 60)).toEqual([
      { offsetSeconds: 0, durationSeconds: 86400 },
      { offsetSeconds: 86430, durationSeconds: 3570 },
    ]);
    expect(splitRecording(1440 * 60)).toEqual([{ offsetSeconds: 0, durationSeconds: 86400 }]);
    // three days: two full files and the rest, minus two 30-second gaps
    expect(splitRecording(3 * 86400).map((f) => f.durationSeconds)).toEqual([86400, 86400, 86340]);
    expect(splitRecording(0)).toEqual([]);
  });
});

describe("simulated sessions, observed through the real SDK", () => {
  let emu: Emulator;
  let vod: VodClient;
  let trtc: TrtcClient;
  let liveApp: number;
  let garApp: number;

  const search = async (roomId: string, subAppId: number) =>
    (await vod.SearchMedia({ SubAppId: subAppId, SourceTypes: ["TrtcRecord"], TrtcSdkAppIds: [DEFAULT_SDK_APP_ID], TrtcRoomIds: [roomId], Limit: 50 })).MediaInfoSet ?? [];
  const usage = async (mixType: "single" | "multi", day: string) => {
    const r = await trtc.DescribeRecordingUsage({ StartTime: day, EndTime: day, MixType: mixType, SdkAppId: DEFAULT_SDK_APP_ID });
    return (r.UsageList ?? []).reduce((acc, p) => acc.map((v, i) => v + (p.UsageValue as number[])[i]), [0, 0, 0, 0, 0, 0]).map((v) => Math.round(v * 1000) / 1000);
  };

  beforeAll(async () => {
    emu = await startEmulator({ rateLimits: false });
    vod = vodClient(emu);
    trtc = trtcClient(emu);
    liveApp = (await vod.CreateSubAppId({ Name: "live-recordings" })).SubAppId as number;
    garApp = (await vod.CreateSubAppId({ Name: "gar-recordings" })).SubAppId as number;
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: liveApp, saveDurationSeconds: 7 * 86400, fullRoomRecording: false } });
  });
  afterAll(() => emu.stop());

  test("IsCloudRecordEnabled unset, Full Room Recording off: nothing recorded", async () => {
    const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "unset-off", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["anna"], minutes: 30, endedAt: "2032-01-10T12:00:00Z" });
    expect(r.live).toEqual({ recorded: false, reason: "IsCloudRecordEnabled is empty and Full Room Recording is off" });
    expect(r.tasks).toEqual([]);
    expect(await search("unset-off", liveApp)).toEqual([]);
  });

  test("IsCloudRecordEnabled true, one host: one single-stream MP4 with TrtcRecordInfo, ExpireTime = upload + save duration", async () => {
    const r = await emu.admin.simulateSession({
      sdkAppId: DEFAULT_SDK_APP_ID,
      roomId: "solo",
      seatTemplate: "VideoFixedFloat7Seats",
      isCloudRecordEnabled: true,
      hosts: ["anna"],
      minutes: 45,
      resolution: "FullHD",
      endedAt: "2032-01-11T12:00:00Z",
    });
    expect(r.live.recorded).toBe(true);
    expect(r.tasks).toEqual([expect.objectContaining({ origin: "live", recordMode: "single", userIds: ["anna"], mixType: "single", minutes: 45 })]);
    const media = await search("solo", liveApp);
    expect(media).toHaveLength(1);
    const b = media[0].BasicInfo;
    expect(b?.Type).toBe("mp4");
    expect(b?.CreateTime).toBe("2032-01-11T12:00:00Z");
    expect(b?.ExpireTime).toBe("2032-01-18T12:00:00Z");
    expect(b?.SourceInfo).toEqual({ SourceType: "TrtcRecord", SourceContext: "", TrtcRecordInfo: { SdkAppId: DEFAULT_SDK_APP_ID, RoomId: "solo", TaskId: r.tasks[0].taskId, UserIds: ["anna"] } });
    expect(media[0].MetaData?.Duration).toBe(2700);
    expect(await usage("single", "2032-01-11")).toEqual([0, 0, 0, 45, 0, 0]);
  });

  test("IsCloudRecordEnabled false with Full Room Recording on: not recorded", async () => {
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { fullRoomRecording: true } });
    // Sessions are decided when their room is created: let them start after the change.
    await emu.admin.advanceClock(11 * 60);
    try {
      const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "opt-out", seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: false, hosts: ["a"], minutes: 10 });
      expect(r.live.recorded).toBe(false);
      expect(r.live.reason).toMatch(/IsCloudRecordEnabled is false/);
      // unset with Full Room Recording on is recorded
      const unset = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "unset-on", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 10 });
      expect(unset.live.recorded).toBe(true);
      expect(await search("unset-on", liveApp)).toHaveLength(1);
    } finally {
      await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { fullRoomRecording: false } });
      await emu.admin.advanceClock(60);
    }
  });

  test("voice templates are not recorded by default", async () => {
    for (const t of ["Karaoke", "AudioSalon"] as const) {
      const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: `voice-${t}`, seatTemplate: t, isCloudRecordEnabled: true, hosts: ["v1", "v2"], minutes: 20 });
      expect(r.live).toEqual({ recorded: false, reason: `isUnlimitedRoomEnabled defaults to false for ${t} (voice rooms are not recorded by default; Tencent must enable it)` });
      expect(await search(`voice-${t}`, liveApp)).toEqual([]);
    }
  });

  test("a 1500-minute session gives two files (1440 min, then 30 s later the rest)", async () => {
    const r = await emu.admin.simulateSession({
      sdkAppId: DEFAULT_SDK_APP_ID,
      roomId: "marathon",
      seatTemplate: "VideoLandscape4Seats",
      isCloudRecordEnabled: true,
      hosts: ["runner"],
      minutes: 1500,
      endedAt: "2032-02-02T01:00:00Z",
    });
    expect(r.files.map((f) => f.durationSeconds)).toEqual([86400, 3570]);
    const media = await search("marathon", liveApp);
    expect(media.map((m) => m.MetaData?.Duration).sort((a, b) => (a as number) - (b as number))).toEqual([3570, 86400]);
    expect(new Set(media.map((m) => m.BasicInfo?.SourceInfo?.TrtcRecordInfo?.TaskId))).toEqual(new Set([r.tasks[0].taskId]));
    expect(r.tasks[0].minutes).toBeCloseTo(1499.5, 6);
  });

  test("several hosts give one mixed file, counted under multi", async () => {
    const r = await emu.admin.simulateSession({
      sdkAppId: DEFAULT_SDK_APP_ID,
      roomId: "trio",
      seatTemplate: "VideoDynamicGrid9Seats",
      isCloudRecordEnabled: true,
      hosts: ["a", "b", "c"],
      minutes: 60,
      endedAt: "2032-03-03T12:00:00Z",
    });
    expect(r.tasks).toEqual([expect.objectContaining({ recordMode: "mixed", userIds: ["a", "b", "c"], mixType: "multi" })]);
    const media = await search("trio", liveApp);
    expect(media).toHaveLength(1);
    expect(media[0].BasicInfo?.SourceInfo?.TrtcRecordInfo?.UserIds).toEqual(["a", "b", "c"]);
    expect(await usage("multi", "2032-03-03")).toEqual([0, 0, 60, 0, 0, 0]);
    expect(await usage("single", "2032-03-03")).toEqual([0, 0, 0, 0, 0, 0]);
  });

  describe("with Global Auto-Recording on", () => {
    beforeAll(() => emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled: true, vodSubAppId: garApp, storageSeconds: 86400 } }));
    afterAll(() => emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled: false } }));

    test("a recorded Live room is recorded twice: one mixed file for Live plus one file per host", async () => {
      const r = await emu.admin.simulateSession({
        sdkAppId: DEFAULT_SDK_APP_ID,
        roomId: "double",
        seatTemplate: "VideoDynamicGrid9Seats",
        isCloudRecordEnabled: true,
        hosts: ["h1", "h2"],
        minutes: 30,
        endedAt: "2032-04-04T12:00:00Z",
      });
      expect(r.doubleRecorded).toBe(true);
      expect(r.tasks.map((t) => [t.origin, t.recordMode, t.userIds.join("+")])).toEqual([
        ["live", "mixed", "h1+h2"],
        ["globalAutoRecording", "single", "h1"],
        ["globalAutoRecording", "single", "h2"],
      ]);
      expect(new Set(r.tasks.map((t) => t.taskId)).size).toBe(3);
      expect(await search("double", liveApp)).toHaveLength(1);
      const gar = await search("double", garApp);
      expect(gar.map((m) => m.BasicInfo?.SourceInfo?.TrtcRecordInfo?.UserIds?.[0]).sort()).toEqual(["h1", "h2"]);
      expect(gar[0].BasicInfo?.ExpireTime).toBe("2032-04-05T12:00:00Z");
      expect(await usage("single", "2032-04-04")).toEqual([0, 0, 60, 0, 0, 0]);
      expect(await usage("multi", "2032-04-04")).toEqual([0, 0, 30, 0, 0, 0]);
    });

    test("a plain TRTC room is recorded only by Global Auto-Recording", async () => {
      const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "4242", roomKind: "trtc", hosts: ["p1", "p2"], minutes: 15, endedAt: "2032-05-05T12:00:00Z" });
      expect(r.live.recorded).toBe(false);
      expect(r.tasks.map((t) => t.origin)).toEqual(["globalAutoRecording", "globalAutoRecording"]);
      expect(await search("4242", liveApp)).toEqual([]);
      expect(await search("4242", garApp)).toHaveLength(2);
      expect(await usage("single", "2032-05-05")).toEqual([0, 0, 30, 0, 0, 0]);
    });

    test("a voice room is recorded by Global Auto-Recording only, as audio", async () => {
      const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "ktv", seatTemplate: "Karaoke", hosts: ["singer"], minutes: 10, endedAt: "2032-06-06T12:00:00Z" });
      expect(r.live.recorded).toBe(false);
      expect(r.tasks).toEqual([expect.objectContaining({ origin: "globalAutoRecording", usageKey: "Audio" })]);
      expect(await usage("single", "2032-06-06")).toEqual([10, 0, 0, 0, 0, 0]);
    });
  });

  test("a Live room created by REST and destroyed: the owner's session is decided by the same rules", async () => {
    const o = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
    await liveCall(emu, "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "rest-room", RoomType: "Live", SeatTemplate: "VideoFixedGrid9Seats", Owner_Account: "olga", IsUnlimitedRoomEnabled: true, IsCloudRecordEnabled: true } }, o);
    await emu.admin.advanceClock(20 * 60);
    expect(await liveCall(emu, "live_engine_http_srv/destroy_room", { RoomId: "rest-room" }, o)).toMatchObject({ ActionStatus: "OK" });
    await emu.admin.settle();
    const report = (await emu.admin.listSessions()).find((s) => s.roomId === "rest-room");
    expect(report?.live.recorded).toBe(true);
    expect(report?.hosts).toEqual(["olga"]);
    expect(report?.durationSeconds).toBeGreaterThanOrEqual(1200);
    expect(report?.durationSeconds).toBeLessThan(1230);
    expect(await search("rest-room", liveApp)).toHaveLength(1);
  });

  test("an admin session of an existing REST room uses the room's settings", async () => {
    const o = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
    await liveCall(emu, "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "rest-2", RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats", IsUnlimitedRoomEnabled: true, IsCloudRecordEnabled: false } }, o);
    await expect(emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "rest-2", isCloudRecordEnabled: true, hosts: ["x"], minutes: 5 })).rejects.toThrow(/other settings/);
    const r = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "rest-2", hosts: ["x", "y"], minutes: 5 });
    expect(r.live.reason).toMatch(/IsCloudRecordEnabled is false/);
    expect((await emu.admin.dumpState()).liveRooms.some((x) => x.RoomId === "rest-2")).toBe(false);
  });

  test("save duration 0 keeps files forever; a missing VOD app gives a failed upload", async () => {
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { saveDurationSeconds: 0 } });
    await emu.admin.advanceClock(120);
    const forever = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "forever", seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: true, hosts: ["f"], minutes: 1 });
    expect(forever.files[0].expireTime).toBe(NEVER_EXPIRES);
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: 1599999999 } });
    await emu.admin.advanceClock(120);
    const lost = await emu.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "lost", seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: true, hosts: ["f"], minutes: 1 });
    expect(lost.files).toEqual([expect.objectContaining({ stored: false, error: "VOD application 1599999999 does not exist" })]);
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: liveApp, saveDurationSeconds: 7 * 86400 } });
  });

  test.each([
    ["no hosts", { hosts: [] }, /hosts/],
    ["zero minutes", { minutes: 0 }, /minutes/],
    ["Live room without template", { seatTemplate: undefined }, /seatTemplate is required/],
    ["unregistered app", { sdkAppId: 1 }, /not registered/],
    ["unknown resolution", { resolution: "8K" }, /resolution/],
  ])("invalid simulation: %s", async (_name, over, message) => {
    const input = { sdkAppId: DEFAULT_SDK_APP_ID, roomId: "bad", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 5, ...over };
    await expect(emu.admin.simulateSession(input as never)).rejects.toThrow(message);
  });
});
