/**
 * `trtc-live-recording post-deploy <plan|apply|check|attest>` (also `npm run post-deploy -- ...`): what Terraform
 * cannot do, after `cdktf deploy`. See README "Post-deploy step".
 *
 * Every flag and every file a flag names is checked before any API call; a bad one is refused with one line naming
 * the flag, what it accepts and what it got (cli/usage.ts).
 */
import { Command } from "commander";
import { existsSync, statSync } from "fs";
import * as path from "path";
import type { CliContext } from "../cli/context";
import { FlagRules, UsageError, pathFlag, refuse, shown } from "../cli/usage";
import type { DesiredState } from "../lib/desired-state";
import { DocumentFileError, fsReason, synthDirProblem } from "../lib/documents";
import { isLoopbackUrl } from "../lib/urls";
import { OUTPUT_IDS, STACK_OUTPUT_IDS } from "../lib/output-ids";
import { nearest } from "../lib/suggest";
import { Attestation, AttestationStore } from "./attestations";
import { SdkCloudApi } from "./cloud";
import type { ConsoleDriver, ConsoleDriverFactory, ConsoleDriverSession } from "./console-driver";
import { loadCloudCredential, loadLiveAdminCredential } from "./credentials";
import { attestedConsoleState, desiredConsoleHash, desiredConsoleState } from "./desired-console";
import { GuidedConsoleDriver } from "./drivers/guided";
import { EXIT } from "./exit-codes";
import { OutputsFile, ResolvedApp, loadDesiredStates, readOutputsFile, resolveApps } from "./inputs";
import { LiveRestClient, liveRestDomain } from "./live-rest";
import { SEARCH_MEDIA_MAX_RESULTS } from "./media-scan";
import { DOCUMENTED_RATES, RateLimiter } from "./rate-limit";
import { renderJson, renderText } from "./report";
import type { RetryOptions } from "./retry";
import { RunReport, runPostDeploy } from "./run";
import { StateStore } from "./state-store";
import type { Transport } from "./transport";
import type { Mode, StepOptions } from "./steps/types";

/** What the command's entry point, tests and the offline demo may supply or replace; the command line never can. */
export interface PostDeployDependencies {
  /**
   * Console drivers besides `guided`, by the name `--console-driver` takes (e.g. `emulator`, registered by
   * `bin/trtc-live-recording.js`). @default - none: only `guided`
   */
  readonly consoleDrivers?: Readonly<Record<string, ConsoleDriverFactory>>;
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

/** The console driver that needs nothing injected: a person makes the console changes and attests them. */
const GUIDED = "guided";

/** What each value flag of `post-deploy` accepts, for its one-line errors. */
export const POST_DEPLOY_FLAGS: FlagRules = {
  "--synth-dir": "cdktf's output folder (with manifest.json and stacks/<stack>/live-recording.json)",
  "--desired-state": "a desired-state file (live-recording.json) written by cdktf synth",
  "--outputs-file": 'the outputs file of cdktf deploy --outputs-file (JSON: {"<stack>": {"<output>": value}})',
  "--output": `<output id>=<value>, e.g. ${OUTPUT_IDS.vodSubAppId}=1500000001`,
  "--stack": "a stack (environment) of the desired states",
  "--endpoint": "the http(s):// URL of a local emulator on a loopback address, e.g. http://127.0.0.1:4780",
  "--live-domain": "a host name, e.g. console.tim.qq.com",
  "--console-driver": "a console driver of this program",
  "--emulator-url": "the http:// URL of the emulator on a loopback address, e.g. http://127.0.0.1:4780",
  "--state-dir": "a folder for this machine's post-deploy state",
  "--attestations": "an attestations file written by post-deploy attest, or a new file",
  "--evidence-days": "a whole number of days from 1 to 31",
  "--evidence-since": "an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z",
  "--concurrency": "a whole number from 1 to 16",
  "--request-timeout": "a number of seconds from 0.05 to 120",
  "--sdk-app-id": "an SDKAppID of the desired states, a whole number from 1 to 4294967295",
  "--by": "who checked the console: a name of 1 to 100 characters",
  "--note": "a note of 1 to 1000 characters",
};

type Flag = keyof typeof POST_DEPLOY_FLAGS;

const fail = (flag: Flag, received: string, why?: string): never => refuse(flag, POST_DEPLOY_FLAGS[flag], received, why);

interface InputFlags {
  synthDir: string;
  desiredState: string[];
  outputsFile?: string;
  output: [string, string][];
  stack: string[];
}

interface RunFlags extends InputFlags {
  endpoint?: string;
  liveDomain?: string;
  consoleDriver: string;
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

/** A non-empty path; repeatable flags collect them. */
const pathOf = (flag: Flag) => pathFlag(flag, POST_DEPLOY_FLAGS);
function pathsOf(flag: Flag) {
  const one = pathOf(flag);
  return (value: string, previous: string[]): string[] => [...previous, one(value)];
}

function intIn(flag: Flag, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) fail(flag, shown(value));
    return n;
  };
}

