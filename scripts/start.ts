/**
 * `npm start`: the whole flow, offline, against the local emulator, in numbered phases:
 * emulator -> synth -> (stand-in for) terraform apply -> post-deploy plan/apply -> Live sessions -> check catches the
 * Global Auto-Recording double recording from live evidence -> fix -> check in sync -> apply again writes nothing.
 *
 * Everything it sets up is fake (emulator credentials, demo keys); no secret is printed.
 */
import { rmSync } from "fs";
import * as path from "path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator, SessionReport, sdkClientConfig, startEmulator } from "../emulator";
import { DESIRED_STATE_FILE, readDesiredStateFile } from "../lib/desired-state";
import { ENVIRONMENTS, synth } from "../main";
import { runPostDeployCli } from "../postdeploy/command";
import { formatCalls } from "../postdeploy/report";
import type { RunReport } from "../postdeploy/run";
import { terraformApplyStandIn } from "./terraform-standin";

const STAGING = 1400000001;
const PRODUCTION = 1400000002;
/** Demo keys. Clearly fake; registered in the emulator and exported to this process only. */
const DEMO_ENV: Readonly<Record<string, string>> = {
  TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY,
  TRTC_SDK_SECRET_KEY_1400000001: "demoFakeSdkSecretKeyStaging0001",
  TRTC_SDK_SECRET_KEY_1400000002: "demoFakeSdkSecretKeyProduction02",
  STAGING_VOD_SIGN_KEY: "demoFakeStagingVodSignKey",
  STAGING_TRTC_CALLBACK_KEY: "demoFakeStagingTrtcKey",
  STAGING_LIVE_WEBHOOK_TOKEN: "demoFakeStagingLiveToken",
  TF_VAR_vod_sign_key: "demoFakeProdVodSignKey",
  TF_VAR_trtc_callback_key: "demoFakeProdTrtcKey",
  TF_VAR_live_webhook_token: "demoFakeProdLiveToken",
};

const out = (line = "") => process.stdout.write(`${line}\n`);
const indent = (text: string, prefix = "  | ") =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => `${prefix}${l}`)
    .join("\n");
let phase = 0;
const heading = (title: string) => {
  out();
  out(`== ${++phase}. ${title} ${"=".repeat(Math.max(3, 100 - title.length))}`);
};

interface Pd {
  readonly code: number;
  readonly text: string;
  readonly report?: RunReport;
}

// The emulator's business clock, which the post-deploy step reads too: rooms are decided when they are created, so the
// demo lets time pass between a console change and the sessions it should apply to.
let clockOffsetMs = 0;
const businessNow = (): Date => new Date(Date.now() + clockOffsetMs);
async function letTimePass(emu: Emulator, seconds: number): Promise<void> {
  await emu.admin.advanceClock(seconds);
  clockOffsetMs += seconds * 1000;
}

async function postDeploy(args: string[], common: readonly string[]): Promise<Pd> {
  let text = "";
  let report: RunReport | undefined;
  const code = await runPostDeployCli([...args, ...common], { stdout: (t) => void (text += t), stderr: (t) => void (text += t), env: process.env }, { onReport: (r) => (report = r), now: businessNow });
  return { code, text, report };
}

async function simulateRound(emu: Emulator, round: number, endedAt?: number): Promise<SessionReport[]> {
  const reports: SessionReport[] = [];
  for (const [env, sdkAppId] of [["staging", STAGING], ["production", PRODUCTION]] as const) {
    const sessions = [
      { roomId: `${env}-solo-${round}`, seatTemplate: "VideoDynamicGrid9Seats" as const, hosts: [`${env}_host_a`], minutes: 45, label: "single host" },
      { roomId: `${env}-cohost-${round}`, seatTemplate: "VideoDynamicFloat7Seats" as const, hosts: [`${env}_host_b`, `${env}_host_c`, `${env}_host_d`], minutes: 30, label: "co-host (3 hosts)" },
      { roomId: `${env}-karaoke-${round}`, seatTemplate: "Karaoke" as const, hosts: [`${env}_singer_e`, `${env}_singer_f`], minutes: 20, label: "karaoke (2 singers)" },
    ];
    for (const s of sessions) {
      const r = await emu.admin.simulateSession({ sdkAppId, roomId: s.roomId, seatTemplate: s.seatTemplate, hosts: s.hosts, minutes: s.minutes, endedAt });
      reports.push(r);
      const live = r.tasks.filter((t) => t.origin === "live");
      const gar = r.tasks.filter((t) => t.origin === "globalAutoRecording");
      const liveText = live.length > 0 ? `Live: ${live[0].recordMode}-stream, ${live[0].fileIds.length} file` : "Live: not recorded";
      const garText = gar.length > 0 ? `Global Auto-Recording: ${gar.length} per-host file(s)` : "Global Auto-Recording: -";
      out(`  ${s.roomId.padEnd(22)} ${s.label.padEnd(20)} ${String(s.minutes).padStart(3)} min   ${liveText.padEnd(34)} ${garText}${r.doubleRecorded ? "   << recorded twice" : ""}`);
    }
  }
  await emu.admin.settle();
  return reports;
}

