/**
 * The usage side of the conflict check, batched across apps.
 *
 * Recordings stored outside Live's VOD application (Global Auto-Recording to COS or another VOD application, or API
 * recordings) show only in DescribeRecordingUsage. Asking it per SDKAppID costs two to six calls per app at 5 calls
 * per second, the slowest limit of the whole step. So the run first asks once for the whole account (no `SdkAppId`)
 * and compares with the minutes of the files every app of the run found in its VOD application. Only when the
 * account records noticeably more than those files explain does it ask per app, to say which app it is.
 */
import { SECONDS_PER_DAY } from "../lib/limits";
import { MS_PER_DAY } from "../lib/times";
import type { CloudApi } from "./cloud";
import { exceedsTolerance, round1 } from "./conflict";
import type { StepReport, UsageFollowUp, UsageTotals } from "./steps/types";

const FIVE_MINUTES_S = 300;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number): number => Date.parse(`${day(ms)}T00:00:00Z`);

/**
 * Recorded minutes (single, multi) between `sinceMs` and `untilMs`, of one SDKAppID or (without it) of the whole
 * account. One-day queries give 5-minute points, longer ones daily points; so the partial first and last days are
 * asked alone (5-minute points, cut at the bounds) and the full days between in one query. Dates are UTC days (the
 * service's time zone for them is not documented).
 */
export async function usageMinutes(cloud: Pick<CloudApi, "describeRecordingUsage">, sdkAppId: number | undefined, sinceMs: number, untilMs: number): Promise<UsageTotals | null> {
  if (untilMs <= sinceMs) return null;
  const totals = { singleMinutes: 0, multiMinutes: 0 };
  const ranges: { start: string; end: string; fiveMinute: boolean }[] = [];
  const firstDay = dayStart(sinceMs);
  const lastDay = dayStart(untilMs);
  ranges.push({ start: day(firstDay), end: day(firstDay), fiveMinute: true });
  if (lastDay - firstDay >= 2 * MS_PER_DAY) ranges.push({ start: day(firstDay + MS_PER_DAY), end: day(lastDay - MS_PER_DAY), fiveMinute: lastDay - firstDay === 2 * MS_PER_DAY });
  if (lastDay > firstDay) ranges.push({ start: day(lastDay), end: day(lastDay), fiveMinute: true });
  const since = sinceMs / 1000;
  const until = untilMs / 1000;
  for (const mixType of ["single", "multi"] as const) {
    for (const r of ranges) {
      const usage = await cloud.describeRecordingUsage({ ...(sdkAppId !== undefined ? { sdkAppId } : {}), startDate: r.start, endDate: r.end, mixType });
      const bucket = r.fiveMinute ? FIVE_MINUTES_S : SECONDS_PER_DAY;
      for (const p of usage.points) {
        if (p.timestampSeconds < since || p.timestampSeconds + bucket > until) continue;
        const minutes = p.minutes.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
        if (mixType === "single") totals.singleMinutes += minutes;
        else totals.multiMinutes += minutes;
      }
    }
  }
  return totals;
}

/**
 * Finishes every app's usage comparison: one account-wide query, then per-app queries only if the account records
 * more than the files of this run's apps explain. Returns each follow-up's final report, in the given order.
 */
export async function screenUsage(
  cloud: Pick<CloudApi, "describeRecordingUsage">,
  followUps: readonly UsageFollowUp[],
  /** The account-wide usage, when the run asked for it early (it depends only on the window). */
  prefetched?: Promise<UsageTotals | null>,
): Promise<StepReport[]> {
  if (followUps.length === 0) return [];
  const since = Math.min(...followUps.map((f) => f.screenSinceMs));
  const until = Math.min(...followUps.map((f) => f.untilMs));
  const account = await (prefetched ?? usageMinutes(cloud, undefined, since, until));
  const explained = followUps.reduce((s, f) => s + f.explainedMinutes, 0);
  if (account !== null) {
    const total = account.singleMinutes + account.multiMinutes;
    if (!exceedsTolerance(total, explained)) {
      const note =
        `usage (DescribeRecordingUsage, whole account): ${round1(total)} min, against ${round1(explained)} min of files in the Live VOD applications of ` +
        `this run's ${followUps.length} app(s): nothing recorded elsewhere`;
      return followUps.map((f) => f.finish(null, note));
    }
  }
  // The account records more than the files explain (or the window was too short to ask): ask each app, to say which.
  const out: StepReport[] = [];
  for (const f of followUps) out.push(f.finish(await f.queryOwnUsage(), ""));
  return out;
}
