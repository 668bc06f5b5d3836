import { NEVER_EXPIRES } from "../../emulator/params";
import { DEFAULT_SDK_APP_ID, Emulator, startEmulator } from "../../emulator/public-api";
import { VodClient, rejectionOf, vodClient } from "./helpers";

let emu: Emulator;
let vod: VodClient;
let vodByIp: VodClient;

beforeAll(async () => {
  emu = await startEmulator({ destroyingSeconds: 60, rateLimits: false });
  vod = vodClient(emu);
  vodByIp = vodClient(emu, { endpointStyle: "ip" });
});
afterAll(() => emu.stop());

describe("sub-applications", () => {
  test("create → describe round trip, by service name and by IP endpoint", async () => {
    // WHEN
    const created = await vod.CreateSubAppId({ Name: "rec-dev", Description: "recordings", Tags: [{ TagKey: "env", TagValue: "dev" }] });
    const viaIp = await vodByIp.CreateSubAppId({ Name: "rec-ip" });
    // THEN
    expect(created.SubAppId).toBeGreaterThan(1500000000);
    expect(created.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(viaIp.SubAppId).toBe((created.SubAppId as number) + 1);
    const found = await vod.DescribeSubAppIds({ Name: "rec-dev" });
    expect(found.TotalCount).toBe(1);
    expect(found.SubAppIdInfoSet?.[0]).toMatchObject({
      SubAppId: created.SubAppId,
      SubAppIdName: "rec-dev",
      Name: "rec-dev",
      Description: "recordings",
      Status: "On",
      Mode: "fileid",
      Tags: [{ TagKey: "env", TagValue: "dev" }],
    });
    expect(found.SubAppIdInfoSet?.[0].CreateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test("names are not unique; the Tags filter narrows", async () => {
    await vod.CreateSubAppId({ Name: "twin", Tags: [{ TagKey: "env", TagValue: "a" }] });
    await vod.CreateSubAppId({ Name: "twin", Tags: [{ TagKey: "env", TagValue: "b" }] });
    expect((await vod.DescribeSubAppIds({ Name: "twin" })).TotalCount).toBe(2);
    const b = await vod.DescribeSubAppIds({ Name: "twin", Tags: [{ TagKey: "env", TagValue: "b" }] });
    expect(b.TotalCount).toBe(1);
    expect(b.SubAppIdInfoSet?.[0].Tags).toEqual([{ TagKey: "env", TagValue: "b" }]);
  });

  test("paging with Offset/Limit; Limit above 200 is refused", async () => {
    const all = await vod.DescribeSubAppIds({});
    const total = all.TotalCount as number;
    expect(total).toBeGreaterThanOrEqual(4);
    const page = await vod.DescribeSubAppIds({ Offset: 1, Limit: 2 });
    expect(page.TotalCount).toBe(total);
    expect(page.SubAppIdInfoSet?.map((a) => a.SubAppId)).toEqual(all.SubAppIdInfoSet?.slice(1, 3).map((a) => a.SubAppId));
    expect((await vod.DescribeSubAppIds({ Limit: 200 })).SubAppIdInfoSet).toHaveLength(total);
    expect((await rejectionOf(vod.DescribeSubAppIds({ Limit: 201 }))).code).toBe("InvalidParameterValue.Limit");
  });

  test.each([
    ["41-character Name", { Name: "x".repeat(41) }, "InvalidParameterValue.Name"],
    ["301-character Description", { Name: "ok", Description: "d".repeat(301) }, "InvalidParameterValue.Description"],
    ["no Name", { Description: "no name" }, "MissingParameter"],
    ["unknown Type", { Name: "ok", Type: "Managed" }, "InvalidParameterValue"],
    ["fileid+path without StorageRegion", { Name: "ok", Mode: "fileid+path" }, "MissingParameter"],
    ["Name not a string", { Name: 42 }, "InvalidParameter"],
    ["undefined field", { Name: "ok", Colour: "red" }, "UnknownParameter"],
  ])("CreateSubAppId: %s → %s", async (_name, req, code) => {
    expect((await rejectionOf(vod.CreateSubAppId(req as never))).code).toBe(code);
  });

  test("limits are inclusive: 40-character name, 300-character description", async () => {
    const r = await vod.CreateSubAppId({ Name: "n".repeat(40), Description: "d".repeat(300) });
    expect(r.SubAppId).toBeDefined();
  });

  test("ModifySubAppIdInfo changes name and description; unknown app is InvalidParameterValue.SubAppId", async () => {
    const { SubAppId } = await vod.CreateSubAppId({ Name: "before" });
    await vod.ModifySubAppIdInfo({ SubAppId: SubAppId as number, Name: "after", Description: "new" });
    const info = (await vod.DescribeSubAppIds({ Name: "after" })).SubAppIdInfoSet?.[0];
    expect(info).toMatchObject({ SubAppId, Description: "new" });
    expect((await rejectionOf(vod.ModifySubAppIdInfo({ SubAppId: 999, Name: "x" }))).code).toBe("InvalidParameterValue.SubAppId");
    expect((await rejectionOf(vod.ModifySubAppIdInfo({ SubAppId: SubAppId as number, Name: "y".repeat(41) }))).code).toBe("InvalidParameterValue.Name");
  });

  test("status: On → Off → Destroyed goes through Destroying; Destroying cannot be enabled", async () => {
    const { SubAppId } = await vod.CreateSubAppId({ Name: "doomed" });
    const id = SubAppId as number;
    const status = async () => (await vod.DescribeSubAppIds({ Name: "doomed" })).SubAppIdInfoSet?.[0].Status;
    await vod.ModifySubAppIdStatus({ SubAppId: id, Status: "Off" });
    expect(await status()).toBe("Off");
    await vod.ModifySubAppIdStatus({ SubAppId: id, Status: "Destroyed" });
    expect(await status()).toBe("Destroying");
    expect((await rejectionOf(vod.ModifySubAppIdStatus({ SubAppId: id, Status: "On" }))).code).toBe("FailedOperation");
    // WHEN the destruction time passes on the emulator clock
    await emu.admin.advanceClock(61);
    // THEN
    expect(await status()).toBe("Destroyed");
    expect((await rejectionOf(vod.ModifySubAppIdStatus({ SubAppId: id, Status: "Destroying" }))).code).toBe("InvalidParameterValue");
  });
});

describe("event configuration", () => {
  test("round trip; SignKey is write-only; empty NotificationUrl clears", async () => {
    const { SubAppId } = await vod.CreateSubAppId({ Name: "events" });
    const id = SubAppId as number;
    expect(await vod.DescribeEventConfig({ SubAppId: id })).toMatchObject({ Mode: "PULL", NotificationUrl: "", UploadMediaCompleteEventSwitch: "OFF" });
    await vod.ModifyEventConfig({
      SubAppId: id,
      Mode: "PUSH",
      NotificationUrl: "https://hooks.example.com/vod",
      UploadMediaCompleteEventSwitch: "ON",
      DeleteMediaCompleteEventSwitch: "ON",
      SignKey: "abcDEF123",
    });
    const read = await vod.DescribeEventConfig({ SubAppId: id });
    expect(read).toEqual({
      Mode: "PUSH",
      NotificationUrl: "https://hooks.example.com/vod",
      UploadMediaCompleteEventSwitch: "ON",
      DeleteMediaCompleteEventSwitch: "ON",
      PersistenceCompleteEventSwitch: "OFF",
      RequestId: expect.any(String),
    });
    expect(JSON.stringify(read)).not.toContain("abcDEF123");
    await vod.ModifyEventConfig({ SubAppId: id, NotificationUrl: "" });
    expect((await vod.DescribeEventConfig({ SubAppId: id })).NotificationUrl).toBe("");
  });

  test.each([
    ["SignKey with a dash", { SignKey: "has-dash" }, "InvalidParameter"],
    ["33-character SignKey", { SignKey: "a".repeat(33) }, "InvalidParameter"],
    ["unknown Mode", { Mode: "POLL" }, "InvalidParameter"],
    ["lower-case switch", { UploadMediaCompleteEventSwitch: "on" }, "InvalidParameter"],
    ["non-HTTP URL", { NotificationUrl: "ftp://x" }, "InvalidParameter"],
  ])("ModifyEventConfig: %s → %s", async (_name, req, code) => {
    const { SubAppId } = await vod.CreateSubAppId({ Name: "events-bad" });
    expect((await rejectionOf(vod.ModifyEventConfig({ SubAppId, ...req }))).code).toBe(code);
  });

  test("a 32-character SignKey is accepted", async () => {
    const { SubAppId } = await vod.CreateSubAppId({ Name: "events-32" });
    await expect(vod.ModifyEventConfig({ SubAppId, SignKey: "A1".repeat(16) })).resolves.toBeDefined();
  });
});

describe("media", () => {
  let appId: number;
  let fileIds: string[];

  beforeAll(async () => {
    appId = (await vod.CreateSubAppId({ Name: "media" })).SubAppId as number;
    await emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, {
      globalAutoRecording: { enabled: true, vodSubAppId: appId, storageSeconds: 0 },
    });
    // 25 single-host sessions in rooms r0..r24 produce 25 GAR files in the app.
    for (let i = 0; i < 25; i++) {
      await emu.admin.simulateSession({
        sdkAppId: DEFAULT_SDK_APP_ID,
        roomId: `r${i}`,
        roomKind: "trtc",
        hosts: [`host${i}`],
        minutes: 10,
        endedAt: Date.UTC(2030, 0, 1, 0, i),
      });
    }
    const all = await vod.SearchMedia({ SubAppId: appId, Limit: 100 });
    fileIds = (all.MediaInfoSet ?? []).map((m) => m.FileId as string);
  });
  afterAll(() => emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled: false } }));

  test("SearchMedia filters by SourceTypes, TrtcSdkAppIds and TrtcRoomIds", async () => {
    const r = await vod.SearchMedia({ SubAppId: appId, SourceTypes: ["TrtcRecord"], TrtcSdkAppIds: [DEFAULT_SDK_APP_ID], TrtcRoomIds: ["r3", "r4"] });
    expect(r.TotalCount).toBe(2);
    const info = r.MediaInfoSet?.map((m) => m.BasicInfo?.SourceInfo?.TrtcRecordInfo?.RoomId).sort();
    expect(info).toEqual(["r3", "r4"]);
    expect(r.MediaInfoSet?.[0].BasicInfo?.SourceInfo?.SourceType).toBe("TrtcRecord");
    expect(r.MediaInfoSet?.[0].MetaData?.Duration).toBe(600);
    expect((await vod.SearchMedia({ SubAppId: appId, SourceTypes: ["Upload"] })).TotalCount).toBe(0);
    expect((await vod.SearchMedia({ SubAppId: appId, TrtcSdkAppIds: [1400009999] })).TotalCount).toBe(0);
  });

  test("SearchMedia pages: default Limit 10, Offset + Limit ≤ 5000", async () => {
    const first = await vod.SearchMedia({ SubAppId: appId });
    expect(first.TotalCount).toBe(25);
    expect(first.MediaInfoSet).toHaveLength(10);
    const pages: string[] = [];
    for (let offset = 0; offset < 25; offset += 10) {
      const p = await vod.SearchMedia({ SubAppId: appId, Offset: offset, Limit: 10 });
      pages.push(...(p.MediaInfoSet ?? []).map((m) => m.FileId as string));
    }
    expect(new Set(pages).size).toBe(25);
    expect((await rejectionOf(vod.SearchMedia({ SubAppId: appId, Offset: 4990, Limit: 11 }))).code).toBe("InvalidParameterValue.Offset");
    await expect(vod.SearchMedia({ SubAppId: appId, Offset: 4990, Limit: 10 })).resolves.toMatchObject({ TotalCount: 25, MediaInfoSet: [] });
  });

  test("SearchMedia CreateTime range: After inclusive, Before exclusive; newest first by default", async () => {
    const r = await vod.SearchMedia({
      SubAppId: appId,
      CreateTime: { After: "2030-01-01T00:05:00Z", Before: "2030-01-01T00:08:00Z" },
    });
    expect(r.MediaInfoSet?.map((m) => m.BasicInfo?.SourceInfo?.TrtcRecordInfo?.RoomId)).toEqual(["r7", "r6", "r5"]);
    const asc = await vod.SearchMedia({ SubAppId: appId, Sort: { Field: "CreateTime", Order: "Asc" }, Limit: 1 });
    expect(asc.MediaInfoSet?.[0].BasicInfo?.CreateTime).toBe("2030-01-01T00:00:00Z");
  });

  // SDK SearchMediaRequest: StartTime (≥) and EndTime (<) are the legacy form of CreateTime; "when CreateTime.After is
  // also given, it is used first" (over StartTime), and CreateTime.Before over EndTime. Each side separately.
  const at = (minute: number) => `2030-01-01T00:${String(minute).padStart(2, "0")}:00Z`;
  const rooms = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r${from + i}`);
  test.each<[string, Record<string, unknown>, string[]]>([
    ["StartTime alone (inclusive)", { StartTime: at(20) }, rooms(20, 24)],
    ["EndTime alone (exclusive)", { EndTime: at(3) }, rooms(0, 2)],
    ["StartTime and EndTime", { StartTime: at(5), EndTime: at(8) }, rooms(5, 7)],
    ["CreateTime.After overrides StartTime", { CreateTime: { After: at(10) }, StartTime: at(5) }, rooms(10, 24)],
    ["CreateTime.After leaves EndTime in force", { CreateTime: { After: at(10) }, EndTime: at(13) }, rooms(10, 12)],
    ["CreateTime.Before leaves StartTime in force", { CreateTime: { Before: at(3) }, StartTime: at(1) }, rooms(1, 2)],
    ["CreateTime.Before overrides EndTime", { CreateTime: { Before: at(3) }, EndTime: at(10) }, rooms(0, 2)],
    ["both CreateTime bounds override both legacy ones", { CreateTime: { After: at(2), Before: at(4) }, StartTime: at(0), EndTime: at(20) }, rooms(2, 3)],
    ["CreateTime.After with both legacy bounds: EndTime still applies", { CreateTime: { After: at(23) }, StartTime: at(0), EndTime: at(24) }, ["r23"]],
    ["an empty CreateTime leaves both legacy bounds in force", { CreateTime: {}, StartTime: at(22), EndTime: at(24) }, rooms(22, 23)],
  ])("SearchMedia time filter: %s", async (_name, filter, expected) => {
    const r = await vod.SearchMedia({ SubAppId: appId, Sort: { Field: "CreateTime", Order: "Asc" }, Limit: 50, ...filter });
    expect(r.MediaInfoSet?.map((m) => m.BasicInfo?.SourceInfo?.TrtcRecordInfo?.RoomId)).toEqual(expected);
    expect(r.TotalCount).toBe(expected.length);
  });

  test("SearchMedia validation", async () => {
    expect((await rejectionOf(vod.SearchMedia({ SubAppId: appId, SourceTypes: ["Camera"] }))).code).toBe("InvalidParameterValue.SourceTypes");
    expect((await rejectionOf(vod.SearchMedia({ SubAppId: appId, TrtcRoomIds: Array.from({ length: 11 }, (_, i) => `r${i}`) }))).code).toBe("InvalidParameterValue");
    expect((await rejectionOf(vod.SearchMedia({ SubAppId: appId, CreateTime: { After: "yesterday" } }))).code).toBe("InvalidParameterValue");
    expect((await rejectionOf(vod.SearchMedia({ SubAppId: 77 }))).code).toBe("InvalidParameterValue.SubAppId");
    // Media of a sub-application are not in the primary application.
    expect((await vod.SearchMedia({})).TotalCount).toBe(0);
  });

  test("DescribeMediaInfos: ≤ 20 FileIds, unknown ones reported", async () => {
    const r = await vod.DescribeMediaInfos({ SubAppId: appId, FileIds: [fileIds[0], "123"] });
    expect(r.MediaInfoSet?.map((m) => m.FileId)).toEqual([fileIds[0]]);
    expect(r.NotExistFileIdSet).toEqual(["123"]);
    expect((await vod.DescribeMediaInfos({ SubAppId: appId, FileIds: fileIds.slice(0, 20) })).MediaInfoSet).toHaveLength(20);
    expect((await rejectionOf(vod.DescribeMediaInfos({ SubAppId: appId, FileIds: fileIds.slice(0, 21) }))).code).toBe("InvalidParameterValue.FileIdsOverLimit");
    expect((await rejectionOf(vod.DescribeMediaInfos({ SubAppId: appId, FileIds: [] }))).code).toBe("InvalidParameterValue.FileIdsEmpty");
    const onlyMeta = await vod.DescribeMediaInfos({ SubAppId: appId, FileIds: [fileIds[0]], Filters: ["metaData"] });
    expect(onlyMeta.MediaInfoSet?.[0].BasicInfo).toBeUndefined();
    expect(onlyMeta.MediaInfoSet?.[0].MetaData?.Duration).toBe(600);
  });

  test("ModifyMediaInfo ExpireTime: set, never, invalid; an expired file disappears", async () => {
    const id = fileIds[0];
    const expireOf = async () => (await vod.DescribeMediaInfos({ SubAppId: appId, FileIds: [id] })).MediaInfoSet?.[0]?.BasicInfo?.ExpireTime;
    expect(await expireOf()).toBe(NEVER_EXPIRES);
    await vod.ModifyMediaInfo({ SubAppId: appId, FileId: id, ExpireTime: "2100-01-01T00:00:00+08:00" });
    expect(await expireOf()).toBe("2099-12-31T16:00:00Z");
    await vod.ModifyMediaInfo({ SubAppId: appId, FileId: id, ExpireTime: NEVER_EXPIRES });
    expect(await expireOf()).toBe(NEVER_EXPIRES);
    expect((await rejectionOf(vod.ModifyMediaInfo({ SubAppId: appId, FileId: id, ExpireTime: "next week" }))).code).toBe("InvalidParameterValue.ExpireTime");
    expect((await rejectionOf(vod.ModifyMediaInfo({ SubAppId: appId, FileId: "404", ExpireTime: NEVER_EXPIRES }))).code).toBe("ResourceNotFound.FileNotExist");
    // WHEN the file expires (an hour from the emulator's now)
    const soon = new Date(Date.now() + 3600 * 1000 + 200 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
    await vod.ModifyMediaInfo({ SubAppId: appId, FileId: id, ExpireTime: soon });
    await emu.admin.advanceClock(2 * 3600);
    // THEN VOD has deleted it
    expect((await vod.DescribeMediaInfos({ SubAppId: appId, FileIds: [id] })).NotExistFileIdSet).toEqual([id]);
  });
});
