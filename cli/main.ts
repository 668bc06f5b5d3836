/**
 * The package's command line: `trtc-live-recording <command>` (also `npm run plan`, `npm run post-deploy`).
 * Each command lives with its feature and registers itself here.
 */
import { Command } from "commander";
import { readFileSync } from "fs";
import * as path from "path";
import { registerPlanCommand } from "../plan/command";
import { PostDeployDependencies, registerPostDeployCommands } from "../postdeploy/command";
import { CliContext } from "./context";

export type { CliContext } from "./context";

/** What tests and the offline demo may inject into commands; the command line never can. */
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
    .showHelpAfterError()
    .exitOverride()
    // Before the commands are added: subcommands copy the output settings when they are created.
    .configureOutput({ writeOut: (t) => ctx.stdout(t), writeErr: (t) => ctx.stderr(t) });
  registerPlanCommand(program, ctx);
  registerPostDeployCommands(program, ctx, deps.postDeploy);
  return program;
}

/** Runs the CLI; resolves to the exit code. Output goes to `io` (default: the process's stdout and stderr). */
export async function runCli(
  argv: readonly string[],
  io: Partial<Omit<CliContext, "setExitCode">> = {},
  deps: CliDependencies = {},
): Promise<number> {
  let exitCode = 0;
  const ctx: CliContext = {
    stdout: io.stdout ?? ((t) => void process.stdout.write(t)),
    stderr: io.stderr ?? ((t) => void process.stderr.write(t)),
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
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
    if (typeof e.exitCode === "number" && e.code?.startsWith("commander.")) return e.exitCode === 0 ? 0 : 1;
    ctx.stderr(`error: ${e.message ?? String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
