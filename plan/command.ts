/**
 * `trtc-live-recording plan`: synthesizes the app, writes the recording plan of every environment (plan.md, plan.json)
 * and prints it as Markdown; with `--base <plan.json>`, prints only what changed and exits 2 when something did.
 *
 * Exit codes: 0 plan written (with --base: nothing changed), 2 something changed (--base only), 1 error.
 */
import { Command } from "commander";
import { existsSync, mkdirSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import type { CliContext } from "../cli/context";
import { FlagRules, pathFlag, refuse, shown } from "../cli/usage";
import { SynthesizedDesiredStates, readSynthesizedDesiredStates } from "../lib/desired-state";
import { DocumentFileError, fsReason, synthDirProblem } from "../lib/documents";
import { nearest } from "../lib/suggest";
import { buildRecordingPlan } from "./build";
import { diffPlans, renderDiffMarkdown } from "./diff";
import { readPlanFile, renderPlanJson } from "./json";
import { renderPlanMarkdown } from "./markdown";
import type { RecordingPlan } from "./model";
import { synthesizeApp } from "./synth";

const PLAN_FORMATS = ["markdown", "json", "both"] as const;
type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Exit code when `--base` finds a change. */
const EXIT_CHANGED = 2;

/** What each flag of `plan` accepts, for its one-line errors. */
export const PLAN_FLAGS: FlagRules = {
  "--synth-dir": "cdktf's output folder (with manifest.json and stacks/<stack>/live-recording.json)",
  "--out": "a folder for plan.md, plan.json and changes.md",
  "--format": `one of ${PLAN_FORMATS.join(", ")}`,
  "--base": "a recording plan (plan.json) written by trtc-live-recording plan",
};

export interface PlanCommandOptions {
  /** cdktf output folder. @default "cdktf.out" */
  readonly synthDir?: string;
  /** Synthesize first (the cdktf.json app command). @default true */
  readonly synth?: boolean;
  /** Where plan.md / plan.json (and changes.md) are written. @default - `<synthDir>/plan` */
  readonly out?: string;
  /** What is written and printed. @default "both" - writes plan.md and plan.json, prints Markdown */
  readonly format?: PlanFormat;
  /** The base branch's plan.json to compare with. @default - no comparison */
  readonly base?: string;
}

export interface PlanIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Project folder (with cdktf.json); relative options are resolved from it. @default process.cwd() */
  readonly cwd?: string;
  /** Environment of the synthesis. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface PlanResult {
  readonly exitCode: 0 | 2;
  readonly plan: RecordingPlan;
  readonly changed?: boolean;
}

const pathOf = (flag: keyof typeof PLAN_FLAGS) => pathFlag(flag, PLAN_FLAGS);

function formatOf(value: string): PlanFormat {
  if (!(PLAN_FORMATS as readonly string[]).includes(value)) {
    const near = nearest(value, PLAN_FORMATS);
    refuse("--format", PLAN_FLAGS["--format"], shown(value), near ? `did you mean ${near}?` : undefined);
  }
  return value as PlanFormat;
}

/** A folder that exists or can be created; anything else is refused naming `flag`. */
function checkFolder(flag: "--out" | "--synth-dir", shownAs: string, dir: string, create: boolean): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) refuse(flag, PLAN_FLAGS[flag], shown(shownAs), "it is a file");
  if (!create) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    refuse(flag, PLAN_FLAGS[flag], shown(shownAs), fsReason(err));
  }
}

