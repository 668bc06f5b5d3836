/** Faults injected by the emulator: throttling, InternalError, 5xx, resets, slow answers (timeouts), malformed bodies. */
import type { FaultKind } from "../../emulator/public-api";
import { FAST, PRODUCTION, STAGING, World, expectNoSecret, pd, step, world } from "./helpers";

const patient = { ...FAST, retry: { attempts: 12, baseDelayMs: 1, maxDelayMs: 5 } };

describe("faults", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => {
    await w.close();
  });

  test("30% of calls faulted (every kind, timeouts included): apply converges, a rerun without faults writes nothing", async () => {
    await w.emu.admin.setFaults({ rate: 0.3, seed: 6, kinds: ["throttle", "internalError", "http5xx", "reset", "slow", "malformed"], slowMs: 400 });
    const apply = await pd(["apply", "--request-timeout", "0.15", "--concurrency", "1", ...w.flags], w.env, patient);
    expect(apply.code).toBe(0);
    expect(apply.report?.calls.retries).toBeGreaterThan(5);
    // A slow answer is logged when the emulator finally sends it, after the client gave up on it: wait for those.
    await new Promise((resolve) => setTimeout(resolve, 450));
    const faulted = new Set(w.emu.callLog.entries().filter((e) => e.fault).map((e) => e.fault));
    expect([...faulted].sort()).toEqual(["http5xx", "internalError", "malformed", "reset", "slow", "throttle"]);

    await w.emu.admin.clearFaults();
    const mark = w.emu.callLog.mark();
    const again = await pd(["apply", ...w.flags], w.env);
    expect(again.code).toBe(0);
    expect(again.report?.calls.writes).toBe(0);
    expect(w.emu.callLog.summary(mark).writes).toBe(0);
  });

  test.each<[FaultKind, string]>([
    ["throttle", "RequestLimitExceeded"],
    ["internalError", "InternalError"],
    ["http5xx", "HTTP 50x"],
    ["reset", "connection reset"],
    ["malformed", "truncated body"],
    ["slow", "timeout"],
  ])("%s (%s) on reads is retried: check gives the same answer as without faults", async (kind) => {
    expect((await pd(["apply", ...w.flags], w.env)).code).toBe(0);
    // Only a slow answer needs a short client timeout; it is 3 times shorter than the answer and long enough
    // that a loaded CI machine's ordinary answers do not time out too (60 ms once made this flaky under load).
    await w.emu.admin.setFaults({ rate: 0.5, seed: 3, kinds: [kind], slowMs: 600 });
    const timeout = kind === "slow" ? ["--request-timeout", "0.2"] : [];
    const check = await pd(["check", ...timeout, ...w.flags], w.env, patient);
    expect(check.code).toBe(0);
    expect(check.report?.calls.retries).toBeGreaterThan(0);
    expect(check.report?.calls.failed).toBe(0);
  });

  test("a write that keeps failing stops that app's writing steps with the exact lists; a rerun completes the rest", async () => {
    await w.emu.admin.setFaults({ rate: 1, seed: 1, kinds: ["internalError"], actions: ["ModifyEventConfig"] });
    const mark = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env, { ...FAST, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    expect(apply.code).toBe(1);
    for (const sdkAppId of [STAGING, PRODUCTION]) {
      const app = apply.report!.apps.find((a) => a.sdkAppId === sdkAppId)!;
      expect({ done: app.done, failed: app.failed, notAttempted: app.notAttempted }).toEqual({
        done: ["vod-application", "vod-event-config", "conflict-check"],
        failed: ["vod-sign-key"],
        notAttempted: ["live-webhook", "console"],
      });
      // The request carried the SignKey: the error's code only, never its text.
      expect(step(apply.report, sdkAppId, "vod-sign-key").detail[0]).toBe(
        "InternalError: vod.ModifyEventConfig failed; its error text is not shown because the request carried a secret (after retries where the error allows them)",
      );
      expect(step(apply.report, sdkAppId, "live-webhook").detail).toEqual(["not attempted: vod-sign-key failed"]);
    }
    expect(apply.stdout).toMatch(/^ {2}not attempted: live-webhook, console$/m);
    expectNoSecret(apply.stdout + apply.stderr);
    // 3 attempts each, then given up; nothing after it was written.
    const log = w.emu.callLog.entries(mark);
    expect(log.filter((e) => e.action === "ModifyEventConfig").length).toBe(6);
    expect(log.filter((e) => e.service === "live" && e.write).length).toBe(0);

    await w.emu.admin.clearFaults();
    const rerun = await pd(["apply", ...w.flags], w.env);
    expect(rerun.code).toBe(0);
    for (const sdkAppId of [STAGING, PRODUCTION]) {
      expect(step(rerun.report, sdkAppId, "vod-application").status).toBe("in-sync"); // done the first time
      for (const id of ["vod-sign-key", "live-webhook", "console"]) expect(step(rerun.report, sdkAppId, id).status).toBe("changed");
    }
  });

  test("AuthFailure is never retried: wrong credentials fail at once, exit 1", async () => {
    const mark = w.emu.callLog.mark(); // after the deploy (the stand-in's reads)
    const apply = await pd(["plan", ...w.flags], { ...w.env, TENCENTCLOUD_SECRET_KEY: "wrongwrongwrongwrongwrongwrong00" });
    expect(apply.code).toBe(1);
    expect(step(apply.report, STAGING, "vod-application").detail[0]).toMatch(/^AuthFailure\.SignatureFailure/);
    expect(w.emu.callLog.entries(mark).filter((e) => e.action === "DescribeSubAppIds").length).toBe(1); // one for the run, no retry
  });

  test("with the documented client-side rates, the emulator's own rate limits never refuse a call", async () => {
    await w.emu.admin.setRateLimits(true);
    // Real rates (DescribeRecordingUsage 5/s, ...), both apps at once; no retry to hide a refusal.
    const apply = await pd(["apply", "--evidence-days", "1", ...w.flags], w.env, { retry: { attempts: 1 } });
    expect(apply.code).toBe(0);
    // Usage is asked once for the whole account: 2 mix types x 2 partial days.
    expect(apply.report?.runCalls.byAction["trtc.DescribeRecordingUsage"]).toBe(4);
    expect(w.emu.callLog.entries().filter((e) => e.outcome === "RequestLimitExceeded" || e.outcome === "60007")).toEqual([]);
  });
});
