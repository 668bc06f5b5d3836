/**
 * Getting the desired states: synthesize the app as `cdktf synth` does (the app command of cdktf.json, with
 * `CDKTF_OUTDIR` set and Terraform variables withheld); `readSynthesizedDesiredStates` then reads every stack's
 * `live-recording.json` listed in `manifest.json`.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { DocumentFileError, readJsonFile } from "../lib/documents";

/** A problem the user can fix (cdktf.json, a failed synthesis): one line, reported without a stack trace. */
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

const CDKTF_JSON = 'cdktf.json must be cdktf\'s project file with an "app" command';

/** The app command of `<projectDir>/cdktf.json`. */
function appCommand(projectDir: string): string {
  const file = path.join(projectDir, "cdktf.json");
  let config: unknown;
  try {
    config = readJsonFile(file);
  } catch (err) {
    if (!(err instanceof DocumentFileError)) throw err;
    throw new PlanError(
      err.reason === "it does not exist"
        ? "no cdktf.json in the current folder: run the plan from the project folder, or pass --no-synth --synth-dir <dir>"
        : `${CDKTF_JSON}, got ${JSON.stringify(file)} (${err.reason})`,
    );
  }
  const app = config !== null && typeof config === "object" ? (config as { app?: unknown }).app : undefined;
  if (typeof app !== "string" || app.trim() === "") throw new PlanError(`${CDKTF_JSON}, got ${JSON.stringify(file)} (it has no "app" command)`);
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
  if (result.error) throw new PlanError(`synthesis failed: cannot run the app command "${command}" of cdktf.json (${(result.error as NodeJS.ErrnoException).code ?? "error"})`);
  if (result.status !== 0) {
    // The app's message goes to the log as the app's own output, without Node's stack frames (the user fixes the
    // message, not the stack); the error itself is one line.
    const tail = (result.stderr ?? "")
      .split("\n")
      .filter((line) => !/^\s+at /.test(line) && line.trim() !== "")
      .slice(-20)
      .join("\n");
    if (tail) log(`${tail}\n`);
    const how = result.status === null ? `was stopped by ${result.signal}` : `exited with ${result.status}`;
    throw new PlanError(`synthesis failed: the app command "${command}" of cdktf.json ${how}${tail ? " (its output is above)" : ""}`);
  }
  if (result.stderr) log(result.stderr);
}
