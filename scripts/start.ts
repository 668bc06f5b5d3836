/**
 * `npm start`: the whole flow, offline, against the local emulator, in numbered phases:
 * emulator -> synth -> (stand-in for) terraform apply, CAM policies included -> post-deploy plan/apply as the
 * least-privileged CAM users the policies are attached to (CAM enforcement on) -> terraform plan shows no change ->
 * Global Auto-Recording turned back on -> check catches the double recording -> apply turns it off -> turned on again,
 * now also recording karaoke rooms Live does not record -> apply refuses (exit 4) -> the declaration accepts stopping
 * them -> apply turns it off -> clean check -> a second apply writes nothing -> terraform plan shows no change.
 *
 * Time: the emulator's clock is fixed at the start and moved only by the demo (admin "advance clock"); the post-deploy
 * step gets the same clock (`now`). No phase depends on how fast the machine is: every phase is minutes of emulator
 * time after the previous one. Rooms are decided when they are created, from the console as it was then, so each round
 * of sessions starts after the console change it depends on (checked: the demo stops if a room was decided earlier).
 *
 * Every post-deploy run signs with the key of a CAM user that has nothing but the generated policy: `apply` as
 * ci-post-deploy (the apply policies), `plan` and `check` as ci-post-deploy-check (the read-only policies). Terraform
 * (the stand-in) runs as the root account: it creates the policies.
 *
 * Everything it sets up is fake (emulator credentials, demo keys); no secret is printed.
 */
import * as path from "path";
import { rmSync } from "fs";
import { cam } from "tencentcloud-sdk-nodejs/tencentcloud/services/cam";
import { CreatedCamUser, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator, SessionReport, sdkClientConfig, startEmulator } from "../emulator/public-api";
import { postDeployActions } from "../lib/cloud-actions";
import { DESIRED_STATE_FILE, readDesiredStateFile } from "../lib/desired-state";
import { ENVIRONMENTS, synth } from "../main";
import { runCli } from "../cli/main";
import { emulatorConsoleDriver } from "../emulator/console-driver";
import { RateLimiter } from "../postdeploy/rate-limit";
import { formatCalls } from "../postdeploy/report";
import type { RunReport } from "../postdeploy/run";
import type { EnvironmentConfig } from "../stacks";
import { TerraformStandIn } from "./terraform-standin";

/** The CAM users main.ts attaches the policies to (created first, as in the CAM console). */
const APPLY_USER = "ci-post-deploy";
const CHECK_USER = "ci-post-deploy-check";
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
/** The decision the demo's team takes after the refusal (main.ts stays the realistic example without it). */
const ACCEPTANCE = "karaoke recordings were a trial; stopping them approved by the live team (ticket LIVE-42)";

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
  /** Wall time of the run. */
  readonly ms: number;
}

/** The emulator's business clock, as the demo moves it. */
class DemoClock {
  private offsetMs = 0;
  /** Emulator time of the last console change (a console write by the demo or by a post-deploy run). */
  public lastConsoleChangeMs = 0;
  constructor(
    private readonly startMs: number,
    private readonly emu: () => Emulator,
  ) {}
  public now(): Date {
    return new Date(this.startMs + this.offsetMs);
  }
  public async advance(minutes: number): Promise<void> {
    await this.emu().admin.advanceClock(minutes * 60);
    this.offsetMs += minutes * 60000;
  }
  /** Marks a console change now: the next sessions must be decided after it. */
  public consoleChanged(): void {
    this.lastConsoleChangeMs = this.now().getTime();
  }
}

