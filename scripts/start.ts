/**
 * `npm start`: synthesizes the example app (as `cdktf synth` would, offline) and prints a summary per environment.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { DESIRED_STATE_FILE, readDesiredStateFile } from "../lib/desired-state";
import { synth } from "../main";
import { summarizeEnvironment } from "../plan/summary";

function main(): void {
  const outdir = path.resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
  const started = Date.now();
  synth(undefined, outdir);
  const manifest = JSON.parse(readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string }> };
  const stacks = Object.values(manifest.stacks);
  console.log(`Synthesized ${stacks.length} environment(s) into ${path.relative(process.cwd(), outdir) || "."} in ${Date.now() - started} ms\n`);
  for (const stack of stacks) {
    console.log(summarizeEnvironment(readDesiredStateFile(path.join(outdir, stack.workingDirectory, DESIRED_STATE_FILE))));
    console.log("");
  }
}

main();
