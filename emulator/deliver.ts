/**
 * Outbound callbacks (TRTC events, Live webhooks, VOD notifications): HTTP POSTs from the emulator to receivers.
 * A delivery failure (refused, timeout, non-2xx) is recorded, never thrown: it can never crash the emulator.
 * One attempt per callback (the real services retry; see README).
 */
import * as http from "http";
import * as https from "https";
import { isLoopbackUrl } from "../lib/urls";

export type CallbackKind = "trtc" | "live" | "vod";

export interface CallbackDelivery {
  readonly kind: CallbackKind;
  /** `301`, `311`…, `Live.CallbackAfterCreateRoom`, `NewFileUpload`. */
  readonly event: string;
  readonly sdkAppId?: number;
  /** Receiver URL without its query string. */
  readonly url: string;
  /** HTTP status, when a response arrived. */
  readonly status?: number;
  /** Why it failed without a response. */
  readonly error?: string;
  /** 2xx response. */
  readonly ok: boolean;
}

export interface OutboundCallback {
  readonly kind: CallbackKind;
  readonly event: string;
  readonly sdkAppId?: number;
  readonly url: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function stripQuery(url: string): string {
  const q = url.indexOf("?");
  return q >= 0 ? url.slice(0, q) : url;
}

/** POSTs one callback. Resolves with the delivery record; never rejects. */
export function postCallback(cb: OutboundCallback, timeoutMs: number, external = false): Promise<CallbackDelivery> {
  const base = { kind: cb.kind, event: cb.event, sdkAppId: cb.sdkAppId, url: stripQuery(cb.url) };
  return new Promise((resolve) => {
    let settled = false;
    const done = (d: Omit<CallbackDelivery, "kind" | "event" | "sdkAppId" | "url">): void => {
      if (settled) return;
      settled = true;
      resolve({ ...base, ...d });
    };
    let target: URL;
    try {
      target = new URL(cb.url);
    } catch {
      done({ ok: false, error: "invalid URL" });
      return;
    }
    if (!external && !isLoopbackUrl(cb.url)) {
      done({ ok: false, error: "not delivered: the emulator calls only loopback URLs (option externalCallbacks)" });
      return;
    }
    const mod = target.protocol === "https:" ? https : target.protocol === "http:" ? http : undefined;
    if (!mod) {
      done({ ok: false, error: `unsupported protocol ${target.protocol}` });
      return;
    }
    const body = Buffer.from(cb.body, "utf8");
    try {
      const req = mod.request(
        target,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "Content-Length": String(body.length), ...cb.headers },
          timeout: timeoutMs,
          agent: false,
        },
        (res) => {
          res.resume();
          res.on("end", () => done({ ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300, status: res.statusCode }));
          res.on("error", (e) => done({ ok: false, status: res.statusCode, error: e.message }));
        },
      );
      req.on("timeout", () => {
        req.destroy(new Error(`timeout after ${timeoutMs} ms`));
      });
      req.on("error", (e) => done({ ok: false, error: e.message }));
      req.end(body);
    } catch (e) {
      done({ ok: false, error: (e as Error).message });
    }
  });
}

/** Sends callbacks, keeps a bounded history, and lets callers wait until every pending delivery has finished. */
export class CallbackDispatcher {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly history: CallbackDelivery[] = [];

  constructor(
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
    private readonly external = false,
    private readonly max = 10000,
  ) {}

  send(cb: OutboundCallback): Promise<CallbackDelivery> {
    const p = postCallback(cb, this.timeoutMs, this.external).then((d) => {
      this.history.push(d);
      if (this.history.length > this.max) this.history.splice(0, this.history.length - this.max);
      this.log(`callback ${d.kind} ${d.event} -> ${d.status ?? d.error ?? "?"}`);
      return d;
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }

  /** Sends in order, one after another; resolves with every delivery. */
  async sendAll(cbs: readonly OutboundCallback[]): Promise<CallbackDelivery[]> {
    const out: CallbackDelivery[] = [];
    for (const cb of cbs) out.push(await this.send(cb));
    return out;
  }

  /** Tracks a background job (e.g. the callbacks of a destroy_room) so `settle()` waits for it. */
  track(p: Promise<unknown>): void {
    const wrapped = p.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(wrapped);
    void wrapped.finally(() => this.pending.delete(wrapped));
  }

  /** Waits until no delivery is pending. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  deliveries(): CallbackDelivery[] {
    return [...this.history];
  }

  clear(): void {
    this.history.length = 0;
  }
}
