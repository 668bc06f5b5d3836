import { PermissionDeniedError, isCamRefusal } from "./permission-error";
import { RateLimiter } from "./rate-limit";
import { RetryOptions, classifyError, withRetry } from "./retry";

/** One API call as sent (a retried call counts once, with its attempts). */
export interface CallRecord {
  readonly service: "vod" | "trtc" | "live" | "console";
  readonly action: string;
  /** True for calls that change something. */
  readonly write: boolean;
  /** `ok`, or the last error's code / reason. */
  readonly outcome: string;
  readonly attempts: number;
}

/** Counts calls, so tests and benchmarks can prove that a second run writes nothing. */
export class CallRecorder {
  public readonly records: CallRecord[] = [];

  public add(record: CallRecord): void {
    this.records.push(record);
  }

  public count(filter: { write?: boolean; service?: CallRecord["service"]; action?: string } = {}): number {
    return this.records.filter(
      (r) =>
        (filter.write === undefined || r.write === filter.write) &&
        (filter.service === undefined || r.service === filter.service) &&
        (filter.action === undefined || r.action === filter.action),
    ).length;
  }

  public get reads(): number {
    return this.count({ write: false });
  }

  public get writes(): number {
    return this.count({ write: true });
  }
}

export interface TransportOptions {
  readonly limiter?: RateLimiter;
  readonly recorder?: CallRecorder;
  readonly retry?: RetryOptions;
  /** Progress output for retries (one line each; codes only, never parameters). */
  readonly log?: (line: string) => void;
}

/** How one call is made. */
export interface CallOptions {
  /**
   * The request carries a secret (VOD `SignKey`, Live webhook token, TRTC callback key). A service, a proxy or a
   * test double may echo a request into its error text, so the call's errors and retry lines say only the error's
   * code or class (`InternalError`, `HTTP 502`, `network error`), never its message.
   */
  readonly carriesSecret?: boolean;
}

/** The error of a call whose request carried a secret: the original error's code or class, none of its text. */
export class SecretRequestError extends Error {
  /** Final: the retries (where the original error allowed them) are already done. */
  public readonly retryable = false;

  constructor(
    service: string,
    action: string,
    /** The original error's code (`InternalError`, `60007`), `HTTP <status>`, or `network error`. */
    public readonly code: string,
  ) {
    super(`${service}.${action} failed; its error text is not shown because the request carried a secret`);
    this.name = "SecretRequestError";
  }
}

/**
 * An error's code or class only, none of its text: `InternalError`, `60007`, `HTTP 502`, `network error` (no code
 * and no status: the answer never came, as classifyError reads it) or `error without a code` (one marked final).
 */
function codeOf(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; httpCode?: unknown; retryable?: unknown };
  if ((typeof e.code === "string" && e.code !== "") || typeof e.code === "number") return String(e.code);
  if (typeof e.httpCode === "number") return `HTTP ${e.httpCode}`;
  return e.retryable === false ? "error without a code" : "network error";
}

/**
 * Sends every API call through the rate limiter, with retries, and records it. A refusal by CAM becomes a
 * {@link PermissionDeniedError} (never retried: withRetry does not retry `AuthFailure.*` or `UnauthorizedOperation`).
 */
export class Transport {
  public readonly limiter: RateLimiter;
  public readonly recorder: CallRecorder;
  private readonly retry: RetryOptions;
  private readonly log: (line: string) => void;

  constructor(opts: TransportOptions = {}) {
    this.limiter = opts.limiter ?? new RateLimiter();
    this.recorder = opts.recorder ?? new CallRecorder();
    this.retry = opts.retry ?? {};
    this.log = opts.log ?? (() => undefined);
  }

  public async call<T>(service: CallRecord["service"], action: string, write: boolean, send: () => Promise<T>, opts: CallOptions = {}): Promise<T> {
    let attempts = 0;
    let lastError: unknown;
    const said = (reason: string): string => (opts.carriesSecret ? codeOf(lastError) : reason);
    try {
      const result = await withRetry(
        async () => {
          attempts++;
          await this.limiter.acquire(service, action);
          try {
            return await send();
          } catch (err) {
            lastError = err;
            throw err;
          }
        },
        {
          ...this.retry,
          onRetry: (info) => {
            this.log(`  retry ${service}.${action} in ${info.delayMs} ms (attempt ${info.attempt + 1}): ${said(info.reason)}`);
            this.retry.onRetry?.({ ...info, reason: said(info.reason) });
          },
        },
      );
      this.recorder.add({ service, action, write, outcome: "ok", attempts });
      return result;
    } catch (err) {
      lastError = err;
      const outcome = said(classifyError(err).reason);
      this.recorder.add({ service, action, write, outcome, attempts });
      // A refusal by CAM names the missing permission (its action and resource), never the request.
      if (isCamRefusal(err)) throw new PermissionDeniedError(service, action, err);
      throw opts.carriesSecret ? new SecretRequestError(service, action, outcome) : err;
    }
  }
}
