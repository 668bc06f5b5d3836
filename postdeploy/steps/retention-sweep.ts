/**
 * Retention for recordings already in VOD. The console's Save Duration applies to new recordings only, and VOD has
 * no per-application lifecycle API, only a per-file `ExpireTime`. So every `TrtcRecord` file of this SDKAppID in the
 * sub-application whose ExpireTime is unset ("never") or later than CreateTime + retention gets
 * `ModifyMediaInfo(ExpireTime = CreateTime + retention)`.
 *
 * Safety: an expiry earlier than now + 1 day is never set without `--allow-expire-now` (those files are counted as
 * deferred and left alone); an expiry is never extended; a file that expires within a day anyway is left alone.
 */
import { SECONDS_PER_DAY, VOD_NEVER_EXPIRES } from "../../lib/limits";
import { scanRecordings } from "../media-scan";
import { Step, StepContext, StepReport, report } from "./types";

/** An ExpireTime within this of the target counts as right (uploads and clocks are not to the second). */
export const EXPIRE_TOLERANCE_MS = 3600 * 1000;
/** Without `--allow-expire-now`, no expiry earlier than this from now is set. */
export const EXPIRE_FLOOR_MS = SECONDS_PER_DAY * 1000;
/** With `--allow-expire-now`, the earliest expiry set (VOD may refuse a time in the past). */
export const EXPIRE_NOW_DELAY_MS = 60 * 1000;

function iso(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface SweepPlan {
  readonly scanned: number;
  readonly alreadyOk: number;
  readonly toUpdate: readonly { readonly fileId: string; readonly expireTime: string }[];
  readonly deferred: number;
}

/** Decides, for each file, whether its ExpireTime must be set, and to what. Pure. */
export function planSweep(
  files: readonly { fileId: string; createTime: string; expireTime: string }[],
  retentionDays: number,
  nowMs: number,
  allowExpireNow: boolean,
): SweepPlan {
  let alreadyOk = 0;
  let deferred = 0;
  const toUpdate: { fileId: string; expireTime: string }[] = [];
  for (const f of files) {
    const created = Date.parse(f.createTime);
    if (!Number.isFinite(created)) {
      alreadyOk++; // cannot compute a target: leave it (reported as ok, nothing to do)
      continue;
    }
    const target = created + retentionDays * SECONDS_PER_DAY * 1000;
    const expire = f.expireTime === "" || f.expireTime === VOD_NEVER_EXPIRES ? Number.POSITIVE_INFINITY : Date.parse(f.expireTime);
    const never = !Number.isFinite(expire);
    if (!never && expire <= target + EXPIRE_TOLERANCE_MS) {
      alreadyOk++;
      continue;
    }
    if (!never && expire <= nowMs + EXPIRE_FLOOR_MS) {
      alreadyOk++; // later than the retention, but gone within a day anyway
      continue;
    }
    if (target < nowMs + EXPIRE_FLOOR_MS) {
      if (!allowExpireNow) {
        deferred++;
        continue;
      }
      toUpdate.push({ fileId: f.fileId, expireTime: iso(Math.max(target, nowMs + EXPIRE_NOW_DELAY_MS)) });
      continue;
    }
    toUpdate.push({ fileId: f.fileId, expireTime: iso(target) });
  }
  return { scanned: files.length, alreadyOk, toUpdate, deferred };
}

export const retentionSweepStep: Step = {
  id: "retention-sweep",
  title: "Retention of recordings already in VOD (ExpireTime)",
  writes: true,
  needsSubApp: true,
  async run(ctx: StepContext): Promise<StepReport> {
    const retention = ctx.app.app.retention;
    if (retention === null) return report(this, { status: "skipped", current: null, desired: null, detail: ["no retention declared"] });
    if ("forever" in retention) {
      return report(this, { status: "in-sync", current: null, desired: { retention: "forever" }, detail: ["retention is forever: nothing to expire"] });
    }
    const subAppId = ctx.shared.subApp!.subAppId;
    const desired = { retentionDays: retention.days, expireTime: "CreateTime + retention" };
    const tag = `[${ctx.app.environment} ${ctx.app.sdkAppId}] retention-sweep`;
    const files = await scanRecordings(ctx.cloud, {
      subAppId,
      sdkAppId: ctx.app.sdkAppId,
      pageSize: ctx.options.pageSize,
      cap: ctx.options.searchCap,
      onPage: (n, pages) => {
        if (pages > 1) ctx.progress(`${tag}: scanned ${n} recording(s) (${pages} pages)`);
      },
    });
    // The conflict check reads the same files: one scan per app.
    ctx.shared.recordings = { files };
    const now = ctx.now().getTime();
    const plan = planSweep(files, retention.days, now, ctx.options.allowExpireNow);
    const counts = { scanned: plan.scanned, alreadyOk: plan.alreadyOk, toUpdate: plan.toUpdate.length, updated: 0, deferred: plan.deferred, failed: 0, notAttempted: 0 };
    const current = { recordings: plan.scanned, laterThanRetention: plan.toUpdate.length + plan.deferred };
    const detail = [`${plan.scanned} recording(s) scanned in VOD application ${subAppId}: ${plan.alreadyOk} already expire within ${retention.days} days of their creation`];
    const deferredLine = `${plan.deferred} recording(s) are older than ${retention.days} days and would expire within a day: left alone; run apply with --allow-expire-now to let them expire`;

    if (plan.toUpdate.length === 0) {
      if (plan.deferred > 0) return report(this, { status: "would-change", current, desired, counts, detail: [...detail, deferredLine] });
      return report(this, { status: "in-sync", current, desired, counts, detail });
    }
    if (ctx.mode !== "apply") {
      detail.push(`${plan.toUpdate.length} recording(s) expire later than the retention (or never): ModifyMediaInfo would set ExpireTime = CreateTime + ${retention.days} days`);
      if (plan.deferred > 0) detail.push(deferredLine);
      return report(this, { status: "would-change", current, desired, counts, detail });
    }

    // Apply: bounded concurrency; the first failure stops new writes (in-flight ones finish).
    let next = 0;
    let failure: unknown;
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < plan.toUpdate.length) {
        const item = plan.toUpdate[next++];
        try {
          await ctx.cloud.setMediaExpireTime(subAppId, item.fileId, item.expireTime);
          counts.updated++;
          if (counts.updated % 50 === 0) ctx.progress(`${tag}: ExpireTime set on ${counts.updated}/${plan.toUpdate.length}`);
        } catch (err) {
          counts.failed++;
          failure ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.options.sweepConcurrency, plan.toUpdate.length)) }, worker));
    counts.notAttempted = plan.toUpdate.length - counts.updated - counts.failed;
    detail.push(`ExpireTime set to CreateTime + ${retention.days} days on ${counts.updated} of ${plan.toUpdate.length} recording(s)`);
    if (plan.deferred > 0) detail.push(deferredLine);
    if (failure !== undefined) {
      const e = failure as { code?: string; message?: string };
      detail.push(`stopped: ModifyMediaInfo failed (${e.code || e.message || "error"}); ${counts.notAttempted} not attempted; run apply again to finish`);
      return report(this, { status: "failed", current, desired, counts, detail });
    }
    return report(this, { status: plan.deferred > 0 ? "would-change" : "changed", current, desired, counts, detail });
  },
};
