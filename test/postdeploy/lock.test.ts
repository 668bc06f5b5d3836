/** One run at a time per SDKAppID: a second run gets a clear message for that app and writes nothing to it. */
import { lockApp } from "../../postdeploy/lock";
import { PRODUCTION, STAGING, World, pd, world } from "./helpers";

describe("per-app lock", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.close();
  });

  test("while another run holds staging's lock: staging fails with the message, nothing is sent for it; production is applied", async () => {
    const held = await lockApp(w.stateDir, STAGING);
    try {
      const mark = w.emu.callLog.mark();
      const apply = await pd(["apply", ...w.flags], w.env);
      expect(apply.code).toBe(1);
      const staging = apply.report!.apps.find((a) => a.sdkAppId === STAGING)!;
      expect(staging.status).toBe("error");
      expect(staging.error).toMatch(/^another post-deploy run is working on SDKAppID 1400000001 \(lock .*1400000001\.lock\); nothing was changed for it\. Wait for that run to finish and run again\./);
      expect(staging.calls).toMatchObject({ reads: 0, writes: 0 });
      expect(apply.stdout).toContain("staging (SDKAppID 1400000001, VOD SubAppId");
      const calls = w.emu.callLog.entries(mark);
      expect(calls.filter((e) => e.appId === STAGING || e.appId === w.subApps.staging)).toEqual([]);
      expect(apply.report!.apps.find((a) => a.sdkAppId === PRODUCTION)!.status).toBe("changed");
    } finally {
      await held.release();
    }
    const rerun = await pd(["apply", ...w.flags], w.env);
    expect(rerun.code).toBe(0);
    expect(rerun.report!.apps.find((a) => a.sdkAppId === STAGING)!.status).toBe("changed");
  });

  test("two applies at once: each app is applied by exactly one of them, the other reports the lock; writes happen once", async () => {
    const mark = w.emu.callLog.mark();
    const [a, b] = await Promise.all([pd(["apply", ...w.flags], w.env), pd(["apply", ...w.flags], w.env)]);
    for (const sdkAppId of [STAGING, PRODUCTION]) {
      const outcomes = [a, b].map((r) => r.report!.apps.find((x) => x.sdkAppId === sdkAppId)!);
      const locked = outcomes.filter((o) => o.error?.startsWith("another post-deploy run is working on"));
      const applied = outcomes.filter((o) => o.status === "changed");
      expect({ sdkAppId, locked: locked.length, applied: applied.length }).toEqual({ sdkAppId, locked: 1, applied: 1 });
      expect(locked[0].calls.writes).toBe(0);
    }
    expect(w.emu.callLog.summary(mark).writes).toBe(6); // one run's worth (plus 2 console writes on the admin API)
  });
});
