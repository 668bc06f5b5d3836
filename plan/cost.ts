/**
 * The estimated monthly cost of one app's Live recording, from its declared usage and the price table.
 *
 * Basis (guide, "Billing Description"): Live recording is billed as TRTC Cloud Recording at single-stream recording
 * prices, by recording duration and video resolution; the files are billed as VOD standard storage. TRTC's billing
 * rules, which the guide points to, count per recorded stream.
 *
 *   recording = room-minutes per month x streams per room x single-stream price of the resolution class
 *   storage   = GB recorded per month x min(retention in months, horizon) x VOD standard storage price per GB-month
 *   double    = room-minutes per month x hosts per room x the same price, when Global Auto-Recording records the
 *               same rooms again (each host to its own file)
 *
 * A multi-host room is one mixed-stream file, yet the guide does not say whether it bills as one stream or one per
 * host: its recording is a range, from one stream per room to one per host (the rooms' `typicalHosts`; our reading).
 * Storage is the steady state: with a retention of N days, N/30 months of recordings are kept at any time. Kept longer
 * than the horizon (or forever), storage keeps growing; the estimate is then the bill of month `horizon`.
 * Amounts are whole yuan.
 */
import type { DesiredApp } from "../lib/desired-state";
import { formatRetention, isStorageConfigured, liveRecordedRooms } from "../lib/desired-state";
import type { CnyRange, ConflictStatus, CostEstimate } from "./model";
import { BYTES_PER_GB, DAYS_PER_MONTH, DEFAULT_BITRATE_KBPS, PRICE_TABLE, PriceTable, STORAGE_HORIZON_MONTHS } from "../lib/pricing";

/** The basis of every estimate, in the guide's terms. */
export const COST_BASIS =
  "Live recording is billed at single-stream recording prices, by recording duration and video resolution (guide, Billing " +
  "Description); TRTC's billing rules count per recorded stream; files are billed as VOD standard storage";

/** Why a multi-host room's recording is a range. */
export const MULTI_HOST_RANGE_REASON =
  "a multi-host room is recorded as one mixed-stream file, but the guide does not say whether it bills as one stream or " +
  "as one per host (TRTC counts per recorded stream): our reading is a range from one stream per room up to one per host";

/**
 * @param garConflict whether Global Auto-Recording records the rooms Live records (from the plan's declaration
 * analysis): `double-recording`/`acknowledged` add its cost to the total, `unverified` (undeclared) to the total's upper end only.
 */
