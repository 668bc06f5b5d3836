import { EmulatorAdminClient } from "../../emulator/admin-client";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, FaultKind, startEmulator } from "../../emulator/public-api";
import { FaultInjector, mulberry32 } from "../../emulator/faults";
import { RateLimiter, rateLimitOf } from "../../emulator/rate-limit";
import { liveCall, rejectionOf, trtcClient, vodClient } from "./helpers";

describe("rate limits", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.stop());

  test("the documented rates", () => {
    expect(rateLimitOf("trtc", "CreateCloudRecording")).toBe(20);
    expect(rateLimitOf("trtc", "DescribeRecordingUsage")).toBe(5);
    expect(rateLimitOf("vod", "ModifySubAppIdStatus")).toBe(100);
    expect(rateLimitOf("vod", "SearchMedia")).toBe(20);
    expect(rateLimitOf("live", "live_engine_http_srv/create_room")).toBe(200);
  });

  test("a burst of 12 DescribeRecordingUsage calls: 5 pass, the rest get RequestLimitExceeded", async () => {
    const trtc = trtcClient(emu);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => trtc.DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-02", MixType: "single" })),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    // 5 tokens at once; a slow machine may refill one or two while the burst is in flight.
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(7);
    expect(codes.length).toBe(12 - ok);
    expect(new Set(codes)).toEqual(new Set(["RequestLimitExceeded"]));
    expect(emu.callLog.summary().byAction.DescribeRecordingUsage.failed).toBe(12 - ok);
  });

  test("switching limits off through the admin interface lets the burst through", async () => {
    await emu.admin.setRateLimits(false);
    const trtc = trtcClient(emu);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => trtc.DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-02", MixType: "multi" })),
    );
    expect(results).toHaveLength(12);
    await emu.admin.setRateLimits(true);
  });

  test("token bucket: a client pacing at the rate is never refused", () => {
    let t = 0;
    const rl = new RateLimiter(true, () => t);
    for (let i = 0; i < 100; i++) {
      expect(rl.take("trtc", "DescribeRecordingUsage")).toBe(true);
      t += 200;
    }
    for (let i = 0; i < 5; i++) expect(rl.take("trtc", "DescribeRecordingUsage")).toBe(true);
    expect(rl.take("trtc", "DescribeRecordingUsage")).toBe(false);
  });
});