async function simulateRound(emu: Emulator, clock: DemoClock, round: number, kinds: readonly ("solo" | "cohost" | "karaoke")[]): Promise<SessionReport[]> {
  const reports: SessionReport[] = [];
  for (const [env, sdkAppId] of [["staging", STAGING], ["production", PRODUCTION]] as const) {
    const all = {
      solo: { roomId: `${env}-solo-${round}`, seatTemplate: "VideoDynamicGrid9Seats" as const, hosts: [`${env}_host_a`], minutes: 45, label: "single host" },
      cohost: { roomId: `${env}-cohost-${round}`, seatTemplate: "VideoDynamicFloat7Seats" as const, hosts: [`${env}_host_b`, `${env}_host_c`, `${env}_host_d`], minutes: 30, label: "co-host (3 hosts)" },
      karaoke: { roomId: `${env}-karaoke-${round}`, seatTemplate: "Karaoke" as const, hosts: [`${env}_singer_e`, `${env}_singer_f`], minutes: 20, label: "karaoke (2 singers)" },
    };
    for (const s of kinds.map((k) => all[k])) {
      const r = await emu.admin.simulateSession({ sdkAppId, roomId: s.roomId, seatTemplate: s.seatTemplate, hosts: s.hosts, minutes: s.minutes });
      reports.push(r);
      // Recording is decided at room creation: a room created before the console change it depends on would not show it.
      if (Date.parse(r.decidedAt) <= clock.lastConsoleChangeMs) {
        throw new Error(`room ${s.roomId} was decided at ${r.decidedAt}, not after the last console change (${new Date(clock.lastConsoleChangeMs).toISOString()}): let more emulator time pass`);
      }
      const live = r.tasks.filter((t) => t.origin === "live");
      const gar = r.tasks.filter((t) => t.origin === "globalAutoRecording");
      const liveText = live.length > 0 ? `Live: ${live[0].recordMode}-stream, ${live[0].fileIds.length} file` : "Live: not recorded";
      const garText = gar.length > 0 ? `Global Auto-Recording: ${gar.length} per-host file(s)` : "Global Auto-Recording: -";
      const note = r.doubleRecorded ? "   << recorded twice" : gar.length > 0 && live.length === 0 ? "   << only Global Auto-Recording records it" : "";
      out(`  ${s.roomId.padEnd(22)} ${s.label.padEnd(20)} ${String(s.minutes).padStart(3)} min   ${liveText.padEnd(34)} ${garText}${note}`);
    }
  }
  await emu.admin.settle();
  return reports;
}

function summaryLine(name: string, r: Pd): string {
  const c = r.report?.calls;
  return `  ${name.padEnd(40)} exit ${r.code}   ${c ? `${String(c.reads).padStart(3)} reads  ${String(c.writes).padStart(3)} writes` : ""}  ${(r.ms / 1000).toFixed(1)} s`;
}

