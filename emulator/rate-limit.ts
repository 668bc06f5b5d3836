/**
 * Per-action request rate limits, as documented (reference §1, §2.5, §5), answered with `RequestLimitExceeded`
 * (Live: ErrorCode 60007).
 *
 * Each action has a token bucket holding at most `rate` tokens and refilled at `rate` per second, so a client that
 * paces itself at the documented rate is never refused, and a burst beyond it is. Buckets run on real (monotonic)
 * time, not on the emulator's business clock. Cloud API limits are per action for the whole emulated account;
 * Live limits are per action and SDKAppID.
 */

/** Documented limits in requests per second. Actions not listed get {@link DEFAULT_RATE_LIMIT}. */
export const RATE_LIMITS: Readonly<Record<string, number>> = {
  // VOD (reference §1.1, §1.4)
  "vod.CreateSubAppId": 20,
  "vod.ModifySubAppIdInfo": 100,
  "vod.ModifySubAppIdStatus": 100,
  "vod.ModifyEventConfig": 20,
  // TRTC (reference §2.5)
  "trtc.CreateCloudRecording": 20,
  "trtc.DescribeCloudRecording": 20,
  "trtc.DeleteCloudRecording": 20,
  "trtc.ModifyCloudRecording": 20,
  "trtc.DescribeRecordingUsage": 5,
  // CAM: "A maximum of 10 requests can be initiated per second for this API" (CreatePolicy)
  "cam.CreatePolicy": 10,
  // Live REST (reference §4.3, §5): 200/s for each room and live_config command.
  "live.*": 200,
};

/**
 * Rate for actions whose limit is not in the reference (DescribeSubAppIds, DescribeEventConfig, SearchMedia,
 * DescribeMediaInfos, ModifyMediaInfo): 20 requests per second.
 */
export const DEFAULT_RATE_LIMIT = 20;

export function rateLimitOf(service: string, action: string): number {
  return RATE_LIMITS[`${service}.${action}`] ?? RATE_LIMITS[`${service}.*`] ?? DEFAULT_RATE_LIMIT;
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
