/**
 * The estimated monthly cost of one app's Live recording, from its declared usage and the price table.
 *
 *   recording = recorded minutes per month x single-stream price of the resolution class
 *   storage   = GB recorded per month x min(retention in months, horizon) x VOD standard storage price per GB-month
 *
 * Storage is the steady state: with a retention of N days, N/30 months of recordings are kept at any time. Kept
 * longer than the horizon (or forever), storage keeps growing; the estimate is then the bill of month `horizon`.
 * Amounts are whole yuan.
 */
import type { DesiredApp } from "../lib/desired-state";
import { formatRetention, isStorageConfigured } from "../lib/desired-state";
import type { CostEstimate } from "./model";
import { BYTES_PER_GB, DAYS_PER_MONTH, DEFAULT_BITRATE_KBPS, PRICE_TABLE, PriceTable, STORAGE_HORIZON_MONTHS } from "./pricing";

export function estimateMonthlyCost(app: DesiredApp, prices: PriceTable = PRICE_TABLE, horizonMonths = STORAGE_HORIZON_MONTHS): CostEstimate {
  const usage = app.expectedUsage;
  if (usage === null || usage.recordedHoursPerMonth === null) {
    return { status: "not-estimated", reason: "no usage declared (expectedUsage.recordedHoursPerMonth)" };
  }
  if (!isStorageConfigured(app)) {
    return { status: "not-estimated", reason: "recording cannot be enabled: no VOD application or no retention" };
  }
  const retention = app.retention!;
  const hours = usage.recordedHoursPerMonth;
  const minutes = Math.round(hours * 60);
  const recordingPrice = prices.recordingPer1000Minutes[usage.resolution];
  const recordingCny = (minutes * recordingPrice.cny) / 1000;

  const bitrateAssumed = usage.averageBitrateKbps === null;
  const kbps = usage.averageBitrateKbps ?? DEFAULT_BITRATE_KBPS[usage.resolution];
  const gbPerMonth = (hours * 3600 * kbps * 1000) / 8 / BYTES_PER_GB;
  const retentionMonths = "forever" in retention ? Number.POSITIVE_INFINITY : retention.days / DAYS_PER_MONTH;
  const horizonApplied = retentionMonths > horizonMonths;
  const storedMonths = Math.min(retentionMonths, horizonMonths);
  const storedGb = gbPerMonth * storedMonths;
  const storagePrice = prices.vodStandardStoragePerGbMonth;
  const storageCny = storedGb * storagePrice.cny;

  const recordingMonthly = Math.round(recordingCny);
  const storageMonthly = Math.round(storageCny);
  const notes: string[] = [];
  for (const [what, price] of [
    [`recording (${usage.resolution})`, recordingPrice],
    ["VOD standard storage", storagePrice],
  ] as const) {
    if (price.assumed) notes.push(`estimate uses assumed unit price ${price.cny} CNY per ${price.unit} for ${what}; verify at ${price.verifyAt}`);
  }
  if (bitrateAssumed) notes.push(`storage assumes an average bitrate of ${kbps} kbps for ${usage.resolution} (declare expectedUsage.averageBitrateKbps to change it)`);
  if (horizonApplied) {
    notes.push(
      `recordings are kept ${formatRetention(retention)}, longer than ${horizonMonths} months: storage keeps growing; the estimate is month ${horizonMonths}'s bill`,
    );
  }
  notes.push(`list prices of ${prices.asOf}, single-stream recording (as Live bills it); packages, contracts and playback traffic not included`);
  return {
    status: "estimated",
    currency: "CNY",
    recordedHoursPerMonth: hours,
    resolution: usage.resolution,
    recording: { minutesPerMonth: minutes, unitPriceCnyPer1000Minutes: recordingPrice.cny, monthlyCny: recordingMonthly },
    storage: {
      averageBitrateKbps: kbps,
      bitrateAssumed,
      gbPerMonth: oneDecimal(gbPerMonth),
      storedMonths: oneDecimal(storedMonths),
      horizonApplied,
      storedGb: oneDecimal(storedGb),
      unitPriceCnyPerGbMonth: storagePrice.cny,
      unitPriceAssumed: storagePrice.assumed,
      monthlyCny: storageMonthly,
    },
    totalMonthlyCny: recordingMonthly + storageMonthly,
    notes,
  };
}

function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

/** "¥9,386" (whole yuan, thousands separated). */
export function formatYuan(cny: number): string {
  const sign = cny < 0 ? "-" : "";
  return `${sign}¥${formatThousands(Math.abs(Math.round(cny)))}`;
}

/** "+¥123", "-¥45" for a difference. */
export function formatYuanDelta(cny: number): string {
  return cny >= 0 ? `+${formatYuan(cny)}` : formatYuan(cny);
}

function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
