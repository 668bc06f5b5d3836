/**
 * Runs the post-deploy steps for every app: `plan` (dry run: every step, current -> desired, no write), `apply`
 * (writes the differences) or `check` (verifies; for CI and schedules).
 *
 * Apps run with bounded concurrency; in apply mode each app runs under its lock (a second run on the same SDKAppID
 * stops for that app with a clear message and writes nothing). Within an app the steps run in order; after a failed
 * step the remaining writing steps are not attempted, and the report lists exactly what was done, what failed and
 * what was not attempted, so a rerun completes the rest.
 */
import { EXIT, ExitCode } from "./exit-codes";
import type { ResolvedApp } from "./inputs";
import type { LiveRestApi } from "./live-rest";
import { AppLock, LockedError, lockApp } from "./lock";
import { PermissionDeniedError } from "./permission-error";
import type { ConsoleDriver } from "./console-driver";
import type { CloudApi } from "./cloud";
import type { StateStore } from "./state-store";
import { SubAppDirectory } from "./sub-app-directory";
import { screenUsage, usageMinutes } from "./usage-screen";
import { CallRecord, CallRecorder, Transport } from "./transport";
import type { RateLimiter } from "./rate-limit";
import { RetryOptions, classifyError } from "./retry";
import { SecretRedactor, runSecretValues } from "./secrets";
import { conflictCheckStep } from "./steps/conflict-check";
import { consoleStep } from "./steps/console";
import { evidenceWindowStart } from "./steps/evidence";
import { liveWebhookStep } from "./steps/live-webhook";
import type { Mode, RunShared, SharedFacts, Step, StepContext, StepId, StepOptions, StepReport, StepStatus, UsageFollowUp, UsageTotals } from "./steps/types";
import { vodApplicationStep } from "./steps/vod-application";
import { vodEventConfigStep } from "./steps/vod-event-config";
import { vodSignKeyStep } from "./steps/vod-sign-key";

/** Every step, in the order they run. */
export const ALL_STEPS: readonly Step[] = [
  vodApplicationStep,
  vodEventConfigStep,
  vodSignKeyStep,
  liveWebhookStep,
  consoleStep,
  conflictCheckStep,
];

/** The API clients of one app, all sending through that app's transport (so calls are counted per app). */
export interface AppClients {
  readonly cloud: CloudApi;
  readonly live: LiveRestApi | { readonly problem: string };
  readonly console: ConsoleDriver;
}

export interface RunOptions {
  readonly mode: Mode;
  readonly apps: readonly ResolvedApp[];
  readonly clients: (app: ResolvedApp, transport: Transport) => AppClients;
  /** Cloud calls made once for the whole run (the sub-application listing, account-wide usage). */
  readonly runCloud: (transport: Transport) => CloudApi;
  /** Shared by every app: the documented rates are per account. */
  readonly limiter: RateLimiter;
  readonly retry?: RetryOptions;
  readonly state: StateStore;
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly options: StepOptions;
  /** Apps worked on at once. @default 4 */
  readonly concurrency?: number;
  readonly progress: (line: string) => void;
  readonly now?: () => Date;
  readonly steps?: readonly Step[];
  /** Values never to print, besides the secrets read from `env` (e.g. credentials from a tccli profile). */
  readonly secrets?: readonly string[];
}

/**
 * `in-sync`, `changed` (apply wrote, nothing left), `pending` (changes, drift or manual steps left, warnings),
 * `conflict`, `refused` (Global Auto-Recording left on: it records rooms Live does not), `error`.
 */
export type AppStatus = "in-sync" | "changed" | "pending" | "conflict" | "refused" | "error";

export interface CallCounts {
  readonly reads: number;
  readonly writes: number;
  /** `service.Action` -> calls (reads and writes), e.g. `vod.DescribeSubAppIds`. */
  readonly byAction: Readonly<Record<string, number>>;
  /** Calls that ended in an error after their retries. */
  readonly failed: number;
  /** Retries made (attempts beyond the first). */
  readonly retries: number;
}

export interface AppReport {
  readonly environment: string;
  readonly sdkAppId: number;
  readonly vodSubAppId: number | null;
  readonly status: AppStatus;
  readonly exitCode: ExitCode;
  /** Why the app could not run at all (e.g. locked by another run). */
  readonly error?: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly steps: readonly StepReport[];
  /** Steps that ran to the end (whatever they found). */
  readonly done: readonly StepId[];
  /** Steps that failed or were blocked. */
  readonly failed: readonly StepId[];
  /** Steps not attempted because an earlier step failed. */
  readonly notAttempted: readonly StepId[];
  readonly calls: CallCounts;
}

