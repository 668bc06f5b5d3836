/**
 * The Global Auto-Recording conflict, decided from live evidence (there is no API that says whether it is on).
 *
 * Live records a room with one host as one single-stream file of that host, and a room with several hosts as ONE
 * mixed-stream file. Global Auto-Recording records every host of every TRTC room to its own file, independently.
 * So, among the `TrtcRecord` files of an SDKAppID in Live's VOD application:
 *
 * - **confirmed**: the same content recorded twice. In one room, a user's media appears in files of two different
 *   recording tasks that overlap in time (a mixed file and that host's own file, or two single-user files of the same
 *   user). Two files "overlap" when they share at least {@link MIN_OVERLAP_SECONDS} and at least
 *   {@link MIN_OVERLAP_SHARE} of the shorter one, so back-to-back sessions and clock skew do not count.
 * - **suspected**: per-host files of different users overlapping in one room (a pattern Live never produces: it mixes
 *   multi-host rooms), or recorded minutes (DescribeRecordingUsage, single + multi) exceeding the minutes of the files
 *   found in Live's VOD application by more than {@link UNEXPLAINED_TOLERANCE_MINUTES} and
 *   {@link UNEXPLAINED_TOLERANCE_SHARE} of the usage (recordings stored elsewhere: Global Auto-Recording to COS or
 *   another VOD application, or API recordings), or the console driver reporting Global Auto-Recording on.
 * - **none** otherwise.
 *
 * A file's recorded interval is [CreateTime - Duration, CreateTime]: VOD creates the file when it is uploaded, at the
 * end of the recording (an approximation: the upload takes seconds to minutes).
 */
import type { Resolution } from "../lib/desired-state";
import { PRICE_TABLE } from "../lib/pricing";
import { MS_PER_DAY } from "../lib/times";
import type { RecordingMedia } from "./cloud";
import { Interval, overlapMs, recordedInterval, totalLength, union } from "./intervals";

export const MIN_OVERLAP_SECONDS = 60;
export const MIN_OVERLAP_SHARE = 0.5;
export const UNEXPLAINED_TOLERANCE_MINUTES = 5;
export const UNEXPLAINED_TOLERANCE_SHARE = 0.1;
/** Room ids listed in the evidence (the counts cover all). */
export const MAX_LISTED_ROOMS = 10;

/**
 * True when the recorded minutes (DescribeRecordingUsage) exceed the minutes of the files found by more than
 * {@link UNEXPLAINED_TOLERANCE_MINUTES} and {@link UNEXPLAINED_TOLERANCE_SHARE} of the usage: recordings stored elsewhere.
 */
export function exceedsTolerance(usageTotal: number, explainedMinutes: number): boolean {
  return usageTotal - explainedMinutes > Math.max(UNEXPLAINED_TOLERANCE_MINUTES, UNEXPLAINED_TOLERANCE_SHARE * usageTotal);
}

export type Verdict = "none" | "suspected" | "confirmed";