function summaryLine(name: string, r: Pd): string {
  const c = r.report?.calls;
  return `  ${name.padEnd(34)} exit ${r.code}   ${c ? `${String(c.reads).padStart(3)} reads  ${String(c.writes).padStart(3)} writes` : ""}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const outdir = path.resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
  const stateDir = path.join(outdir, ".post-deploy-demo");
  const outputsFile = path.join(outdir, "outputs.json");
  const runs: [string, Pd][] = [];

  heading("Local emulator (VOD, TRTC, Live REST and a console admin API, on 127.0.0.1)");
  const emu = await startEmulator({
    apps: [
      { sdkAppId: STAGING, sdkSecretKey: DEMO_ENV.TRTC_SDK_SECRET_KEY_1400000001 },
      { sdkAppId: PRODUCTION, sdkSecretKey: DEMO_ENV.TRTC_SDK_SECRET_KEY_1400000002 },
    ],
    // The example's callback URLs are https://hooks...example.com: the emulator calls only loopback URLs by default.
    callbackTimeoutMs: 1000,
  });
  try {
    await emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    out(`  listening on ${emu.url}; TRTC apps ${STAGING} (staging) and ${PRODUCTION} (production)`);
    out(`  console as found: Global Auto-Recording is ON for staging (main.ts declares it "off")`);
    for (const [k, v] of Object.entries(DEMO_ENV)) process.env[k] = v;
    out(`  demo credentials and callback keys exported to this process (fake values, never printed): ${Object.keys(DEMO_ENV).join(", ")}`);

    heading("Synthesize (cdktf synth)");
    synth(ENVIRONMENTS, outdir);
    for (const env of ENVIRONMENTS) {
      const state = readDesiredStateFile(path.join(outdir, "stacks", env.name, DESIRED_STATE_FILE));
      const app = state.apps[0];
      const findings = app.findings.map((f) => `${f.ruleId} ${f.severity}`).join(", ") || "no findings";
      out(`  ${env.name.padEnd(11)} SDKAppID ${app.sdkAppId}  Full Room Recording ${app.fullRoomRecording ? "on" : "off"}, Global Auto-Recording declared ${app.globalAutoRecording}; ${findings}`);
    }
    out(`  -> ${path.relative(process.cwd(), outdir) || "."}/stacks/<env>/cdk.tf.json and live-recording.json`);

    heading("terraform apply -- LOCAL STAND-IN (the tencentcloud provider cannot be downloaded here)");
    out("  the same API calls the provider (1.82.101) makes for the two resources, sent to the emulator:");
    const standIn = await terraformApplyStandIn(outdir, sdkClientConfig(emu, "vod"), outputsFile);
    for (const c of standIn.calls) out(`    ${c}`);
    out(`  outputs written as cdktf deploy --outputs-file does: ${path.relative(process.cwd(), outputsFile)}`);

    rmSync(stateDir, { recursive: true, force: true });
    const common = ["--synth-dir", outdir, "--outputs-file", outputsFile, "--endpoint", emu.url, "--console-driver", "emulator", "--state-dir", stateDir, "--quiet"];

    heading("post-deploy plan (dry run: every step, current -> desired)");
    const plan = await postDeploy(["plan"], common);
    runs.push(["plan", plan]);
    out(indent(plan.text));
    out(`  exit ${plan.code}: changes pending, nothing written (${plan.report?.calls.writes ?? "?"} writes)`);

    heading("post-deploy apply");
    const apply = await postDeploy(["apply"], common);
    runs.push(["apply", apply]);
    out(indent(apply.text));

    heading('Drift: a colleague turns Global Auto-Recording back on for staging in the TRTC console ("for the call recordings")');
    await emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    out("  nothing in Terraform or the declaration changed; only live evidence can show it");

    heading("Live sessions (simulated by the emulator: single host, co-host, karaoke per app)");
    await letTimePass(emu, 3600); // an hour later: these rooms are created after the drift, and decided then
    const round1 = await simulateRound(emu, 1);
    const callbacks = await emu.admin.listCallbacks();
    const undelivered = callbacks.filter((c) => !c.ok);
    const why = [...new Set(undelivered.map((c) => c.error ?? `HTTP ${c.status}`))].join("; ");
    out(`  ${callbacks.length} signed callbacks (TRTC recording, Live webhooks, VOD) addressed to the example's https://hooks...example.com receivers;`);
    out(`  ${undelivered.length} of them ${why || "not delivered"}`);
    out(`  recorded twice: ${round1.filter((r) => r.doubleRecorded).map((r) => r.roomId).join(", ") || "none"}`);

    heading("post-deploy check (CI / schedule): the double recording is caught from SearchMedia + DescribeRecordingUsage");
    const check = await postDeploy(["check"], common);
    runs.push(["check (after drift)", check]);
    out(indent(check.text));
    const conflict = check.report?.apps.find((a) => a.sdkAppId === STAGING)?.steps.find((s) => s.id === "conflict-check");
    out(`  exit ${check.code} = conflict: staging's conflict-check says ${conflict?.status}. The evidence is the files in Live's VOD application: each`);
    out("  co-host room has Live's mixed file AND one file per host from another recording task, overlapping in time.");

    heading("Fix: post-deploy apply (the emulator console driver turns Global Auto-Recording off, as declared)");
    await letTimePass(emu, 60);
    const fix = await postDeploy(["apply"], common);
    runs.push(["apply (fix)", fix]);
    out(indent(fix.text.split("\n").filter((l) => /console |retention-sweep|conflict-check|exit|^\S/.test(l)).join("\n")));

    heading("Live sessions again, then check");
    // An hour after the fix: these rooms are created, and recorded, after it.
    await letTimePass(emu, 3600);
    await simulateRound(emu, 2);
    const check2 = await postDeploy(["check"], common);
    runs.push(["check (after fix)", check2]);
    out(indent(check2.text.split("\n").filter((l) => /conflict-check|exit|^\S/.test(l)).join("\n")));
    const ev = check2.report?.apps.find((a) => a.sdkAppId === STAGING)?.steps.find((s) => s.id === "conflict-check")?.evidence;
    if (ev) out(`  staging's evidence after the fix: ${String(ev.files)} recording(s) in ${String(ev.rooms)} room(s), ${String(ev.roomsRecordedTwice)} recorded twice`);
    out("  (the conflict check weighs recordings made after Global Auto-Recording was turned off; the earlier duplicates stay");
    out("   in VOD and expire with the retention)");

    heading("post-deploy apply again: idempotent");
    const again = await postDeploy(["apply"], common);
    runs.push(["apply (second time)", again]);
    out(`  exit ${again.code}; calls: ${again.report ? formatCalls(again.report.calls) : "?"}`);

    heading("Summary");
    for (const [name, r] of runs) out(summaryLine(`post-deploy ${name}`, r));
    const ok = plan.code === 2 && apply.code === 0 && check.code === 3 && fix.code === 0 && check2.code === 0 && again.code === 0 && again.report?.calls.writes === 0;
    out();
    out(`  ${ok ? "As expected" : "UNEXPECTED"}: plan 2 (pending), apply 0, check 3 (conflict caught), fix 0, check 0, second apply 0 with 0 writes.`);
    out(`  Wall time ${((Date.now() - started) / 1000).toFixed(1)} s. Against a real account: npm run deploy (cdktf deploy + post-deploy apply), see README.`);
    if (!ok) process.exitCode = 1;
  } finally {
    await emu.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
