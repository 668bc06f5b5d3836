/**
 * `trtc-live-recording post-deploy <plan|apply|check|attest>` (also `npm run post-deploy -- ...`): what Terraform
 * cannot do, after `cdktf deploy`. See README "Post-deploy step".
 */
import { Command, Option } from "commander";
import * as path from "path";
import type { CliContext } from "../cli/context";
import { EmulatorAdminClient } from "../emulator/admin-client";
import { AttestationStore } from "./attestations";
import { SdkCloudApi, parseEndpoint } from "./cloud";
import type { ConsoleDriver } from "./console-driver";
import { loadCloudCredential, loadLiveAdminCredential } from "./credentials";
import { attestedConsoleState, desiredConsoleHash, desiredConsoleState } from "./desired-console";
import { EmulatorConsoleDriver } from "./drivers/emulator";
import { GuidedConsoleDriver } from "./drivers/guided";
import { EXIT } from "./exit-codes";
import { LoadOptions, ResolvedApp, loadDesiredStates, parseOutputOverrides, readOutputsFile, resolveApps } from "./inputs";
import { LiveRestClient, liveRestDomain } from "./live-rest";
import { SEARCH_MEDIA_MAX_RESULTS } from "./media-scan";
import { DOCUMENTED_RATES, RateLimiter } from "./rate-limit";
import { renderJson, renderText } from "./report";
import type { RetryOptions } from "./retry";
import { RunReport, runPostDeploy } from "./run";
import { StateStore } from "./state-store";
import type { Transport } from "./transport";
import type { Mode, StepOptions } from "./steps/types";

export const CONSOLE_DRIVERS = ["guided", "emulator"] as const;
export type ConsoleDriverKind = (typeof CONSOLE_DRIVERS)[number];

/** What tests and the offline demo may replace; the command line never can. */
export interface PostDeployDependencies {
  /** Retry policy (tests: small delays). @default - 6 attempts, 200 ms doubling to 5 s, full jitter */
  readonly retry?: RetryOptions;
  /** Client-side rates per action, merged over the documented ones. */
  readonly rates?: Readonly<Record<string, number>>;
  /** Rate of actions without a documented rate. @default 20 */
  readonly defaultRate?: number;
  /**
   * One client-side limiter shared by successive runs in one process (the documented rates are per account, so
   * back-to-back runs must share them). Replaces `rates` and `defaultRate`. @default - a new limiter per run
   */
  readonly limiter?: RateLimiter;
  readonly now?: () => Date;
  /** Step tuning: SearchMedia page size, its cap, usage settle time. */
  readonly stepOptions?: Partial<Pick<StepOptions, "pageSize" | "searchCap" | "usageSettleMinutes">>;
  /** Receives the structured report of plan/apply/check. */
  readonly onReport?: (report: RunReport) => void;
}

interface InputFlags {
  synthDir: string;
  desiredState: string[];
  outputsFile?: string;
  output: string[];
  stack: string[];
}

interface RunFlags extends InputFlags {
  endpoint?: string;
  liveDomain?: string;
  consoleDriver: ConsoleDriverKind;
  emulatorUrl?: string;
  stateDir: string;
  attestations: string;
  evidenceDays: number;
  evidenceSince?: string;
  reapplySecrets: boolean;
  concurrency: number;
  requestTimeout: number;
  json: boolean;
  quiet: boolean;
}

