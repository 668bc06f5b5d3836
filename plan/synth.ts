/**
 * Getting the desired states: synthesize the app as `cdktf synth` does (the app command of cdktf.json, with
 * `CDKTF_OUTDIR` set and Terraform variables withheld), then read every stack's `live-recording.json` listed in
 * `manifest.json`.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { SynthesizedDesiredStates, readSynthesizedDesiredStates } from "../lib/desired-state";

/** A problem the user can fix (bad option, missing file, failed synthesis): reported without a stack trace. */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

export interface SynthOptions {
  /** Folder with cdktf.json. */
  readonly projectDir: string;
  /** Where the app writes (CDKTF_OUTDIR). */
  readonly outdir: string;
  /** Environment of the app. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** The app command of `<projectDir>/cdktf.json`. */
export function appCommand(projectDir: string): string {
  const file = path.join(projectDir, "cdktf.json");
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new PlanError(
      e.code === "ENOENT"
        ? "no cdktf.json in the current folder: run the plan from the project folder, or pass --no-synth --synth-dir <dir>"
        : `cdktf.json is not valid JSON: ${e.message}`,
    );
  }
  const app = (config as { app?: unknown }).app;
  if (typeof app !== "string" || app.trim() === "") throw new PlanError('cdktf.json has no "app" command');
  return app;
}

/**
 * Runs the app command as the cdktf CLI does: through a shell, in the project folder, with `CDKTF_OUTDIR`, with
 * `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true` (so error findings reach the plan) and without `TF_VAR_*`
 * variables. The app's own output goes to `log` (never to the plan).
 */
export function synthesizeApp(options: SynthOptions, log: (text: string) => void): void {
  const command = appCommand(options.projectDir);
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(options.env ?? process.env).filter(([key]) => !key.startsWith("TF_VAR_")));
  const result = spawnSync(command, {
    shell: true,
    cwd: options.projectDir,
    env: { ...env, CDKTF_OUTDIR: path.resolve(options.projectDir, options.outdir), CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "true" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.stdout) log(result.stdout);
  if (result.error) throw new PlanError(`cannot run the app command "${command}": ${result.error.message}`);
  if (result.status !== 0) {
    // The app's message, without Node's stack frames (the user fixes the message, not the stack).
    const tail = (result.stderr ?? "")
      .split("\n")
      .filter((line) => !/^\s+at /.test(line) && line.trim() !== "")
      .slice(-20)
      .join("\n");
    const how = result.status === null ? `was stopped by ${result.signal}` : `exited with ${result.status}`;
    throw new PlanError(`synthesis failed: the app command "${command}" ${how}${tail ? `:\n${tail}` : ""}`);
  }
  if (result.stderr) log(result.stderr);
}

export type { SynthesizedDesiredStates as SynthesizedStates } from "../lib/desired-state";

/** Reads the desired state of every stack listed in `<synthDir>/manifest.json`. */
export function readSynthesizedStates(synthDir: string): SynthesizedDesiredStates {
  try {
    return readSynthesizedDesiredStates(
      synthDir,
      (dir) => `no manifest.json in ${dir}: synthesize first (run without --no-synth) or point --synth-dir at cdktf's output folder`,
    );
  } catch (err) {
    throw new PlanError((err as Error).message);
  }
}
