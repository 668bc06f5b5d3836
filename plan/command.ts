/**
 * `trtc-live-recording plan`: synthesizes the app, writes the recording plan of every environment (plan.md, plan.json)
 * and prints it as Markdown; with `--base <plan.json>`, prints only what changed and exits 2 when something did.
 *
 * Exit codes: 0 plan written (with --base: nothing changed), 2 something changed (--base only), 1 error.
 */
import { Command, Option } from "commander";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { buildRecordingPlan } from "./build";
import { diffPlans, renderDiffMarkdown } from "./diff";
import { readPlanFile, renderPlanJson } from "./json";
import { renderPlanMarkdown } from "./markdown";
import type { CliContext } from "../cli/context";
import type { RecordingPlan } from "./model";
import { PlanError, readSynthesizedStates, synthesizeApp } from "./synth";

export const PLAN_FORMATS = ["markdown", "json", "both"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Exit code when `--base` finds a change. */
export const EXIT_CHANGED = 2;

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

/** Runs the plan command; throws `PlanError` (or another Error) on failure. */
export function runPlanCommand(options: PlanCommandOptions, io: PlanIo): PlanResult {
  const cwd = io.cwd ?? process.cwd();
  const format = options.format ?? "both";
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
    throw new PlanError(`--format must be one of ${PLAN_FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  }
  const synthDir = options.synthDir ?? "cdktf.out";
  const outDir = options.out ?? path.join(synthDir, "plan");
  const resolve = (p: string) => path.resolve(cwd, p);

  // A bad base file is reported before the (slow) synthesis.
  const base = options.base !== undefined ? readPlanFile(resolve(options.base), "base plan", options.base) : undefined;

  if (options.synth ?? true) {
    synthesizeApp({ projectDir: cwd, outdir: resolve(synthDir), env: io.env }, io.stderr);
  }
  const { states, skipped } = readSynthesizedStates(resolve(synthDir));
  for (const name of skipped) io.stderr(`note: stack ${name} has no live-recording.json (no Live recording in it), left out of the plan\n`);

  const plan = buildRecordingPlan(states);
  const markdown = renderPlanMarkdown(plan);
  const json = renderPlanJson(plan);
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  if (format !== "json") writeFileSync(path.join(out, "plan.md"), markdown);
  if (format !== "markdown") writeFileSync(path.join(out, "plan.json"), json);

  const errors = plan.environments.flatMap((e) =>
    e.apps.flatMap((a) => a.findings.filter((f) => f.severity === "error" && !f.acknowledged).map((f) => `${e.name}: ${f.ruleId}`)),
  );
  if (errors.length > 0) io.stderr(`warning: unacknowledged error findings (cdktf synth fails on them): ${errors.join(", ")}\n`);

  if (base !== undefined) {
    const diff = diffPlans(base, plan);
    const changes = renderDiffMarkdown(diff);
    writeFileSync(path.join(out, "changes.md"), changes);
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
    .option("--synth-dir <dir>", "cdktf output folder to synthesize into and read from", "cdktf.out")
    .option("--no-synth", "read an existing synthesis instead of running the app command of cdktf.json")
    .option("--out <dir>", "folder for plan.md, plan.json and changes.md (default: <synth-dir>/plan)")
    .addOption(new Option("--format <format>", "what to write and print").choices([...PLAN_FORMATS]).default("both"))
    .option("--base <plan.json>", "compare with this plan (of the base branch): print only the changes; exit 2 when something changed")
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
