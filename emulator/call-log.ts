/**
 * The call log: one entry per emulated cloud or Live call (never admin calls), with its outcome.
 * The post-deploy step's idempotency checks count writes here (a second run must show 0 writes).
 */
import type { FaultKind } from "./faults";

export type CallService = "vod" | "trtc" | "cam" | "live" | "unknown";

export interface CallLogEntry {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  /** Emulator time, ISO 8601. */
  readonly time: string;
  readonly service: CallService;
  /** Cloud API action (`SearchMedia`) or Live command (`live_engine_http_srv/create_room`). */
  readonly action: string;
  /** `ok`, the error code (`AuthFailure.SignatureFailure`, `100002`…), or the fault kind when a fault replaced the call. */
  readonly outcome: string;
  /** True for mutating actions, whatever the outcome. */
  readonly write: boolean;
  /** A fault that was injected (for `slow` the call still ran and `outcome` is its result). */
  readonly fault?: FaultKind;
  /** SDKAppID for TRTC and Live calls, SubAppId for VOD calls, when the request names one. */
  readonly appId?: number;
  readonly requestId?: string;
  /** UIN of the CAM user whose key signed the call; absent for the root account's key and for unsigned calls. */
  readonly callerUin?: number;
}

export interface ActionCount {
  readonly calls: number;
  readonly ok: number;
  readonly failed: number;
}

export interface CallLogSummary {
  readonly total: number;
  readonly reads: number;
  readonly writes: number;
  /** Writes whose outcome was `ok`. */
  readonly okWrites: number;
  readonly byAction: Readonly<Record<string, ActionCount>>;
}

export interface CallLogSnapshot {
  readonly entries: readonly CallLogEntry[];
  readonly summary: CallLogSummary;
}

/** Mutating actions. Everything else is a read. */
export const WRITE_ACTIONS: ReadonlySet<string> = new Set([
  "vod.CreateSubAppId",
  "vod.ModifySubAppIdInfo",
  "vod.ModifySubAppIdStatus",
  "vod.ModifyEventConfig",
  "vod.ModifyMediaInfo",
  "trtc.CreateCloudRecording",
  "trtc.DeleteCloudRecording",
  "trtc.ModifyCloudRecording",
  "cam.CreatePolicy",
  "cam.UpdatePolicy",
  "cam.DeletePolicy",
  "cam.AttachUserPolicy",
  "cam.DetachUserPolicy",
  "cam.AttachRolePolicy",
  "cam.DetachRolePolicy",
  "live.live_engine_http_srv/create_room",
  "live.live_engine_http_srv/destroy_room",
  "live.live_engine_http_srv/update_room_info",
  "live.live_config/set_callback",
  "live.live_config/update_callback",
  "live.live_config/delete_callback",
  "live.live_config/set_callback_token",
  "live.live_config/delete_callback_token",
]);

export function isWriteAction(service: CallService, action: string): boolean {
  return WRITE_ACTIONS.has(`${service}.${action}`);
}

export function summarize(entries: readonly CallLogEntry[]): CallLogSummary {
  const byAction: Record<string, { calls: number; ok: number; failed: number }> = {};
  let writes = 0;
  let okWrites = 0;
  for (const e of entries) {
    const c = (byAction[e.action] ??= { calls: 0, ok: 0, failed: 0 });
    c.calls++;
    if (e.outcome === "ok") c.ok++;
    else c.failed++;
    if (e.write) {
      writes++;
      if (e.outcome === "ok") okWrites++;
    }
  }
  return { total: entries.length, reads: entries.length - writes, writes, okWrites, byAction };
}

export class CallLog {
  private readonly list: CallLogEntry[] = [];
  private seq = 0;

  constructor(private readonly max = 100000) {}

  record(entry: Omit<CallLogEntry, "seq">): CallLogEntry {
    const e: CallLogEntry = { seq: ++this.seq, ...entry };
    this.list.push(e);
    if (this.list.length > this.max) this.list.splice(0, this.list.length - this.max);
    return e;
  }

  /** Entries, oldest first (optionally only those after `sinceSeq`). */
  entries(sinceSeq = 0): CallLogEntry[] {
    return this.list.filter((e) => e.seq > sinceSeq);
  }

  summary(sinceSeq = 0): CallLogSummary {
    return summarize(this.entries(sinceSeq));
  }

  snapshot(sinceSeq = 0): CallLogSnapshot {
    const entries = this.entries(sinceSeq);
    return { entries, summary: summarize(entries) };
  }

  /** The seq of the newest entry (0 when empty): remember it, then ask for `summary(mark)`. */
  mark(): number {
    return this.seq;
  }

  clear(): void {
    this.list.length = 0;
  }
}