interface AttestFlags extends InputFlags {
  sdkAppId: number;
  by: string;
  note?: string;
  attestations: string;
  json: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function intIn(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

function secondsIn(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number of seconds from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

function addInputOptions(cmd: Command): Command {
  return cmd
    .option("--synth-dir <dir>", "cdktf output folder with manifest.json and stacks/<stack>/live-recording.json", "cdktf.out")
    .option("--desired-state <file>", "a desired-state file (live-recording.json) instead of the synth folder; repeatable", collect, [])
    .option("--outputs-file <file>", "Terraform outputs, as written by `cdktf deploy --outputs-file <file>`")
    .option("--output <key=value>", "an output value for the stack(s), e.g. vod_sub_app_id=1500000001; repeatable", collect, [])
    .option("--stack <name>", "only this stack (environment); repeatable", collect, []);
}

const EXIT_HELP = `
Exit codes:
  0  in sync: nothing to do (plan, check), or everything applied (apply); values that cannot be read back (the
     write-only VOD SignKey) are listed as unverified and do not change the code
  1  error: a step failed or was blocked (missing secret, missing output, lock held by another run), or bad input;
     the report lists what was done, what failed and what was not attempted; a rerun completes the rest
  2  changes pending (plan, check), or applied with warnings (apply): console changes left for a person
     (guided driver), an outdated attestation, drift that its owner must fix (Terraform: cdktf deploy, or the
     console, as the report says), a suspected double recording
  3  conflict: Global Auto-Recording double recording confirmed by live evidence while Live recording is wanted,
     and rule LR001 not acknowledged
  4  refused: Global Auto-Recording is declared off, but evidence shows it may be the only recorder of some rooms
     (calls, conferences, plain TRTC rooms, voice rooms, Live rooms with IsCloudRecordEnabled false) and the
     declaration does not accept stopping them (acceptStoppingOtherRecordings): it was left on, the rooms are named
  When several apply: 4, then 3, then 1, then 2.

Never written by post-deploy: what Terraform manages (the VOD sub-application's name, description, status and tags;
the event configuration's mode, URL and switches): drift is reported with its remedy. Global Auto-Recording is
written only when declared "off", and never turned on.

Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (or a tccli profile); the Live REST API signs with
TRTC_SDK_SECRET_KEY_<SDKAppID> (or TRTC_SDK_SECRET_KEY) as TRTC_ADMIN_IDENTIFIER (default administrator); callback keys
from the variables the stacks declare. None is ever printed.

Example (after cdktf deploy --outputs-file cdktf.out/outputs.json):
  trtc-live-recording post-deploy plan --outputs-file cdktf.out/outputs.json
  trtc-live-recording post-deploy apply --outputs-file cdktf.out/outputs.json
  trtc-live-recording post-deploy check --outputs-file cdktf.out/outputs.json --json > post-deploy.json`;

function addRunOptions(cmd: Command): Command {
  return addInputOptions(cmd)
    .option("--endpoint <url>", "a local emulator instead of Tencent Cloud, e.g. http://127.0.0.1:4780 (loopback only)")
    .option("--live-domain <host>", "Live REST API domain (default: console.tim.qq.com, or adminapisgp.im.qcloud.com for SDKAppIDs below 1400000000)")
    .addOption(new Option("--console-driver <driver>", "how console-only settings are read and written").choices([...CONSOLE_DRIVERS]).default("guided"))
    .option("--emulator-url <url>", "the emulator whose admin API the emulator console driver uses (default: --endpoint)")
    .option("--state-dir <dir>", "this machine's post-deploy state (fingerprints of applied secrets, locks)", ".post-deploy")
    .option("--attestations <file>", "operators' console attestations (commit it)", "post-deploy.attestations.json")
    .option("--evidence-days <days>", "days of recordings the conflict check looks at (1-31)", intIn("--evidence-days", 1, 31), 7)
    .option("--evidence-since <time>", "look at recordings created after this ISO 8601 time only (e.g. after a console change)")
    .option("--reapply-secrets", "send write-only secrets (VOD SignKey, webhook token) even when unchanged", false)
    .option("--concurrency <n>", "apps worked on at once (1-16)", intIn("--concurrency", 1, 16), 4)
    .option("--request-timeout <seconds>", "timeout of one API request; a hung request is retried (1-120)", secondsIn("--request-timeout", 0.05, 120), 10)
    .option("--json", "print the report as JSON (stable shape, no secrets)", false)
    .option("--quiet", "no progress lines on stderr", false)
    .addHelpText("after", EXIT_HELP);
}

function loadInputs(flags: InputFlags): ResolvedApp[] {
  const opts: LoadOptions = {
    synthDir: flags.synthDir,
    desiredStateFiles: flags.desiredState,
    outputsFile: flags.outputsFile,
    outputOverrides: parseOutputOverrides(flags.output),
    stacks: flags.stack,
  };
  const states = loadDesiredStates(opts);
  if (states.length === 0) throw new Error(`no desired state found in ${flags.synthDir} (no stack has a live-recording.json); run cdktf synth first`);
  // A stack missing from the outputs is not fatal here: that app's steps report the missing output.
  const outputs = flags.outputsFile !== undefined ? readOutputsFile(flags.outputsFile) : undefined;
  return resolveApps(states, outputs, opts.outputOverrides);
}

function emulatorUrlOf(flags: RunFlags): string {
  const url = flags.emulatorUrl ?? flags.endpoint;
  if (url === undefined) throw new Error("--console-driver emulator needs --emulator-url (or --endpoint) pointing at the emulator");
  return parseEndpoint(url).baseUrl;
}

async function runCommand(mode: Mode, flags: RunFlags, ctx: CliContext, deps: PostDeployDependencies): Promise<void> {
  if (flags.evidenceSince !== undefined && !Number.isFinite(Date.parse(flags.evidenceSince))) {
    throw new Error(`--evidence-since must be an ISO 8601 time, got "${flags.evidenceSince}"`);
  }
  const endpoint = flags.endpoint !== undefined ? parseEndpoint(flags.endpoint) : undefined;
  const apps = loadInputs(flags);
  const credential = loadCloudCredential(ctx.env);
  const stateDir = path.resolve(flags.stateDir);
  const state = new StateStore(stateDir);

  let consoleFor: (transport: Transport) => ConsoleDriver;
  let driverLabel: string;
  let adminClient: EmulatorAdminClient | undefined;
  if (flags.consoleDriver === "emulator") {
    const url = emulatorUrlOf(flags);
    adminClient = new EmulatorAdminClient(url, { timeoutMs: flags.requestTimeout * 1000 });
    const admin = adminClient;
    consoleFor = (transport) => new EmulatorConsoleDriver(admin, url, transport);
    driverLabel = `emulator (${url})`;
  } else {
    const guided = new GuidedConsoleDriver(new AttestationStore(flags.attestations));
    consoleFor = () => guided;
    driverLabel = `guided (attestations in ${flags.attestations})`;
  }

  const progress = flags.quiet ? () => undefined : (line: string) => ctx.stderr(`${line}\n`);
  const limiter = deps.limiter ?? new RateLimiter({ rates: { ...DOCUMENTED_RATES, ...(deps.rates ?? {}) }, defaultRate: deps.defaultRate });
  const options: StepOptions = {
    reapplySecrets: flags.reapplySecrets,
    evidenceDays: flags.evidenceDays,
    evidenceSince: flags.evidenceSince,
    pageSize: deps.stepOptions?.pageSize ?? 100,
    searchCap: deps.stepOptions?.searchCap ?? SEARCH_MEDIA_MAX_RESULTS,
    usageSettleMinutes: deps.stepOptions?.usageSettleMinutes ?? 120,
  };
  progress(`post-deploy ${mode}: ${apps.length} app(s), cloud ${endpoint ? endpoint.baseUrl : "Tencent Cloud"} (credentials from ${credential.origin}), console driver ${driverLabel}`);
  try {
    const report = await runPostDeploy({
      mode,
      apps,
      limiter,
      retry: deps.retry,
      state,
      stateDir,
      env: ctx.env,
      options,
      concurrency: flags.concurrency,
      progress,
      now: deps.now,
      runCloud: (transport) => new SdkCloudApi(credential, transport, { endpoint: flags.endpoint, requestTimeoutSeconds: flags.requestTimeout }),
      clients: (app, transport) => {
        const live = loadLiveAdminCredential(app.sdkAppId, ctx.env);
        const baseUrl = endpoint ? endpoint.baseUrl : `https://${flags.liveDomain ?? liveRestDomain(app.sdkAppId)}`;
        return {
          cloud: new SdkCloudApi(credential, transport, { endpoint: flags.endpoint, requestTimeoutSeconds: flags.requestTimeout }),
          live: "problem" in live ? live : new LiveRestClient({ sdkAppId: app.sdkAppId, credential: live, baseUrl, transport, timeoutMs: flags.requestTimeout * 1000 }),
          console: consoleFor(transport),
        };
      },
    });
    deps.onReport?.(report);
    ctx.stdout(flags.json ? renderJson(report) : renderText(report, { consoleDriver: driverLabel }));
    ctx.setExitCode(report.exitCode);
  } finally {
    adminClient?.close();
  }
}

function attestCommand(flags: AttestFlags, ctx: CliContext, deps: PostDeployDependencies): void {
  const apps = loadInputs(flags);
  const app = apps.find((a) => a.sdkAppId === flags.sdkAppId);
  if (app === undefined) throw new Error(`SDKAppID ${flags.sdkAppId} is not in the desired state (apps: ${apps.map((a) => a.sdkAppId).join(", ") || "none"})`);
  if (app.app.vodApplication !== null && app.vodSubAppId === null) {
    throw new Error(`cannot attest SDKAppID ${flags.sdkAppId}: ${app.problems.join("; ") || "its VOD SubAppId is unknown"}`);
  }
  const desired = desiredConsoleState(app.app, app.vodSubAppId);
  const hash = desiredConsoleHash(desired);
  const store = new AttestationStore(flags.attestations);
  const attestation = {
    sdkAppId: app.sdkAppId,
    environment: app.environment,
    hash,
    attestedBy: flags.by,
    attestedAt: (deps.now ?? (() => new Date()))().toISOString(),
    ...(flags.note !== undefined ? { note: flags.note } : {}),
    console: attestedConsoleState(desired, app.app.globalAutoRecording === "on"),
  };
  store.add(attestation);
  if (flags.json) ctx.stdout(JSON.stringify(attestation, null, 2) + "\n");
  else {
    ctx.stdout(
      `attested: the console of SDKAppID ${app.sdkAppId} (${app.environment}) matches the declaration with hash ${hash.slice(0, 12)}, by ${flags.by}\n` +
        `written to ${flags.attestations} (commit it; post-deploy check fails when the declaration changes after this)\n`,
    );
  }
  ctx.setExitCode(EXIT.IN_SYNC);
}

/** Registers `post-deploy` and its subcommands on the package CLI. */
export function registerPostDeployCommands(program: Command, ctx: CliContext, deps: PostDeployDependencies = {}): void {
  const pd = program
    .command("post-deploy")
    .description(
      "after cdktf deploy: apply what has no Terraform resource (VOD SignKey, Live webhooks, console-only settings), report drift of what Terraform owns, and check for double recording",
    );
  const guard = (fn: () => Promise<void> | void) => async () => {
    try {
      await fn();
    } catch (err) {
      ctx.stderr(`error: ${(err as Error).message ?? String(err)}\n`);
      ctx.setExitCode(EXIT.ERROR);
    }
  };
  const modes: { mode: Mode; description: string }[] = [
    { mode: "plan", description: "dry run: every step for every SDKAppID, current -> desired; changes nothing" },
    { mode: "apply", description: "apply the differences (every write preceded by a read); idempotent" },
    { mode: "check", description: "verify only, for CI and schedules: exit 0 in sync, 2 drift, 3 conflict, 4 refused" },
  ];
  for (const { mode, description } of modes) {
    const cmd = addRunOptions(pd.command(mode).description(description));
    cmd.action((flags: RunFlags) => guard(() => runCommand(mode, flags, ctx, deps))());
  }
  addInputOptions(pd.command("attest").description("record that the console matches the current declaration (guided driver); commit the file"))
    .requiredOption("--sdk-app-id <id>", "the SDKAppID whose console you checked", intIn("--sdk-app-id", 1, 4294967295))
    .requiredOption("--by <name>", "who checked it")
    .option("--note <text>", "anything worth keeping (ticket, what was changed)")
    .option("--attestations <file>", "attestations file", "post-deploy.attestations.json")
    .option("--json", "print the attestation as JSON", false)
    .action((flags: AttestFlags) => guard(() => attestCommand(flags, ctx, deps))());
}

/** Runs `post-deploy ...` in this process with injected dependencies (tests, the offline demo). Resolves to the exit code. */
export async function runPostDeployCli(argv: readonly string[], io: Partial<Omit<CliContext, "setExitCode">> = {}, deps: PostDeployDependencies = {}): Promise<number> {
  // Required here, not imported at the top: cli/main.ts imports this module.
  const { runCli } = await import("../cli/main");
  return runCli(["post-deploy", ...argv], io, { postDeploy: deps });
}
