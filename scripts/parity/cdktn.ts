/**
 * `npm run test:cdktn`: the parity check. Shows that CDK Terrain (cdktn) synthesizes what cdktf synthesizes, for the
 * example app and every stack the tests synthesize, apart from differences it lists and explains (compare.ts).
 *
 * 1. Installs cdktn 0.24.0 and @cdktn/provider-generator 0.24.0, pinned by the lockfiles next to this file, into
 *    .cdktn/engine and .cdktn/generator (`npm ci`, npm's cache first; again only when a lockfile changes). The
 *    repository's node_modules and package-lock.json are not touched (checked). The engine folder has no constructs:
 *    cdktn takes the repository's, as it takes an app's.
 * 2. Generates the bindings from schema/ with cdktn's generator into .cdktn/gen (through the seam, like .gen), and
 *    compares them with .gen, file by file.
 * 3. Runs the test files that load the engine (jest's dependency graph of lib/cdktf.ts) plus the example app's harness
 *    (test/parity/), once per engine, recording every synthesis (test/support/synth-capture.ts): on cdktf with .gen; on
 *    cdktn with .cdktn/gen, the seam told `TRTC_LIVE_RECORDING_CDK_ENGINE=cdktn`, and cdktn found through NODE_PATH.
 *    Every test must pass on both. (Child processes some tests start run dist/, compiled with .gen's bindings, on the
 *    same engine; their output is checked by the tests, not recorded.)
 * 4. Compares each synthesis (Terraform JSON and desired-state document) and each file of the example app; prints a
 *    summary, writes .cdktn/parity-report.json, and exits 1 on any unexplained difference.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { CAPTURE_VARIABLE, CaptureFile } from "./capture-format";
import { Comparison, EXPLANATIONS, Engines, Item, compareBindings, compareCaptures, explanationCounts, tally } from "./compare";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const WORK = path.join(ROOT, ".cdktn");
const PINS = path.join(ROOT, "scripts", "parity");
const ENGINE_VARIABLE = "TRTC_LIVE_RECORDING_CDK_ENGINE";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a command without a shell, never throwing. */
function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function must(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code})\n${r.stdout}${r.stderr}`);
  return r;
}

/** This process's environment without what `npm run` adds for the repository, and without engine choices. */
function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const scriptOnly = /^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_local_prefix$)/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !scriptOnly.test(k) && k !== ENGINE_VARIABLE && k !== "NODE_PATH" && k !== CAPTURE_VARIABLE));
  return { ...env, CHECKPOINT_DISABLE: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...extra };
}

const sha256 = (...parts: Buffer[]): string => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest("hex");
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const versionOf = (dir: string): string => (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;

/** `npm ci` of a pinned folder (scripts/parity/cdktn-<name>) into .cdktn/<name>, unless it is already installed. */
async function ensureInstalled(name: "engine" | "generator"): Promise<string> {
  const pins = path.join(PINS, `cdktn-${name}`);
  const dest = path.join(WORK, name);
  const stamp = sha256(readFileSync(path.join(pins, "package.json")), readFileSync(path.join(pins, "package-lock.json")));
  const stampFile = path.join(dest, ".installed");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp && existsSync(path.join(dest, "node_modules"))) return "up to date";
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of ["package.json", "package-lock.json"]) copyFileSync(path.join(pins, f), path.join(dest, f));
  // The engine folder installs no peers: cdktn's constructs is the repository's (found walking up from .cdktn/).
  const peers = name === "engine" ? ["--legacy-peer-deps"] : [];
  const r = must(await run("npm", ["ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...peers], dest, baseEnv()), `npm ci in ${path.relative(ROOT, dest)}`);
  writeFileSync(stampFile, stamp + "\n");
  return `installed in ${seconds(r.ms)}`;
}

/** Every file under `dir` (relative path -> text), skipping the generator's stamp. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name !== ".schema-sha256") out.set(path.relative(dir, p).split(path.sep).join("/"), readFileSync(p, "utf8"));
    }
  };
  visit(dir);
  return out;
}

interface JestRun {
  readonly engine: string;
  readonly run: Run;
  readonly passed: number;
  readonly failed: number;
  readonly suites: number;
  readonly captures: CaptureFile[];
}

async function runTests(engine: "cdktf" | "cdktn", files: readonly string[]): Promise<JestRun> {
  const captureDir = path.join(WORK, "capture", engine);
  rmSync(captureDir, { recursive: true, force: true });
  const results = path.join(WORK, "capture", `${engine}-results.json`);
  const env = baseEnv({
    [ENGINE_VARIABLE]: engine,
    [CAPTURE_VARIABLE]: captureDir,
    ...(engine === "cdktn" ? { NODE_PATH: path.join(WORK, "engine", "node_modules"), TRTC_LR_PARITY_BINDINGS: path.join(WORK, "gen") } : {}),
  });
  const jest = require.resolve("jest/bin/jest", { paths: [ROOT] });
  const r = await run(process.execPath, [jest, "-c", "scripts/parity/jest.config.js", "--ci", "--json", `--outputFile=${results}`, ...files], ROOT, env);
  const summary = existsSync(results)
    ? (JSON.parse(readFileSync(results, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number })
    : { numPassedTests: 0, numFailedTests: 0, numTotalTestSuites: 0 };
  const captures = existsSync(captureDir)
    ? readdirSync(captureDir)
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(captureDir, f), "utf8")) as CaptureFile)
    : [];
  return { engine, run: r, passed: summary.numPassedTests, failed: summary.numFailedTests, suites: summary.numTotalTestSuites, captures };
}

/** The repository's own install, which the check must leave alone. */
function mainInstallFingerprint(): string {
  const parts = [path.join(ROOT, "package-lock.json"), path.join(ROOT, "node_modules", ".package-lock.json")].map((f) =>
    existsSync(f) ? Buffer.concat([readFileSync(f), Buffer.from(String(statSync(f).mtimeMs))]) : Buffer.from("absent"),
  );
  return sha256(...parts);
}

function describeDifferences(c: Comparison, limit = 20): string[] {
  const lines = c.problems.map((p) => `  - ${p}`);
  const different = c.items.filter((i) => !i.verdict.equal);
  for (const i of different.slice(0, limit)) {
    const d = i.verdict.firstDifference;
    lines.push(`  - ${i.kind} ${i.where}${d ? `\n      line ${d.line}\n      cdktf: ${d.a.trim()}\n      cdktn: ${d.b.trim()}` : ""}`);
  }
  if (different.length > limit) lines.push(`  ... and ${different.length - limit} more (.cdktn/parity-report.json)`);
  return lines;
}

async function main(): Promise<number> {
  const started = Date.now();
  const name = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string }).name;
  if (name !== "trtc-live-recording") throw new Error(`${ROOT} is not this repository (package ${name})`);
  const before = mainInstallFingerprint();
  mkdirSync(WORK, { recursive: true });
  const out = (line = "") => process.stdout.write(line + "\n");

  // 1. The pinned installs.
  const t1 = Date.now();
  const [engineInstall, generatorInstall] = [await ensureInstalled("engine"), await ensureInstalled("generator")];
  const cdktnDir = path.join(WORK, "engine", "node_modules", "cdktn");
  const constructsOfCdktn = path.dirname(require.resolve("constructs/package.json", { paths: [cdktnDir] }));
  const constructsOfRepo = path.dirname(require.resolve("constructs/package.json", { paths: [ROOT] }));
  if (constructsOfCdktn !== constructsOfRepo) throw new Error(`cdktn resolves constructs at ${constructsOfCdktn}, not the repository's ${constructsOfRepo}`);
  const engines: Engines = {
    a: { name: "cdktf", version: versionOf(path.dirname(require.resolve("cdktf/package.json", { paths: [ROOT] }))) },
    b: { name: "cdktn", version: versionOf(cdktnDir) },
  };
  const installMs = Date.now() - t1;

  // 2. Bindings from the same schema with each engine's generator, both through the seam.
  const t2 = Date.now();
  const generate = (args: string[]) => run(process.execPath, [path.join(ROOT, "scripts", "generate-bindings.js"), "--quiet", ...args], ROOT, baseEnv());
  must(await generate([]), "generating .gen with cdktf's generator");
  must(await generate(["--engine=cdktn", "--generator-from=.cdktn/generator", "schema/tencentcloud-provider-schema.json", ".cdktn/gen"]), "generating .cdktn/gen with cdktn's generator");
  const bindings = compareBindings(readTree(path.join(ROOT, ".gen")), readTree(path.join(WORK, "gen")), engines);
  must(await run(process.execPath, [path.join(ROOT, "scripts", "build-if-stale.js"), "--quiet"], ROOT, baseEnv()), "building dist/");
  const bindingsMs = Date.now() - t2;

  // 3. The test files that load the engine, plus the example app, on each engine.
  const listing = must(
    await run(process.execPath, [require.resolve("jest/bin/jest", { paths: [ROOT] }), "-c", "scripts/parity/jest.config.js", "--listTests", "--roots", "<rootDir>", "--findRelatedTests", "lib/cdktf.ts"], ROOT, baseEnv()),
    "listing the tests that load the engine",
  );
  const files = listing.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    .filter((f) => !f.startsWith(".cdktn/") && !f.startsWith("dist/"))
    .sort();
  if (!files.includes("test/parity/example-app.parity.ts")) throw new Error(`the example app's harness is not among the tests that load the engine:\n${files.join("\n")}`);
  const a = await runTests("cdktf", files);
  const b = await runTests("cdktn", files);

  // 4. Compare and report.
  const synth = compareCaptures(a.captures, b.captures, engines);
  const after = mainInstallFingerprint();
  const items: Item[] = [...bindings.items, ...synth.items];
  const problems = [...bindings.problems, ...synth.problems];
  for (const r of [a, b]) {
    if (r.run.code !== 0 || r.failed > 0) problems.push(`tests failed on ${r.engine} (exit ${r.run.code}, ${r.failed} failed):\n${r.run.stderr.slice(-6000)}`);
  }
  if (after !== before) problems.push("the repository's package-lock.json or node_modules changed during the check");
  const unexplained = items.filter((i) => !i.verdict.equal).length + problems.length;

  const t = tally(items);
  const stackFiles = synth.items.filter((i) => i.kind === "terraform").map((i) => i.where.split(":")[0]);
  const example = synth.items.filter((i) => i.where.startsWith("test/parity/example-app.parity.ts: example-app/"));
  const counts = explanationCounts(items);
  const line = (label: string, k: ReturnType<typeof tally>[keyof ReturnType<typeof tally>]) =>
    out(`  ${label.padEnd(34)} ${String(k.compared).padStart(5)} compared: ${k.identical} byte-identical, ${k.explained} equal after explained differences, ${k.different} different`);

  out(`cdktn parity check: ${engines.a.name} ${engines.a.version} vs ${engines.b.name} ${engines.b.version}, constructs ${versionOf(constructsOfRepo)} (one copy), Node ${process.version}`);
  out(`  install: .cdktn/engine ${engineInstall}; .cdktn/generator ${generatorInstall}; the repository's node_modules and lockfile untouched: ${after === before ? "yes" : "NO"}`);
  out(`  tests that load the engine: ${files.length} files; cdktf: ${a.passed} passed, ${a.failed} failed; cdktn: ${b.passed} passed, ${b.failed} failed`);
  out(`  syntheses recorded: ${t.terraform.compared} stacks in ${new Set(stackFiles).size} test files (the example app: ${example.filter((i) => i.where.endsWith("cdk.tf.json")).length} stacks)`);
  line("Terraform JSON (cdk.tf.json)", t.terraform);
  line("desired-state documents", t["desired-state"]);
  line("example app manifest.json", t.manifest);
  line("example app cdk.tf.json files", t.file);
  line("bindings (.gen vs .cdktn/gen)", t.binding);
  out(`  explained differences (how many compared pairs needed each):`);
  for (const e of EXPLANATIONS) {
    const n = counts.get(e.id) ?? 0;
    if (n > 0) out(`    [${e.source}] ${e.id} (${n}): ${e.what}; ${e.why}`);
  }
  out(`  unexplained differences: ${unexplained}`);
  if (unexplained > 0) for (const l of describeDifferences({ items, problems })) out(l);
  out(
    `${unexplained === 0 ? "PASS" : "FAIL"} in ${seconds(Date.now() - started)} (install ${seconds(installMs)}, bindings ${seconds(bindingsMs)}, ` +
      `tests on cdktf ${seconds(a.run.ms)}, on cdktn ${seconds(b.run.ms)})`,
  );

  writeFileSync(
    path.join(WORK, "parity-report.json"),
    JSON.stringify({ engines, files, tally: t, explained: Object.fromEntries(counts), problems, items: items.map((i) => ({ kind: i.kind, where: i.where, ...i.verdict })) }, null, 1) + "\n",
  );
  return unexplained === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`test:cdktn: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
