/** A real in-process emulator, a synthesized example, the terraform stand-in, and the post-deploy CLI run in-process. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { CallbackSecret, Retention } from "../../constructs";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator, sdkClientConfig, startEmulator } from "../../emulator";
import { App } from "../../lib/cdktf";
import { PostDeployDependencies, runPostDeployCli } from "../../postdeploy/command";
import { DOCUMENTED_RATES } from "../../postdeploy/rate-limit";
import type { RunReport } from "../../postdeploy/run";
import { TerraformStandIn, terraformApplyStandIn } from "../../scripts/terraform-standin";
import { EnvironmentConfig, LiveRecordingStack, defineEnvironments } from "../../stacks";
import { Receiver, startReceiver } from "../emulator/helpers";

export const STAGING = 1400000001;
export const PRODUCTION = 1400000002;

/** Fake secrets: every test checks that none of them is ever printed or written. */
export const SECRETS = {
  TRTC_SDK_SECRET_KEY_1400000001: "fakeSdkKeyStagingAAAA1111",
  TRTC_SDK_SECRET_KEY_1400000002: "fakeSdkKeyProductionBBBB2222",
  STAGING_VOD_SIGN_KEY: "StagingVodSignKey1234",
  STAGING_TRTC_CALLBACK_KEY: "StagingTrtcCbKey5678",
  STAGING_LIVE_WEBHOOK_TOKEN: "StagingLiveToken9012",
  TF_VAR_vod_sign_key: "ProdVodSignKey3456",
  TF_VAR_trtc_callback_key: "ProdTrtcCbKey7890",
  TF_VAR_live_webhook_token: "ProdLiveToken1234",
} as const;

export function tempDir(prefix = "trtc-pd-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The two example environments of main.ts, with callbacks to a loopback receiver. */
export function testEnvironments(receiverUrl: string, overrides: Partial<Record<"staging" | "production", Partial<EnvironmentConfig>>> = {}): EnvironmentConfig[] {
  return [
    {
      name: "staging",
      sdkAppId: STAGING,
      region: "ap-guangzhou",
      vodApplication: { name: "live-recording-staging", description: "Live room recordings (staging)", tags: { env: "staging" } },
      retention: Retention.days(30),
      fullRoomRecording: true,
      globalAutoRecording: "off",
      callbacks: {
        vodEvents: { url: `${receiverUrl}/staging/vod`, signKey: CallbackSecret.fromEnvironment("STAGING_VOD_SIGN_KEY") },
        trtcRecording: { url: `${receiverUrl}/staging/trtc`, key: CallbackSecret.fromEnvironment("STAGING_TRTC_CALLBACK_KEY") },
        liveWebhook: { url: `${receiverUrl}/staging/live`, token: CallbackSecret.fromEnvironment("STAGING_LIVE_WEBHOOK_TOKEN") },
      },
      rooms: [
        { name: "solo", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 },
        { name: "co-host", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 3 },
      ],
      expectedUsage: { resolution: "HD" },
      ...overrides.staging,
    },
    {
      name: "production",
      sdkAppId: PRODUCTION,
      region: "ap-singapore",
      vodApplication: { name: "live-recording-production", description: "Live room recordings (production)", tags: { env: "production" } },
      retention: Retention.days(90),
      fullRoomRecording: true,
      globalAutoRecording: "off",
      callbacks: {
        vodEvents: { url: `${receiverUrl}/production/vod`, deleteEvents: true, signKey: CallbackSecret.fromTerraformVariable("vod_sign_key") },
        trtcRecording: { url: `${receiverUrl}/production/trtc`, key: CallbackSecret.fromTerraformVariable("trtc_callback_key") },
        liveWebhook: { url: `${receiverUrl}/production/live`, token: CallbackSecret.fromTerraformVariable("live_webhook_token") },
      },
      rooms: [{ name: "solo", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 }],
      expectedUsage: { resolution: "FullHD" },
      ...overrides.production,
    },
  ];
}

export interface World {
  readonly emu: Emulator;
  readonly receiver: Receiver;
  readonly dir: string;
  readonly synthDir: string;
  readonly outputsFile: string;
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly subApps: Readonly<Record<string, number>>;
  /** The common flags: --synth-dir, --outputs-file, --endpoint, --console-driver emulator, --state-dir, --quiet. */
  readonly flags: readonly string[];
  /** The terraform stand-in's state folder. */
  readonly standInState: string;
  /** Post-deploy dependencies for this world: {@link FAST}, with the emulator's clock when it is fixed. */
  readonly deps: PostDeployDependencies;
  /** The emulator's business time (fixed clock: moves only with `advance`). */
  now(): Date;
  /** Moves the emulator's business clock (and the post-deploy step's) forward. */
  advance(minutes: number): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly environments?: (receiverUrl: string) => EnvironmentConfig[];
  /** Skip the terraform stand-in (nothing deployed). */
  readonly deploy?: boolean;
  /** Keep the emulator's rate limits on. @default false */
  readonly rateLimits?: boolean;
  /** Changes the stacks before synthesis (e.g. acknowledgements). */
  readonly customize?: (stacks: readonly LiveRecordingStack[]) => void;
  /** Receives the emulator's log lines (one per call). */
  readonly emulatorLog?: (line: string) => void;
  /**
   * Fix the emulator's clock at the start (moved only by `advance`) and give the post-deploy step the same clock, so
   * no test depends on how fast the machine is. @default false - the real clock
   */
  readonly fixedClock?: boolean;
  /** Runs after the emulator starts, before the stand-in deploys (e.g. to create the CAM users policies attach to). */
  readonly beforeDeploy?: (emu: Emulator) => Promise<void>;
  /** Starts the emulator with CAM enforcement on (the stand-in deploys as the root account all the same). @default false */
  readonly camEnforcement?: boolean;
}

/** Synthesizes environments into `outdir`, as `cdktf synth` does. */
export function synthInto(outdir: string, environments: readonly EnvironmentConfig[], customize?: (stacks: readonly LiveRecordingStack[]) => void): void {
  const app = new App({ outdir });
  const stacks = defineEnvironments(app, environments);
  customize?.(stacks);
  app.synth();
}

/** Starts an emulator with both apps, synthesizes, "deploys" with the terraform stand-in. */
export async function world(opts: WorldOptions = {}): Promise<World> {
  const receiver = await startReceiver();
  const startMs = Math.floor(Date.now() / 1000) * 1000;
  let offsetMs = 0;
  const emu = await startEmulator({
    ...(opts.fixedClock ? { now: () => startMs } : {}),
    apps: [
      { sdkAppId: STAGING, sdkSecretKey: SECRETS.TRTC_SDK_SECRET_KEY_1400000001 },
      { sdkAppId: PRODUCTION, sdkSecretKey: SECRETS.TRTC_SDK_SECRET_KEY_1400000002 },
    ],
    rateLimits: opts.rateLimits ?? false,
    camEnforcement: opts.camEnforcement ?? false,
    callbackTimeoutMs: 2000,
    log: opts.emulatorLog,
  });
  const dir = tempDir();
  const synthDir = path.join(dir, "cdktf.out");
  synthInto(synthDir, (opts.environments ?? testEnvironments)(receiver.url), opts.customize);
  const outputsFile = path.join(dir, "outputs.json");
  let subApps: Record<string, number> = {};
  const standInState = path.join(dir, ".terraform-standin");
  if (opts.deploy ?? true) {
    await opts.beforeDeploy?.(emu);
    const r = await terraformApplyStandIn(synthDir, (service) => sdkClientConfig(emu, service as "vod" | "cam"), outputsFile, standInState);
    subApps = Object.fromEntries(r.subApps.map((s) => [s.stack, s.subAppId]));
  }
  const stateDir = path.join(dir, ".post-deploy");
  const env: NodeJS.ProcessEnv = { TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY, ...SECRETS };
  const flags = ["--synth-dir", synthDir, "--outputs-file", outputsFile, "--endpoint", emu.url, "--console-driver", "emulator", "--state-dir", stateDir, "--quiet"];
  return {
    emu,
    receiver,
    dir,
    synthDir,
    outputsFile,
    stateDir,
    env,
    subApps,
    flags,
    standInState,
    deps: opts.fixedClock ? { ...FAST, now: () => new Date(startMs + offsetMs) } : FAST,
    now: () => new Date(opts.fixedClock ? startMs + offsetMs : Date.now() + offsetMs),
    advance: async (minutes: number) => {
      await emu.admin.advanceClock(minutes * 60);
      offsetMs += minutes * 60000;
    },
    close: async () => {
      await emu.stop();
      await receiver.close();
    },
  };
}

/** Fast, but otherwise real: tiny backoff, no client-side throttling (the emulator's limits are off too). */
export const FAST: PostDeployDependencies = {
  retry: { attempts: 6, baseDelayMs: 1, maxDelayMs: 5 },
  rates: Object.fromEntries(Object.keys(DOCUMENTED_RATES).map((k) => [k, 100000])),
  defaultRate: 100000,
};

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly report?: RunReport;
}

