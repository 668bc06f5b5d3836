/**
 * The emulator's admin interface: the types shared by the in-process API (`emulator.admin`) and the HTTP client
 * (`EmulatorAdminClient`). Admin operations stand in for what a person does in the Tencent Cloud console; they are
 * never reachable through the emulated cloud APIs.
 */
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
import type { CallLogSnapshot } from "./call-log";
import type { CallbackDelivery } from "./deliver";
import type { FaultConfig } from "./faults";
import type { SessionReport, SimulateSessionInput } from "./session";
import type { LiveRoomRecord, MediaRecord, SubAppRecord, TaskRecord, UsageRecord, EventConfigRecord } from "./state";

/** Registers (or updates) a TRTC application: what creating an app in the console gives you. */
export interface RegisterAppInput {
  readonly sdkAppId: number;
  /** The app's SDK secret key (UserSig key). */
  readonly sdkSecretKey: string;
  /** The app administrator account allowed to call the Live REST API. @default "administrator" */
  readonly adminIdentifier?: string;
}

/** An application as the admin interface shows it (no secret, only fingerprints). */
export interface AppSummary {
  readonly sdkAppId: number;
  readonly adminIdentifier: string;
  readonly sdkSecretKeyFingerprint: string;
  readonly console: ConsoleState;
}

/** One state of an app's console and when it took effect (emulator clock; null = before any recorded change). */
export interface ConsoleHistoryItem {
  readonly since: string | null;
  readonly console: ConsoleState;
}

/** The whole state with every secret replaced by its fingerprint. */
export interface StateDump {
  readonly now: string;
  readonly apps: readonly AppSummary[];
  readonly subApps: readonly SubAppRecord[];
  readonly eventConfigs: Readonly<Record<string, Omit<EventConfigRecord, "SignKey"> & { readonly signKeyFingerprint?: string }>>;
  readonly media: readonly MediaRecord[];
  readonly tasks: readonly TaskRecord[];
  readonly usage: readonly UsageRecord[];
  readonly liveRooms: readonly LiveRoomRecord[];
  readonly liveCallbacks: Readonly<Record<string, { readonly Url: string; readonly CallbackCommandList: readonly string[] }>>;
  readonly liveCallbackTokens: Readonly<Record<string, { readonly tokenFingerprint: string; readonly IsTokenEnable: boolean }>>;
}

/**
 * Admin operations. In a `ConsoleStateChange`, a field present with `undefined` (in process) or `null` (over HTTP)
 * clears that setting; absent fields stay as they are.
 */
export interface EmulatorAdminApi {
  registerApp(input: RegisterAppInput): Promise<AppSummary>;
  listApps(): Promise<AppSummary[]>;
  getConsoleState(sdkAppId: number): Promise<ConsoleState>;
  /** Changes console settings; the change is stamped with the emulator clock and applies to rooms created after it. */
  setConsoleState(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleState>;
  /** Every console state of the app, oldest first, with when it took effect. */
  getConsoleHistory(sdkAppId: number): Promise<ConsoleHistoryItem[]>;
  /** Plays out a room session and waits for its callbacks. */
  simulateSession(input: SimulateSessionInput): Promise<SessionReport>;
  /** Reports of every session so far (admin simulations and destroy_room). */
  listSessions(): Promise<SessionReport[]>;
  /** Every callback delivery so far. */
  listCallbacks(): Promise<CallbackDelivery[]>;
  /** Waits until no callback delivery is pending. */
  settle(): Promise<void>;
  setFaults(config: FaultConfig): Promise<void>;
  clearFaults(): Promise<void>;
  setRateLimits(enabled: boolean): Promise<void>;
  /** Calls after `sinceSeq` (default: all kept). */
  getCallLog(sinceSeq?: number): Promise<CallLogSnapshot>;
  clearCallLog(): Promise<void>;
  /** Moves the business clock forward (media expiry, Destroying → Destroyed); signatures keep using wall time. */
  advanceClock(seconds: number): Promise<{ readonly now: string }>;
  /** Back to a fresh state with the start-up apps; clears the call log, sessions, callbacks and faults set since. */
  reset(): Promise<void>;
  dumpState(): Promise<StateDump>;
}
