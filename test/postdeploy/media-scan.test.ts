/**
 * SearchMedia paging of the evidence scan (postdeploy/media-scan.ts), against the emulator: pages of `pageSize`, and
 * past the Offset + Limit cap a new query from the last creation time seen. The conflict check and the console step's
 * search for rooms only Global Auto-Recording records both rely on it. (Once exercised through the retention sweep,
 * which is gone; the scan stays.)
 */
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../../emulator/public-api";
import { SdkCloudApi } from "../../postdeploy/cloud";
import { scanRecordings } from "../../postdeploy/media-scan";
import { Transport } from "../../postdeploy/transport";
import { STAGING, World, pd, world } from "./helpers";

describe("scanRecordings against the emulator", () => {
  let w: World;
  let cloud: SdkCloudApi;
  beforeAll(async () => {
    w = await world({ fixedClock: true });
    expect((await pd(["apply", ...w.flags], w.env, w.deps)).code).toBe(0);
    // Global Auto-Recording on, storing into Live's VOD application: each co-host room leaves 3 files of one creation second.
    await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true, vodSubAppId: w.subApps.staging } });
    await w.advance(24 * 60); // rooms are decided when created: every session below starts after the change
    const now = w.now().getTime();
    for (let i = 0; i < 8; i++) {
      await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: `room-${i}`, seatTemplate: "VideoDynamicFloat7Seats", hosts: ["a", "b"], minutes: 10, endedAt: now - (i + 1) * 3600000 });
    }
    await w.emu.admin.settle();
    cloud = new SdkCloudApi({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, origin: "test" }, new Transport(), { endpoint: w.emu.url });
  });
  afterAll(async () => {
    await w.close();
  });

  const stored = async () =>
    (await w.emu.admin.dumpState()).media
      .filter((m) => m.subAppId === w.subApps.staging && m.BasicInfo.SourceInfo.TrtcRecordInfo?.SdkAppId === STAGING)
      .sort((a, b) => a.BasicInfo.CreateTime.localeCompare(b.BasicInfo.CreateTime));

  test("5 a page under a cap of 12: every file once, oldest first, over several queries that move the CreateTime window", async () => {
    const expected = await stored();
    expect(expected).toHaveLength(24);
    const mark = w.emu.callLog.mark();
    let pages = 0;
    const files = await scanRecordings(cloud, { subAppId: w.subApps.staging, sdkAppId: STAGING, pageSize: 5, cap: 12, onPage: (_, p) => (pages = p) });
    expect(files.map((f) => f.fileId).sort()).toEqual(expected.map((m) => m.FileId).sort());
    expect(new Set(files.map((f) => f.fileId)).size).toBe(24);
    expect(files.map((f) => f.createTime)).toEqual(expected.map((m) => m.BasicInfo.CreateTime));
    // 24 files at 5 a page are 5 pages at least; the cap of 12 forces new windows, which re-read a few files.
    expect(pages).toBeGreaterThanOrEqual(6);
    const searches = w.emu.callLog.entries(mark).filter((e) => e.action === "SearchMedia");
    expect(searches).toHaveLength(pages);
    expect(w.emu.callLog.summary(mark).writes).toBe(0);
  });

  test("more files of one creation second than one query can reach: stops with an error rather than skip them", async () => {
    await expect(scanRecordings(cloud, { subAppId: w.subApps.staging, sdkAppId: STAGING, pageSize: 2, cap: 2 })).rejects.toThrow(
      /^more than 2 recordings were created at \S+; SearchMedia cannot page past them \(scan stopped after 2 files\)$/,
    );
  });
});
