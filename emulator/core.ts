/** The emulator's in-memory core: state, clocks, call log, faults, rate limits and callback delivery. */
import { CallLog } from "./call-log";
import type { EmulatorContext, EmulatorSettings } from "./context";
import { CallbackDispatcher } from "./deliver";
import { FaultConfig, FaultInjector, validateFaultConfig } from "./faults";
import { RateLimiter } from "./rate-limit";
import type { SessionReport } from "./session";
import { EmulatorStateData, StatePersistence, defaultConsole, emptyState, loadStateFile } from "./state";

/** A SecretId/SecretKey pair the emulated account accepts. */
export interface EmulatorCredential {
  readonly secretId: string;
  readonly secretKey: string;
}

/** A TRTC application registered at start-up. */
export interface EmulatorApp {
  readonly sdkAppId: number;
  readonly sdkSecretKey: string;
  /** @default "administrator" */
  readonly adminIdentifier?: string;
}

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Listen address. @default "127.0.0.1" (never beyond loopback unless set explicitly) */
  readonly host?: string;
  /** Accepted API credentials. @default - one pair: DEFAULT_SECRET_ID / DEFAULT_SECRET_KEY */
  readonly credentials?: readonly EmulatorCredential[];
  /** TRTC applications to register. @default - one app: DEFAULT_SDK_APP_ID with DEFAULT_SDK_SECRET_KEY */
  readonly apps?: readonly EmulatorApp[];
  /** JSON file the state is loaded from and saved to (survives restarts). @default - memory only */
  readonly stateFile?: string;
  /** Fault injection from the start. @default - none */
  readonly faults?: FaultConfig;
  /** Per-action rate limits. @default true */
  readonly rateLimits?: boolean;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** One line per call and per callback delivery; never contains a secret. @default - silent */
  readonly log?: (line: string) => void;
  /** Seconds a VOD application stays `Destroying`. @default 10 */
  readonly destroyingSeconds?: number;
  /**
   * MixType under which Live's mixed-stream recordings count in DescribeRecordingUsage. Not documented; the seed
   * says Live recording is billed at single-stream prices, but the usage API's classification is unknown.
   * @default "multi"
   */
  readonly liveMixedUsageMixType?: "multi" | "single";
  /**
   * Enforce CAM on VOD, TRTC and CAM calls made with a CAM user's key (users are created through the admin interface;
   * the credentials above are the root account and are always allowed). Switchable at run time (admin).
   * @default false - every accepted key may call every action
   */
  readonly camEnforcement?: boolean;
  /** Timeout of one callback delivery. @default 5000 ms (the documented reply deadline) */
  readonly callbackTimeoutMs?: number;
  /**
   * Also deliver callbacks to hosts other than this machine. Off by default: the emulator is for offline runs, and a
   * signed callback to a real endpoint (e.g. the hooks.example.com URLs of a configuration under test) is not wanted.
   * @default false - only loopback URLs are called; others are recorded as not delivered
   */
  readonly externalCallbacks?: boolean;
}

export const DEFAULT_ADMIN_IDENTIFIER = "administrator";

/** Who signed a request: the root account, or a CAM user (by UIN). */
export type CallerIdentity = { readonly kind: "root" } | { readonly kind: "user"; readonly uin: number };

export class EmulatorCore {
  state: EmulatorStateData;
  readonly callLog = new CallLog();
  readonly rateLimiter: RateLimiter;
  readonly callbacks: CallbackDispatcher;
  readonly persistence: StatePersistence;
  readonly ctx: EmulatorContext;
  readonly sessions: SessionReport[] = [];
  faults: FaultInjector | undefined;
  /** CAM enforcement on CAM users' calls (option `camEnforcement`, admin). */
  camEnforcement: boolean;
  private readonly clock: () => number;
  private readonly credentials: Map<string, string>;

  constructor(
    readonly options: EmulatorOptions,
    credentials: readonly EmulatorCredential[],
    private readonly startupApps: readonly EmulatorApp[],
    readonly log: (line: string) => void,
  ) {
    this.clock = options.now ?? Date.now;
    this.credentials = new Map(credentials.map((c) => [c.secretId, c.secretKey]));
    this.state = options.stateFile ? loadStateFile(options.stateFile) : emptyState();
    this.rateLimiter = new RateLimiter(options.rateLimits ?? true);
    this.callbacks = new CallbackDispatcher(options.callbackTimeoutMs ?? 5000, log, options.externalCallbacks ?? false);
    this.persistence = new StatePersistence(options.stateFile, () => this.state);
    this.faults = options.faults ? new FaultInjector(validateFaultConfig(options.faults)) : undefined;
    this.camEnforcement = options.camEnforcement ?? false;
    const settings: EmulatorSettings = {
      destroyingSeconds: options.destroyingSeconds ?? 10,
      liveMixedUsageMixType: options.liveMixedUsageMixType ?? "multi",
    };
    const self = this;
    this.ctx = {
      get state() {
        return self.state;
      },
      now: () => this.clock() + this.state.clockOffsetMs,
      wallNow: () => this.clock(),
      persist: () => this.persistence.markDirty(),
      callbacks: this.callbacks,
      settings,
    };
    for (const a of startupApps) this.registerApp(a);
  }

  secretKeyOf(secretId: string): string | undefined {
    return this.credentials.get(secretId) ?? this.camUserOf(secretId)?.secretKey;
  }

  /** The root account for a configured credential, the CAM user owning any other known SecretId. */
  identityOf(secretId: string): CallerIdentity | undefined {
    if (this.credentials.has(secretId)) return { kind: "root" };
    const user = this.camUserOf(secretId);
    return user ? { kind: "user", uin: user.Uin } : undefined;
  }

  private camUserOf(secretId: string) {
    return Object.values(this.state.cam.users).find((u) => u.secretId === secretId);
  }

  registerApp(a: EmulatorApp): void {
    if (!Number.isInteger(a.sdkAppId) || a.sdkAppId <= 0) throw new Error(`sdkAppId must be a positive integer, got ${String(a.sdkAppId)}`);
    if (typeof a.sdkSecretKey !== "string" || a.sdkSecretKey.length === 0) throw new Error(`sdkSecretKey of ${a.sdkAppId} must be a non-empty string`);
    const key = String(a.sdkAppId);
    const existing = this.state.apps[key];
    this.state.apps[key] = {
      sdkAppId: a.sdkAppId,
      sdkSecretKey: a.sdkSecretKey,
      adminIdentifier: a.adminIdentifier ?? existing?.adminIdentifier ?? DEFAULT_ADMIN_IDENTIFIER,
      console: existing?.console ?? defaultConsole(),
      ...(existing?.consoleHistory ? { consoleHistory: existing.consoleHistory } : {}),
    };
    this.ctx.persist();
  }

  setFaults(config: FaultConfig | undefined): void {
    this.faults = config ? new FaultInjector(validateFaultConfig(config)) : undefined;
  }

  reset(): void {
    this.state = emptyState();
    this.callLog.clear();
    this.callbacks.clear();
    this.sessions.length = 0;
    this.rateLimiter.reset();
    this.rateLimiter.enabled = this.options.rateLimits ?? true;
    this.setFaults(this.options.faults);
    this.camEnforcement = this.options.camEnforcement ?? false;
    for (const a of this.startupApps) this.registerApp(a);
    this.ctx.persist();
  }
}
