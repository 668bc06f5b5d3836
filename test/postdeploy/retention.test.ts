/** Retention for recordings already in VOD: the decision per file, then a sweep over several pages of SearchMedia. */
import { SECONDS_PER_DAY, VOD_NEVER_EXPIRES } from "../../lib/limits";
import { planSweep } from "../../postdeploy/steps/retention-sweep";
import { FAST, STAGING, World, businessClock, pd, step, testEnvironments, world } from "./helpers";

const DAY = SECONDS_PER_DAY * 1000;
const NOW = Date.parse("2026-11-25T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("planSweep", () => {
  const f = (id: string, createdDaysAgo: number, expire: string) => ({ fileId: id, createTime: iso(NOW - createdDaysAgo * DAY), expireTime: expire });

  test("sets CreateTime + retention on files that never expire or expire later; never extends; leaves files that expire within a day", () => {
    const plan = planSweep(
      [
        f("never", 2, VOD_NEVER_EXPIRES),
        f("unset", 3, ""),
        f("later", 1, iso(NOW + 100 * DAY)),
        f("exact", 1, iso(NOW + 29 * DAY)),
        f("sooner", 1, iso(NOW + 5 * DAY)),
        f("tomorrowAnyway", 40, iso(NOW + DAY / 2)),
      ],
      30,
      NOW,
      false,
    );
    expect(plan).toEqual({
      scanned: 6,
      alreadyOk: 3,
      toUpdate: [
        { fileId: "never", expireTime: iso(NOW + 28 * DAY) },
        { fileId: "unset", expireTime: iso(NOW + 27 * DAY) },
        { fileId: "later", expireTime: iso(NOW + 29 * DAY) },
      ],
      deferred: 0,
    });
  });

  test("never an expiry earlier than now + 1 day without --allow-expire-now; with it, the target, but now + 1 minute at the earliest", () => {
    const old = [f("old", 40, VOD_NEVER_EXPIRES), f("almost", 29.5, VOD_NEVER_EXPIRES)];
    expect(planSweep(old, 30, NOW, false)).toEqual({ scanned: 2, alreadyOk: 0, toUpdate: [], deferred: 2 });
    expect(planSweep(old, 30, NOW, true).toUpdate).toEqual([
      { fileId: "old", expireTime: iso(NOW + 60000) },
      { fileId: "almost", expireTime: iso(NOW + DAY / 2) },
    ]);
  });
});

describe("retention sweep against the emulator", () => {
  let w: World;
  // Rooms are decided when created (console history): the sessions below happen after the console was set up, 40
  // days later on the emulator's clock, which the post-deploy step reads too.
  let clock: ReturnType<typeof businessClock>;
  beforeAll(async () => {
    w = await world({ environments: (url) => testEnvironments(url, { production: { retention: undefined, fullRoomRecording: false } }) });
    expect((await pd(["apply", ...w.flags], w.env)).code).toBeLessThan(3);
    // Global Auto-Recording on, storing forever into Live's VOD application: its files never expire.
    await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true, storageSeconds: 0 } });
    clock = businessClock(w.emu);
    await clock.advance(40 * SECONDS_PER_DAY);
    const now = clock.now().getTime();
    for (let i = 0; i < 8; i++) {
      // Recent co-host sessions: Live's mixed file (expires after 30 days) + 2 per-host files that never expire.
      await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: `recent-${i}`, seatTemplate: "VideoDynamicFloat7Seats", hosts: ["a", "b"], minutes: 10, endedAt: now - (i + 1) * 3600000 });
    }
    for (let i = 0; i < 2; i++) {
      // 35 days old: Live's file has expired already; the two per-host files are past the retention.
      await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: `old-${i}`, seatTemplate: "VideoDynamicFloat7Seats", hosts: ["c", "d"], minutes: 10, endedAt: now - (35 * 24 + i) * 3600000 });
    }
    await w.emu.admin.settle();
  });
  afterAll(async () => {
    await w.close();
  });

  // 5 files a page, and a SearchMedia cap of 12 results per query: the scan must page and move its CreateTime window.
  const small = () => ({ ...FAST, now: clock.now, stepOptions: { pageSize: 5, searchCap: 12, sweepConcurrency: 3 } });
  const stagingOnly = () => [...w.flags, "--stack", "staging"];

  test("plan: counts over several pages, writes nothing", async () => {
    const mark = w.emu.callLog.mark();
    const plan = await pd(["plan", ...stagingOnly()], w.env, small());
    const s = step(plan.report, STAGING, "retention-sweep");
    expect(s.counts).toMatchObject({ scanned: 28, alreadyOk: 8, toUpdate: 16, deferred: 4, updated: 0 });
    expect(s.status).toBe("would-change");
    const searches = w.emu.callLog.entries(mark).filter((e) => e.action === "SearchMedia");
    expect(searches.length).toBeGreaterThanOrEqual(6 + 1); // >= 6 pages for the sweep (plus the conflict check)
    expect(w.emu.callLog.summary(mark).writes).toBe(0);
  });

  test("apply: ExpireTime = CreateTime + 30 days on the 16, 4 deferred (exit 2); a second apply writes nothing; --allow-expire-now finishes", async () => {
    const apply = await pd(["apply", ...stagingOnly()], w.env, small());
    const s = step(apply.report, STAGING, "retention-sweep");
    expect(s.counts).toMatchObject({ updated: 16, deferred: 4, failed: 0, notAttempted: 0 });
    expect(s.detail).toContain("4 recording(s) are older than 30 days and would expire within a day: left alone; run apply with --allow-expire-now to let them expire");
    expect(apply.code).toBe(2);
    const media = (await w.emu.admin.dumpState()).media.filter((m) => m.BasicInfo.SourceInfo.TrtcRecordInfo?.SdkAppId === STAGING);
    const recent = media.filter((m) => m.BasicInfo.SourceInfo.TrtcRecordInfo?.RoomId.startsWith("recent"));
    for (const m of recent) expect(Date.parse(m.BasicInfo.ExpireTime) - Date.parse(m.BasicInfo.CreateTime)).toBe(30 * DAY);

    const mark = w.emu.callLog.mark();
    const again = await pd(["apply", ...stagingOnly()], w.env, small());
    expect(w.emu.callLog.summary(mark).byAction.ModifyMediaInfo).toBeUndefined();
    expect(step(again.report, STAGING, "retention-sweep").counts).toMatchObject({ alreadyOk: 24, toUpdate: 0, deferred: 4 });

    const now = await pd(["apply", "--allow-expire-now", ...stagingOnly()], w.env, small());
    expect(step(now.report, STAGING, "retention-sweep").counts).toMatchObject({ updated: 4, deferred: 0 });
    const last = await pd(["apply", ...stagingOnly()], w.env, small());
    expect(step(last.report, STAGING, "retention-sweep")).toMatchObject({ status: "in-sync", counts: { scanned: 28, alreadyOk: 28 } });
  });

  test("retention forever, or none declared: nothing to sweep", async () => {
    const plan = await pd(["plan", ...w.flags, "--stack", "production"], w.env);
    expect(step(plan.report, 1400000002, "retention-sweep")).toMatchObject({ status: "skipped", detail: ["no retention declared"] });
  });
});