export const REPORT_SCHEMA = "trtc-live-recording/post-deploy-report";
/** 2: statuses `drift`, `unverified`, `refused`, exit code 4, no `retention-sweep` step, no `counts`. */
export const REPORT_VERSION = 2;

export interface RunReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly version: typeof REPORT_VERSION;
  readonly mode: Mode;
  readonly exitCode: ExitCode;
  /** One sentence: why this exit code. */
  readonly exitReason: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly apps: readonly AppReport[];
  /** Calls made once for the whole run, shared by its apps (not in any app's counts). */
  readonly runCalls: CallCounts;
  /** Every call of the run: the apps' and the run's own. */
  readonly calls: CallCounts;
}

export function countCalls(records: readonly CallRecord[]): CallCounts {
  const byAction: Record<string, number> = {};
  for (const r of records) byAction[`${r.service}.${r.action}`] = (byAction[`${r.service}.${r.action}`] ?? 0) + 1;
  return {
    reads: records.filter((r) => !r.write).length,
    writes: records.filter((r) => r.write).length,
    byAction: Object.fromEntries(Object.entries(byAction).sort(([a], [b]) => a.localeCompare(b))),
    failed: records.filter((r) => r.outcome !== "ok").length,
    retries: records.reduce((s, r) => s + Math.max(0, r.attempts - 1), 0),
  };
}

const FAILING: readonly StepStatus[] = ["failed", "blocked"];
// `unverified` is not here: a value that cannot be read back is listed, and does not change the exit code by itself.
const PENDING: readonly StepStatus[] = ["would-change", "manual", "warning", "drift"];

function appOutcome(steps: readonly StepReport[], mode: Mode): { status: AppStatus; exitCode: ExitCode } {
  const has = (list: readonly StepStatus[]) => steps.some((s) => list.includes(s.status));
  if (steps.some((s) => s.status === "refused")) return { status: "refused", exitCode: EXIT.REFUSED };
  if (steps.some((s) => s.status === "conflict")) return { status: "conflict", exitCode: EXIT.CONFLICT };
  if (has(FAILING)) return { status: "error", exitCode: EXIT.ERROR };
  if (has(PENDING)) return { status: "pending", exitCode: EXIT.CHANGES };
  if (mode === "apply" && steps.some((s) => s.status === "changed")) return { status: "changed", exitCode: EXIT.IN_SYNC };
  return { status: "in-sync", exitCode: EXIT.IN_SYNC };
}

function failedStepReport(step: Step, err: unknown): StepReport {
  if (err instanceof PermissionDeniedError) return { id: step.id, title: step.title, status: "failed", current: null, desired: null, detail: [err.message] };
  const { reason } = classifyError(err);
  const message = (err as { message?: unknown })?.message;
  const text = typeof message === "string" && message !== reason ? `${reason}: ${message.slice(0, 300)}` : reason;
  return { id: step.id, title: step.title, status: "failed", current: null, desired: null, detail: [`${text} (after retries where the error allows them)`] };
}

/** An app's report before the run finishes its usage comparison (see usage-screen.ts). */
interface PendingApp {
  readonly base: Omit<AppReport, "status" | "exitCode" | "steps" | "done" | "failed" | "notAttempted" | "calls">;
  readonly steps: StepReport[];
  readonly recorder: CallRecorder;
  readonly usageFollowUp?: UsageFollowUp;
  /** Set when the app could not run at all. */
  readonly final?: AppReport;
}

function finishApp(p: PendingApp, mode: Mode): AppReport {
  if (p.final !== undefined) return p.final;
  return {
    ...p.base,
    ...appOutcome(p.steps, mode),
    steps: p.steps,
    done: p.steps.filter((s) => !FAILING.includes(s.status) && s.status !== "skipped").map((s) => s.id),
    failed: p.steps.filter((s) => FAILING.includes(s.status)).map((s) => s.id),
    notAttempted: p.steps.filter((s) => s.notAttempted === true).map((s) => s.id),
    calls: countCalls(p.recorder.records),
  };
}

