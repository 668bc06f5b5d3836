/**
 * Retries with exponential backoff and full jitter, for the errors Tencent Cloud documents as transient:
 * `RequestLimitExceeded*`, `InternalError*`, `ServiceUnavailable`, `ResourceUnavailable`, HTTP 5xx, network errors
 * and timeouts. Never for `AuthFailure.*`, parameter errors or `UnauthorizedOperation`: retrying cannot fix those.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. @default 6 */
  readonly attempts?: number;
  /** First backoff in ms; doubles each time. @default 200 */
  readonly baseDelayMs?: number;
  /** Longest single backoff in ms. @default 5000 */
  readonly maxDelayMs?: number;
  /** Random source in [0, 1), for repeatable tests. @default Math.random */
  readonly random?: () => number;
  /** Waits; replaced in tests. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (for progress output and counting). */
  readonly onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** The fields of an error thrown by tencentcloud-sdk-nodejs (`TencentCloudSDKHttpException`) or by our Live REST client. */
interface ErrorLike {
  readonly code?: unknown;
  readonly httpCode?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
  readonly retryable?: unknown;
}

const RETRYABLE_CODE = /^(RequestLimitExceeded|InternalError|ServiceUnavailable|ResourceUnavailable)(\.|$)/;

/** Whether an error is worth retrying, and a short reason for logs (never a secret: codes and statuses only). */
export function classifyError(err: unknown): { retryable: boolean; reason: string } {
  const e = (err ?? {}) as ErrorLike;
  if (typeof e.retryable === "boolean") return { retryable: e.retryable, reason: String(e.code ?? e.message ?? "error") };
  if (typeof e.code === "string" && e.code !== "") {
    return { retryable: RETRYABLE_CODE.test(e.code), reason: e.code };
  }
  if (typeof e.httpCode === "number") {
    return { retryable: e.httpCode >= 500 || e.httpCode === 429, reason: `HTTP ${e.httpCode}` };
  }
  // No code and no HTTP status: the request never got a well-formed answer (reset, timeout, malformed body).
  const message = typeof e.message === "string" ? e.message : String(err);
  return { retryable: true, reason: `network: ${message.slice(0, 120)}` };
}

/** Delay before retry number `attempt` (1-based): full jitter over an exponential cap. */
export function backoffDelay(attempt: number, opts: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random"> = {}): number {
  const base = opts.baseDelayMs ?? 200;
  const cap = Math.min(opts.maxDelayMs ?? 5000, base * 2 ** (attempt - 1));
  return Math.floor((opts.random ?? Math.random)() * cap);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 6;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      const { retryable, reason } = classifyError(err);
      if (!retryable || attempt >= attempts) throw err;
      const delayMs = backoffDelay(attempt, opts);
      opts.onRetry?.({ attempt, delayMs, reason });
      await sleep(delayMs);
    }
  }
}
