import { RESOLUTIONS } from "../../lib/desired-state";
import { estimateMonthlyCost, formatYuan, formatYuanDelta } from "../../plan/cost";
import { BYTES_PER_GB, DEFAULT_BITRATE_KBPS, PRICE_TABLE, STORAGE_HORIZON_MONTHS } from "../../lib/pricing";
import { fixtureApp } from "./support";

describe("price table", () => {
  test("TRTC single-stream recording prices as published (CNY per 1,000 minutes), with their source", () => {
    // 云端录制计费说明, 单流录制: 音频 3.5, 标清 SD 7, 高清 HD 14, 超高清 Full HD 31, 2K 56, 4K 97.
    const published = { Audio: 3.5, SD: 7, HD: 14, FullHD: 31, "2K": 56, "4K": 97 };
    expect(Object.fromEntries(RESOLUTIONS.map((r) => [r, PRICE_TABLE.recordingPer1000Minutes[r].cny]))).toEqual(published);
    for (const r of RESOLUTIONS) {
      const p = PRICE_TABLE.recordingPer1000Minutes[r];
      expect([r, p.assumed, p.source.startsWith("https://"), p.verifyAt.startsWith("https://")]).toEqual([r, false, true, true]);
    }
  });

  test("the storage price is marked as an assumption with where to verify it; the table is dated", () => {
    expect(PRICE_TABLE.vodStandardStoragePerGbMonth).toMatchObject({ assumed: true, unit: "GB-month" });
    expect(PRICE_TABLE.vodStandardStoragePerGbMonth.verifyAt).toMatch(/^https:\/\/cloud\.tencent\.com\/document\/product\/266\//);
    expect(PRICE_TABLE.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICE_TABLE.currency).toBe("CNY");
  });

  test("a default bitrate for every resolution class, rising with resolution", () => {
    const rates = RESOLUTIONS.map((r) => DEFAULT_BITRATE_KBPS[r]);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(new Set(rates).size).toBe(RESOLUTIONS.length);
  });
});

describe("cost model", () => {
  const usage = (recordedHoursPerMonth: number, resolution: (typeof RESOLUTIONS)[number], averageBitrateKbps: number | null = null) => ({
    peakConcurrentRecordings: null,
    recordedHoursPerMonth,
    resolution,
    averageBitrateKbps,
  });

  test("recording = minutes x price; storage = GB per month x retention months x price", () => {
    const cost = estimateMonthlyCost(fixtureApp({ retention: { days: 60 }, expectedUsage: usage(1000, "4K", 8000) }));
    if (cost.status !== "estimated") throw new Error("estimated");
    const gb = (1000 * 3600 * 8000 * 1000) / 8 / BYTES_PER_GB;
    expect(cost.recording).toEqual({ minutesPerMonth: 60000, unitPriceCnyPer1000Minutes: 97, streamsPerRoom: { min: 1, max: 1 }, monthlyCny: { min: 5820, max: 5820 }, rangeReason: null });
    expect(cost.storage.monthlyCny).toBe(Math.round(gb * 2 * PRICE_TABLE.vodStandardStoragePerGbMonth.cny));
    expect(cost.storage).toMatchObject({ storedMonths: 2, horizonApplied: false, bitrateAssumed: false });
    expect(cost.totalMonthlyCny).toEqual({ min: 5820 + cost.storage.monthlyCny, max: 5820 + cost.storage.monthlyCny });
  });

  test("retention longer than the horizon is capped at it, and said so", () => {
    const cost = estimateMonthlyCost(fixtureApp({ retention: { days: 730 }, expectedUsage: usage(10, "SD") }));
    if (cost.status !== "estimated") throw new Error("estimated");
    expect(cost.storage).toMatchObject({ storedMonths: STORAGE_HORIZON_MONTHS, horizonApplied: true });
    expect(cost.notes).toContain(`recordings are kept 730 days, longer than ${STORAGE_HORIZON_MONTHS} months: storage keeps growing; the estimate is month ${STORAGE_HORIZON_MONTHS}'s bill`);
  });

  test("not estimated without usage, and without storage", () => {
    expect(estimateMonthlyCost(fixtureApp({ expectedUsage: usage(0, "HD") })).status).toBe("estimated");
    expect(estimateMonthlyCost(fixtureApp({ expectedUsage: { ...usage(1, "HD"), recordedHoursPerMonth: null } }))).toEqual({
      status: "not-estimated",
      reason: "no usage declared (expectedUsage.recordedHoursPerMonth)",
    });
    expect(estimateMonthlyCost(fixtureApp({ vodApplication: null }))).toEqual({
      status: "not-estimated",
      reason: "recording cannot be enabled: no VOD application or no retention",
    });
  });

  test("whole yuan, thousands separated", () => {
    expect(formatYuan(9386.4)).toBe("¥9,386");
    expect(formatYuan(1234567)).toBe("¥1,234,567");
    expect(formatYuanDelta(123)).toBe("+¥123");
    expect(formatYuanDelta(-1946)).toBe("-¥1,946");
    expect(formatYuanDelta(0)).toBe("+¥0");
  });
});