function secondsIn(flag: Flag, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) fail(flag, shown(value));
    return n;
  };
}

/** `key=value` of `--output`: the key an output id, the value not empty; each key once. */
function outputPair(value: string, previous: [string, string][]): [string, string][] {
  const i = value.indexOf("=");
  const key = i < 0 ? value : value.slice(0, i);
  if (i <= 0 || !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) fail("--output", shown(value), i < 0 ? "no =" : "the part before = is not an output id");
  if (value.slice(i + 1).trim() === "") fail("--output", shown(value), "no value after =");
  if (previous.some(([k]) => k === key)) fail("--output", shown(value), `${key} is given twice`);
  return [...previous, [key, value.slice(i + 1)]];
}

/** An emulator URL: http(s) (`--endpoint`) or http only (`--emulator-url`), on a loopback address, without a path. */
function localUrl(flag: "--endpoint" | "--emulator-url") {
  return (value: string): string => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      return fail(flag, shown(value), "not a URL");
    }
    const protocols = flag === "--endpoint" ? ["http:", "https:"] : ["http:"];
    if (!protocols.includes(u.protocol)) fail(flag, shown(value), `the scheme is ${u.protocol.slice(0, -1)}`);
    if (u.username !== "" || u.password !== "") fail(flag, `a URL with credentials`, "not shown");
    if (!isLoopbackUrl(value)) fail(flag, shown(value), `${u.hostname} is not a loopback address: the emulator runs on this machine`);
    if (u.pathname !== "/" || u.search !== "" || u.hash !== "") fail(flag, shown(value), "a URL with a path, query or fragment");
    return `${u.protocol}//${u.host}`;
  };
}

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function hostName(value: string): string {
  if (!HOST_NAME.test(value)) fail("--live-domain", shown(value), /^[a-z]+:\/\//i.test(value) ? "a URL; give the host name only" : undefined);
  return value;
}

/** An ISO 8601 date or time (`Date.parse` alone also takes "March 7" and "2020"). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isoTime(value: string): string {
  if (!ISO_TIME.test(value) || !Number.isFinite(Date.parse(value))) fail("--evidence-since", shown(value));
  // Date.parse rolls a day past the month's end over ("2025-02-30" is March 2): a date that does not exist is refused.
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) fail("--evidence-since", shown(value), `${value.slice(0, 10)} is not a date of the calendar`);
  return value;
}

/** Free text for a person to read back: not blank, no control characters, at most `max` characters. */
function textOf(flag: "--by" | "--note", max: number) {
  return (value: string): string => {
    if (value.trim() === "") fail(flag, shown(value), "blank");
    if (value.length > max) fail(flag, `${value.length} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) fail(flag, shown(value), "a control character");
    return value;
  };
}

function addInputOptions(cmd: Command): Command {
  return cmd
    .option("--synth-dir <dir>", "cdktf output folder with manifest.json and stacks/<stack>/live-recording.json", pathOf("--synth-dir"), "cdktf.out")
    .option("--desired-state <file>", "a desired-state file (live-recording.json) instead of the synth folder; repeatable", pathsOf("--desired-state"), [])
    .option("--outputs-file <file>", "Terraform outputs, as written by `cdktf deploy --outputs-file <file>`", pathOf("--outputs-file"))
    .option("--output <key=value>", `an output value for the stack(s), e.g. ${OUTPUT_IDS.vodSubAppId}=1500000001; repeatable`, outputPair, [])
    .option("--stack <name>", "only this stack (environment); repeatable", (v: string, previous: string[]) => {
      if (v.trim() === "") fail("--stack", shown(v), "blank");
      return [...previous, v];
    }, []);
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

function addRunOptions(cmd: Command, drivers: readonly string[]): Command {
  return addInputOptions(cmd)
    .option("--endpoint <url>", "a local emulator instead of Tencent Cloud, e.g. http://127.0.0.1:4780 (loopback only)", localUrl("--endpoint"))
    .option("--live-domain <host>", "Live REST API domain (default: console.tim.qq.com, or adminapisgp.im.qcloud.com for SDKAppIDs below 1400000000)", hostName)
    .option(
      "--console-driver <driver>",
      `how console-only settings are read and written: ${drivers.join(", ")}`,
      (v: string) => {
        if (!drivers.includes(v)) {
          const near = nearest(v, drivers);
          refuse("--console-driver", `one of ${drivers.join(", ")}`, shown(v), near ? `did you mean ${near}?` : undefined);
        }
        return v;
      },
      GUIDED,
    )
    .option("--emulator-url <url>", "the emulator whose admin API the emulator console driver uses (default: --endpoint)", localUrl("--emulator-url"))
    .option("--state-dir <dir>", "this machine's post-deploy state (fingerprints of applied secrets, locks)", pathOf("--state-dir"), ".post-deploy")
    .option("--attestations <file>", "operators' console attestations (commit it)", pathOf("--attestations"), "post-deploy.attestations.json")
    .option("--evidence-days <days>", "days of recordings the conflict check looks at (1-31)", intIn("--evidence-days", 1, 31), 7)
    .option("--evidence-since <time>", "look at recordings created after this ISO 8601 time only (e.g. after a console change)", isoTime)
    .option("--reapply-secrets", "send write-only secrets (VOD SignKey, webhook token) even when unchanged", false)
    .option("--concurrency <n>", "apps worked on at once (1-16)", intIn("--concurrency", 1, 16), 4)
    .option("--request-timeout <seconds>", "timeout of one API request; a hung request is retried (0.05-120)", secondsIn("--request-timeout", 0.05, 120), 10)
    .option("--json", "print the report as JSON (stable shape, no secrets)", false)
    .option("--quiet", "no progress lines on stderr", false)
    .addHelpText("after", EXIT_HELP);
}

/** Why a file named by a flag cannot be used; other errors pass. */
function unusable(err: unknown): string {
  if (err instanceof DocumentFileError) return err.reason;
  if ((err as NodeJS.ErrnoException).code !== undefined) return fsReason(err);
  throw err;
}

/** The desired states the flags name, each problem refused on the flag that named its file. */
function loadStates(flags: InputFlags): DesiredState[] {
  let states: DesiredState[];
  if (flags.desiredState.length > 0) {
    states = flags.desiredState.map((file) => {
      try {
        return loadDesiredStates({ synthDir: flags.synthDir, desiredStateFiles: [file] })[0];
      } catch (err) {
        return fail("--desired-state", shown(file), unusable(err));
      }
    });
  } else {
    try {
      states = loadDesiredStates({ synthDir: flags.synthDir, desiredStateFiles: [] });
    } catch (err) {
      fail("--synth-dir", shown(flags.synthDir), err instanceof DocumentFileError ? synthDirProblem(flags.synthDir, err, "run npx cdktf synth first") : unusable(err));
    }
    if (states!.length === 0) fail("--synth-dir", shown(flags.synthDir), "no stack has a live-recording.json (no LiveRecording in the app)");
  }
  const environments = states!.map((s) => s.environment);
  for (const stack of flags.stack) {
    if (!environments.includes(stack)) {
      const near = nearest(stack, environments);
      refuse("--stack", `a stack (environment) of the desired states (${environments.join(", ")})`, shown(stack), near ? `did you mean ${near}?` : undefined);
    }
  }
  return flags.stack.length > 0 ? states!.filter((s) => flags.stack.includes(s.environment)) : states!;
}

function loadInputs(flags: InputFlags): ResolvedApp[] {
  const states = loadStates(flags);
  // A stack missing from the outputs is not fatal here: that app's steps report the missing output.
  let outputs: OutputsFile | undefined;
  if (flags.outputsFile !== undefined) {
    try {
      outputs = readOutputsFile(flags.outputsFile);
    } catch (err) {
      fail("--outputs-file", shown(flags.outputsFile), unusable(err));
    }
  }
  checkOutputOverrides(states, flags.output);
  return resolveApps(states, outputs, Object.fromEntries(flags.output));
}

/**
 * `--output` keys must be outputs the step reads for the selected stacks, and a SubAppId a whole number: a misspelt
 * key would otherwise be ignored while the outputs file's value (or none) is used.
 */
function checkOutputOverrides(states: readonly DesiredState[], pairs: ReadonlyArray<[string, string]>): void {
  const subAppIds = new Set(states.flatMap((s) => s.apps.map((a) => a.vodApplication?.subAppIdOutput ?? null)).filter((id): id is string => id !== null));
  const known = [...subAppIds, STACK_OUTPUT_IDS.desiredStateSha256];
  for (const [key, value] of pairs) {
    const pair = shown(`${key}=${value}`);
    if (!known.includes(key)) {
      const near = nearest(key, known);
      fail("--output", pair, `${key} is not an output the post-deploy step reads here (${known.join(", ")})${near ? `; did you mean ${near}?` : ""}`);
    }
    if (subAppIds.has(key) && !/^[1-9]\d{0,15}$/.test(value)) fail("--output", pair, `${key} is a VOD SubAppId: a whole number of at least 1`);
  }
}

/** The state folder: refused when it is a file or its state.json cannot be used. */
function openState(stateDir: string): StateStore {
  if (existsSync(stateDir) && !statSync(stateDir).isDirectory()) fail("--state-dir", shown(stateDir), "it is a file");
  try {
    return new StateStore(path.resolve(stateDir));
  } catch (err) {
    return fail("--state-dir", shown(stateDir), `state.json: ${unusable(err)}`);
  }
}

function openAttestations(file: string): AttestationStore {
  try {
    return new AttestationStore(file);
  } catch (err) {
    return fail("--attestations", shown(file), unusable(err));
  }
}

function consoleSession(flags: RunFlags, deps: PostDeployDependencies): { consoleFor: (transport: Transport) => ConsoleDriver; label: string; session?: ConsoleDriverSession } {
  const factory = flags.consoleDriver === GUIDED ? undefined : deps.consoleDrivers?.[flags.consoleDriver];
  if (factory === undefined) {
    const guided = new GuidedConsoleDriver(openAttestations(flags.attestations));
    return { consoleFor: () => guided, label: `guided (attestations in ${flags.attestations})` };
  }
  const url = flags.emulatorUrl ?? flags.endpoint;
  if (url === undefined) fail("--emulator-url", "nothing", `--console-driver ${flags.consoleDriver} needs it, or --endpoint`);
  const session = factory({ url: url!, timeoutMs: flags.requestTimeout * 1000 });
  return { consoleFor: session.driverFor, label: session.label, session };
}

async function runCommand(mode: Mode, flags: RunFlags, ctx: CliContext, deps: PostDeployDependencies): Promise<void> {
  if (flags.evidenceSince !== undefined && Date.parse(flags.evidenceSince) > (deps.now ?? (() => new Date()))().getTime()) {
    fail("--evidence-since", shown(flags.evidenceSince), "it is in the future: no recording would be looked at");
  }
  const endpoint = flags.endpoint;
  const apps = loadInputs(flags);
  const state = openState(flags.stateDir);
  const stateDir = path.resolve(flags.stateDir);
  const credential = loadCloudCredential(ctx.env);
  const { consoleFor, label: driverLabel, session } = consoleSession(flags, deps);

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
  progress(`post-deploy ${mode}: ${apps.length} app(s), cloud ${endpoint ?? "Tencent Cloud"} (credentials from ${credential.origin}), console driver ${driverLabel}`);
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
        const baseUrl = endpoint ?? `https://${flags.liveDomain ?? liveRestDomain(app.sdkAppId)}`;
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
    session?.close();
  }
}

function attestCommand(flags: AttestFlags, ctx: CliContext, deps: PostDeployDependencies): void {
  const apps = loadInputs(flags);
  const app = apps.find((a) => a.sdkAppId === flags.sdkAppId);
  if (app === undefined) {
    refuse("--sdk-app-id", `an SDKAppID of the desired states (${apps.map((a) => a.sdkAppId).join(", ") || "none"})`, String(flags.sdkAppId));
  }
  if (app!.app.vodApplication !== null && app!.vodSubAppId === null) {
    throw new UsageError(`cannot attest SDKAppID ${flags.sdkAppId}: ${app!.problems.join("; ") || "its VOD SubAppId is unknown"}`);
  }
  const desired = desiredConsoleState(app!.app, app!.vodSubAppId);
  const hash = desiredConsoleHash(desired);
  const store = openAttestations(flags.attestations);
  const attestation: Attestation = {
    sdkAppId: app!.sdkAppId,
    environment: app!.environment,
    hash,
    attestedBy: flags.by,
    attestedAt: (deps.now ?? (() => new Date()))().toISOString(),
    ...(flags.note !== undefined ? { note: flags.note } : {}),
    console: attestedConsoleState(desired, app!.app.globalAutoRecording === "on"),
  };
  try {
    store.add(attestation);
  } catch (err) {
    fail("--attestations", shown(flags.attestations), `cannot write it: ${fsReason(err)}`);
  }
  if (flags.json) ctx.stdout(JSON.stringify(attestation, null, 2) + "\n");
  else {
    ctx.stdout(
      `attested: the console of SDKAppID ${app!.sdkAppId} (${app!.environment}) matches the declaration with hash ${hash.slice(0, 12)}, by ${flags.by}\n` +
        `written to ${flags.attestations} (commit it; post-deploy check fails when the declaration changes after this)\n`,
    );
  }
  ctx.setExitCode(EXIT.IN_SYNC);
}

/** Registers `post-deploy` and its subcommands on the package CLI. */
export function registerPostDeployCommands(program: Command, ctx: CliContext, deps: PostDeployDependencies = {}): void {
  const drivers = [GUIDED, ...Object.keys(deps.consoleDrivers ?? {}).filter((name) => name !== GUIDED)];
  const pd = program
    .command("post-deploy")
    .description(
      "after cdktf deploy: apply what has no Terraform resource (VOD SignKey, Live webhooks, console-only settings), report drift of what Terraform owns, and check for double recording",
    );
  const modes: { mode: Mode; description: string }[] = [
    { mode: "plan", description: "dry run: every step for every SDKAppID, current -> desired; changes nothing" },
    { mode: "apply", description: "apply the differences (every write preceded by a read); idempotent" },
    { mode: "check", description: "verify only, for CI and schedules: exit 0 in sync, 2 drift, 3 conflict, 4 refused" },
  ];
  for (const { mode, description } of modes) {
    addRunOptions(pd.command(mode).description(description), drivers).action((flags: RunFlags) => runCommand(mode, flags, ctx, deps));
  }
  addInputOptions(pd.command("attest").description("record that the console matches the current declaration (guided driver); commit the file"))
    .requiredOption("--sdk-app-id <id>", "the SDKAppID whose console you checked", intIn("--sdk-app-id", 1, 4294967295))
    .requiredOption("--by <name>", "who checked it", textOf("--by", 100))
    .option("--note <text>", "anything worth keeping (ticket, what was changed)", textOf("--note", 1000))
    .option("--attestations <file>", "attestations file", pathOf("--attestations"), "post-deploy.attestations.json")
    .option("--json", "print the attestation as JSON", false)
    .action((flags: AttestFlags) => attestCommand(flags, ctx, deps));
}
