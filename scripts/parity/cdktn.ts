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
 *    With `--cdktf-capture=<dir>`, the cdktf side is what `npm test` recorded just before, in the same checkout, with
 *    TRTC_LR_SYNTH_CAPTURE=<dir> (as .ci/run does): only the example app's harness runs again on cdktf. Records older
 *    than the last build are refused.
 * 4. Installs the package as npm publishes it (`npm pack`) into two fresh apps, the consumer test's app
 *    (test/package/consumer-app): one on cdktf 0.21.0, one on cdktn 0.24.0 with no cdktf installed (its imports of
 *    "cdktf" changed to "cdktn", its tsconfig mapping "cdktf" to cdktn). Each type-checks under the cdktf template's
 *    tsconfig, with a file that uses engine members of the package's classes; on cdktn the same file must fail without
 *    the mapping (what the README tells TypeScript users). Each synthesizes with the library (`node main.js`), and
 *    `npx trtc-live-recording plan` runs there.
 * 5. Compares each synthesis (Terraform JSON and desired-state document), each file of the example app and each file
 *    the two consumer apps wrote; prints a summary, writes .cdktn/parity-report.json, and exits 1 on any unexplained
 *    difference.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { ENGINE_VARIABLE } from "../../lib/engine-choice";
import { CAPTURE_VARIABLE, CaptureFile } from "./capture-format";
import { scratchRoot } from "./scratch";
import { Comparison, EXPLANATIONS, Engines, Item, Kind, compareBindings, compareCaptures, compareTexts, explanationCounts, tally } from "./compare";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const WORK = path.join(ROOT, ".cdktn");
const PINS = path.join(ROOT, "scripts", "parity");

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
  /** Where the cdktf records came from, when not from this run (`--cdktf-capture`). */
  readonly reused?: { readonly dir: string; readonly files: number };
  readonly run: Run;
  readonly passed: number;
  readonly failed: number;
  readonly suites: number;
  readonly captures: CaptureFile[];
}

function readCaptures(dir: string): CaptureFile[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as CaptureFile)
    : [];
}

/** The records `npm test` left in `dir`, refused when a build happened after them (a source changed since). */
function reusedCaptures(dir: string): CaptureFile[] {
  const stamp = statSync(path.join(ROOT, "dist", ".build-stamp")).mtimeMs;
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  if (names.length === 0) throw new Error(`--cdktf-capture: ${dir} holds no records; run TRTC_LR_SYNTH_CAPTURE=${dir} npm test first`);
  const stale = names.filter((f) => statSync(path.join(dir, f)).mtimeMs < stamp);
  if (stale.length > 0) throw new Error(`--cdktf-capture: ${stale.length} records in ${dir} are older than the last build (dist/.build-stamp); run npm test again`);
  return readCaptures(dir);
}

