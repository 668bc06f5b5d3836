/**
 * Client-side rate limits at the documented per-action rates, so the step stays under Tencent's limits instead of
 * learning them from `RequestLimitExceeded`. One token bucket per action; callers await a slot.
 */

/** Documented requests per second, per action (Tencent Cloud API docs; see README "Reliability"). */
export const DOCUMENTED_RATES: Readonly<Record<string, number>> = {
  // VOD
  CreateSubAppId: 20,
  ModifySubAppIdInfo: 100,
  ModifySubAppIdStatus: 100,
  ModifyEventConfig: 20,
  // TRTC
  CreateCloudRecording: 20,
  DescribeCloudRecording: 20,
  DeleteCloudRecording: 20,
  DescribeRecordingUsage: 5,
  // CAM ("A maximum of 10 requests can be initiated per second for this API")
  CreatePolicy: 10,
  // Live REST (live_config/*, get_room_info, ...)
  "live_config/set_callback": 200,
  "live_config/update_callback": 200,
  "live_config/get_callback": 200,
  "live_config/delete_callback": 200,
  "live_config/set_callback_token": 200,
  "live_config/get_callback_token": 200,
  "live_config/delete_callback_token": 200,
};

/**
 * Rate for actions whose limit the reference does not state (DescribeSubAppIds, DescribeEventConfig, SearchMedia,
 * ModifyMediaInfo...): 20 per second, the most common VOD limit; an assumption, stated as such.
 */
export const DEFAULT_RATE = 20;

export interface RateLimiterOptions {
  readonly rates?: Readonly<Record<string, number>>;
  readonly defaultRate?: number;
  /** Clock in ms. @default Date.now */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class RateLimiter {
  private readonly next = new Map<string, number>();
  private readonly rates: Readonly<Record<string, number>>;
  private readonly defaultRate: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: RateLimiterOptions = {}) {
    this.rates = opts.rates ?? DOCUMENTED_RATES;
    this.defaultRate = opts.defaultRate ?? DEFAULT_RATE;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  public rateOf(action: string): number {
    return this.rates[action] ?? this.defaultRate;
  }

  /** Resolves when a request of `action` may be sent: evenly spaced at the action's rate. */
  public async acquire(action: string): Promise<void> {
    const interval = 1000 / this.rateOf(action);
    const now = this.now();
    const slot = Math.max(now, this.next.get(action) ?? 0);
    this.next.set(action, slot + interval);
    if (slot > now) await this.sleep(slot - now);
  }
}
