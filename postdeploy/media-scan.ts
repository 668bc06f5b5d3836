/**
 * Lists every TRTC recording of one SDKAppID in one VOD sub-application with SearchMedia, oldest first.
 *
 * SearchMedia answers at most 5000 results per query (Offset + Limit <= 5000). Past that, the scan moves a
 * `CreateTime.After` window to the creation time of the last file seen and starts again at offset 0, skipping files
 * it already has. It stops with an error if more than 5000 files share one creation second (it could not page past them).
 */
import type { CloudApi, RecordingMedia } from "./cloud";

/** Documented: Offset + Limit must not exceed 5000. */
export const SEARCH_MEDIA_MAX_RESULTS = 5000;

export interface ScanOptions {
  readonly subAppId: number;
  readonly sdkAppId: number;
  /** Only files created at or after this time, ISO 8601. */
  readonly createdAfter?: string;
  /** Files per page. @default 100 */
  readonly pageSize?: number;
  /** Offset + Limit cap of one query. @default 5000 */
  readonly cap?: number;
  /** Called after each page with the number of files so far. */
  readonly onPage?: (scanned: number, pages: number) => void;
}

export async function scanRecordings(cloud: CloudApi, opts: ScanOptions): Promise<RecordingMedia[]> {
  const pageSize = Math.max(1, opts.pageSize ?? 100);
  const cap = Math.max(pageSize, opts.cap ?? SEARCH_MEDIA_MAX_RESULTS);
  const seen = new Set<string>();
  const out: RecordingMedia[] = [];
  let after = opts.createdAfter;
  let offset = 0;
  let pages = 0;
  for (;;) {
    if (offset + pageSize > cap) {
      const last = out[out.length - 1];
      if (last === undefined || last.createTime === after) {
        throw new Error(
          `more than ${cap} recordings were created at ${after ?? "the same time"}; SearchMedia cannot page past them (scan stopped after ${out.length} files)`,
        );
      }
      after = last.createTime;
      offset = 0;
    }
    const page = await cloud.searchRecordings({ subAppId: opts.subAppId, sdkAppId: opts.sdkAppId, createdAfter: after, offset, limit: pageSize });
    pages++;
    for (const m of page.items) {
      if (seen.has(m.fileId)) continue;
      seen.add(m.fileId);
      out.push(m);
    }
    opts.onPage?.(out.length, pages);
    if (page.items.length < pageSize) return out;
    offset += page.items.length;
  }
}
