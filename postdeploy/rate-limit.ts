/**
 * Client-side rate limits at the documented per-action rates, so the step stays under Tencent's limits instead of
 * learning them from `RequestLimitExceeded`. One token bucket per action; callers await a slot. The rates come from
 * the one action table (lib/cloud-actions.ts), which the emulator enforces too.
 */
import { DEFAULT_RATE, documentedRates } from "../lib/cloud-actions";

export { DEFAULT_RATE } from "../lib/cloud-actions";

/** The documented rates, by `<service>:<Action>` (`live:*` for every Live REST command): a view of the action table. */
export const DOCUMENTED_RATES: Readonly<Record<string, number>> = documentedRates();

export interface RateLimiterOptions {
  /**
   * Requests per second by `<service>:<Action>` (or `<service>:*`), instead of the documented ones (tests, benchmarks).
   * @default - the action table's documented rates
   */
  readonly rates?: Readonly<Record<string, number>>;
  /** Rate of an action the rates do not name. @default DEFAULT_RATE (20/s, an assumption) */
  readonly defaultRate?: number;
  /** Clock in ms. @default Date.now */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class RateLimiter {
  private readonly next = new Map<string, number>();
  private readonly rates: Readonly<Record<string, number>> | undefined;
  private readonly defaultRate: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: RateLimiterOptions = {}) {
    this.rates = opts.rates;
    this.defaultRate = opts.defaultRate ?? DEFAULT_RATE;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Requests per second for `<service>:<Action>`. */
  public rateOf(service: string, action: string): number {
    const rates = this.rates ?? DOCUMENTED_RATES;
    return rates[`${service}:${action}`] ?? rates[`${service}:*`] ?? this.defaultRate;
  }

  /** Resolves when a request of `<service>:<Action>` may be sent: evenly spaced at the action's rate. */
  public async acquire(service: string, action: string): Promise<void> {
    const key = `${service}:${action}`;
    const interval = 1000 / this.rateOf(service, action);
    const now = this.now();
    const slot = Math.max(now, this.next.get(key) ?? 0);
    this.next.set(key, slot + interval);
    if (slot > now) await this.sleep(slot - now);
  }
}