async function runApp(app: ResolvedApp, opts: RunOptions, run: RunShared): Promise<PendingApp> {
  const tag = `[${app.environment} ${app.sdkAppId}]`;
  const recorder = new CallRecorder();
  const transport = new Transport({ limiter: opts.limiter, recorder, retry: opts.retry, log: (line) => opts.progress(`${tag}${line}`) });
  const base = { environment: app.environment, sdkAppId: app.sdkAppId, vodSubAppId: app.vodSubAppId, problems: app.problems, warnings: app.warnings };
  const fatal = app.problems.find((p) => p.includes("one app must have one owner"));
  const stop = (error: string): PendingApp => ({
    base,
    steps: [],
    recorder,
    final: { ...base, status: "error", exitCode: EXIT.ERROR, error, steps: [], done: [], failed: [], notAttempted: [], calls: countCalls([]) },
  });
  if (fatal !== undefined) return stop(fatal);
  let lock: AppLock | undefined;
  if (opts.mode === "apply") {
    try {
      lock = await lockApp(opts.stateDir, app.sdkAppId);
    } catch (err) {
      const error = err instanceof LockedError ? err.message : `cannot take the lock for SDKAppID ${app.sdkAppId}: ${(err as Error).message}`;
      opts.progress(`${tag} ${error}`);
      return stop(error);
    }
  }
  try {
    const clients = opts.clients(app, transport);
    const shared: SharedFacts = {};
    const ctx: StepContext = {
      mode: opts.mode,
      app,
      cloud: clients.cloud,
      live: clients.live,
      console: clients.console,
      state: opts.state,
      env: opts.env,
      options: opts.options,
      shared,
      run,
      progress: opts.progress,
      now: opts.now ?? (() => new Date()),
    };
    const steps: StepReport[] = [];
    let failedAt: StepId | undefined;
    for (const step of opts.steps ?? ALL_STEPS) {
      if (failedAt !== undefined && step.writes) {
        steps.push({ id: step.id, title: step.title, status: "skipped", current: null, desired: null, detail: [`not attempted: ${failedAt} failed`], notAttempted: true });
        continue;
      }
      if (step.needsSubApp && shared.subApp === undefined) {
        const vodStep = steps.find((s) => s.id === "vod-application");
        const status: StepStatus = vodStep?.status === "blocked" ? "blocked" : "skipped";
        const why =
          vodStep?.status === "skipped"
            ? "no VOD application declared"
            : vodStep?.status === "blocked"
              ? "blocked: the VOD SubAppId is unknown (see vod-application)"
              : "not attempted: the VOD sub-application is not usable (see vod-application)";
        steps.push({ id: step.id, title: step.title, status, current: null, desired: null, detail: [why], notAttempted: status === "skipped" && vodStep?.status !== "skipped" });
        continue;
      }
      opts.progress(`${tag} ${step.id}: ${opts.mode === "apply" && step.writes ? "reading and applying" : "reading"}`);
      let result: StepReport;
      try {
        result = await step.run(ctx);
      } catch (err) {
        result = failedStepReport(step, err);
      }
      steps.push(result);
      opts.progress(`${tag} ${step.id}: ${result.status}`);
      if (result.status === "failed" && failedAt === undefined) failedAt = step.id;
    }
    const conflictRan = steps.some((s) => s.id === "conflict-check" && s.status !== "skipped" && s.status !== "failed");
    return { base, steps, recorder, usageFollowUp: conflictRan ? shared.usageFollowUp : undefined };
  } finally {
    await lock?.release().catch(() => undefined);
  }
}

/** Runs `fn` over `items` with at most `limit` at once, keeping the input order in the result. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

function exitReason(mode: Mode, apps: readonly AppReport[], exitCode: ExitCode): string {
  const names = (pred: (a: AppReport) => boolean) => apps.filter(pred).map((a) => `${a.environment} (${a.sdkAppId})`).join(", ");
  switch (exitCode) {
    case EXIT.REFUSED:
      return `Global Auto-Recording left on: it may be the only recorder of rooms Live recording does not record, and the declaration does not accept stopping them: ${names((a) => a.status === "refused")} (see the console step for the rooms and the options)`;
    case EXIT.CONFLICT:
      return `Global Auto-Recording double recording confirmed and not acknowledged: ${names((a) => a.status === "conflict")}`;
    case EXIT.ERROR:
      return `failed or blocked: ${names((a) => a.status === "error")}; see the failed steps (a rerun completes what was not attempted)`;
    case EXIT.CHANGES:
      return mode === "apply"
        ? `applied with warnings: manual steps, drift for its owner to fix, pending changes or suspected conflicts left for ${names((a) => a.status === "pending")}`
        : `changes pending for ${names((a) => a.status === "pending")}`;
    default:
      return mode === "apply" ? "everything applied; in sync" : "in sync";
  }
}

/** Sums call counts. */
function addCounts(all: readonly CallCounts[]): CallCounts {
  const byAction: Record<string, number> = {};
  for (const c of all) for (const [k, v] of Object.entries(c.byAction)) byAction[k] = (byAction[k] ?? 0) + v;
  return {
    reads: all.reduce((s, c) => s + c.reads, 0),
    writes: all.reduce((s, c) => s + c.writes, 0),
    byAction: Object.fromEntries(Object.entries(byAction).sort(([a], [b]) => a.localeCompare(b))),
    failed: all.reduce((s, c) => s + c.failed, 0),
    retries: all.reduce((s, c) => s + c.retries, 0),
  };
}