/** Only the lines of the report about `steps` (and the app and exit lines). */
function only(text: string, steps: RegExp): string {
  let keep = false;
  return text
    .split("\n")
    .filter((l) => {
      if (/^\S/.test(l)) {
        keep = false; // an app's heading or the exit line: always shown
        return true;
      }
      const m = /^ {2}\S \S+\s+(\S+)/.exec(l);
      if (m) keep = steps.test(m[1]);
      return keep;
    })
    .join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const outdir = path.resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
  const stateDir = path.join(outdir, ".post-deploy-demo");
  const standInState = path.join(outdir, ".terraform-standin-demo");
  const outputsFile = path.join(outdir, "outputs.json");
  const runs: [string, Pd][] = [];
  // The emulator's clock starts at this whole second and moves only when the demo advances it.
  const startMs = Math.floor(Date.now() / 1000) * 1000;
  let emu: Emulator | undefined;
  const clock = new DemoClock(startMs, () => emu!);
  // The documented rates are per account: the demo's back-to-back runs share one client-side limiter.
  const limiter = new RateLimiter();

  const users: Record<string, CreatedCamUser> = {};
  /** The post-deploy runs' VOD and TRTC calls, by who signed them (the emulator's call log): the expected user or not. */
  const signedBy = { [APPLY_USER]: 0, [CHECK_USER]: 0, other: 0 };
  const postDeploy = async (name: string, args: string[], common: readonly string[]): Promise<Pd> => {
    let text = "";
    let report: RunReport | undefined;
    const t0 = Date.now();
    // apply as the user with the apply policies; plan and check as the one with the read-only policies.
    const userName = args[0] === "apply" ? APPLY_USER : CHECK_USER;
    const user = users[userName];
    const mark = emu!.callLog.mark();
    const env = { ...process.env, TENCENTCLOUD_SECRET_ID: user.secretId, TENCENTCLOUD_SECRET_KEY: user.secretKey };
    const code = await runCli(
      ["post-deploy", ...args, ...common],
      { stdout: (t) => void (text += t), stderr: (t) => void (text += t), env },
      // The demo is a composition root: it wires the emulator console driver in, as bin/trtc-live-recording.js does.
      { postDeploy: { onReport: (r) => (report = r), now: () => clock.now(), limiter, consoleDrivers: { emulator: emulatorConsoleDriver } } },
    );
    for (const e of emu!.callLog.entries(mark)) {
      if (e.service === "vod" || e.service === "trtc") signedBy[e.callerUin === user.uin ? userName : "other"]++;
    }
    const r = { code, text, report, ms: Date.now() - t0 };
    if (args[0] === "apply") clock.consoleChanged(); // an apply may change the console through the emulator driver
    runs.push([name, r]);
    return r;
  };

  heading("Local emulator (VOD, TRTC, Live REST and a console admin API, on 127.0.0.1)");
  emu = await startEmulator({
    apps: [
      { sdkAppId: STAGING, sdkSecretKey: DEMO_ENV.TRTC_SDK_SECRET_KEY_1400000001 },
      { sdkAppId: PRODUCTION, sdkSecretKey: DEMO_ENV.TRTC_SDK_SECRET_KEY_1400000002 },
    ],
    now: () => startMs,
    // The example's callback URLs are https://hooks...example.com: the emulator calls only loopback URLs by default.
    callbackTimeoutMs: 1000,
    // Every CAM user's VOD, TRTC and CAM call must be allowed by its attached policies.
    camEnforcement: true,
  });
  try {
    await emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    for (const name of [APPLY_USER, CHECK_USER]) users[name] = await emu.cam.createUser({ name, remark: "post-deploy in CI" });
    out(`  listening on ${emu.url}; TRTC apps ${STAGING} (staging) and ${PRODUCTION} (production); emulator clock ${clock.now().toISOString()}, moved by the demo only`);
    out(`  console as found: Global Auto-Recording is ON for staging (main.ts declares it "off"); no recording yet`);
    for (const [k, v] of Object.entries(DEMO_ENV)) process.env[k] = v;
    out(`  demo credentials and callback keys exported to this process (fake values, never printed): ${Object.keys(DEMO_ENV).join(", ")}`);
    out(`  CAM users ${APPLY_USER} and ${CHECK_USER} created (no policy yet; their keys are used, never printed); CAM enforcement on`);

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
    rmSync(standInState, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
    const calls: string[] = [];
    const standIn = new TerraformStandIn({
      synthDir: outdir,
      stateDir: standInState,
      clientConfig: (service) => sdkClientConfig(emu!, service as "vod" | "cam"),
      log: (l) => calls.push(l),
    });
    out("  what provider 1.82.101 does for its VOD and CAM resources (read from its Go code; without its 10 s waits), sent to the emulator");
    out("  as the root account; state kept per stack:");
    await standIn.apply(outputsFile);
    for (const c of calls.filter((l) => !/(Describe|GetPolicy|GetUser|ListAttached)/.test(l))) out(`    ${c}`);
    out(`  outputs written as cdktf deploy --outputs-file does: ${path.relative(process.cwd(), outputsFile)}`);

    heading("The post-deploy step's CAM policies, as deployed (derived from the one action table; nothing else granted)");
    await showPolicies(emu);
    out(`  every post-deploy run below signs as ${APPLY_USER} (apply) or ${CHECK_USER} (plan, check), with CAM enforcement on`);
    const common = ["--synth-dir", outdir, "--outputs-file", outputsFile, "--endpoint", emu.url, "--console-driver", "emulator", "--state-dir", stateDir, "--evidence-days", "1", "--quiet"];

    heading("post-deploy plan (dry run: every step, current -> desired)");
    await clock.advance(5);
    const plan = await postDeploy("plan", ["plan"], common);
    out(indent(plan.text));
    out(`  exit ${plan.code}: changes pending, nothing written (${plan.report?.calls.writes ?? "?"} writes)`);

    heading("post-deploy apply: only what has no Terraform resource (SignKey, Live webhook, console settings)");
    const apply = await postDeploy("apply", ["apply"], common);
    out(indent(apply.text));

    heading("terraform plan (stand-in): post-deploy wrote nothing Terraform owns");
    await clock.advance(5);
    const tfPlan1 = await standIn.plan();
    out(indent(tfPlan1.text));

    heading('Drift: a colleague turns Global Auto-Recording back on for staging in the TRTC console ("for the call recordings")');
    await clock.advance(10);
    await emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    clock.consoleChanged();
    out("  nothing in Terraform or the declaration changed; only live evidence can show it");

    heading("Live sessions an hour later (simulated by the emulator: single host and co-host rooms per app)");
    await clock.advance(60);
    await simulateRound(emu, clock, 1, ["solo", "cohost"]);
    const callbacks = await emu.admin.listCallbacks();
    const undelivered = callbacks.filter((c) => !c.ok);
    const why = [...new Set(undelivered.map((c) => c.error ?? `HTTP ${c.status}`))].join("; ");
    out(`  ${callbacks.length} signed callbacks (TRTC recording, Live webhooks, VOD) addressed to the example's https://hooks...example.com receivers;`);
    out(`  ${undelivered.length} of them ${why || "not delivered"}`);

    heading("post-deploy check (CI / schedule): the double recording is caught from SearchMedia + DescribeRecordingUsage");
    await clock.advance(5);
    const check = await postDeploy("check (after drift)", ["check"], common);
    out(indent(only(check.text, /conflict-check|console/)));
    out(`  exit ${check.code} = conflict: each room has Live's file AND one file per host from another recording task, overlapping in time.`);

    heading("post-deploy apply: declared off, and no room is recorded by Global Auto-Recording alone -> turned off");
    const fix = await postDeploy("apply (fix)", ["apply"], common);
    out(indent(only(fix.text, /console|conflict-check/)));

    heading("Turned on again, and this time it also records karaoke rooms, which Live does not record");
    await clock.advance(10);
    await emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    clock.consoleChanged();
    await clock.advance(60);
    await simulateRound(emu, clock, 2, ["solo", "cohost", "karaoke"]);

    heading("post-deploy apply: REFUSES to turn it off (it would stop the karaoke recordings), names the rooms, exit 4");
    await clock.advance(5);
    const refused = await postDeploy("apply (refused: karaoke)", ["apply"], common);
    out(indent(only(refused.text, /console/)));
    out(`  Global Auto-Recording for staging is still ${(await emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled ? "ON" : "off"}`);

    heading("The team decides: stop the karaoke recordings. The declaration says so, with a reason; cdktf deploy");
    const accepted: EnvironmentConfig[] = ENVIRONMENTS.map((e) => (e.name === "staging" ? { ...e, acceptStoppingOtherRecordings: { reason: ACCEPTANCE } } : e));
    synth(accepted, outdir);
    out(`  staging: acceptStoppingOtherRecordings: { reason: "${ACCEPTANCE}" }`);
    calls.length = 0;
    const redeploy = await standIn.apply(outputsFile);
    out(`  terraform apply (stand-in): ${redeploy.plan.hasChanges ? "resources changed" : "no resource changes"}; outputs rewritten (new desired-state hash)`);
    const acceptedApply = await postDeploy("apply (stopping accepted)", ["apply"], common);
    out(indent(only(acceptedApply.text, /console/)));

    heading("Live sessions again, then check");
    await clock.advance(60);
    await simulateRound(emu, clock, 3, ["solo", "cohost", "karaoke"]);
    await clock.advance(5);
    const check2 = await postDeploy("check (after the fix)", ["check"], common);
    out(indent(only(check2.text, /conflict-check/)));
    const ev = check2.report?.apps.find((a) => a.sdkAppId === STAGING)?.steps.find((s) => s.id === "conflict-check")?.evidence;
    if (ev) out(`  staging's evidence after the fix: ${String(ev.files)} recording(s) in ${String(ev.rooms)} room(s), ${String(ev.roomsRecordedTwice)} recorded twice`);
    out("  (the conflict check weighs recordings made after Global Auto-Recording was turned off; the earlier duplicates stay");
    out("   in VOD with the expiry their recorder gave them: post-deploy never changes a recording's expiry)");

    heading("post-deploy apply again: idempotent; the write-only SignKey is reported unverified, not in sync");
    const again = await postDeploy("apply (second time)", ["apply"], common);
    out(indent(only(again.text, /vod-sign-key/)));
    out(`  exit ${again.code}; calls: ${again.report ? formatCalls(again.report.calls) : "?"}`);

    heading("terraform plan (stand-in) after everything");
    const tfPlan2 = await standIn.plan();
    out(indent(tfPlan2.text));

    heading("Summary");
    for (const [name, r] of runs) out(summaryLine(`post-deploy ${name}`, r));
    out(`  ${"terraform plan (stand-in), twice".padEnd(40)} ${tfPlan1.hasChanges || tfPlan2.hasChanges ? "CHANGES" : "no changes"}`);
    const codes = Object.fromEntries(runs.map(([n, r]) => [n, r.code]));
    const expected: Record<string, number> = {
      plan: 2,
      apply: 0,
      "check (after drift)": 3,
      "apply (fix)": 0,
      "apply (refused: karaoke)": 4,
      "apply (stopping accepted)": 0,
      "check (after the fix)": 0,
      "apply (second time)": 0,
    };
    const ok =
      Object.entries(expected).every(([n, c]) => codes[n] === c) &&
      again.report?.calls.writes === 0 &&
      !tfPlan1.hasChanges &&
      !tfPlan2.hasChanges &&
      signedBy.other === 0 &&
      signedBy[APPLY_USER] > 0 &&
      signedBy[CHECK_USER] > 0;
    out();
    out(
      `  ${ok ? "As expected" : "UNEXPECTED"}: plan 2, apply 0, terraform plan no changes, check 3 (conflict caught), fix 0, refusal 4, accepted 0, ` +
        "check 0, second apply 0 with 0 writes, terraform plan no changes.",
    );
    const calledAs = `post-deploy ran as CAM users ${APPLY_USER} (apply) and ${CHECK_USER} (plan, check), allowed only by the generated policies`;
    out(`  ${calledAs}; ${runs.every(([, r]) => !/missing CAM permission/.test(r.text)) ? "no call was refused" : "SOME CALLS WERE REFUSED"}.`);
    out(
      `  their VOD and TRTC calls, as the emulator logged who signed them: ${signedBy[APPLY_USER]} by ${APPLY_USER}, ` +
        `${signedBy[CHECK_USER]} by ${CHECK_USER}, ${signedBy.other} with any other key.`,
    );
    out(`  Wall time ${((Date.now() - started) / 1000).toFixed(1)} s. Against a real account: npm run deploy (cdktf deploy + post-deploy apply), see README.`);
    if (!ok) process.exitCode = 1;
  } finally {
    await emu.stop();
  }
}

/** Each deployed policy of the demo: name, attachments, and its statements in one line each. */
async function showPolicies(emu: Emulator): Promise<void> {
  const client = new cam.v20190116.Client(sdkClientConfig(emu, "cam"));
  const users = await emu.cam.listUsers();
  const listed = await client.ListPolicies({ Rp: 200, Scope: "Local" });
  for (const p of listed.List ?? []) {
    const policy = await client.GetPolicy({ PolicyId: Number(p.PolicyId) });
    const attached: string[] = [];
    for (const u of users) {
      const a = await client.ListAttachedUserPolicies({ TargetUin: u.uin, Rp: 200 });
      if ((a.List ?? []).some((x) => x.PolicyId === p.PolicyId)) attached.push(`CAM user ${u.name}`);
    }
    out(`  ${p.PolicyName} (PolicyId ${p.PolicyId}), attached to ${attached.join(", ") || "nobody"}:`);
    const doc = JSON.parse(policy.PolicyDocument ?? "{}") as { statement?: Array<{ effect: string; action: string[]; resource: string[] }> };
    for (const st of doc.statement ?? []) out(`    ${st.effect} ${st.action.join(", ")} on ${st.resource.join(", ")}`);
  }
  const ungranted = postDeployActions().filter(([, row]) => row.postDeploy.cam.kind === "no-grant-needed").map(([key]) => key);
  out(`  not in them: ${ungranted.join(", ")} (documented as needing no grant); outside CAM: the Live REST API (UserSig) and the console settings`);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
