/**
 * What the steps that weigh recordings as evidence share (the conflict check, and the console step before it turns
 * Global Auto-Recording off): the default evidence window and the one scan per app and run of Live's VOD application.
 */
import { MS_PER_DAY, isoSeconds } from "../../lib/times";
import type { RecordingMedia } from "../cloud";
import { scanRecordings } from "../media-scan";
import type { StepContext } from "./types";


/** Start of the default evidence window, the last `evidenceDays` days before `nowMs`, cut to a whole second. */
export function evidenceWindowStart(nowMs: number, evidenceDays: number): number {
  return Math.floor((nowMs - evidenceDays * MS_PER_DAY) / 1000) * 1000;
}

/**
 * The app's TrtcRecord files in Live's VOD application created since `screenSince`: scanned once per app and run
 * (`ctx.shared.recordings`), then reused by every step that needs them. None when the sub-application is not usable.
 */
export async function liveAppRecordings(ctx: StepContext, screenSince: number): Promise<readonly RecordingMedia[]> {
  const subAppId = ctx.shared.subApp?.subAppId;
  if (subAppId === undefined) return [];
  const cached = ctx.shared.recordings;
  if (cached !== undefined && (cached.createdAfter === undefined || Date.parse(cached.createdAfter) <= screenSince)) {
    return cached.files.filter((f) => Date.parse(f.createTime) >= screenSince);
  }
  const createdAfter = isoSeconds(screenSince);
  const files = await scanRecordings(ctx.cloud, { subAppId, sdkAppId: ctx.app.sdkAppId, createdAfter, pageSize: ctx.options.pageSize, cap: ctx.options.searchCap });
  ctx.shared.recordings = { createdAfter, files };
  return files;
}