/** Runs the plan command; throws `UsageError` naming the flag for bad options, `PlanError` for a failed synthesis. */
export function runPlanCommand(options: PlanCommandOptions, io: PlanIo): PlanResult {
  const cwd = io.cwd ?? process.cwd();
  const format = formatOf(options.format ?? "both");
  const synthDir = options.synthDir ?? "cdktf.out";
  const outDir = options.out ?? path.join(synthDir, "plan");
  const resolve = (p: string) => path.resolve(cwd, p);

  // Every option is checked before the (slow) synthesis.
  let base: RecordingPlan | undefined;
  if (options.base !== undefined) {
    try {
      base = readPlanFile(resolve(options.base));
    } catch (err) {
      if (!(err instanceof DocumentFileError)) throw err;
      refuse("--base", PLAN_FLAGS["--base"], shown(options.base), err.reason);
    }
  }
  const synth = options.synth ?? true;
  checkFolder("--synth-dir", synthDir, resolve(synthDir), false);
  checkFolder("--out", outDir, resolve(outDir), false);

  if (synth) synthesizeApp({ projectDir: cwd, outdir: resolve(synthDir), env: io.env }, io.stderr);
  let synthesized: SynthesizedDesiredStates;
  try {
    synthesized = readSynthesizedDesiredStates(resolve(synthDir));
  } catch (err) {
    if (!(err instanceof DocumentFileError)) throw err;
    refuse("--synth-dir", PLAN_FLAGS["--synth-dir"], shown(synthDir), synthDirProblem(resolve(synthDir), err, `synthesize first${synth ? "" : " (run without --no-synth)"}`));
  }
  const { states, skipped } = synthesized;
  for (const name of skipped) io.stderr(`note: stack ${name} has no live-recording.json (no Live recording in it), left out of the plan\n`);

  const plan = buildRecordingPlan(states);
  const markdown = renderPlanMarkdown(plan);
  const json = renderPlanJson(plan);
  const out = resolve(outDir);
  // Created only now: the synthesis owns the synth folder, which holds the default --out.
  checkFolder("--out", outDir, out, true);
  const write = (name: string, text: string): void => {
    try {
      writeFileSync(path.join(out, name), text);
    } catch (err) {
      refuse("--out", PLAN_FLAGS["--out"], shown(outDir), `${name}: ${fsReason(err)}`);
    }
  };
  if (format !== "json") write("plan.md", markdown);
  if (format !== "markdown") write("plan.json", json);

  const errors = plan.environments.flatMap((e) =>
    e.apps.flatMap((a) => a.findings.filter((f) => f.severity === "error" && !f.acknowledged).map((f) => `${e.name}: ${f.ruleId}`)),
  );
  if (errors.length > 0) io.stderr(`warning: unacknowledged error findings (cdktf synth fails on them): ${errors.join(", ")}\n`);

  if (base !== undefined) {
    const diff = diffPlans(base, plan);
    const changes = renderDiffMarkdown(diff);
    write("changes.md", changes);
    io.stdout(changes);
    return { exitCode: diff.changed ? EXIT_CHANGED : 0, plan, changed: diff.changed };
  }
  io.stdout(format === "json" ? json : markdown);
  return { exitCode: 0, plan };
}

/** Registers `plan` on the package CLI. */
export function registerPlanCommand(program: Command, ctx: CliContext): void {
  program
    .command("plan")
    .description("synthesize the app and write the recording plan of every environment (plan.md, plan.json)")
    .option("--synth-dir <dir>", "cdktf output folder to synthesize into and read from", pathOf("--synth-dir"), "cdktf.out")
    .option("--no-synth", "read an existing synthesis instead of running the app command of cdktf.json")
    .option("--out <dir>", "folder for plan.md, plan.json and changes.md (default: <synth-dir>/plan)", pathOf("--out"))
    .option("--format <format>", `what to write and print: ${PLAN_FORMATS.join(", ")}`, formatOf, "both")
    .option("--base <plan.json>", "compare with this plan (of the base branch): print only the changes; exit 2 when something changed", pathOf("--base"))
    .addHelpText(
      "after",
      "\nExit codes: 0 done (with --base: no change), 2 something changed (with --base), 1 error.\n" +
        "Example (CI): trtc-live-recording plan --base base/plan.json --out plan-head > changes.md",
    )
    .action((opts: { synthDir: string; synth: boolean; out?: string; format: PlanFormat; base?: string }) => {
      const result = runPlanCommand(opts, { stdout: ctx.stdout, stderr: ctx.stderr, env: ctx.env });
      ctx.setExitCode(result.exitCode);
    });
}
