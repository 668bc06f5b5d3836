/**
 * `npm run bench`: measures, in one run on this machine, synthesis and the post-deploy step, each as a ratio to a
 * floor measured in the same run. Prints a table and writes bench-results/bench.json.
 *
 * Synthesis: the floor is plain `node` running a precompiled empty cdktf app; the example app runs exactly as
 * cdktf.json's app command; 10 and 100 environments run the same way (`node <app file>` that compiles if stale and
 * synthesizes from dist/). `cdktf synth` (the CLI) is reported once, not targeted: its cost is the CLI's own start-up.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { PostDeployBench, benchPostDeploy } from "./bench-postdeploy";

const ROOT = path.resolve(__dirname, "..", "..");
const RSS_REPORTER = path.join(ROOT, "scripts", "bench-rss-reporter.js");

export interface Measurement {
  readonly name: string;
  readonly runs: number;
  /** Median wall time, seconds. */
  readonly seconds: number;
  readonly minSeconds: number;
  /** Median peak RSS of the measured process, MiB. */
  readonly peakRssMiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `command args` `runs` times (after one warm-up), returning median wall time and peak RSS. */
export function measureCommand(name: string, command: string, args: string[], opts: { runs: number; cwd: string; env?: NodeJS.ProcessEnv; warmup?: boolean }): Measurement {
  const times: number[] = [];
  const rss: number[] = [];
  const total = opts.runs + (opts.warmup === false ? 0 : 1);
  for (let i = 0; i < total; i++) {
    const rssFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-rss-")), "rss");
    const outdir = mkdtempSync(path.join(tmpdir(), "bench-out-"));
    const env = {
      ...process.env,
      ...opts.env,
      CDKTF_OUTDIR: outdir,
      BENCH_RSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${RSS_REPORTER}`.trim(),
      CHECKPOINT_DISABLE: "1",
    };
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`${name}: ${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    rmSync(outdir, { recursive: true, force: true });
    if (i === 0 && opts.warmup !== false) continue;
    times.push(seconds);
    // The largest process of the run (the CLI spawns the app; both report).
    const peaks = readFileSync(rssFile, "utf8").trim().split("\n").map((l) => Number(l.split(" ")[1]));
    rss.push(Math.max(...peaks) / 1024);
  }
  return { name, runs: opts.runs, seconds: median(times), minSeconds: Math.min(...times), peakRssMiB: median(rss) };
}

/** Writes the app files the benchmark runs: the floor and the generated-environment apps. */
function writeApps(dir: string): { floor: string; envs: (n: number) => string } {
  const floor = path.join(dir, "empty-app.js");
  writeFileSync(
    floor,
    `const { App, TerraformStack } = require(${JSON.stringify(path.join(ROOT, "node_modules", "cdktf"))});\n` +
      `const app = new App();\nnew TerraformStack(app, "empty");\napp.synth();\n`,
  );
  const envs = (n: number) => {
    const file = path.join(dir, `app-${n}-environments.js`);
    // The same steps as scripts/app.js (compile if stale, run from dist/), with generated environments.
    writeFileSync(
      file,
      `require(${JSON.stringify(path.join(ROOT, "scripts", "build-if-stale.js"))}).ensureBuilt();\n` +
        `const { synth } = require(${JSON.stringify(path.join(ROOT, "dist", "main.js"))});\n` +
        `const { environmentsFor } = require(${JSON.stringify(path.join(ROOT, "dist", "scripts", "bench-fixtures.js"))});\n` +
        `synth(environmentsFor(${n}));\n`,
    );
    return file;
  };
  return { floor, envs };
}

export interface SynthBench {
  readonly floor: Measurement;
  readonly scenarios: ReadonlyArray<Measurement & { readonly ratio: number; readonly target?: number; readonly memoryRatio: number }>;
}

export function benchSynth(opts: { runs: number; withCli: boolean; log: (line: string) => void }): SynthBench {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-apps-"));
  const apps = writeApps(dir);
  const appCommand = (JSON.parse(readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app.split(" ");
  const node = process.execPath;
  const run = (name: string, cmd: string, args: string[], runs = opts.runs) => {
    opts.log(`  measuring ${name} (${runs} runs)`);
    return measureCommand(name, cmd, args, { runs, cwd: ROOT });
  };
  const floor = run("floor: node + precompiled empty cdktf app", node, [apps.floor]);
  const scenarios: Array<Measurement & { target?: number }> = [
    { ...run(`example app (${appCommand.join(" ")})`, appCommand[0] === "node" ? node : appCommand[0], appCommand.slice(1)), target: 3 },
    run("10 environments", node, [apps.envs(10)]),
    { ...run("100 environments", node, [apps.envs(100)]), target: 4 },
  ];
  if (opts.withCli) {
    const cdktf = path.join(ROOT, "node_modules", ".bin", "cdktf");
    scenarios.push(run("`cdktf synth` CLI, example app (reported, not targeted)", cdktf, ["synth", "--output", mkdtempSync(path.join(tmpdir(), "bench-cli-"))], 1));
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    floor,
    scenarios: scenarios.map((m) => ({ ...m, ratio: m.seconds / floor.seconds, memoryRatio: m.peakRssMiB / floor.peakRssMiB })),
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

export function formatSynth(b: SynthBench): string {
  const lines = [
    "Synthesis (median wall time and peak RSS; ratio = time / floor time, measured in this run)",
    `  ${pad("scenario", 58)} ${pad("time", 9)} ${pad("ratio", 7)} ${pad("target", 8)} ${pad("peak RSS", 10)} mem ratio`,
    `  ${pad(b.floor.name, 58)} ${pad(b.floor.seconds.toFixed(3) + " s", 9)} ${pad("1.00×", 7)} ${pad("", 8)} ${pad(b.floor.peakRssMiB.toFixed(0) + " MiB", 10)} 1.00×`,
  ];
  for (const s of b.scenarios) {
    const verdict = s.target === undefined ? "" : `≤${s.target}× ${s.ratio <= s.target ? "ok" : "MISSED"}`;
    lines.push(
      `  ${pad(s.name, 58)} ${pad(s.seconds.toFixed(3) + " s", 9)} ${pad(s.ratio.toFixed(2) + "×", 7)} ${pad(verdict, 8)} ${pad(s.peakRssMiB.toFixed(0) + " MiB", 10)} ${s.memoryRatio.toFixed(2)}×`,
    );
  }
  return lines.join("\n");
}

export function formatPostDeploy(results: readonly PostDeployBench[]): string {
  const lines = [
    "Post-deploy against the local emulator (rate limits enforced); bound = max over actions of (calls - 1) / documented rate per second",
    `  ${pad("apps", 5)} ${pad("run", 12)} ${pad("exit", 5)} ${pad("wall", 9)} ${pad("bound", 9)} ${pad("ratio", 7)} ${pad("target", 9)} ${pad("API reads/app", 14)} ${pad("writes/app", 11)} ${pad("pages/app", 10)} shared by the run`,
  ];
  for (const r of results) {
    for (const [label, m] of [["all-changed", r.allChanged], ["no-change", r.noChange]] as const) {
      const readTarget = m.readsPerApp <= 4 + m.recordingPagesPerApp;
      const target =
        r.apps === 100 ? `≤1.2× ${m.ratio <= 1.2 ? "ok" : "MISSED"}` : label === "no-change" ? `${m.writesPerApp === 0 && readTarget ? "ok" : "MISSED"}` : "";
      lines.push(
        `  ${pad(String(r.apps), 5)} ${pad(label, 12)} ${pad(String(m.exitCode), 5)} ${pad(m.wallSeconds.toFixed(2) + " s", 9)} ${pad(m.boundSeconds.toFixed(2) + " s", 9)} ` +
          `${pad(m.ratio.toFixed(2) + "×", 7)} ${pad(target, 9)} ${pad(m.readsPerApp.toFixed(1), 14)} ${pad(m.writesPerApp.toFixed(1), 11)} ${pad(m.recordingPagesPerApp.toFixed(1), 10)} ` +
          Object.entries(m.runCalls).map(([k, v]) => `${k} ${v}`).join(", "),
      );
    }
  }
  lines.push("  (no-change target: 0 writes and at most 4 API reads per app plus one per page of recordings; console driver calls not counted)");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 5);
  const withCli = !args.includes("--no-cli");
  const sizes = (args.find((a) => a.startsWith("--apps="))?.split("=")[1] ?? "1,10,100").split(",").map(Number);
  const log = (line: string) => process.stderr.write(line + "\n");
  // Make sure dist/ is current before timing anything (the first timed run would otherwise pay for tsc).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-if-stale.js"), "--quiet"], { stdio: "inherit" });
  log("synthesis:");
  const synth = benchSynth({ runs, withCli, log });
  log("post-deploy:");
  const postDeploy: PostDeployBench[] = [];
  for (const n of sizes) postDeploy.push(await benchPostDeploy(n, log));
  const report = { machine: { cpus: require("os").cpus().length, node: process.version }, synth, postDeploy };
  console.log(formatSynth(synth));
  console.log("");
  console.log(formatPostDeploy(postDeploy));
  const outDir = path.join(ROOT, "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "bench.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwritten: bench-results/bench.json`);
  const missed =
    synth.scenarios.some((s) => s.target !== undefined && s.ratio > s.target) ||
    postDeploy.some((r) => (r.apps === 100 && (r.allChanged.ratio > 1.2 || r.noChange.ratio > 1.2)) || r.noChange.writesPerApp > 0 || r.noChange.readsPerApp > 4 + r.noChange.recordingPagesPerApp);
  if (missed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
