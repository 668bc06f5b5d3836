/**
 * The client-side rate limiter under loads well above any burst, on a fake clock, and against the emulator's
 * token buckets fed by the same clock: paced at the documented rates nothing is refused; unpaced, the emulator
 * refuses everything beyond one second's worth. Both rate tables (postdeploy/rate-limit.ts and
 * emulator/rate-limit.ts) are tested: they must agree wherever both name an action.
 */
import { DEFAULT_RATE_LIMIT, RATE_LIMITS, RateLimiter as EmulatorRateLimiter, rateLimitOf } from "../../emulator/rate-limit";
import { LIVE_COMMANDS } from "../../emulator/live";
import { TRTC_ACTIONS } from "../../emulator/trtc";
import { VOD_ACTIONS } from "../../emulator/vod";
import { CAM_ACTIONS } from "../../emulator/cam";
import { DEFAULT_RATE, DOCUMENTED_RATES, RateLimiter } from "../../postdeploy/rate-limit";

/** A clock that only moves when someone sleeps on it. */
function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

/** The emulated service of an action the post-deploy step calls. */
function serviceOf(action: string): "vod" | "trtc" | "cam" | "live" {
  if (action in VOD_ACTIONS) return "vod";
  if (action in TRTC_ACTIONS) return "trtc";
  if (action in CAM_ACTIONS) return "cam";
  if (action in LIVE_COMMANDS) return "live";
  throw new Error(`${action} is not an emulated action`);
}

const ACTIONS = Object.entries(DOCUMENTED_RATES);

describe("client-side limiter (fake clock)", () => {
  test("100 DescribeRecordingUsage calls one after the other are sent exactly 200 ms apart (5/s)", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire("DescribeRecordingUsage");
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual(Array.from({ length: 100 }, (_, i) => i * 200));
  });

  test.each(ACTIONS)("%s (%i/s): three seconds' worth requested at once wait 1/rate apart", async (action, rate) => {
    const clock = fakeClock();
    const waits: number[] = [];
    const limiter = new RateLimiter({ now: clock.now, sleep: async (ms) => void waits.push(ms) });
    await Promise.all(Array.from({ length: 3 * rate }, () => limiter.acquire(action)));
    // The first goes at once; the k-th (k ≥ 1) waits k/rate seconds.
    const micro = (ms: number) => Math.round(ms * 1000);
    expect(waits.map(micro)).toEqual(Array.from({ length: 3 * rate - 1 }, (_, i) => micro(((i + 1) * 1000) / rate)));
  });

  test("actions are paced independently; an action without a documented rate gets 20/s", async () => {
    const clock = fakeClock();
    const waits: Array<[string, number]> = [];
    const limiter = new RateLimiter({ now: clock.now, sleep: async (ms) => void waits.push(["?", ms]) });
    await limiter.acquire("DescribeRecordingUsage");
    await limiter.acquire("SearchMedia");
    expect(waits).toEqual([]);
    await limiter.acquire("SearchMedia");
    expect(waits).toEqual([["?", 1000 / DEFAULT_RATE]]);
  });
});

describe("paced by the client limiter, the emulator never refuses; unpaced, it refuses beyond one second's worth", () => {
  test.each(ACTIONS)("%s (%i/s)", async (action, rate) => {
    const service = serviceOf(action);
    // Paced: 3 seconds' worth, one after the other, on one clock.
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const paced = new EmulatorRateLimiter(true, clock.now);
    let refused = 0;
    for (let i = 0; i < 3 * rate; i++) {
      await limiter.acquire(action);
      if (!paced.take(service, action, "1400000001")) refused++;
    }
    expect(refused).toBe(0);
    expect(clock.now()).toBeCloseTo(((3 * rate - 1) * 1000) / rate, 6);

    // Unpaced: the same load in one instant: the bucket holds one second's worth, the rest is refused.
    const burst = new EmulatorRateLimiter(true, () => 0);
    const passed = Array.from({ length: 3 * rate }, () => burst.take(service, action, "1400000001")).filter(Boolean).length;
    expect(passed).toBe(rate);
  });
});

describe("emulator token buckets (fake clock)", () => {
  test.each(Object.entries(RATE_LIMITS))("%s (%i/s): a full bucket, then one token per 1/rate", (key, rate) => {
    const [service, action] = [key.slice(0, key.indexOf(".")), key.slice(key.indexOf(".") + 1).replace("*", "live_config/get_callback")];
    let t = 1000;
    const rl = new EmulatorRateLimiter(true, () => t);
    for (let i = 0; i < rate; i++) expect(rl.take(service, action)).toBe(true);
    expect(rl.take(service, action)).toBe(false);
    t += 1000 / rate - 0.001;
    expect(rl.take(service, action)).toBe(false);
    t += 0.002;
    expect(rl.take(service, action)).toBe(true);
    expect(rl.take(service, action)).toBe(false);
  });

  test("Live limits are per SDKAppID; Cloud API limits are per account", () => {
    const rl = new EmulatorRateLimiter(true, () => 0);
    for (let i = 0; i < 200; i++) expect(rl.take("live", "live_config/set_callback", "1400000001")).toBe(true);
    expect(rl.take("live", "live_config/set_callback", "1400000001")).toBe(false);
    expect(rl.take("live", "live_config/set_callback", "1400000002")).toBe(true);
    for (let i = 0; i < 5; i++) expect(rl.take("trtc", "DescribeRecordingUsage")).toBe(true);
    expect(rl.take("trtc", "DescribeRecordingUsage")).toBe(false);
  });

  test("switched off, nothing is refused", () => {
    const rl = new EmulatorRateLimiter(false, () => 0);
    expect(Array.from({ length: 50 }, () => rl.take("trtc", "DescribeRecordingUsage")).every(Boolean)).toBe(true);
  });
});

describe("the two rate tables agree", () => {
  test.each(ACTIONS)("%s: the post-deploy step and the emulator use the same rate", (action, rate) => {
    expect(rateLimitOf(serviceOf(action), action)).toBe(rate);
  });

  test("every action the emulator limits specifically is paced at its rate by the client (or the same default)", () => {
    const limiter = new RateLimiter();
    for (const [key, rate] of Object.entries(RATE_LIMITS)) {
      if (key.endsWith(".*")) continue;
      expect({ key, rate: limiter.rateOf(key.slice(key.indexOf(".") + 1)) }).toEqual({ key, rate });
    }
    expect(DEFAULT_RATE).toBe(DEFAULT_RATE_LIMIT);
  });
});
