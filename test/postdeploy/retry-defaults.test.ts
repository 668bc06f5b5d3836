/**
 * The shipped retry policy, tested as shipped: 6 attempts in all, a backoff of 200 ms doubling up to 5 s, full jitter
 * (a uniform draw between 0 and the cap). Every other test passes its own (fast) retry settings, so these are the only
 * tests that see the defaults; they run on jest's fake clock, with `Math.random` pinned.
 */
import { RateLimiter } from "../../postdeploy/rate-limit";
import { backoffDelay, withRetry } from "../../postdeploy/retry";
import { Transport } from "../../postdeploy/transport";

const throttled = () => Object.assign(new Error("Your current request rate exceeds the limit"), { code: "RequestLimitExceeded" });

/** Runs `start` (which calls `op` until it gives up) on the fake clock; returns when each attempt started, relative to the first. */
async function attemptOffsets(random: number, start: (op: () => Promise<never>) => Promise<unknown>): Promise<{ offsets: number[]; error: unknown }> {
  jest.spyOn(Math, "random").mockReturnValue(random);
  const times: number[] = [];
  const settled = start(async () => {
    times.push(Date.now());
    throw throttled();
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  await jest.runAllTimersAsync();
  const error = await settled;
  return { offsets: times.map((t) => t - times[0]), error };
}

describe("shipped retry defaults (fake clock)", () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2030, 0, 1) });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  test("withRetry without options: 6 attempts, waits of 100, 200, 400, 800, 1600 ms when the draw is 0.5", async () => {
    const { offsets, error } = await attemptOffsets(0.5, (op) => withRetry(op));
    expect(offsets).toEqual([0, 100, 300, 700, 1500, 3100]);
    expect(error).toMatchObject({ code: "RequestLimitExceeded" });
  });

  test("full jitter: the wait is the draw times the cap (0.75 → 150, 300, 600, 1200, 2400 ms)", async () => {
    const { offsets } = await attemptOffsets(0.75, (op) => withRetry(op));
    expect(offsets).toEqual([0, 150, 450, 1050, 2250, 4650]);
  });

  test("a Transport built without retry options uses the same defaults", async () => {
    // The default limiter runs on the same fake clock; its 50 ms spacing (20/s) is shorter than every backoff here.
    const transport = new Transport();
    const { offsets, error } = await attemptOffsets(0.5, (op) => transport.call("vod", "DescribeSubAppIds", false, op));
    expect(offsets).toEqual([0, 100, 300, 700, 1500, 3100]);
    expect(error).toMatchObject({ code: "RequestLimitExceeded" });
    expect(transport.recorder.records).toEqual([{ service: "vod", action: "DescribeSubAppIds", write: false, outcome: "RequestLimitExceeded", attempts: 6 }]);
  });

  test("a call that succeeds on the 6th attempt succeeds; the 7th is never made", async () => {
    jest.spyOn(Math, "random").mockReturnValue(0);
    let calls = 0;
    const ok = withRetry(async () => {
      if (++calls < 6) throw throttled();
      return "done";
    });
    await jest.runAllTimersAsync();
    await expect(ok).resolves.toBe("done");
    expect(calls).toBe(6);
  });
});

describe("shipped backoff caps", () => {
  afterEach(() => jest.restoreAllMocks());

  test("200 ms doubling, never above 5 s (draw just under 1)", () => {
    jest.spyOn(Math, "random").mockReturnValue(0.999999);
    expect([1, 2, 3, 4, 5, 6, 7, 12].map((n) => backoffDelay(n))).toEqual([199, 399, 799, 1599, 3199, 4999, 4999, 4999]);
  });

  test("a draw of 0 waits 0 ms (full jitter, not equal jitter)", () => {
    jest.spyOn(Math, "random").mockReturnValue(0);
    expect([1, 4, 9].map((n) => backoffDelay(n))).toEqual([0, 0, 0]);
  });

  test("the limiter of a default Transport is the documented one", () => {
    const transport = new Transport();
    expect(transport.limiter).toBeInstanceOf(RateLimiter);
    expect(transport.limiter.rateOf("trtc", "DescribeRecordingUsage")).toBe(5);
    expect(transport.limiter.rateOf("vod", "ModifySubAppIdInfo")).toBe(100);
    expect(transport.limiter.rateOf("vod", "SearchMedia")).toBe(20);
    expect(transport.limiter.rateOf("live", "live_config/set_callback")).toBe(200);
  });
});
