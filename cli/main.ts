/**
 * The package's command line: `trtc-live-recording <command>` (also `npm run plan`, `npm run post-deploy`).
 * Each command lives with its feature and registers itself here. The process entry point is
 * `bin/trtc-live-recording.js`, which also wires in what production code does not import (the emulator's console
 * driver).
 *
 * Every error is one line on stderr, `error: <what>`, naming the flag or file (cli/usage.ts); exit 1.
 */
import { Command, CommanderError } from "commander";
import { readFileSync } from "fs";
import * as path from "path";
import { PLAN_FLAGS, registerPlanCommand } from "../plan/command";
import { POST_DEPLOY_FLAGS, PostDeployDependencies, registerPostDeployCommands } from "../postdeploy/command";
import { CliContext } from "./context";
import { oneLine, oneLineErrors } from "./usage";

export type { CliContext } from "./context";

/** What the entry point, tests and the offline demo may inject into commands; the command line never can. */
export interface CliDependencies {
  readonly postDeploy?: PostDeployDependencies;
}

/** The package's version, from its package.json: one folder up from cli/ (sources, tests), two from dist/cli/ (built). */
function packageVersion(): string {
  for (const up of ["..", "../.."]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, up, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "trtc-live-recording" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not this folder
    }
  }
  return "unknown";
}

export function buildCli(ctx: CliContext, deps: CliDependencies = {}): Command {
  const program = new Command("trtc-live-recording")
    .description("Tencent RTC Live recording as code: recording plans and the post-deploy step")
    .version(packageVersion(), "--version", "print the package version")
    // Before the commands are added: subcommands copy the output settings when they are created. Commander's own
    // error messages are not printed: runCli prints the one line `oneLineErrors` makes of them.
    .configureOutput({ writeOut: (t) => ctx.stdout(t), writeErr: (t) => ctx.stderr(t), outputError: () => undefined });
  registerPlanCommand(program, ctx);
  registerPostDeployCommands(program, ctx, deps.postDeploy);
  oneLineErrors(program, (cmd) => (cmd.name() === "plan" && cmd.parent === program ? PLAN_FLAGS : POST_DEPLOY_FLAGS));
  return program;
}

const pipeGuarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes to a process stream whose reader may go away (`trtc-live-recording plan | head`): a closed pipe (EPIPE)
 * quietly ends that output, never the command, which finishes what it does (an apply is not cut short) and exits
 * with its own code.
 */
function pipeSafe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  if (!pipeGuarded.has(stream)) {
    pipeGuarded.add(stream);
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
    });
  }
  return (text) => {
    if (closed || stream.destroyed) return;
    stream.write(text, (err) => {
      if ((err as NodeJS.ErrnoException | null | undefined)?.code === "EPIPE") closed = true;
    });
  };
}

/** Runs the CLI; resolves to the exit code. Output goes to `io` (default: the process's stdout and stderr). */
export async function runCli(
  argv: readonly string[],
  io: Partial<Omit<CliContext, "setExitCode">> = {},
  deps: CliDependencies = {},
): Promise<number> {
  let exitCode = 0;
  const ctx: CliContext = {
    stdout: io.stdout ?? pipeSafe(process.stdout),
    stderr: io.stderr ?? pipeSafe(process.stderr),
    env: io.env ?? process.env,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = buildCli(ctx, deps);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return 0; // --help, --version
    ctx.stderr(`error: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}
