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

/** Sends every API call through the rate limiter, with retries, and records it. */
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

  public async call<T>(service: CallRecord["service"], action: string, write: boolean, send: () => Promise<T>): Promise<T> {
    let attempts = 0;
    try {
      const result = await withRetry(
        async () => {
          attempts++;
          await this.limiter.acquire(action);
          return send();
        },
        {
          ...this.retry,
          onRetry: (info) => {
            this.log(`  retry ${service}.${action} in ${info.delayMs} ms (attempt ${info.attempt + 1}): ${info.reason}`);
            this.retry.onRetry?.(info);
          },
        },
      );
      this.recorder.add({ service, action, write, outcome: "ok", attempts });
      return result;
    } catch (err) {
      this.recorder.add({ service, action, write, outcome: classifyError(err).reason, attempts });
      throw err;
    }
  }
}
