/**
 * Per-action request rate limits, as documented, answered with `RequestLimitExceeded` (Live: ErrorCode 60007). The
 * rates are the action table's (lib/cloud-actions.ts), the same the post-deploy step paces itself by: here they are
 * enforced as the service side.
 *
 * Each action has a token bucket holding at most `rate` tokens and refilled at `rate` per second, so a client that
 * paces itself at the documented rate is never refused, and a burst beyond it is. Buckets run on real (monotonic)
 * time, not on the emulator's business clock. Cloud API limits are per action for the whole emulated account;
 * Live limits are per action and SDKAppID.
 */
import { documentedRate } from "../lib/cloud-actions";

export { DEFAULT_RATE as DEFAULT_RATE_LIMIT } from "../lib/cloud-actions";

/** Requests per second allowed for `service.action`: the documented rate, or the default where none is documented. */
export function rateLimitOf(service: string, action: string): number {
  return documentedRate(service, action);
}

interface Bucket {
  tokens: number;
  lastMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  enabled: boolean;

  constructor(
    enabled = true,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.enabled = enabled;
  }

  /** Takes a token for `service.action` (scoped by `scope`, e.g. an SDKAppID). False = over the limit. */
  take(service: string, action: string, scope = ""): boolean {
    if (!this.enabled) return true;
    const rate = rateLimitOf(service, action);
    const key = `${service}.${action}.${scope}`;
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: rate, lastMs: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.lastMs) / 1000) * rate);
    b.lastMs = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
