/** plan / apply / check against a real emulator with the real SDK: what each writes, and that a second apply writes nothing. */
import { readFileSync } from "fs";
import { secretFingerprint } from "../../lib/fingerprint";
import { PRODUCTION, SECRETS, STAGING, World, expectNoSecret, filesIn, pd, standIn, step, world } from "./helpers";

describe("post-deploy plan / apply / check", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w.close();
  });

  test("plan lists every step for every app, writes nothing, exits 2; apply writes only what has no Terraform resource (exit 0); a second apply, plan and check write nothing (exit 0)", async () => {
    // WHEN plan
    const mark0 = w.emu.callLog.mark();
    const plan = await pd(["plan", ...w.flags], w.env);
    // THEN
    expect(plan.code).toBe(2);
    expect(plan.report?.calls.writes).toBe(0);
    expect(w.emu.callLog.summary(mark0).writes).toBe(0);
    for (const app of plan.report!.apps) {
      expect(app.steps.map((s) => s.id)).toEqual(["vod-application", "vod-event-config", "vod-sign-key", "live-webhook", "console", "conflict-check"]);
    }
    expect(step(plan.report, STAGING, "console").status).toBe("would-change");
    expect(step(plan.report, STAGING, "vod-sign-key").status).toBe("would-change");
    // Terraform set the description at create: nothing for post-deploy to do there.
    expect(step(plan.report, STAGING, "vod-application").status).toBe("in-sync");
    expect(plan.stdout).toContain("exit 2: changes pending for production (1400000002), staging (1400000001)");

    // WHEN apply
    const mark1 = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env);
    // THEN each difference is written once: SignKey, webhook, token, console, per app; nothing Terraform manages
    expect(apply.code).toBe(0);
    expect(apply.report?.calls.writes).toBe(8);
    const log = w.emu.callLog.summary(mark1);
    expect(log.writes).toBe(6); // the two console writes go to the admin API, not logged as cloud calls
    const writes: Record<string, number> = {};
    for (const e of w.emu.callLog.entries(mark1).filter((x) => x.write)) writes[e.action] = (writes[e.action] ?? 0) + 1;
    expect(writes).toEqual({
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
    // AND Terraform (the stand-in refreshing through the provider's reads) sees nothing to change
    const tfPlan = await standIn(w).plan();
    expect(tfPlan.hasChanges).toBe(false);
    expect(tfPlan.changes.map((c) => c.action)).toEqual(["no-op", "no-op", "no-op", "no-op"]);

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
      // Everything read back is in sync; the write-only SignKey cannot be read back: unverified, never in-sync.
      for (const app of run.report!.apps) {
        expect(Object.fromEntries(app.steps.map((s) => [s.id, s.status]))).toEqual({
          "vod-application": "in-sync",
          "vod-event-config": "in-sync",
          "vod-sign-key": "unverified",
          "live-webhook": "in-sync",
          console: "in-sync",
          "conflict-check": "in-sync",
        });
      }
      expect(step(run.report, STAGING, "vod-sign-key").detail[0]).toMatch(
        /^not verified: write-only: VOD never returns the SignKey \(DescribeEventConfig has no such field\), so what VOD holds cannot be read back; this machine sent the key from environment variable STAGING_VOD_SIGN_KEY at \S+ \(same salted fingerprint/,
      );
      expect(run.stdout).toContain("? unverified   vod-sign-key");
    }
  });

  test("--json: a stable shape (version 2) with exit code, reason, per-app steps and call counts", async () => {
    const run = await pd(["check", "--json", ...w.flags], w.env);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["apps", "calls", "durationMs", "exitCode", "exitReason", "mode", "runCalls", "schema", "startedAt", "version"]);
    expect(json).toMatchObject({ schema: "trtc-live-recording/post-deploy-report", version: 2, mode: "check", exitCode: 0, exitReason: "in sync" });
    const app = (json.apps as Record<string, unknown>[])[0];
    expect(Object.keys(app).sort()).toEqual(["calls", "done", "environment", "exitCode", "failed", "notAttempted", "problems", "sdkAppId", "status", "steps", "vodSubAppId", "warnings"]);
    const s = (app.steps as Record<string, unknown>[])[0];
    expect(Object.keys(s).sort()).toEqual(["current", "desired", "detail", "id", "status", "title"]);
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