export interface EvidenceInput {
  /** TrtcRecord files of the SDKAppID in Live's VOD application created in the window. */
  readonly files: readonly RecordingMedia[];
  /** Recorded minutes in the window (DescribeRecordingUsage), null when not queried. */
  readonly usage: { readonly singleMinutes: number; readonly multiMinutes: number } | null;
  /** Whether the console driver reads Global Auto-Recording as on (null: it cannot read it). */
  readonly consoleReportsGlobalAutoRecording: boolean | null;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** Price class of the recordings (the app's declared `expectedUsage.resolution`, default HD). */
  readonly resolution: Resolution;
}

export interface ConflictEvidence {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly files: number;
  readonly mixedFiles: number;
  readonly singleUserFiles: number;
  readonly rooms: number;
  /** Rooms with content recorded twice. */
  readonly roomsRecordedTwice: number;
  /** Rooms with overlapping per-host files of different users. */
  readonly roomsWithPerHostFiles: number;
  /** Rooms with any of the two patterns. */
  readonly roomsWithEvidence: number;
  /** The first {@link MAX_LISTED_ROOMS} room ids with evidence (recorded twice first). */
  readonly roomIds: readonly string[];
  readonly duplicatePairs: number;
  readonly duplicateMinutes: number;
  readonly usageMinutes: { readonly single: number; readonly multi: number } | null;
  readonly explainedMinutes: number;
  readonly unexplainedMinutes: number | null;
  readonly estimatedDoubleCost: {
    readonly cny: number;
    /** Projected to 30 days when the window is at least one day long. */
    readonly cnyPer30Days: number | null;
    readonly resolution: Resolution;
    readonly cnyPer1000Minutes: number;
    readonly pricesAsOf: string;
  };
}

function significant(ov: number, a: number, b: number): boolean {
  return ov >= MIN_OVERLAP_SECONDS * 1000 && ov >= MIN_OVERLAP_SHARE * Math.min(a, b);
}

/** Minutes and other amounts in reports: one decimal. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

export function analyzeEvidence(input: EvidenceInput): ConflictEvidence {
  const byRoom = new Map<string, { file: RecordingMedia; interval: Interval }[]>();
  let mixedFiles = 0;
  let singleUserFiles = 0;
  let explainedMs = 0;
  for (const f of input.files) {
    const interval = recordedInterval(f);
    if (interval === undefined) continue;
    explainedMs += interval.end - interval.start;
    if (f.userIds.length > 1) mixedFiles++;
    else singleUserFiles++;
    const room = f.roomId ?? "(unknown room)";
    const list = byRoom.get(room) ?? [];
    list.push({ file: f, interval });
    byRoom.set(room, list);
  }

  let duplicatePairs = 0;
  let duplicateMs = 0;
  const twice: string[] = [];
  const perHost: string[] = [];
  for (const [room, entries] of byRoom) {
    let roomDuplicated = false;
    // Same user, different tasks, overlapping: the same content twice.
    const users = new Set(entries.flatMap((e) => e.file.userIds));
    for (const user of users) {
      const byTask = new Map<string, Interval[]>();
      for (const e of entries) {
        if (!e.file.userIds.includes(user)) continue;
        const task = e.file.taskId ?? e.file.fileId;
        byTask.set(task, [...(byTask.get(task) ?? []), e.interval]);
      }
      const tasks = [...byTask.entries()].map(([id, list]) => ({ id, intervals: union(list) }));
      const involved = new Set<string>();
      for (let i = 0; i < tasks.length; i++) {
        for (let j = i + 1; j < tasks.length; j++) {
          const ov = overlapMs(tasks[i].intervals, tasks[j].intervals);
          if (significant(ov, totalLength(tasks[i].intervals), totalLength(tasks[j].intervals))) {
            duplicatePairs++;
            involved.add(tasks[i].id);
            involved.add(tasks[j].id);
          }
        }
      }
      if (involved.size > 0) {
        roomDuplicated = true;
        const chosen = tasks.filter((t) => involved.has(t.id));
        duplicateMs += chosen.reduce((s, t) => s + totalLength(t.intervals), 0) - totalLength(union(chosen.flatMap((t) => t.intervals)));
      }
    }
    if (roomDuplicated) twice.push(room);
    // Per-host files of different users overlapping: Live would have mixed them into one file.
    const singles = entries.filter((e) => e.file.userIds.length === 1);
    let hosts = false;
    for (let i = 0; i < singles.length && !hosts; i++) {
      for (let j = i + 1; j < singles.length && !hosts; j++) {
        if (singles[i].file.userIds[0] === singles[j].file.userIds[0]) continue;
        const a = singles[i].interval;
        const b = singles[j].interval;
        if (significant(overlapMs([a], [b]), a.end - a.start, b.end - b.start)) hosts = true;
      }
    }
    if (hosts) perHost.push(room);
  }

  const explainedMinutes = explainedMs / 60000;
  const usageTotal = input.usage ? input.usage.singleMinutes + input.usage.multiMinutes : null;
  const unexplained = usageTotal === null ? null : usageTotal - explainedMinutes;
  const reasons: string[] = [];
  let verdict: Verdict = "none";
  if (twice.length > 0) {
    verdict = "confirmed";
    reasons.push(
      `${twice.length} room(s) recorded twice: the same hosts appear in files of two recording tasks that overlap in time (Live's file and a per-host file)`,
    );
  }
  if (perHost.length > 0) {
    if (verdict === "none") verdict = "suspected";
    reasons.push(`${perHost.length} room(s) have per-host files of different users at the same time: Live records multi-host rooms as one mixed file, Global Auto-Recording (or an API recording) records each host`);
  }
  if (unexplained !== null && usageTotal !== null && exceedsTolerance(usageTotal, explainedMinutes)) {
    if (verdict === "none") verdict = "suspected";
    reasons.push(
      `${round1(unexplained)} recorded minute(s) are not in Live's VOD application (usage ${round1(usageTotal)} min, files ${round1(explainedMinutes)} min): recordings stored elsewhere (Global Auto-Recording to COS or another VOD application, or API recordings)`,
    );
  }
  if (input.consoleReportsGlobalAutoRecording === true) {
    if (verdict === "none") verdict = "suspected";
    reasons.push("the console driver reads Global Auto-Recording as on");
  }

  const price = PRICE_TABLE.recordingPer1000Minutes[input.resolution];
  const duplicateMinutes = duplicateMs / 60000;
  const cost = (duplicateMinutes / 1000) * price.cny;
  const windowDays = (Date.parse(input.windowEnd) - Date.parse(input.windowStart)) / MS_PER_DAY;
  const withEvidence = [...twice, ...perHost.filter((r) => !twice.includes(r))];
  const listed = withEvidence.slice(0, MAX_LISTED_ROOMS);
  return {
    verdict,
    reasons,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    files: input.files.length,
    mixedFiles,
    singleUserFiles,
    rooms: byRoom.size,
    roomsRecordedTwice: twice.length,
    roomsWithPerHostFiles: perHost.length,
    roomsWithEvidence: withEvidence.length,
    roomIds: listed,
    duplicatePairs,
    duplicateMinutes: round1(duplicateMinutes),
    usageMinutes: input.usage ? { single: round1(input.usage.singleMinutes), multi: round1(input.usage.multiMinutes) } : null,
    explainedMinutes: round1(explainedMinutes),
    unexplainedMinutes: unexplained === null ? null : round1(unexplained),
    estimatedDoubleCost: {
      cny: round2(cost),
      cnyPer30Days: windowDays >= 1 ? round2((cost * 30) / windowDays) : null,
      resolution: input.resolution,
      cnyPer1000Minutes: price.cny,
      pricesAsOf: PRICE_TABLE.asOf,
    },
  };
}
