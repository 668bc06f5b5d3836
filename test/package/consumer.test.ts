/**
 * The package as a platform team gets it. `npm pack`, then the tarball installed into a fresh cdktf TypeScript app in a
 * temporary folder (npm's cache from `npm ci` first, the registry only for what is missing), whose code
 * (consumer-app/) uses the package both ways. Checked there, as a user would run them:
 * - it type-checks under the cdktf TypeScript template's tsconfig (strict);
 * - `cdktf synth` (the cdktf CLI) gives the expected resources;
 * - `npx trtc-live-recording plan` and `post-deploy plan` work from the app's folder against the emulator, which the
 *   test starts through the app's own code from `trtc-live-recording/emulator`;
 * - `PostDeployHook`'s command, run as Terraform's local-exec runs it (sh, in cdktf.out/stacks/<stack>), finds the
 *   package's CLI.
 * One pack and one install per run; every command runs asynchronously, so the in-process emulator keeps answering.
 */
import { execFile } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { builtinModules, createRequire } from "module";
import * as path from "path";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import type * as EmulatorApi from "../../emulator/public-api";
import { scratchRoot } from "../../scripts/parity/scratch";
import { npmEnv } from "../support/npm-env";

const ROOT = path.resolve(__dirname, "..", "..");
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const CDKTF = path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
const STAGING = 1400000101;
const MEDIA = 1400000102;
const SECRETS = {
  TRTC_SDK_SECRET_KEY_1400000101: "consumerSdkKeyStaging0101",
  TRTC_SDK_SECRET_KEY_1400000102: "consumerSdkKeyMedia0102",
  STAGING_VOD_SIGN_KEY: "ConsumerStagingSignKey1",
  MEDIA_VOD_SIGN_KEY: "ConsumerMediaSignKey2",
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a command without a shell, never throwing; the exit code is in the result. */
function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd, env: npmEnv({ CHECKPOINT_DISABLE: "1", ...env }), maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/** `expect(r.code).toBe(0)`, with the command's output in the failure message. */
function expectExit(r: Run, code: number): void {
  if (r.code !== code) throw new Error(`exit ${r.code}, expected ${code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
}

type TfJson = {
  provider?: Record<string, { region?: string }[]>;
  terraform?: { required_providers?: Record<string, { source: string; version: string }>; backend?: Record<string, unknown> };
  resource?: Record<string, Record<string, Record<string, unknown>>>;
};

let dir: string;
let app: string;
let packedFiles: string[];
let install: Run;
let typecheck: Run;
let emulator: EmulatorApi.Emulator;
const timings: Record<string, number> = {};


beforeAll(async () => {
  dir = mkdtempSync(path.join(scratchRoot(), "trtc-consumer-"));
  app = path.join(dir, "app");
  // dist/ as `npm test`'s pretest left it (rebuilt here only if a source is newer), then the tarball npm publishes.
  expectExit(await run(process.execPath, [path.join(ROOT, "scripts", "build-if-stale.js"), "--quiet"], ROOT), 0);
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
  expectExit(pack, 0);
  timings.pack = pack.ms;
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = info.files.map((f) => f.path);

  // A fresh cdktf TypeScript app: the template's tsconfig; the app command runs main.js compiled by tsc below (the
  // template's `npx ts-node main.ts` would need ts-node, which is not among this repository's dependencies).
  const fixture = path.join(__dirname, "consumer-app");
  const tsconfig = path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "templates", "typescript", "tsconfig.json");
  mkdirSync(app);
  copyFileSync(tsconfig, path.join(app, "tsconfig.json"));
  for (const f of ["main.ts", "backend.ts"]) copyFileSync(path.join(fixture, f), path.join(app, f));
  writeFileSync(path.join(app, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node main.js", terraformProviders: [], terraformModules: [], context: {} }, null, 2));
  const dev = PKG.devDependencies;
  writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify(
      {
        name: "team-live-infra",
        version: "1.0.0",
        private: true,
        dependencies: { "trtc-live-recording": `file:${path.join(dir, info.filename)}`, cdktf: dev.cdktf, constructs: dev.constructs },
        devDependencies: { "@types/node": dev["@types/node"] },
      },
      null,
      2,
    ),
  );
  install = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app);
  expectExit(install, 0);
  timings.install = install.ms;
  typecheck = await run(process.execPath, [TSC, "-p", app], app);
  timings.tsc = typecheck.ms;
}, 180_000);

afterAll(async () => {
  await emulator?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  // Reported, not asserted: the figures behind the README's and the report's numbers.
  process.stdout.write(`consumer test timings (ms): ${JSON.stringify(timings)}\n`);
});

describe("the published package", () => {
  test("the tarball holds compiled JavaScript with declarations and the generated bindings; no tests, no TypeScript sources, no build scripts", () => {
    for (const f of [
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "LICENSE",
      "bin/trtc-live-recording.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/emulator/public-api.js",
      "dist/emulator/public-api.d.ts",
      "dist/lib/callbacks/index.d.ts",
      "dist/cli/main.js",
      "dist/.gen/providers/tencentcloud/provider/index.js",
      "dist/.gen/providers/tencentcloud/provider/index.d.ts",
      "dist/.gen/providers/tencentcloud/vod-sub-application/index.js",
    ]) {
      expect(packedFiles).toContain(f);
    }
    const sources = packedFiles.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
    expect(sources).toEqual([]);
    expect(packedFiles.filter((f) => /^(test|scripts|schema|\.gen|\.github|\.ci)\/|^dist\/(scripts|test|main\.)|^tsconfig|^jest/.test(f))).toEqual([]);
    for (const f of packedFiles.filter((p) => p.startsWith("dist/") && p.endsWith(".js"))) {
      expect(packedFiles).toContain(f.replace(/\.js$/, ".d.ts"));
    }
  });

  test("every module it ships imports only what it ships, its dependencies, its peers and Node's built-ins", () => {
    const installed = path.join(app, "node_modules", "trtc-live-recording");
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as {
      name: string;
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const allowed = new Set([manifest.name, ...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
    const shipped = new Set(packedFiles);
    const problems: string[] = [];
    for (const file of packedFiles.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(path.join(installed, file), "utf8");
      for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g)) {
        const spec = m[1];
        if (spec.startsWith(".")) {
          const target = path.posix.join(path.posix.dirname(file), spec);
          const candidates = file.endsWith(".d.ts") ? [`${target}.d.ts`, `${target}/index.d.ts`] : [`${target}.js`, `${target}/index.js`, target];
          if (!candidates.some((c) => shipped.has(c))) problems.push(`${file}: ${spec} is not in the package`);
        } else {
          const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
          if (!allowed.has(name) && !builtinModules.includes(name.replace(/^node:/, ""))) problems.push(`${file}: ${spec} is neither a dependency nor a peer`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("installing it runs nothing: no install scripts, and the CLI needs no TypeScript", () => {
    const installed = JSON.parse(readFileSync(path.join(app, "node_modules", "trtc-live-recording", "package.json"), "utf8")) as { scripts?: Record<string, string> };
    for (const hook of ["preinstall", "install", "postinstall"]) expect(installed.scripts?.[hook]).toBeUndefined();
    expect(existsSync(path.join(app, "node_modules", "typescript"))).toBe(false);
    expect(existsSync(path.join(app, "node_modules", "trtc-live-recording", "scripts"))).toBe(false);
  });

  test("the engine (cdktf or cdktn, optional each) and constructs are peer dependencies, taken from the app", () => {
    const installed = JSON.parse(readFileSync(path.join(app, "node_modules", "trtc-live-recording", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(installed.peerDependencies).toEqual({ cdktf: expect.any(String), cdktn: expect.any(String), constructs: expect.any(String) });
    expect(installed.peerDependenciesMeta).toEqual({ cdktf: { optional: true }, cdktn: { optional: true } });
    // This app is on cdktf: npm did not add the other engine.
    expect(existsSync(path.join(app, "node_modules", "cdktn"))).toBe(false);
    expect(Object.keys(installed.dependencies)).not.toEqual(expect.arrayContaining(["cdktf"]));
    expect(Object.keys(installed.dependencies)).not.toEqual(expect.arrayContaining(["constructs"]));
    expect(existsSync(path.join(app, "node_modules", "trtc-live-recording", "node_modules", "cdktf"))).toBe(false);
  });

  test("the exports map, as Node resolves it: the root, ./emulator and ./callbacks load; deep imports are refused", async () => {
    const script = `
      const seen = (f) => { try { return typeof f(); } catch (e) { return e.code; } };
      console.log(JSON.stringify({
        root: seen(() => require("trtc-live-recording").LiveRecording),
        provider: seen(() => require("trtc-live-recording").TencentcloudProvider),
        emulator: seen(() => require("trtc-live-recording/emulator").startEmulator),
        callbacks: seen(() => require("trtc-live-recording/callbacks").verifyTrtcCallback),
        deep: seen(() => require("trtc-live-recording/dist/lib/validation")),
      }));`;
    const r = await run(process.execPath, ["-e", script], app);
    expectExit(r, 0);
    expect(JSON.parse(r.stdout)).toEqual({ root: "function", provider: "function", emulator: "function", callbacks: "function", deep: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });
});

describe("in a fresh cdktf TypeScript app", () => {
  let synthDir: string;
  let stacks: Record<string, TfJson>;
  let subApps: Record<string, number>;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // The emulator, started by the app's own compiled code through `trtc-live-recording/emulator`.
    const backend = createRequire(path.join(app, "package.json"))(path.join(app, "backend.js")) as { localCloud(o: EmulatorApi.EmulatorOptions): Promise<EmulatorApi.Emulator> };
    emulator = await backend.localCloud({
      apps: [
        { sdkAppId: STAGING, sdkSecretKey: SECRETS.TRTC_SDK_SECRET_KEY_1400000101 },
        { sdkAppId: MEDIA, sdkSecretKey: SECRETS.TRTC_SDK_SECRET_KEY_1400000102 },
      ],
      rateLimits: false,
    });
    const { sdkClientConfig } = createRequire(path.join(app, "package.json"))("trtc-live-recording/emulator") as typeof EmulatorApi;
    const [credential] = emulator.credentials;
    env = { EMULATOR_URL: emulator.url, TENCENTCLOUD_SECRET_ID: credential.secretId, TENCENTCLOUD_SECRET_KEY: credential.secretKey, ...SECRETS };

    // Synthesis with the cdktf CLI, as the team runs it.
    const synth = await run(process.execPath, [CDKTF, "synth"], app, env);
    timings.cdktfSynth = synth.ms;
    expectExit(synth, 0);
    synthDir = path.join(app, "cdktf.out");
    stacks = Object.fromEntries(["staging", "media"].map((s) => [s, JSON.parse(readFileSync(path.join(synthDir, "stacks", s, "cdk.tf.json"), "utf8")) as TfJson]));

    // What `cdktf deploy` would create: the VOD sub-applications, with their ids in an outputs file.
    const client = new vod.v20180717.Client(sdkClientConfig(emulator, "vod"));
    subApps = {};
    for (const [stack, name] of [["staging", "team-staging"], ["media", "team-media"]]) {
      subApps[stack] = Number((await client.CreateSubAppId({ Name: name })).SubAppId);
    }
    writeFileSync(path.join(app, "outputs.json"), JSON.stringify({ staging: { vod_sub_app_id: subApps.staging }, media: { vod_sub_app_id: subApps.media } }));
  }, 120_000);

  test("it type-checks under the cdktf template's strict tsconfig", () => {
    const tsconfig = JSON.parse(readFileSync(path.join(app, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, noImplicitAny: true, noUnusedLocals: true });
    expectExit(typecheck, 0);
    expect(typecheck.stdout).toBe("");
  });

  test("cdktf synth: both stacks with the provider of the package's bindings (tencentcloud 1.82.101) and the expected resources", () => {
    for (const [stack, region] of [["staging", "ap-guangzhou"], ["media", "ap-singapore"]]) {
      expect(stacks[stack].terraform?.required_providers?.tencentcloud).toEqual({ source: "tencentcloudstack/tencentcloud", version: "1.82.101" });
      expect(stacks[stack].provider?.tencentcloud).toEqual([expect.objectContaining({ region })]);
    }
    const names = (s: string) => Object.values(stacks[s].resource?.tencentcloud_vod_sub_application ?? {}).map((r) => r.name);
    expect(names("staging")).toEqual(["team-staging"]);
    expect(names("media")).toEqual(["team-media"]);
    const urls = (s: string) => Object.values(stacks[s].resource?.tencentcloud_vod_event_config ?? {}).map((r) => r.notification_url);
    expect(urls("staging")).toEqual(["https://hooks.example.com/staging/vod"]);
    expect(urls("media")).toEqual(["https://hooks.example.com/media/vod"]);
    expect(Object.keys(stacks.staging.resource ?? {}).sort()).toEqual(["tencentcloud_vod_event_config", "tencentcloud_vod_sub_application"]);
    expect(Object.keys(stacks.media.resource ?? {}).sort()).toEqual(["tencentcloud_vod_event_config", "tencentcloud_vod_sub_application", "terraform_data"]);
    expect(stacks.media.terraform?.backend).toEqual({ cos: expect.objectContaining({ bucket: "tfstate-1250000000", region: "ap-singapore" }) });
    for (const s of ["staging", "media"]) expect(existsSync(path.join(synthDir, "stacks", s, "live-recording.json"))).toBe(true);
  });

  test("npx trtc-live-recording plan: the recording plan of both stacks", async () => {
    const r = await run("npx", ["trtc-live-recording", "plan"], app, env);
    timings.plan = r.ms;
    expectExit(r, 0);
    const plan = JSON.parse(readFileSync(path.join(synthDir, "plan", "plan.json"), "utf8")) as { environments: { name: string; apps: { sdkAppId: number }[] }[] };
    expect(plan.environments.map((e) => [e.name, e.apps.map((a) => a.sdkAppId)])).toEqual([
      ["media", [MEDIA]],
      ["staging", [STAGING]],
    ]);
    expect(r.stdout).toContain("team-media");
  });

  test("npx trtc-live-recording post-deploy plan against the emulator: every app read, changes pending (exit 2), nothing written", async () => {
    const mark = emulator.callLog.mark();
    const r = await run(
      "npx",
      ["trtc-live-recording", "post-deploy", "plan", "--outputs-file", "outputs.json", "--endpoint", emulator.url, "--console-driver", "emulator", "--json", "--quiet"],
      app,
      env,
    );
    timings.postDeployPlan = r.ms;
    expectExit(r, 2);
    const report = JSON.parse(r.stdout) as { apps: { sdkAppId: number; steps: { status: string }[] }[] };
    expect(report.apps.map((a) => a.sdkAppId).sort()).toEqual([STAGING, MEDIA]);
    expect(report.apps.flatMap((a) => a.steps.map((s) => s.status))).not.toContain("failed");
    expect(emulator.callLog.summary(mark)).toMatchObject({ writes: 0, reads: expect.any(Number) });
    expect(emulator.callLog.summary(mark).reads).toBeGreaterThan(0);
  });

  test("PostDeployHook's command, run as Terraform's local-exec runs it (sh, in cdktf.out/stacks/media), runs the package's CLI", async () => {
    const hook = Object.values(stacks.media.resource?.terraform_data ?? {})[0] as { provisioner: { "local-exec": { command: string } }[] };
    const command = hook.provisioner[0]["local-exec"].command;
    expect(command).toMatch(/^npx --no-install --prefix \.\.\/\.\.\/\.\. trtc-live-recording post-deploy apply /);
    // Terraform would interpolate the SubAppId; everything else runs as synthesized.
    const resolved = command.replace(/\$\{tonumber\(element\(split\("#", tencentcloud_vod_sub_application\.[A-Za-z0-9_]+\.id\), 1\)\)\}/, String(subApps.media));
    expect(resolved).not.toContain("${");
    const mark = emulator.callLog.mark();
    const r = await run("sh", ["-c", resolved], path.join(synthDir, "stacks", "media"), env);
    timings.hook = r.ms;
    expectExit(r, 0);
    expect(r.stderr).toContain(`post-deploy apply: 1 app(s)`);
    // The state the hook keeps is in the project folder, as the command's relative paths say.
    expect(existsSync(path.join(app, ".post-deploy"))).toBe(true);
    // It applied to the media app only (the hook passes its own desired state), through the emulator.
    const writes = emulator.callLog.entries(mark).filter((e) => e.write && e.outcome === "ok");
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes.filter((e) => e.service === "vod").map((e) => e.appId))).toEqual(new Set([subApps.media]));
  });
});
