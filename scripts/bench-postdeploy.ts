/**
 * The post-deploy part of `npm run bench`: the step against the local emulator (in its own process, with the
 * documented rate limits enforced) for N applications, in an all-changed run (the first apply after deploy) and a
 * no-change run (the next apply). Wall time is compared with the bound the API rate limits set for the calls made
 * (see `rateLimitBound`).
 */
import { ChildProcess, spawn } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EmulatorAdminClient } from "../emulator/admin-client";
import { sdkClientConfig } from "../emulator/client";
import { synth } from "../main";
import { runPostDeployCli } from "../postdeploy/command";
import { documentedRate } from "../lib/cloud-actions";
import type { CallCounts, RunReport } from "../postdeploy/run";
import { environmentsFor } from "./bench-fixtures";
import { terraformApplyStandIn } from "./terraform-standin";

const ROOT = path.resolve(__dirname, "..", "..");
const CREDENTIALS = { secretId: "AKIDBENCHMARK0000000000000000000000", secretKey: "BenchmarkSecretKey00000000000000" };
const SDK_KEY = "benchmarkSdkSecretKey0000000000000000";

export interface PostDeployRun {
  readonly wallSeconds: number;
  /** Lower bound of the wall time under the documented per-action rates. */
  readonly boundSeconds: number;
  /** The action that sets the bound. */
  readonly boundAction: string;
  readonly ratio: number;
  readonly exitCode: number;
  /** Cloud API calls per application (console driver calls and calls shared by the run excluded). */
  readonly readsPerApp: number;
  readonly writesPerApp: number;
  /** SearchMedia calls per application: one per page of recordings. */
  readonly recordingPagesPerApp: number;
  /** Calls made once for the whole run (the sub-application listing, account-wide usage). */
  readonly runCalls: Readonly<Record<string, number>>;
  readonly consoleCallsPerApp: number;
}

export interface PostDeployBench {
  readonly apps: number;
  readonly allChanged: PostDeployRun;
  readonly noChange: PostDeployRun;
}

/**
 * The least time the documented rates allow for these calls: an action limited to r calls per second can send its
 * n-th call no earlier than (n - 1) / r seconds after its first. Actions are limited independently, so the bound is
 * the largest of them. Console driver calls are not Tencent Cloud API calls and have no documented limit.
 */
export function rateLimitBound(calls: CallCounts): { seconds: number; action: string } {
  let best = { seconds: 0, action: "-" };
  for (const [key, count] of Object.entries(calls.byAction)) {
    const [service, ...rest] = key.split(".");
    if (service === "console") continue;
    const action = rest.join(".");
    const seconds = Math.max(0, count - 1) / documentedRate(service, action);
    if (seconds > best.seconds) best = { seconds, action: key };
  }
  return best;
}

function summarize(report: RunReport, wallSeconds: number, exitCode: number): PostDeployRun {
  const n = Math.max(1, report.apps.length);
  let reads = 0;
  let writes = 0;
  let pages = 0;
  let consoleCalls = 0;
  for (const a of report.apps) {
    const consoleHere = Object.entries(a.calls.byAction).filter(([k]) => k.startsWith("console.")).reduce((s, [, v]) => s + v, 0);
    const consoleWrites = a.calls.byAction["console.setConsoleState"] ?? 0;
    consoleCalls += consoleHere;
    reads += a.calls.reads - (consoleHere - consoleWrites);
    writes += a.calls.writes - consoleWrites;
    pages += a.calls.byAction["vod.SearchMedia"] ?? 0;
  }
  const bound = rateLimitBound(report.calls);
  return {
    wallSeconds,
    boundSeconds: bound.seconds,
    boundAction: bound.action,
    ratio: bound.seconds > 0 ? wallSeconds / bound.seconds : Number.NaN,
    exitCode,
    readsPerApp: reads / n,
    writesPerApp: writes / n,
    recordingPagesPerApp: pages / n,
    runCalls: report.runCalls.byAction,
    consoleCallsPerApp: consoleCalls / n,
  };
}

/** Starts `node dist/emulator/cli.js` on a free port; resolves with its URL. */
function startEmulatorProcess(apps: readonly number[]): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "dist", "emulator", "cli.js"), "--port", "0", "--quiet", "--apps", apps.map((id) => `${id}:${SDK_KEY}`).join(",")],
      { env: { ...process.env, TENCENTCLOUD_SECRET_ID: CREDENTIALS.secretId, TENCENTCLOUD_SECRET_KEY: CREDENTIALS.secretKey }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code} before listening`)));
    child.on("error", reject);
  });
}

export async function benchPostDeploy(n: number, log: (line: string) => void): Promise<PostDeployBench> {
  const environments = environmentsFor(n);
  const dir = mkdtempSync(path.join(tmpdir(), `bench-pd-${n}-`));
  const synthDir = path.join(dir, "cdktf.out");
  const outputsFile = path.join(dir, "outputs.json");
  const { url, child } = await startEmulatorProcess(environments.map((e) => e.sdkAppId));
  const admin = new EmulatorAdminClient(url);
  try {
    synth(environments, synthDir);
    // Setting up (not measured): the Terraform-managed resources, created without the emulator's rate limits.
    await admin.setRateLimits(false);
    await terraformApplyStandIn(synthDir, sdkClientConfig(url, "vod", CREDENTIALS), outputsFile);
    await admin.setRateLimits(true);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TENCENTCLOUD_SECRET_ID: CREDENTIALS.secretId,
      TENCENTCLOUD_SECRET_KEY: CREDENTIALS.secretKey,
      TRTC_SDK_SECRET_KEY: SDK_KEY,
      BENCH_VOD_SIGN_KEY: "benchVodSignKey1",
      BENCH_TRTC_CALLBACK_KEY: "benchTrtcKey1",
      BENCH_LIVE_WEBHOOK_TOKEN: "benchLiveToken1",
    };
    const args = [
      "apply",
      "--synth-dir", synthDir,
      "--outputs-file", outputsFile,
      "--endpoint", url,
      "--console-driver", "emulator",
      "--state-dir", path.join(dir, ".post-deploy"),
      "--quiet",
    ];
    const run = async (label: string): Promise<PostDeployRun> => {
      let report: RunReport | undefined;
      const started = process.hrtime.bigint();
      const code = await runPostDeployCli(args, { stdout: () => undefined, stderr: () => undefined, env }, { onReport: (r) => (report = r) });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (report === undefined) throw new Error(`post-deploy ${label} for ${n} apps produced no report (exit ${code})`);
      return summarize(report, wall, code);
    };
    log(`  post-deploy, ${n} app(s): all-changed apply`);
    const allChanged = await run("all-changed");
    log(`  post-deploy, ${n} app(s): no-change apply`);
    const noChange = await run("no-change");
    return { apps: n, allChanged, noChange };
  } finally {
    admin.close();
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