async function runTests(engine: "cdktf" | "cdktn", files: readonly string[]): Promise<JestRun> {
  const captureDir = path.join(WORK, "capture", engine);
  rmSync(captureDir, { recursive: true, force: true });
  const results = path.join(WORK, "capture", `${engine}-results.json`);
  rmSync(results, { force: true });
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
  const captures = readCaptures(captureDir);
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

/** Uses members the package's classes get from the engine: compiles only when the engine's types are found. */
const ENGINE_TYPES_PROBE = `import { App, TerraformStack } from "ENGINE";
import { LiveRecordingStack, Retention, TencentcloudProvider } from "trtc-live-recording";

export function probe(app: App): TerraformStack {
  const stack = new LiveRecordingStack(app, "probe", {
    sdkAppId: 1400000109,
    region: "ap-guangzhou",
    vodApplication: { name: "probe" },
    retention: Retention.days(7),
    fullRoomRecording: true,
    globalAutoRecording: "off",
  });
  new TencentcloudProvider(stack, "extra", { region: "ap-singapore", alias: "extra" }).addOverride("alias", "extra");
  return stack;
}
`;


interface ConsumerRun {
  readonly engine: "cdktf" | "cdktn";
  readonly install: Run;
  readonly typecheck: Run;
  /** cdktn only: the same check without the tsconfig mapping, which must fail on the probe. */
  readonly typecheckUnmapped?: Run;
  readonly synth: Run;
  /** `npx trtc-live-recording plan` in the app (it runs the app's own command, on the app's engine). */
  readonly plan: Run;
  readonly engineInstalled: { cdktf: boolean; cdktn: boolean };
  readonly files: Map<string, string>;
}

/** The consumer test's app, on one engine, with the packed package installed from npm's cache. */
async function consumerApp(dir: string, tarball: string, engine: "cdktf" | "cdktn", versions: Record<string, string>): Promise<ConsumerRun> {
  const app = path.join(dir, engine);
  mkdirSync(app, { recursive: true });
  const fixture = path.join(ROOT, "test", "package", "consumer-app");
  const template = JSON.parse(readFileSync(path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "templates", "typescript", "tsconfig.json"), "utf8")) as {
    compilerOptions: Record<string, unknown>;
  };
  const toEngine = (text: string) => (engine === "cdktn" ? text.replace(/from "cdktf";/g, 'from "cdktn";') : text);
  for (const f of ["main.ts", "backend.ts"]) writeFileSync(path.join(app, f), toEngine(readFileSync(path.join(fixture, f), "utf8")));
  writeFileSync(path.join(app, "engine-types.ts"), ENGINE_TYPES_PROBE.replace("ENGINE", engine));
  writeFileSync(path.join(app, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node main.js", terraformProviders: [], terraformModules: [], context: {} }, null, 2));
  const tsconfig = (mapped: boolean) => ({
    ...template,
    compilerOptions: { ...template.compilerOptions, incremental: false, ...(mapped ? { paths: { cdktf: ["./node_modules/cdktn"] } } : {}) },
  });
  writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify(tsconfig(engine === "cdktn"), null, 2));
  writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: `team-live-infra-${engine}`,
        version: "1.0.0",
        private: true,
        dependencies: { "trtc-live-recording": `file:${tarball}`, [engine]: versions[engine], constructs: versions.constructs },
        devDependencies: { "@types/node": versions["@types/node"] },
      },
      null,
      2,
    ),
  );
  const env = baseEnv();
  const install = must(await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app, env), `npm install in the ${engine} consumer app`);
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const typecheck = await run(process.execPath, [tsc, "-p", app], app, env);
  let typecheckUnmapped: Run | undefined;
  if (engine === "cdktn") {
    writeFileSync(path.join(app, "tsconfig.unmapped.json"), JSON.stringify({ ...tsconfig(false), compilerOptions: { ...tsconfig(false).compilerOptions, noEmit: true } }, null, 2));
    typecheckUnmapped = await run(process.execPath, [tsc, "-p", path.join(app, "tsconfig.unmapped.json")], app, env);
  }
  const outdir = path.join(app, "cdktf.out");
  const synth = typecheck.code === 0 ? await run(process.execPath, ["main.js"], app, { ...env, CDKTF_OUTDIR: outdir }) : typecheck;
  const files = existsSync(outdir) ? readTree(outdir) : new Map<string, string>();
  const plan = synth.code === 0 ? await run("npx", ["--no-install", "trtc-live-recording", "plan", "--synth-dir", path.join(app, "plan.out")], app, env) : synth;
  return {
    engine,
    install,
    typecheck,
    typecheckUnmapped,
    synth,
    plan,
    engineInstalled: { cdktf: existsSync(path.join(app, "node_modules", "cdktf")), cdktn: existsSync(path.join(app, "node_modules", "cdktn")) },
    files,
  };
}