/** Finishes the apps' usage comparison (one account-wide query first); a failure there fails only that comparison. */
async function finishUsage(
  pending: readonly PendingApp[],
  cloud: CloudApi,
  prefetched: Promise<UsageTotals | null> | undefined,
  progress: (line: string) => void,
): Promise<void> {
  const waiting = pending.filter((p) => p.usageFollowUp !== undefined);
  if (waiting.length === 0) return;
  progress(`usage: comparing recorded minutes with the files of ${waiting.length} app(s) (DescribeRecordingUsage, whole account)`);
  let reports: StepReport[];
  try {
    reports = await screenUsage(cloud, waiting.map((p) => p.usageFollowUp!), prefetched);
  } catch (err) {
    const { reason } = classifyError(err);
    // A missing permission is the credentials' configuration, not a passing fault: the check fails, naming it.
    reports = waiting.map((p) =>
      err instanceof PermissionDeniedError
        ? failedStepReport(conflictCheckStep, err)
        : p.usageFollowUp!.finish(null, `usage not compared: DescribeRecordingUsage failed (${reason}); the verdict stands on the files alone`),
    );
  }
  waiting.forEach((p, i) => {
    const at = p.steps.findIndex((s) => s.id === "conflict-check");
    if (at >= 0) p.steps[at] = reports[i];
  });
}

/**
 * Runs the steps. Output boundary: every secret the run can hold (see `runSecretValues`) and every value in
 * `opts.secrets` is replaced by `***` in the progress lines, the report and a thrown error's message, whatever put
 * it there.
 */
export async function runPostDeploy(opts: RunOptions): Promise<RunReport> {
  const redactor = new SecretRedactor([...runSecretValues(opts.apps, opts.env), ...(opts.secrets ?? [])]);
  const progress = opts.progress;
  try {
    return redactor.redactDeep(await runSteps({ ...opts, progress: (line) => progress(redactor.redact(line)) }));
  } catch (err) {
    if (err instanceof Error) err.message = redactor.redact(err.message);
    throw err;
  }
}

async function runSteps(opts: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const runRecorder = new CallRecorder();
  const runTransport = new Transport({ limiter: opts.limiter, recorder: runRecorder, retry: opts.retry, log: (line) => opts.progress(`[run]${line}`) });
  const runCloud = opts.runCloud(runTransport);
  const run: RunShared = { subApps: new SubAppDirectory(runCloud) };
  // The account-wide usage depends only on the evidence window, so it is asked for while the apps run: at 5 calls per
  // second it is the slowest read of the step.
  const now = (opts.now ?? (() => new Date()))().getTime();
  const screenSince = evidenceWindowStart(now, opts.options.evidenceDays);
  // Only when some app has a VOD application: the conflict check runs only then (and the action table says so).
  const prefetched =
    opts.apps.some((a) => a.app.vodApplication !== null) && (opts.steps ?? ALL_STEPS).includes(conflictCheckStep)
      ? usageMinutes(runCloud, undefined, screenSince, now - opts.options.usageSettleMinutes * 60000)
      : undefined;
  // Its failure is handled where it is awaited (finishUsage); until then it must not count as unhandled.
  prefetched?.catch(() => undefined);
  const pending = await mapBounded(opts.apps, opts.concurrency ?? 4, (app) => runApp(app, opts, run));
  await finishUsage(pending, runCloud, prefetched, opts.progress);
  const apps = pending.map((p) => finishApp(p, opts.mode));
  const codes = apps.map((a) => a.exitCode);
  // A refusal and a confirmed conflict are reported whatever else happened; then errors; then pending changes.
  const order: readonly ExitCode[] = [EXIT.REFUSED, EXIT.CONFLICT, EXIT.ERROR, EXIT.CHANGES];
  const exitCode: ExitCode = order.find((c) => codes.includes(c)) ?? EXIT.IN_SYNC;
  const runCalls = countCalls(runRecorder.records);
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    mode: opts.mode,
    exitCode,
    exitReason: exitReason(opts.mode, apps, exitCode),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    apps,
    runCalls,
    calls: addCounts([...apps.map((a) => a.calls), runCalls]),
  };
}
