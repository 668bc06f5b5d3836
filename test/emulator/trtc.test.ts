import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, genUserSig, startEmulator } from "../../emulator/public-api";
import { TrtcClient, rejectionOf, trtcClient } from "./helpers";

let emu: Emulator;
let trtc: TrtcClient;

beforeAll(async () => {
  // Rate limits have their own tests (faults.test.ts); here calls come faster than 5/s.
  emu = await startEmulator({ rateLimits: false });
  trtc = trtcClient(emu);
});
afterAll(() => emu.stop());

const robotSig = (userId: string, expireSeconds = 3600) =>
  genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: userId, expireSeconds });

function request(overrides: Record<string, unknown> = {}) {
  return {
    SdkAppId: DEFAULT_SDK_APP_ID,
    RoomId: "12345",
    UserId: "recorder_12345",
    UserSig: robotSig("recorder_12345"),
    RecordParams: { RecordMode: 2, MaxIdleTime: 30, StreamType: 0, MaxMediaFileDuration: 1440 },
    StorageParams: { CloudVod: { TencentVod: { SubAppId: 1500000001, ExpireTime: 86400 } } },
    ...overrides,
  };
}

describe("CreateCloudRecording / DescribeCloudRecording / DeleteCloudRecording", () => {
  test("round trip", async () => {
    // WHEN
    const { TaskId } = await trtc.CreateCloudRecording(request() as never);
    // THEN
    expect(TaskId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const d = await trtc.DescribeCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: TaskId as string });
    expect(d).toMatchObject({ TaskId, Status: "InProgress", StorageFileList: [] });
    expect(await trtc.DeleteCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: TaskId as string })).toMatchObject({ TaskId });
    expect((await rejectionOf(trtc.DescribeCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: TaskId as string }))).code).toBe("FailedOperation.TaskNotExist");
    expect((await rejectionOf(trtc.DeleteCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: TaskId as string }))).code).toBe("FailedOperation.TaskNotExist");
  });

  test("string room ids need RoomIdType 0", async () => {
    expect((await rejectionOf(trtc.CreateCloudRecording(request({ RoomId: "live-room" })) as Promise<unknown>)).code).toBe("InvalidParameter.RoomId");
    await expect(trtc.CreateCloudRecording(request({ RoomId: "live-room", RoomIdType: 0 }) as never)).resolves.toHaveProperty("TaskId");
  });

  test("a second task with the same robot UserId kicks the first", async () => {
    const first = await trtc.CreateCloudRecording(request({ RoomId: "777", UserId: "bot", UserSig: robotSig("bot") }) as never);
    await trtc.CreateCloudRecording(request({ RoomId: "777", UserId: "bot", UserSig: robotSig("bot") }) as never);
    expect((await rejectionOf(trtc.DescribeCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: first.TaskId as string }))).code).toBe("FailedOperation.TaskNotExist");
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["no SdkAppId", { SdkAppId: undefined }, "MissingParameter.SdkAppId"],
    ["unknown SdkAppId", { SdkAppId: 1400099999 }, "InvalidParameter.SdkAppId"],
    ["no RoomId", { RoomId: undefined }, "MissingParameter.RoomId"],
    ["no UserId", { UserId: undefined }, "MissingParameter.UserId"],
    ["no UserSig", { UserSig: undefined }, "MissingParameter.UserSig"],
    ["UserSig of another user", { UserSig: robotSig("someone-else") }, "InvalidParameter.UserSig"],
    ["forged UserSig", { UserSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: "wrong", identifier: "recorder_12345" }) }, "InvalidParameter.UserSig"],
    ["no RecordParams", { RecordParams: undefined }, "MissingParameter.RecordParams"],
    ["no RecordMode", { RecordParams: { MaxIdleTime: 30 } }, "MissingParameter.RecordMode"],
    ["RecordMode 3", { RecordParams: { RecordMode: 3 } }, "InvalidParameter.OutOfRange"],
    ["MaxIdleTime 4", { RecordParams: { RecordMode: 1, MaxIdleTime: 4 } }, "InvalidParameter.OutOfRange"],
    ["MaxIdleTime 86401", { RecordParams: { RecordMode: 1, MaxIdleTime: 86401 } }, "InvalidParameter.OutOfRange"],
    ["MaxMediaFileDuration 0", { RecordParams: { RecordMode: 1, MaxMediaFileDuration: 0 } }, "InvalidParameter.OutOfRange"],
    ["MaxMediaFileDuration 1441", { RecordParams: { RecordMode: 1, MaxMediaFileDuration: 1441 } }, "InvalidParameter.OutOfRange"],
    ["StreamType 3", { RecordParams: { RecordMode: 1, StreamType: 3 } }, "InvalidParameter.OutOfRange"],
    ["no StorageParams", { StorageParams: undefined }, "MissingParameter.StorageParams"],
    ["empty StorageParams", { StorageParams: {} }, "MissingParameter.StorageParams"],
    [
      "VOD and COS together",
      { StorageParams: { CloudVod: { TencentVod: {} }, CloudStorage: { Vendor: 0, Region: "ap-guangzhou", Bucket: "b", AccessKey: "a", SecretKey: "s" } } },
      "InvalidParameter",
    ],
    ["COS without Bucket", { StorageParams: { CloudStorage: { Vendor: 0, Region: "ap-guangzhou", AccessKey: "a", SecretKey: "s" } } }, "MissingParameter.Bucket"],
    ["aac to VOD without audio-only", { StorageParams: { CloudVod: { TencentVod: { MediaType: 2 } } } }, "InvalidParameter.RecordAudioOnly"],
    ["ResourceExpiredHour 5", { ResourceExpiredHour: 5 }, "InvalidParameter.OutOfRange"],
    ["mix video above 1920×1080", { MixTranscodeParams: { VideoParams: { Width: 1920, Height: 1920, Fps: 15, BitRate: 550000, Gop: 10 } } }, "InvalidParameter.OutOfRange"],
    ["mix video incomplete", { MixTranscodeParams: { VideoParams: { Width: 640 } } }, "MissingParameter"],
    ["unknown field", { Foo: 1 }, "UnknownParameter"],
  ];
  test.each(bad)("%s", async (_name, overrides, code) => {
    expect((await rejectionOf(trtc.CreateCloudRecording(request(overrides) as never))).code).toBe(code);
  });

  test("boundaries are accepted: MaxIdleTime 5 and 86400, MaxMediaFileDuration 1 and 1440", async () => {
    for (const rp of [
      { RecordMode: 1, MaxIdleTime: 5, MaxMediaFileDuration: 1 },
      { RecordMode: 2, MaxIdleTime: 86400, MaxMediaFileDuration: 1440 },
    ]) {
      await expect(trtc.CreateCloudRecording(request({ RecordParams: rp }) as never)).resolves.toHaveProperty("TaskId");
    }
  });

  test("region: missing is MissingParameter, outside the allowed list is UnsupportedRegion", async () => {
    const noRegion = trtcClient(emu, { region: "" });
    expect((await rejectionOf(noRegion.CreateCloudRecording(request() as never))).code).toBe("MissingParameter");
    const mumbai = trtcClient(emu, { region: "ap-mumbai" });
    await expect(mumbai.CreateCloudRecording(request() as never)).resolves.toHaveProperty("TaskId");
    const tokyo = trtcClient(emu, { region: "ap-tokyo" });
    expect((await rejectionOf(tokyo.CreateCloudRecording(request() as never))).code).toBe("UnsupportedRegion");
  });
});

