/**
 * The client-side rate limiter under loads well above any burst, on a fake clock, and against the emulator's
 * token buckets fed by the same clock: paced at the documented rates nothing is refused; unpaced, the emulator
 * refuses everything beyond one second's worth. Both read their rates from the one action table
 * (lib/cloud-actions.ts): every documented rate there is tested on both sides.
 */
import { CLOUD_ACTIONS, DEFAULT_RATE, documentedRates } from "../../lib/cloud-actions";
import { DEFAULT_RATE_LIMIT, RateLimiter as EmulatorRateLimiter, rateLimitOf } from "../../emulator/rate-limit";
import { LIVE_COMMANDS } from "../../emulator/live";
import { TRTC_ACTIONS } from "../../emulator/trtc";
import { VOD_ACTIONS } from "../../emulator/vod";
import { CAM_ACTIONS } from "../../emulator/cam";
import { DOCUMENTED_RATES, RateLimiter } from "../../postdeploy/rate-limit";

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

/** Every documented rate as [service, action, rate]; `live:*` stands for a Live REST command (live_config/get_callback). */
const RATES: Array<[string, string, number]> = Object.entries(documentedRates()).map(([key, rate]) => {
  const [service, action] = key.split(":");
  return [service, action === "*" ? "live_config/get_callback" : action, rate];
});

describe("the one rate table", () => {
  test("documented rates as the reference gives them (sources in the table)", () => {
    expect(documentedRates()).toEqual({
      "vod:CreateSubAppId": 20,
      "vod:ModifySubAppIdInfo": 100,
      "vod:ModifySubAppIdStatus": 100,
      "vod:ModifyEventConfig": 20,
      "trtc:CreateCloudRecording": 20,
      "trtc:DescribeCloudRecording": 20,
      "trtc:DeleteCloudRecording": 20,
      "trtc:DescribeRecordingUsage": 5,
      "cam:CreatePolicy": 10,
      "live:*": 200,
    });
    expect(DOCUMENTED_RATES).toEqual(documentedRates());
    expect(DEFAULT_RATE).toBe(20);
    expect(DEFAULT_RATE_LIMIT).toBe(DEFAULT_RATE);
  });

  test("every action of the table is one the emulator serves (a rate for an action nobody calls would be a hand-kept fact)", () => {
    const emulated: Record<string, readonly string[]> = { vod: Object.keys(VOD_ACTIONS), trtc: Object.keys(TRTC_ACTIONS), cam: Object.keys(CAM_ACTIONS), live: ["*"] };
    for (const row of Object.values(CLOUD_ACTIONS)) expect([row.service, row.action, emulated[row.service].includes(row.action)]).toEqual([row.service, row.action, true]);
    expect(Object.keys(LIVE_COMMANDS).length).toBeGreaterThan(0);
  });
});

describe("client-side limiter (fake clock)", () => {
  test("100 DescribeRecordingUsage calls one after the other are sent exactly 200 ms apart (5/s)", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire("trtc", "DescribeRecordingUsage");
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual(Array.from({ length: 100 }, (_, i) => i * 200));
  });

  test.each(RATES)("%s:%s (%i/s): three seconds' worth requested at once wait 1/rate apart", async (service, action, rate) => {
    const clock = fakeClock();
    const waits: number[] = [];
    const limiter = new RateLimiter({ now: clock.now, sleep: async (ms) => void waits.push(ms) });
    await Promise.all(Array.from({ length: 3 * rate }, () => limiter.acquire(service, action)));
    // The first goes at once; the k-th (k ≥ 1) waits k/rate seconds.
    const micro = (ms: number) => Math.round(ms * 1000);
    expect(waits.map(micro)).toEqual(Array.from({ length: 3 * rate - 1 }, (_, i) => micro(((i + 1) * 1000) / rate)));
  });

  test("actions are paced independently; an action without a documented rate gets 20/s", async () => {
    const clock = fakeClock();
    const waits: Array<[string, number]> = [];
    const limiter = new RateLimiter({ now: clock.now, sleep: async (ms) => void waits.push(["?", ms]) });
    await limiter.acquire("trtc", "DescribeRecordingUsage");
    await limiter.acquire("vod", "SearchMedia");
    expect(waits).toEqual([]);
    await limiter.acquire("vod", "SearchMedia");
    expect(waits).toEqual([["?", 1000 / DEFAULT_RATE]]);
  });
});

describe("paced by the client limiter, the emulator never refuses; unpaced, it refuses beyond one second's worth", () => {
  test.each(RATES)("%s:%s (%i/s)", async (service, action, rate) => {
    // Paced: 3 seconds' worth, one after the other, on one clock.
    const clock = fakeClock();
    const limiter = new RateLimiter({ now: clock.now, sleep: clock.sleep });
    const paced = new EmulatorRateLimiter(true, clock.now);
    let refused = 0;
    for (let i = 0; i < 3 * rate; i++) {
      await limiter.acquire(service, action);
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
  test.each(RATES)("%s:%s (%i/s): a full bucket, then one token per 1/rate", (service, action, rate) => {
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

describe("both sides read the same table", () => {
  test.each(RATES)("%s:%s: the post-deploy step and the emulator use the same rate", (service, action, rate) => {
    expect([rateLimitOf(service, action), new RateLimiter().rateOf(service, action)]).toEqual([rate, rate]);
  });

  test("an action without a documented rate: the same default on both sides", () => {
    expect([rateLimitOf("vod", "SearchMedia"), new RateLimiter().rateOf("vod", "SearchMedia")]).toEqual([DEFAULT_RATE, DEFAULT_RATE]);
  });
});