/** `post-deploy <args>` in this process. */
export async function pd(args: readonly string[], env: NodeJS.ProcessEnv, deps: PostDeployDependencies = FAST): Promise<Run> {
  let stdout = "";
  let stderr = "";
  let report: RunReport | undefined;
  const code = await runPostDeployCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env }, { ...deps, onReport: (r) => (report = r) });
  return { code, stdout, stderr, report };
}

/** Every file under `dir`, with its content. */
export function filesIn(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else out.push({ path: p, text: readFileSync(p, "utf8") });
    }
  };
  visit(dir);
  return out;
}

/** Fails when any secret (or the emulator's SecretKey) occurs in `text`. */
export function expectNoSecret(text: string): void {
  for (const [name, value] of [...Object.entries(SECRETS), ["TENCENTCLOUD_SECRET_KEY", DEFAULT_SECRET_KEY] as const]) {
    if (text.includes(value)) throw new Error(`secret ${name} leaked`);
  }
  if (/usersig=/i.test(text)) throw new Error("a UserSig leaked");
}

/** The step of an app in a report. */
export function step(report: RunReport | undefined, sdkAppId: number, id: string) {
  const app = report?.apps.find((a) => a.sdkAppId === sdkAppId);
  const s = app?.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} for ${sdkAppId} in the report`);
  return s;
}

/** The terraform stand-in of a world (its plan refreshes through the provider's reads). */
export function standIn(w: World, log?: (line: string) => void): TerraformStandIn {
  return new TerraformStandIn({ synthDir: w.synthDir, stateDir: w.standInState, clientConfig: (service) => sdkClientConfig(w.emu, service as "vod" | "cam"), log });
}