/** Packs the package and runs the consumer app on both engines, side by side. */
async function consumers(versions: Record<string, string>): Promise<{ cdktf: ConsumerRun; cdktn: ConsumerRun; ms: number }> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(scratchRoot(), "trtc-parity-consumer-"));
  try {
    const pack = must(await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT, baseEnv()), "npm pack");
    const [info] = JSON.parse(pack.stdout) as { filename: string }[];
    const tarball = path.join(dir, info.filename);
    const [cdktf, cdktn] = await Promise.all([consumerApp(dir, tarball, "cdktf", versions), consumerApp(dir, tarball, "cdktn", versions)]);
    return { cdktf, cdktn, ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the two consumer apps show: problems (empty when all is as documented) and the compared files. */
function judgeConsumers(c: { cdktf: ConsumerRun; cdktn: ConsumerRun }, engines: Engines): Comparison {
  const problems: string[] = [];
  const items: Item[] = [];
  for (const r of [c.cdktf, c.cdktn]) {
    const other = r.engine === "cdktf" ? "cdktn" : "cdktf";
    if (r.engineInstalled[other]) problems.push(`consumer app on ${r.engine}: npm installed ${other} too (the peer should be optional)`);
    if (!r.engineInstalled[r.engine]) problems.push(`consumer app on ${r.engine}: ${r.engine} is not installed`);
    if (r.typecheck.code !== 0) problems.push(`consumer app on ${r.engine}: tsc failed\n${r.typecheck.stdout}${r.typecheck.stderr}`);
    else if (r.synth.code !== 0) problems.push(`consumer app on ${r.engine}: node main.js failed (exit ${r.synth.code})\n${r.synth.stderr.slice(-3000)}`);
    else if (r.plan.code !== 0 || !r.plan.stdout.includes("team-media")) problems.push(`consumer app on ${r.engine}: npx trtc-live-recording plan failed (exit ${r.plan.code})\n${r.plan.stdout.slice(-2000)}${r.plan.stderr.slice(-2000)}`);
  }
  const unmapped = c.cdktn.typecheckUnmapped;
  if (unmapped === undefined || unmapped.code === 0 || !/engine-types\.ts.*addOverride/.test(unmapped.stdout)) {
    problems.push(`consumer app on cdktn: without the tsconfig mapping, the engine's members of the package's classes were expected to be missing (the README says the mapping is needed); tsc said:\n${unmapped?.stdout ?? "(not run)"}`);
  }
  for (const name of [...new Set([...c.cdktf.files.keys(), ...c.cdktn.files.keys()])].sort()) {
    const a = c.cdktf.files.get(name);
    const b = c.cdktn.files.get(name);
    if (a === undefined || b === undefined) {
      problems.push(`consumer app: ${name} written on ${a === undefined ? "cdktn" : "cdktf"} only`);
      continue;
    }
    const kind: Kind = name.endsWith("manifest.json") ? "manifest" : name.endsWith("live-recording.json") ? "desired-state" : "file";
    items.push({ kind, where: `consumer app: ${name}`, verdict: compareTexts(kind, a, b, engines) });
  }
  if (c.cdktf.files.size === 0) problems.push("consumer app: nothing synthesized");
  return { items, problems };
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
    .filter((l) => path.isAbsolute(l) && existsSync(l))
    .map((f) => path.relative(ROOT, f).split(path.sep).join("/"))
    .filter((f) => !f.startsWith(".cdktn/") && !f.startsWith("dist/"))
    .sort();
  if (!files.includes("test/parity/example-app.parity.ts")) throw new Error(`the example app's harness is not among the tests that load the engine:\n${files.join("\n")}`);
  // The consumer apps (mostly npm's I/O) overlap the test runs (mostly CPU).
  const dev = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies;
  const appsRun = consumers({ cdktf: dev.cdktf, cdktn: engines.b.version, constructs: dev.constructs, "@types/node": dev["@types/node"] });
  appsRun.catch(() => undefined); // its failure is reported where it is awaited, below
  const reuse = process.argv.find((a) => a.startsWith("--cdktf-capture="))?.slice("--cdktf-capture=".length);
  let a: JestRun;
  if (reuse !== undefined) {
    const dir = path.resolve(ROOT, reuse);
    const recorded = reusedCaptures(dir);
    const harness = await runTests("cdktf", files.filter((f) => f.startsWith("test/parity/")));
    a = { ...harness, reused: { dir, files: recorded.length }, captures: [...recorded.filter((c) => !c.testFile.startsWith("test/parity/")), ...harness.captures] };
  } else {
    a = await runTests("cdktf", files);
  }
  const b = await runTests("cdktn", files);

  // 4. The published package in an app on each engine (started above).
  const apps = await appsRun;
  const consumer = judgeConsumers(apps, engines);

  // 5. Compare and report.
  const synth = compareCaptures(a.captures, b.captures, engines, { a: ".gen/", b: ".cdktn/gen/" });
  const after = mainInstallFingerprint();
  const items: Item[] = [...bindings.items, ...synth.items, ...consumer.items];
  const problems = [...bindings.problems, ...synth.problems, ...consumer.problems];
  for (const r of [a, b]) {
    if (r.run.code !== 0 || r.failed > 0 || r.passed === 0) problems.push(`tests failed on ${r.engine} (exit ${r.run.code}, ${r.failed} failed):\n${r.run.stderr.slice(-6000)}`);
  }
  if (after !== before) problems.push("the repository's package-lock.json or node_modules changed during the check");
  const unexplained = items.filter((i) => !i.verdict.equal).length + problems.length;

  const counts = explanationCounts(items);
  const group = (label: string, selected: readonly Item[]) => {
    const k = { compared: 0, identical: 0, explained: 0, different: 0 };
    for (const { verdict } of selected) {
      k.compared++;
      if (verdict.identical) k.identical++;
      else if (verdict.equal) k.explained++;
      else k.different++;
    }
    out(`  ${label.padEnd(40)} ${String(k.compared).padStart(4)} compared: ${k.identical} byte-identical, ${k.explained} equal after explained differences, ${k.different} different`);
    return k;
  };
  const ofKind = (list: readonly Item[], ...kinds: Kind[]) => list.filter((i) => kinds.includes(i.kind));
  const inTests = synth.items.filter((i) => !i.where.startsWith("test/parity/"));
  const exampleStacks = synth.items.filter((i) => i.where.startsWith("test/parity/") && i.kind === "terraform");
  const exampleFiles = synth.items.filter((i) => i.where.includes(": example-app/"));
  const testFilesWithStacks = new Set(ofKind(inTests, "terraform").map((i) => i.where.split(":")[0]));
  const unmapped = apps.cdktn.typecheckUnmapped;

  out(`cdktn parity check: ${engines.a.name} ${engines.a.version} vs ${engines.b.name} ${engines.b.version}, constructs ${versionOf(constructsOfRepo)} (one copy), Node ${process.version}`);
  out(`  install: .cdktn/engine ${engineInstall}; .cdktn/generator ${generatorInstall}; the repository's node_modules and lockfile untouched: ${after === before ? "yes" : "NO"}`);
  group("bindings from schema/ (.gen vs .cdktn/gen)", bindings.items);
  const cdktfTests = a.reused
    ? `on cdktf as npm test ran them (records of ${a.reused.files} files from ${path.relative(ROOT, a.reused.dir)}; the example app: ${a.passed} passed, ${a.failed} failed)`
    : `on cdktf ${a.passed} passed, ${a.failed} failed`;
  out(`  tests that load the engine: ${files.length} files; ${cdktfTests}; on cdktn ${b.passed} passed, ${b.failed} failed`);
  out(`  stacks the tests synthesize: ${ofKind(inTests, "terraform").length} syntheses in ${testFilesWithStacks.size} test files`);
  group("  Terraform JSON (what cdk.tf.json holds)", ofKind(inTests, "terraform"));
  group("  desired-state documents", ofKind(inTests, "desired-state"));
  out(`  the example app (main.ts, a real App writing to CDKTF_OUTDIR): ${exampleStacks.length} stacks`);
  group("  files written (cdk.tf.json, live-recording.json, manifest.json)", exampleFiles);
  out(
    `  the published package (npm pack) in the consumer test's app: on cdktf${apps.cdktf.engineInstalled.cdktn ? " (cdktn installed too!)" : ""}, ` +
      `on cdktn${apps.cdktn.engineInstalled.cdktf ? " (cdktf installed too!)" : " with no cdktf installed"}; tsc ${apps.cdktf.typecheck.code === 0 ? "passes" : "FAILS"} / ` +
      `${apps.cdktn.typecheck.code === 0 ? "passes" : "FAILS"} (on cdktn with "paths": {"cdktf": ["./node_modules/cdktn"]}; without it the engine's members of the ` +
      `package's classes are missing: ${unmapped !== undefined && unmapped.code !== 0 ? "confirmed" : "NOT confirmed"}); node main.js synthesizes and npx trtc-live-recording plan runs ${apps.cdktf.plan.code === 0 && apps.cdktn.plan.code === 0 ? "on both" : "NOT on both"}`,
  );
  group("  files written (cdk.tf.json, live-recording.json, manifest.json)", consumer.items);
  out(`  explained differences (how many compared pairs needed each):`);
  for (const e of EXPLANATIONS) {
    const n = counts.get(e.id) ?? 0;
    if (n > 0) out(`    [${e.source}] ${e.id} (${n}): ${e.what}; ${e.why}`);
  }
  out(`  unexplained differences: ${unexplained}`);
  if (unexplained > 0) for (const l of describeDifferences({ items, problems })) out(l);
  out(
    `${unexplained === 0 ? "PASS" : "FAIL"} in ${seconds(Date.now() - started)} (install ${seconds(installMs)}, bindings ${seconds(bindingsMs)}, ` +
      `tests on cdktf ${seconds(a.run.ms)}${a.reused ? " (the example app only)" : ""}, on cdktn ${seconds(b.run.ms)}, consumer apps ${seconds(apps.ms)}, alongside the tests)`,
  );

  writeFileSync(
    path.join(WORK, "parity-report.json"),
    JSON.stringify({ engines, files, tally: tally(items), explained: Object.fromEntries(counts), problems, items: items.map((i) => ({ kind: i.kind, where: i.where, ...i.verdict })) }, null, 1) + "\n",
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
