/** The command line: bad input gives one clear error line and exit 1; what is missing blocks only what needs it. */
import { writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../../cli/main";
import { STAGING, World, expectNoSecret, pd, step, tempDir, world } from "./helpers";

describe("post-deploy command line", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  afterAll(async () => {
    await w.close();
  });

  test("--help documents the exit codes", async () => {
    let out = "";
    const code = await runCli(["post-deploy", "check", "--help"], { stdout: (t) => void (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain("Exit codes:\n  0  in sync");
    // The exit code of a value that cannot be read back is documented where the codes are.
    expect(out).toContain("values that cannot be read back (the\n     write-only VOD SignKey) are listed as unverified and do not change the code");
    expect(out).toContain("  3  conflict: Global Auto-Recording double recording confirmed by live evidence");
    expect(out).toContain("  4  refused: Global Auto-Recording is declared off, but evidence shows it may be the only recorder of some rooms");
    expect(out).toContain("When several apply: 4, then 3, then 1, then 2.");
    expect(out).toContain("--console-driver <driver>");
    // The retention sweep and its flag are gone: no recording's expiry is changed.
    expect(out).not.toContain("--allow-expire-now");
  });

  const noCredentialsEnv = () => ({ ...w.env, TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "", TENCENTCLOUD_SHARED_CREDENTIALS_DIR: tempDir() });

  // Every bad flag and file, with its exact one-line message: test/hardening/cli-bad-input.test.ts.
  test("no credentials: one error line naming the variables, exit 1, nothing on stdout", async () => {
    const run = await pd(["plan", ...w.flags], noCredentialsEnv());
    expect(run).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "error: no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or create a tccli profile (~/.tccli/<profile>.credential)\n",
    });
  });

  test("--console-driver emulator is there only when the entry point wires it in", async () => {
    let stderr = "";
    const code = await runCli(["post-deploy", "plan", "--console-driver", "emulator"], { stdout: () => undefined, stderr: (t) => void (stderr += t), env: w.env });
    expect([code, stderr]).toEqual([1, 'error: --console-driver must be one of guided, got "emulator"\n']);
  });

  test("a missing secret blocks only its step, naming the variable (never a value); the rest is applied; exit 1", async () => {
    const env = { ...w.env, STAGING_VOD_SIGN_KEY: undefined, TRTC_SDK_SECRET_KEY_1400000002: undefined };
    const apply = await pd(["apply", ...w.flags], env);
    expect(apply.code).toBe(1);
    expect(step(apply.report, STAGING, "vod-sign-key")).toMatchObject({ status: "blocked", detail: ["environment variable STAGING_VOD_SIGN_KEY is not set: set STAGING_VOD_SIGN_KEY and run again"] });
    expect(step(apply.report, 1400000002, "live-webhook")).toMatchObject({
      status: "blocked",
      detail: ["no SDK secret key for SDKAppID 1400000002: set TRTC_SDK_SECRET_KEY_1400000002 (or TRTC_SDK_SECRET_KEY)"],
    });
    expect(step(apply.report, STAGING, "console").status).toBe("changed");
    expect(apply.stdout).toContain("exit 1: failed or blocked: production (1400000002), staging (1400000001)");
    expectNoSecret(apply.stdout);
  });

  test("a secret that is not a valid key is refused without showing it", async () => {
    const run = await pd(["plan", ...w.flags, "--stack", "staging"], { ...w.env, STAGING_LIVE_WEBHOOK_TOKEN: "not a key!" });
    expect(step(run.report, STAGING, "live-webhook").detail).toContain(
      "token: environment variable STAGING_LIVE_WEBHOOK_TOKEN is not a valid callback key (letters and digits, 1 to 32 characters; value not shown): set STAGING_LIVE_WEBHOOK_TOKEN and run again",
    );
    expect(run.stdout).not.toContain("not a key!");
  });

  test("without the Terraform outputs, the steps that need the VOD SubAppId are blocked and say how to get it", async () => {
    const run = await pd(["plan", ...w.flags.filter((f) => f !== "--outputs-file" && f !== w.outputsFile), "--stack", "staging"], w.env);
    expect(run.code).toBe(1);
    expect(step(run.report, STAGING, "vod-application")).toMatchObject({
      status: "blocked",
      detail: ['no output "vod_sub_app_id" for stack staging: deploy it first (cdktf deploy --outputs-file <file>) and pass --outputs-file', "the VOD SubAppId is unknown"],
    });
    expect(step(run.report, STAGING, "conflict-check").status).toBe("blocked");
    expect(step(run.report, STAGING, "live-webhook").status).not.toBe("blocked");
  });

  test("--output key=value and a flat outputs file work as well as cdktf's nested one; a wrong SDK key fails without leaking it or a UserSig", async () => {
    const flat = path.join(w.dir, "flat.json");
    writeFileSync(flat, JSON.stringify({ staging: { vod_sub_app_id: w.subApps.staging } }));
    const base = w.flags.filter((f) => f !== "--outputs-file" && f !== w.outputsFile);
    expect((await pd(["plan", ...base, "--stack", "staging", "--outputs-file", flat], w.env)).report?.apps[0].vodSubAppId).toBe(w.subApps.staging);
    expect((await pd(["plan", ...base, "--stack", "staging", "--output", `vod_sub_app_id=${w.subApps.staging}`], w.env)).report?.apps[0].vodSubAppId).toBe(w.subApps.staging);

    const wrong = "wrongSdkKeyThatIsSecret000";
    const run = await pd(["plan", ...w.flags.filter((f) => f !== "--quiet"), "--stack", "staging"], { ...w.env, TRTC_SDK_SECRET_KEY_1400000001: wrong });
    expect(step(run.report, STAGING, "live-webhook")).toMatchObject({ status: "failed" });
    expect(step(run.report, STAGING, "live-webhook").detail[0]).toMatch(/^70009: live_config\/get_callback: ErrorCode 70009/);
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expectNoSecret(run.stdout + run.stderr);
  });
});

test("check on a machine that never applied the write-only SignKey cannot verify it: unverified (never in sync), exit code unchanged", async () => {
  const w = await world();
  try {
    expect((await pd(["apply", ...w.flags], w.env)).code).toBe(0);
    const fresh = tempDir();
    const freshState = w.flags.map((f) => (f === w.stateDir ? fresh : f));
    const check = await pd(["check", ...freshState], w.env);
    expect(check.code).toBe(0);
    expect(step(check.report, STAGING, "vod-sign-key")).toMatchObject({
      status: "unverified",
      detail: [expect.stringMatching(/^not verified: write-only: VOD never returns the SignKey .*, and this machine never sent it \(.*\); post-deploy apply sends it once$/)],
    });
    const plan = await pd(["plan", ...freshState], w.env);
    expect(step(plan.report, STAGING, "vod-sign-key").status).toBe("would-change");
  } finally {
    await w.close();
  }
});