describe("fault injection", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ rateLimits: false });
  });
  afterAll(() => emu.stop());
  afterEach(() => emu.admin.clearFaults());

  const always = (kind: FaultKind, slowMs?: number) => emu.admin.setFaults({ rate: 1, seed: 7, kinds: [kind], slowMs });

  test("throttle → exception with .code RequestLimitExceeded", async () => {
    await always("throttle");
    expect((await rejectionOf(vodClient(emu).DescribeSubAppIds({}))).code).toBe("RequestLimitExceeded");
  });

  test("internalError → exception with .code InternalError", async () => {
    await always("internalError");
    expect((await rejectionOf(vodClient(emu).DescribeSubAppIds({}))).code).toBe("InternalError");
  });

  test("http5xx → exception with .httpCode 502/503 and no .code", async () => {
    await always("http5xx");
    const e = await rejectionOf(vodClient(emu).DescribeSubAppIds({}));
    expect([502, 503]).toContain(e.httpCode);
    expect(e.code).toBeUndefined();
  });

  test("reset → network error without code or httpCode", async () => {
    await always("reset");
    const e = await rejectionOf(vodClient(emu).DescribeSubAppIds({}));
    expect(e.code).toBeFalsy();
    expect(e.httpCode).toBeUndefined();
    expect(e.message).toMatch(/socket hang up|ECONNRESET|reset/i);
  });

  test("malformed → the SDK cannot parse the body", async () => {
    await always("malformed");
    const e = await rejectionOf(vodClient(emu).DescribeSubAppIds({}));
    expect(e.code).toBeFalsy();
    expect(e.message).toMatch(/json/i);
  });

  test("slow → a short client timeout fails; a patient client succeeds (the call ran)", async () => {
    await always("slow", 300);
    const started = Date.now();
    const e = await rejectionOf(vodClient(emu, { reqTimeoutSeconds: 0.1 }).CreateSubAppId({ Name: "slow" }));
    expect(e.message).toMatch(/timeout/i);
    const r = await vodClient(emu).CreateSubAppId({ Name: "slow-ok" });
    expect(r.SubAppId).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const last = emu.callLog.entries().slice(-1)[0];
    expect(last).toMatchObject({ action: "CreateSubAppId", outcome: "ok", fault: "slow", write: true });
  });

  test("faults are logged with their kind as the outcome, and never reach the admin interface", async () => {
    await always("http5xx");
    const mark = emu.callLog.mark();
    await rejectionOf(vodClient(emu).DescribeEventConfig({}));
    expect(emu.callLog.entries(mark)).toEqual([expect.objectContaining({ service: "vod", action: "DescribeEventConfig", outcome: "http5xx", write: false })]);
    const client = new EmulatorAdminClient(emu.url);
    try {
      await expect(client.health()).resolves.toMatchObject({ ok: true });
      await expect(client.getCallLog(mark)).resolves.toMatchObject({ summary: { total: 1 } });
    } finally {
      client.close();
    }
  });

  test("actions limits faults to the named actions", async () => {
    await emu.admin.setFaults({ rate: 1, seed: 1, kinds: ["throttle"], actions: ["SearchMedia"] });
    await expect(vodClient(emu).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    expect((await rejectionOf(vodClient(emu).SearchMedia({}))).code).toBe("RequestLimitExceeded");
  });

  test("Live REST faults use Live's envelope", async () => {
    await emu.admin.setFaults({ rate: 1, seed: 1, kinds: ["throttle"] });
    const r = await liveCall(emu, "live_config/get_callback", {}, { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY });
    expect(r).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60007 });
  });

  test("the same seed and calls give the same faults", async () => {
    const outcomes = async (): Promise<string[]> => {
      const e = await startEmulator({ rateLimits: false, faults: { rate: 0.5, seed: 42, kinds: ["throttle", "internalError", "http5xx"] } });
      try {
        const vod = vodClient(e);
        for (let i = 0; i < 20; i++) await vod.DescribeSubAppIds({}).catch(() => undefined);
        return e.callLog.entries().map((x) => x.outcome);
      } finally {
        await e.stop();
      }
    };
    const a = await outcomes();
    const b = await outcomes();
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(a.filter((o) => o === "ok").length).toBeGreaterThan(3);
  });

  test("PRNG and injector are deterministic and roughly honour the rate", () => {
    expect(Array.from({ length: 3 }, mulberry32(1))).toEqual(Array.from({ length: 3 }, mulberry32(1)));
    const inj = new FaultInjector({ rate: 0.3, seed: 3, kinds: ["throttle", "reset"] });
    const picks = Array.from({ length: 2000 }, () => inj.pick("X"));
    const share = picks.filter(Boolean).length / picks.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(new Set(picks.filter(Boolean))).toEqual(new Set(["throttle", "reset"]));
  });

  test("invalid configurations are refused", async () => {
    await expect(emu.admin.setFaults({ rate: 2, seed: 1, kinds: ["throttle"] })).rejects.toThrow("faults rate must be a number from 0 to 1 (the share of calls faulted), got 2");
    await expect(emu.admin.setFaults({ rate: 0.5, seed: 1, kinds: ["meteor" as FaultKind] })).rejects.toThrow(
      'faults kinds must be a list of only throttle, internalError, http5xx, reset, slow, malformed, got "meteor"',
    );
    await expect(emu.admin.setFaults({ rate: 0.5, seed: 1, kinds: ["throttle"], slowms: 5 } as never)).rejects.toThrow(
      'faults has no field "slowms" (did you mean "slowMs"?); its fields are rate, seed, kinds, actions, slowMs',
    );
  });
});
