/**
 * What every post-deploy step shares: its context (one app, the API clients, the mode) and its report.
 *
 * A step reads the current state, compares it with the desired state and, in apply mode only, writes the
 * difference; every write is preceded by a read. It never throws for an expected condition (it reports `failed`,
 * `blocked`, ...); an unexpected error (an API call that failed after its retries) is turned into `failed` by the runner.
 */
import type { ConsoleDriver, ConsoleReading } from "../console-driver";
import type { CloudApi, EventConfig, RecordingMedia, SubAppInfo } from "../cloud";
import type { ResolvedApp } from "../inputs";
import type { LiveRestApi } from "../live-rest";
import type { StateStore } from "../state-store";
import type { SubAppDirectory } from "../sub-app-directory";

export type Mode = "plan" | "apply" | "check";

export const STEP_IDS = [
  "vod-application",
  "vod-event-config",
  "vod-sign-key",
  "live-webhook",
  "console",
  "conflict-check",
] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * - `in-sync`: read back and equal to the declaration.
 * - `unverified`: cannot be read back (a write-only secret): `detail` says why and what is known; no effect on the exit code.
 * - `would-change`: a difference that apply would write (plan, check).
 * - `changed`: apply wrote it.
 * - `drift`: differs from the declaration, but this step is not its owner (Terraform, or a person in the console):
 *   `detail` gives the remedy that fixes it; nothing is written.
 * - `manual`: a person must make this change in the console (guided driver), then attest.
 * - `warning`: nothing to write, but something to look at (a suspected or acknowledged double recording).
 * - `conflict`: Global Auto-Recording double recording confirmed while Live recording is wanted, not acknowledged.
 * - `refused`: apply would stop recordings the declaration has not accepted stopping (Global Auto-Recording off while
 *   it records rooms that Live does not); left as it is, the rooms and the options are named.
 * - `failed`: an API call failed (after retries) or the cloud is not as Terraform should have left it.
 * - `blocked`: cannot run as configured (a missing secret, a missing output); says what to set.
 * - `skipped`: not declared, or not attempted because an earlier step failed (see `detail`).
 */
export type StepStatus =
  | "in-sync"
  | "unverified"
  | "would-change"
  | "changed"
  | "drift"
  | "manual"
  | "warning"
  | "conflict"
  | "refused"
  | "failed"
  | "blocked"
  | "skipped";

/** A JSON value without secrets, for `current` / `desired`. */
export type Printable = string | number | boolean | null | readonly Printable[] | { readonly [key: string]: Printable };

export interface StepReport {
  readonly id: StepId;
  readonly title: string;
  readonly status: StepStatus;
  /** What the cloud (or console) has, as far as it can be read. */
  readonly current: Printable;
  readonly desired: Printable;
  /** Human lines: what differs, what was done, why. Never a secret. */
  readonly detail: readonly string[];
  /** Console changes for a person (status `manual`). */
  readonly instructions?: readonly string[];
  /** Conflict-check and Global Auto-Recording evidence. */
  readonly evidence?: { readonly [key: string]: Printable };
  /** True when this step did not run because of an earlier failure (status `skipped`). */
  readonly notAttempted?: boolean;
}

export interface StepOptions {
  readonly reapplySecrets: boolean;
  readonly evidenceDays: number;
  /** Lower bound of the evidence window, ISO 8601 (`--evidence-since`). */
  readonly evidenceSince?: string;
  /** SearchMedia page size. @default 100 */
  readonly pageSize: number;
  /** Results one SearchMedia query may reach (Offset + Limit), documented as 5000. */
  readonly searchCap: number;
  /** Usage more recent than this is not compared with files (recordings still running have no file yet). */
  readonly usageSettleMinutes: number;
}

/** Facts one step learns that later steps use. */
export interface SharedFacts {
  /** The VOD sub-application, once the vod-application step has read it and it is usable. */
  subApp?: SubAppInfo;
  /** The console as the driver read it (console step). */
  consoleReading?: ConsoleReading;
  /** Set when this run turned Global Auto-Recording off. */
  globalAutoRecordingTurnedOffAt?: string;
  /** The VOD event configuration as read (and, in apply mode, as written) by this run: read once per app. */
  eventConfig?: EventConfig;
  /** TrtcRecord files of the app in Live's VOD application listed by this run (one scan per app, shared by the console step and the conflict check). */
  recordings?: { readonly createdAfter?: string; readonly files: readonly RecordingMedia[] };
  /** The conflict check's usage comparison, finished by the run once account-wide usage is known. */
  usageFollowUp?: UsageFollowUp;
}

/** What the run shares between its apps (reads batched across SDKAppIDs). */
export interface RunShared {
  readonly subApps: SubAppDirectory;
}

export interface StepContext {
  readonly mode: Mode;
  readonly app: ResolvedApp;
  readonly cloud: CloudApi;
  /** The Live REST client, or why there is none (e.g. no SDK secret key in the environment). */
  readonly live: LiveRestApi | { readonly problem: string };
  readonly console: ConsoleDriver;
  readonly state: StateStore;
  readonly env: NodeJS.ProcessEnv;
  readonly options: StepOptions;
  readonly shared: SharedFacts;
  readonly run: RunShared;
  /** One progress line (stderr in the CLI). Never a secret. */
  progress(line: string): void;
  now(): Date;
}

export interface Step {
  readonly id: StepId;
  readonly title: string;
  /** Whether the step can write (apply mode). After a failed step, remaining writing steps are not attempted. */
  readonly writes: boolean;
  /** Needs the VOD sub-application confirmed by the vod-application step. */
  readonly needsSubApp: boolean;
  run(ctx: StepContext): Promise<StepReport>;
}

/** Report helper. */
export function report(step: Pick<Step, "id" | "title">, fields: Omit<StepReport, "id" | "title">): StepReport {
  return { id: step.id, title: step.title, ...fields };
}

/** `in-sync`, or the mode's word for "different": would-change (plan, check) or changed (apply, after writing). */
export function differenceStatus(mode: Mode, different: boolean): StepStatus {
  if (!different) return "in-sync";
  return mode === "apply" ? "changed" : "would-change";
}

/** Worst of several statuses, for a step made of parts. */
export function worstStatus(statuses: readonly StepStatus[]): StepStatus {
  const order: StepStatus[] = ["refused", "conflict", "failed", "blocked", "manual", "drift", "would-change", "warning", "changed", "unverified", "in-sync", "skipped"];
  for (const s of order) if (statuses.includes(s)) return s;
  return "in-sync";
}

/** Recorded minutes (DescribeRecordingUsage), single-stream and mixed. */
export interface UsageTotals {
  readonly singleMinutes: number;
  readonly multiMinutes: number;
}

/** What an app's conflict check leaves for the run to finish once account-wide usage is known. */
export interface UsageFollowUp {
  /** Start of the default evidence window, ms: the account-wide comparison covers it for every app. */
  readonly screenSinceMs: number;
  /** End of the usage comparison, ms (recent usage is left out: recordings still running have no file yet). */
  readonly untilMs: number;
  /** Minutes of this app's files in Live's VOD application created since `screenSinceMs`. */
  readonly explainedMinutes: number;
  /** This app's own usage over its own (possibly shorter) window, through the app's transport. */
  queryOwnUsage(): Promise<UsageTotals | null>;
  /** The conflict-check report with the app's own usage, or with `note` when the account-wide comparison settled it. */
  finish(usage: UsageTotals | null, note: string): StepReport;
}
