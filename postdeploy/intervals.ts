/**
 * The recorded intervals of VOD files, in epoch milliseconds, and what the evidence readers compute on them: the
 * conflict check (conflict.ts) and the search for rooms only Global Auto-Recording may record (gar-only.ts).
 */
import type { RecordingMedia } from "./cloud";

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * A file's recorded interval, [CreateTime - Duration, CreateTime]: VOD creates the file when it is uploaded, at the
 * end of the recording (an approximation: the upload takes seconds to minutes). Undefined when CreateTime is not a time.
 */
export function recordedInterval(f: RecordingMedia): Interval | undefined {
  const end = Date.parse(f.createTime);
  if (!Number.isFinite(end)) return undefined;
  return { start: end - Math.max(0, f.durationSeconds) * 1000, end };
}

/** Sorted, non-overlapping union. */
export function union(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, i.end) };
    else out.push({ ...i });
  }
  return out;
}

/** Summed length of the intervals, ms. */
export function totalLength(list: readonly Interval[]): number {
  return list.reduce((s, i) => s + (i.end - i.start), 0);
}

/** Milliseconds shared by each interval of `a` with each of `b`, summed. */
export function overlapMs(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  for (const x of a) for (const y of b) total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return total;
}

/** `a` minus every interval of `cut`. */
export function subtract(a: Interval, cut: readonly Interval[]): Interval[] {
  let parts: Interval[] = [a];
  for (const c of cut) {
    parts = parts.flatMap((p) => {
      if (c.end <= p.start || c.start >= p.end) return [p];
      const out: Interval[] = [];
      if (c.start > p.start) out.push({ start: p.start, end: c.start });
      if (c.end < p.end) out.push({ start: c.end, end: p.end });
      return out;
    });
  }
  return parts;
}
