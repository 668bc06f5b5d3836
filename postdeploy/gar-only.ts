/**
 * Rooms that TRTC Global Auto-Recording may be the only recorder of: what turning it off would stop. This package's
 * reading of the evidence (no API says which recorder made a file, or whether Global Auto-Recording is on).
 *
 * The guide's facts: Global Auto-Recording records each host of every TRTC room of the SDKAppID to a file of its own;
 * Live records a Live room in scope as ONE file: a single-stream file of the host when one host is on seat, one
 * mixed-stream file of all hosts when several are. Among the `TrtcRecord` files of the SDKAppID (in Live's VOD
 * application, and in the VOD application of the Global Auto-Recording template when the console driver reads it),
 * a stretch of one host's single-user file is:
 *
 * - **recorded by something else too** when another task's file (a mixed file with that host, or another
 *   single-user file of that host) covers it: stopping Global Auto-Recording leaves that other recording;
 * - **per-host** (flagged) when another host's single-user file of another task overlaps it and no mixed file
 *   covers it: Live would have made one mixed file, so these are Global Auto-Recording's (or API recordings');
 * - **single-host** (flagged only while the console driver reads Global Auto-Recording on): nothing else covers
 *   it. Live's single-stream file of a one-host room and Global Auto-Recording's file of a one-host room (a call, a
 *   plain TRTC room, a voice room, a Live room with `IsCloudRecordEnabled: false`) look alike. While Global
 *   Auto-Recording is on and stores where it is scanned, a one-host Live room that Live records has TWO files
 *   (Live's and Global Auto-Recording's), so a lone file is Global Auto-Recording's alone; when it was off, the lone
 *   file is Live's. The history of the switch is not known, so a lone file counts as possibly Global
 *   Auto-Recording's only. `--evidence-since` (the time it was turned on, if known) leaves older files out.
 *
 * Recordings that are not in the scanned VOD applications (Global Auto-Recording storing to COS or to another
 * application, API recordings) show only in DescribeRecordingUsage: minutes of this SDKAppID above the minutes of the
 * scanned files, beyond the conflict check's tolerance, count as rooms Global Auto-Recording may be the only recorder
 * of, whose ids cannot be known.
 *
 * Every ambiguity counts as "Global Auto-Recording may be the only recorder": a false positive only makes
 * `post-deploy apply` refuse to turn it off, which harms least. Overlaps and stretches shorter than
 * {@link MIN_OVERLAP_SECONDS} are ignored (clock skew, back-to-back sessions).
 */
import type { RecordingMedia } from "./cloud";
import { MAX_LISTED_ROOMS, MIN_OVERLAP_SECONDS, exceedsTolerance, round1 } from "./conflict";
import { Interval, overlapMs, recordedInterval, subtract, totalLength } from "./intervals";
import type { UsageTotals } from "./steps/types";

export interface GarOnlyInput {
  /** TrtcRecord files of the SDKAppID in the scanned VOD applications, created in the window. */
  readonly files: readonly RecordingMedia[];
  /** Whether the console driver reads Global Auto-Recording as on (false: off, or cannot be read). */
  readonly globalAutoRecordingReadOn: boolean;
  /** Recorded minutes of this SDKAppID over the window (DescribeRecordingUsage), null when not asked. */
  readonly usage: UsageTotals | null;
  readonly windowStart: string;
  readonly windowEnd: string;
}

export type GarOnlyReason = "per-host" | "single-host";

export interface GarOnlyRoom {
  readonly roomId: string;
  /** `per-host` when several hosts have files of their own at the same time, else `single-host`. */
  readonly reason: GarOnlyReason;
  /** Hosts whose recording nothing else covers. */
  readonly userIds: readonly string[];
  /** Minutes recorded by nothing else. */
  readonly minutes: number;
}

export interface GarOnlyEvidence {
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly files: number;
  /** Every flagged room, sorted by id. */
  readonly rooms: readonly GarOnlyRoom[];
  /** Minutes this SDKAppID recorded that the scanned files do not explain (null: usage not asked). */
  readonly unexplainedMinutes: number | null;
  /** Whether the unexplained minutes exceed the tolerance (recordings that cannot be seen). */
  readonly recordingsNotVisible: boolean;
  /** True when anything was flagged: turning Global Auto-Recording off may stop recordings. */
  readonly found: boolean;
}

