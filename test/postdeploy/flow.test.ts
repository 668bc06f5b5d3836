/** plan / apply / check against a real emulator with the real SDK: what each writes, and that a second apply writes nothing. */
import { readFileSync } from "fs";
import { secretFingerprint } from "../../lib/fingerprint";
import { PRODUCTION, SECRETS, STAGING, World, expectNoSecret, filesIn, pd, step, world } from "./helpers";

describe("post-deploy plan / apply / check", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w.close();
  });

  test("plan lists every step for every app, writes nothing, exits 2; apply converges (exit 0); a second apply, plan and check write nothing (exit 0)", async () => {
    // WHEN plan
    const mark0 = w.emu.callLog.mark();
    const plan = await pd(["plan", ...w.flags], w.env);
    // THEN
    expect(plan.code).toBe(2);
    expect(plan.report?.calls.writes).toBe(0);
    expect(w.emu.callLog.summary(mark0).writes).toBe(0);
    for (const app of plan.report!.apps) {
      expect(app.steps.map((s) => s.id)).toEqual(["vod-application", "vod-event-config", "vod-sign-key", "live-webhook", "console", "retention-sweep", "conflict-check"]);
    }
    expect(step(plan.report, STAGING, "console").status).toBe("would-change");
    expect(step(plan.report, STAGING, "vod-sign-key").status).toBe("would-change");
    expect(plan.stdout).toContain("exit 2: changes pending for production (1400000002), staging (1400000001)");

    // WHEN apply
    const mark1 = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env);
    // THEN every difference is written once: description, SignKey, webhook, token, console, per app
    expect(apply.code).toBe(0);
    expect(apply.report?.calls.writes).toBe(10);
    const log = w.emu.callLog.summary(mark1);
    expect(log.writes).toBe(8); // the two console writes go to the admin API, not logged as cloud calls
    expect(Object.fromEntries(Object.entries(log.byAction).filter(([a]) => /Modify|set_/.test(a)).map(([a, c]) => [a, c.calls]))).toEqual({
      ModifySubAppIdInfo: 2,
      ModifyEventConfig: 2,
      "live_config/set_callback": 2,
      "live_config/set_callback_token": 2,
    });
    for (const app of apply.report!.apps) expect(app.status).toBe("changed");

    // AND the cloud now matches the declaration
    const dump = await w.emu.admin.dumpState();
    expect(dump.subApps.find((a) => a.SubAppId === w.subApps.staging)?.Description).toBe("Live room recordings (staging)");
    expect(dump.eventConfigs[String(w.subApps.production)].signKeyFingerprint).toBe(secretFingerprint(SECRETS.TF_VAR_vod_sign_key));
    expect(dump.liveCallbacks[String(STAGING)]).toEqual({
      Url: `${w.receiver.url}/staging/live`,
      CallbackCommandList: ["Follow.CallbackAfterCloudRecordingChanged", "Live.CallbackAfterCreateRoom", "Live.CallbackAfterDestroyRoom"],
    });
    expect(dump.liveCallbackTokens[String(PRODUCTION)]).toEqual({ tokenFingerprint: secretFingerprint(SECRETS.TF_VAR_live_webhook_token), IsTokenEnable: true });
    const consoleState = await w.emu.admin.getConsoleState(STAGING);
    expect(consoleState).toEqual({
      sdkAppId: STAGING,
      globalAutoRecording: { enabled: false },
      liveRoomRecording: { vodSubAppId: w.subApps.staging, saveDurationSeconds: 30 * 86400, fullRoomRecording: true },
      trtcCallbacks: { recordingCallbackUrl: `${w.receiver.url}/staging/trtc`, callbackKeyFingerprint: secretFingerprint(SECRETS.STAGING_TRTC_CALLBACK_KEY) },
    });

    // WHEN apply again, plan, check
    for (const mode of ["apply", "plan", "check"]) {
      const mark = w.emu.callLog.mark();
      const run = await pd([mode, ...w.flags], w.env);
      // THEN nothing is written, by our count and by the emulator's
      expect({ mode, code: run.code, writes: run.report?.calls.writes, emulatorWrites: w.emu.callLog.summary(mark).writes }).toEqual({ mode, code: 0, writes: 0, emulatorWrites: 0 });
      // Per app: DescribeEventConfig, live_config/get_callback, get_callback_token, one SearchMedia page (cloud API
      // reads: at most 4 plus one per page) and the console read. For the run: one DescribeSubAppIds for all apps and
      // the account-wide usage (two mix types, the window's partial first and last days and the days between).
      for (const app of run.report!.apps) {
        const { console: consoleReads, ...api } = Object.fromEntries(
          Object.entries(app.calls.byAction).map(([k, v]) => [k.startsWith("console.") ? "console" : k, v]),
        );
        expect({ mode, api }).toEqual({
          mode,
          api: { "vod.DescribeEventConfig": 1, "live.live_config/get_callback": 1, "live.live_config/get_callback_token": 1, "vod.SearchMedia": 1 },
        });
        expect(consoleReads).toBe(1);
      }
      expect(run.report?.runCalls.byAction).toEqual({ "vod.DescribeSubAppIds": 1, "trtc.DescribeRecordingUsage": 6 });
      for (const app of run.report!.apps) expect(app.steps.every((s) => s.status === "in-sync")).toBe(true);
    }
  });

  test("--json: a stable shape with exit code, reason, per-app steps and call counts", async () => {
    const run = await pd(["check", "--json", ...w.flags], w.env);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["apps", "calls", "durationMs", "exitCode", "exitReason", "mode", "runCalls", "schema", "startedAt", "version"]);
    expect(json).toMatchObject({ schema: "trtc-live-recording/post-deploy-report", version: 1, mode: "check", exitCode: 0, exitReason: "in sync" });
    const app = (json.apps as Record<string, unknown>[])[0];
    expect(Object.keys(app).sort()).toEqual(["calls", "done", "environment", "exitCode", "failed", "notAttempted", "problems", "sdkAppId", "status", "steps", "vodSubAppId", "warnings"]);
    const s = (app.steps as Record<string, unknown>[])[0];
    expect(Object.keys(s).sort()).toEqual(["current", "desired", "detail", "id", "status", "title"]);
  });

  test("drift is converged: a changed event config and a disabled sub-application are put back, each after a read", async () => {
    await w.emu.admin.setConsoleState(PRODUCTION, { liveRoomRecording: { fullRoomRecording: false } });
    const { vod } = await import("tencentcloud-sdk-nodejs/tencentcloud/services/vod");
    const { sdkClientConfig } = await import("../../emulator");
    const client = new vod.v20180717.Client(sdkClientConfig(w.emu, "vod"));
    await client.ModifyEventConfig({ SubAppId: w.subApps.staging, NotificationUrl: "https://elsewhere.example.com/x", UploadMediaCompleteEventSwitch: "OFF" });
    await client.ModifySubAppIdStatus({ SubAppId: w.subApps.production, Status: "Off" });

    const check = await pd(["check", ...w.flags], w.env);
    expect(check.code).toBe(2);
    expect(step(check.report, STAGING, "vod-event-config").detail).toEqual([
      `notificationUrl: "https://elsewhere.example.com/x" -> "${w.receiver.url}/staging/vod"`,
      'uploadMediaCompleteEventSwitch: "OFF" -> "ON"',
      "Terraform normally sets these: the configuration drifted since the last deploy",
    ]);
    expect(step(check.report, PRODUCTION, "vod-application").detail).toContain("status: Off -> On");
    expect(step(check.report, PRODUCTION, "console").detail).toContain("Room Recording > Full Room Recording: false -> true");

    const mark = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env);
    expect(apply.code).toBe(0);
    const entries = w.emu.callLog.entries(mark);
    // Every write is preceded by the read of what it changes, in the same run.
    const readOf: Record<string, (r: (typeof entries)[number], w: (typeof entries)[number]) => boolean> = {
      ModifySubAppIdStatus: (r) => r.action === "DescribeSubAppIds",
      ModifyEventConfig: (r, w) => r.action === "DescribeEventConfig" && r.appId === w.appId,
    };
    for (const [i, e] of entries.entries()) {
      if (!e.write) continue;
      expect({ write: e.action, precededByRead: entries.slice(0, i).some((r) => !r.write && readOf[e.action](r, e)) }).toEqual({ write: e.action, precededByRead: true });
    }
    expect(entries.filter((e) => e.write).map((e) => e.action).sort()).toEqual(["ModifyEventConfig", "ModifySubAppIdStatus"]);
    expect((await pd(["check", ...w.flags], w.env)).code).toBe(0);
  });

  test("no secret in any output (human, --json, progress) nor in the files the step writes", async () => {
    const noisy = w.flags.filter((f) => f !== "--quiet");
    const runs = [
      await pd(["plan", ...noisy], w.env),
      await pd(["apply", "--reapply-secrets", ...noisy], w.env),
      await pd(["check", "--json", ...noisy], w.env),
      await pd(["apply", "--json", "--reapply-secrets", ...noisy], w.env),
    ];
    expect(runs[1].report?.calls.writes).toBe(4); // SignKey and token, both apps, sent again
    expect(runs[1].stderr).toContain("[staging 1400000001] vod-sign-key: reading and applying");
    for (const r of runs) {
      expectNoSecret(r.stdout);
      expectNoSecret(r.stderr);
    }
    const state = readFileSync(`${w.stateDir}/state.json`, "utf8");
    expect(state).toContain('"vodSignKey"');
    for (const f of filesIn(w.stateDir)) expectNoSecret(f.text);
    // Not even the unsalted fingerprint the emulator reports.
    expect(state).not.toContain(secretFingerprint(SECRETS.STAGING_VOD_SIGN_KEY));
  });
});
