/**
 * The package's command line: `trtc-live-recording <command>` (also `npm run plan`, `npm run post-deploy`).
 * Each command lives with its feature and registers itself here.
 */
import { Command } from "commander";
import { registerPlanCommand } from "../plan/command";
import { registerPostDeployCommands } from "../postdeploy/command";

export function buildCli(): Command {
  const program = new Command("trtc-live-recording")
    .description("Tencent RTC Live recording as code: recording plans and the post-deploy step")
    .showHelpAfterError()
    .exitOverride();
  registerPlanCommand(program);
  registerPostDeployCommands(program);
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
    if (typeof e.exitCode === "number" && e.code?.startsWith("commander.")) return e.exitCode === 0 ? 0 : 1;
    process.stderr.write(`error: ${e.message ?? String(err)}\n`);
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