const MIN_MS = MIN_OVERLAP_SECONDS * 1000;

export function findGarOnlyRooms(input: GarOnlyInput): GarOnlyEvidence {
  const window: Interval = { start: Date.parse(input.windowStart), end: Date.parse(input.windowEnd) };
  const byRoom = new Map<string, { file: RecordingMedia; interval: Interval; task: string }[]>();
  let explainedMs = 0;
  for (const f of input.files) {
    const interval = recordedInterval(f);
    if (interval === undefined) continue;
    explainedMs += overlapMs([interval], [window]);
    const room = f.roomId ?? "(unknown room)";
    byRoom.set(room, [...(byRoom.get(room) ?? []), { file: f, interval, task: f.taskId ?? f.fileId }]);
  }

  const rooms: GarOnlyRoom[] = [];
  for (const [roomId, entries] of byRoom) {
    let perHost = false;
    const users = new Set<string>();
    let aloneMs = 0;
    for (const e of entries) {
      if (e.file.userIds.length !== 1) continue; // a mixed file: Live's (or an API mixed recording), never Global Auto-Recording's
      const user = e.file.userIds[0];
      const others = entries.filter((o) => o.task !== e.task && o.file.userIds.includes(user)).map((o) => o.interval);
      const alone = subtract(e.interval, others);
      if (totalLength(alone) < MIN_MS) continue; // recorded by another task too: stopping Global Auto-Recording leaves that one
      const withOtherHost = entries.some(
        (o) => o.task !== e.task && o.file.userIds.length === 1 && o.file.userIds[0] !== user && overlapMs(alone, [o.interval]) >= MIN_MS,
      );
      if (!withOtherHost && !input.globalAutoRecordingReadOn) continue;
      perHost ||= withOtherHost;
      users.add(user);
      aloneMs += totalLength(alone);
    }
    if (users.size > 0) rooms.push({ roomId, reason: perHost ? "per-host" : "single-host", userIds: [...users].sort(), minutes: round1(aloneMs / 60000) });
  }
  rooms.sort((a, b) => a.roomId.localeCompare(b.roomId));

  const usageTotal = input.usage === null ? null : input.usage.singleMinutes + input.usage.multiMinutes;
  const unexplained = usageTotal === null ? null : usageTotal - explainedMs / 60000;
  const notVisible = usageTotal !== null && exceedsTolerance(usageTotal, explainedMs / 60000);
  return {
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    files: input.files.length,
    rooms,
    unexplainedMinutes: unexplained === null ? null : round1(unexplained),
    recordingsNotVisible: notVisible,
    found: rooms.length > 0 || notVisible,
  };
}

/** Human lines naming what turning Global Auto-Recording off would stop (at most {@link MAX_LISTED_ROOMS} room ids). */
export function garOnlyLines(e: GarOnlyEvidence): string[] {
  const lines: string[] = [];
  const listed = e.rooms.slice(0, MAX_LISTED_ROOMS);
  const more = e.rooms.length > listed.length ? `, ... (${e.rooms.length} in all)` : "";
  const perHost = listed.filter((r) => r.reason === "per-host");
  const single = listed.filter((r) => r.reason === "single-host");
  if (perHost.length > 0) {
    lines.push(
      `rooms with per-host files of several hosts at the same time and no mixed file (Live records several hosts as one mixed file): ` +
        perHost.map((r) => `${r.roomId} (${r.userIds.join(", ")}; ${r.minutes} min)`).join(", "),
    );
  }
  if (single.length > 0) {
    lines.push(
      `rooms with one host's file and no other recording of it (Live's single-stream file and Global Auto-Recording's look alike; ` +
        `our reading: counted as possibly Global Auto-Recording's only; pass --evidence-since <time it was turned on> if you know it): ` +
        single.map((r) => `${r.roomId} (${r.userIds.join(", ")}; ${r.minutes} min)`).join(", "),
    );
  }
  if (more !== "") lines.push(`room ids listed: ${listed.length}${more}`);
  if (e.recordingsNotVisible) {
    lines.push(
      `${e.unexplainedMinutes} recorded minute(s) of this SDKAppID are not in the scanned VOD application(s) (DescribeRecordingUsage): ` +
        "recordings stored elsewhere (Global Auto-Recording to COS or another application, or API recordings) whose rooms cannot be named",
    );
  }
  return lines;
}
