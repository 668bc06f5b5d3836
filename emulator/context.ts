/** What every emulated action handler can reach: state, clock, persistence and outbound callbacks. */
import type { CallbackDispatcher } from "./deliver";
import type { Params, JsonObject } from "./params";
import type { EmulatorStateData } from "./state";

export interface EmulatorContext {
  /** Mutable state; call `persist()` after changing it. */
  readonly state: EmulatorStateData;
  /** Business time in milliseconds: the `now` option plus the admin clock offset (expiry, timestamps, usage). */
  now(): number;
  /**
   * Wall time in milliseconds: the `now` option without the admin offset. Compared with what clients send
   * (X-TC-Timestamp, UserSig time) and used for what receivers check against their own clock (webhook
   * RequestTime, VOD `T`).
   */
  wallNow(): number;
  /** Marks the state changed (written to the state file, debounced). */
  persist(): void;
  readonly callbacks: CallbackDispatcher;
  readonly settings: EmulatorSettings;
}

/** Behaviour switches of the emulator (see `EmulatorOptions`). */
export interface EmulatorSettings {
  /** Seconds a VOD sub-application stays `Destroying` before `Destroyed`. */
  readonly destroyingSeconds: number;
  /** MixType under which Live's mixed-stream recordings are counted by DescribeRecordingUsage. */
  readonly liveMixedUsageMixType: "multi" | "single";
}

/** Request facts a handler may need besides the body. */
export interface RequestMeta {
  /** `X-TC-Region`, when sent. */
  readonly region?: string;
  readonly requestId: string;
}

/** An emulated Cloud API action. Throws `CloudApiError` for error responses. */
export type ActionHandler = (ctx: EmulatorContext, params: Params, meta: RequestMeta) => JsonObject | Promise<JsonObject>;