describe("DescribeRecordingUsage", () => {
  beforeAll(async () => {
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled: true } });
    // 60 minutes ending 2031-03-02T10:00Z, two hosts → 120 single minutes, HD.
    await emu.admin.simulateSession({
      sdkAppId: DEFAULT_SDK_APP_ID,
      roomId: "usage-room",
      roomKind: "trtc",
      hosts: ["a", "b"],
      minutes: 60,
      endedAt: "2031-03-02T10:00:00Z",
    });
  });

  test("one day gives 288 five-minute points", async () => {
    const r = await trtc.DescribeRecordingUsage({ StartTime: "2031-03-02", EndTime: "2031-03-02", MixType: "single", SdkAppId: DEFAULT_SDK_APP_ID });
    expect(r.UsageKey).toEqual(["Audio", "SD", "HD", "FullHD", "2K", "4K"]);
    expect(r.UsageList).toHaveLength(288);
    const hd = (r.UsageList ?? []).map((p) => (p.UsageValue as number[])[2]);
    expect(hd.reduce((a, b) => a + b, 0)).toBeCloseTo(120, 6);
    const nine = (r.UsageList ?? []).find((p) => p.TimeKey === "2031-03-02 09:00:00");
    expect(nine?.UsageValue).toEqual([0, 0, 10, 0, 0, 0]);
    expect(nine?.TimeStampKey).toBe(Date.UTC(2031, 2, 2, 9) / 1000);
  });

  test("several days give daily points; multi has nothing for GAR", async () => {
    const r = await trtc.DescribeRecordingUsage({ StartTime: "2031-03-01", EndTime: "2031-03-03", MixType: "single" });
    expect(r.UsageList?.map((p) => p.TimeKey)).toEqual(["2031-03-01 00:00:00", "2031-03-02 00:00:00", "2031-03-03 00:00:00"]);
    expect(r.UsageList?.[1].UsageValue).toEqual([0, 0, 120, 0, 0, 0]);
    const multi = await trtc.DescribeRecordingUsage({ StartTime: "2031-03-01", EndTime: "2031-03-03", MixType: "multi" });
    expect(multi.UsageList?.every((p) => (p.UsageValue as number[]).every((v) => v === 0))).toBe(true);
  });

  test("31 days are allowed, 32 are not", async () => {
    await expect(trtc.DescribeRecordingUsage({ StartTime: "2031-03-01", EndTime: "2031-03-31", MixType: "single" })).resolves.toHaveProperty("UsageList");
    expect((await rejectionOf(trtc.DescribeRecordingUsage({ StartTime: "2031-03-01", EndTime: "2031-04-01", MixType: "single" }))).code).toBe(
      "InvalidParameter.QueryScaleOversize",
    );
  });

  test.each([
    ["MixType missing", { StartTime: "2031-03-01", EndTime: "2031-03-01" }, "MissingParameter"],
    ["MixType other", { StartTime: "2031-03-01", EndTime: "2031-03-01", MixType: "mixed" }, "InvalidParameter"],
    ["bad date", { StartTime: "2031-02-30", EndTime: "2031-03-01", MixType: "single" }, "InvalidParameter"],
    ["end before start", { StartTime: "2031-03-02", EndTime: "2031-03-01", MixType: "single" }, "InvalidParameter"],
    ["unknown SdkAppId", { StartTime: "2031-03-01", EndTime: "2031-03-01", MixType: "single", SdkAppId: 1 }, "InvalidParameter.SdkAppId"],
  ])("%s", async (_n, req, code) => {
    expect((await rejectionOf(trtc.DescribeRecordingUsage(req as never))).code).toBe(code);
  });

  test("only ap-guangzhou", async () => {
    const sh = trtcClient(emu, { region: "ap-shanghai" });
    expect((await rejectionOf(sh.DescribeRecordingUsage({ StartTime: "2031-03-01", EndTime: "2031-03-01", MixType: "single" }))).code).toBe("UnsupportedRegion");
  });
});