export function estimateMonthlyCost(
  app: DesiredApp,
  garConflict: ConflictStatus = "none",
  prices: PriceTable = PRICE_TABLE,
  horizonMonths = STORAGE_HORIZON_MONTHS,
): CostEstimate {
  const usage = app.expectedUsage;
  if (usage === null || usage.recordedHoursPerMonth === null) {
    return { status: "not-estimated", reason: "no usage declared (expectedUsage.recordedHoursPerMonth)" };
  }
  if (!isStorageConfigured(app)) {
    return { status: "not-estimated", reason: "recording cannot be enabled: no VOD application or no retention" };
  }
  const live = liveRecordedRooms(app);
  if (!live.anyRecorded) return { status: "not-estimated", reason: "Live records no declared room here" };
  const retention = app.retention!;
  const hours = usage.recordedHoursPerMonth;
  const minutes = Math.round(hours * 60);
  const recordingPrice = prices.recordingPer1000Minutes[usage.resolution];
  const perStream = (minutes * recordingPrice.cny) / 1000;

  // Hosts of the rooms Live records, as declared (typicalHosts); undeclared counts as one host.
  const recordedNames = new Set(live.names);
  const recordedRooms = app.rooms.filter((r) => recordedNames.has(r.name));
  const hostCounts = recordedRooms.map((r) => r.typicalHosts).filter((h): h is number => h !== null);
  const hostsMax = Math.max(1, ...hostCounts);
  const hostsMin = hostCounts.length === recordedRooms.length && hostCounts.length > 0 ? Math.min(...hostCounts) : 1;
  const streamsPerRoom = { min: 1, max: hostsMax };
  const recordingCny: CnyRange = { min: Math.round(perStream), max: Math.round(perStream * hostsMax) };

  const bitrateAssumed = usage.averageBitrateKbps === null;
  const kbps = usage.averageBitrateKbps ?? DEFAULT_BITRATE_KBPS[usage.resolution];
  const gbPerMonth = (hours * 3600 * kbps * 1000) / 8 / BYTES_PER_GB;
  const retentionMonths = "forever" in retention ? Number.POSITIVE_INFINITY : retention.days / DAYS_PER_MONTH;
  const horizonApplied = retentionMonths > horizonMonths;
  const storedMonths = Math.min(retentionMonths, horizonMonths);
  const storedGb = gbPerMonth * storedMonths;
  const storagePrice = prices.vodStandardStoragePerGbMonth;
  const storageMonthly = Math.round(storedGb * storagePrice.cny);

  const garRecords = garConflict === "double-recording" || garConflict === "acknowledged" || garConflict === "unverified";
  const included = garConflict === "double-recording" || garConflict === "acknowledged";
  const doubleRecording = garRecords
    ? {
        globalAutoRecording: (included ? "on" : "unknown") as "on" | "unknown",
        included,
        hostsPerRoom: { min: hostsMin, max: hostsMax },
        monthlyCny: { min: Math.round(perStream * hostsMin), max: Math.round(perStream * hostsMax) },
      }
    : null;

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
  const undeclaredHosts = recordedRooms.filter((r) => r.typicalHosts === null).map((r) => r.name);
  if (undeclaredHosts.length > 0) {
    notes.push(`rooms ${undeclaredHosts.map((n) => `"${n}"`).join(", ")} declare no typicalHosts: counted as one host, so a multi-host session of theirs may cost more`);
  } else if (!live.roomsDeclared) {
    notes.push("no room declared: counted as one stream per room; a multi-host room may bill up to one stream per host");
  }
  if (doubleRecording !== null) {
    notes.push(
      `${included ? "included" : "in the total's upper end only (Global Auto-Recording undeclared: it may be on)"}: Global Auto-Recording's second recording of the same rooms, ` +
        "each host to its own file, at the same single-stream price; its own storage is not estimated (its template is not declared)",
    );
  }
  notes.push(`list prices of ${prices.asOf}; packages, contracts and playback traffic not included`);
  // Declared on: the second recording is in the total. Undeclared: it may be on, so it raises the total's upper end only.
  const doubleIncluded =
    doubleRecording === null ? { min: 0, max: 0 } : doubleRecording.included ? doubleRecording.monthlyCny : { min: 0, max: doubleRecording.monthlyCny.max };
  return {
    status: "estimated",
    currency: "CNY",
    basis: COST_BASIS,
    recordedHoursPerMonth: hours,
    resolution: usage.resolution,
    recording: {
      minutesPerMonth: minutes,
      unitPriceCnyPer1000Minutes: recordingPrice.cny,
      streamsPerRoom,
      monthlyCny: recordingCny,
      rangeReason: hostsMax > 1 ? MULTI_HOST_RANGE_REASON : null,
    },
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
    doubleRecording,
    totalMonthlyCny: {
      min: recordingCny.min + storageMonthly + doubleIncluded.min,
      max: recordingCny.max + storageMonthly + doubleIncluded.max,
    },
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

/** "¥9,386" when exact, "¥9,386–¥18,772" for a range. */
export function formatYuanRange(range: CnyRange): string {
  return range.min === range.max ? formatYuan(range.min) : `${formatYuan(range.min)}–${formatYuan(range.max)}`;
}

/** "+¥123", "-¥45" for a difference. */
export function formatYuanDelta(cny: number): string {
  return cny >= 0 ? `+${formatYuan(cny)}` : formatYuan(cny);
}

/** The difference of two ranges: "+¥123" when both ends moved alike, else "+¥100 to +¥300". */
export function formatYuanRangeDelta(before: CnyRange, after: CnyRange): string {
  const lo = after.min - before.min;
  const hi = after.max - before.max;
  return lo === hi ? formatYuanDelta(lo) : `${formatYuanDelta(lo)} to ${formatYuanDelta(hi)}`;
}

function formatThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
