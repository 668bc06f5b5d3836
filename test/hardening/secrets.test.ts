/**
 * Everything the package writes, scanned for the credentials and callback keys in use: synthesized configuration
 * and desired state, the Terraform outputs file, recording plans, post-deploy reports at every verbosity (human,
 * progress, --json), its state and attestation files, and the emulator's call log. None may contain a secret or a
 * UserSig. (The emulator's optional state file holds the secrets a cloud holds, by design; it is not written here.)
 */
import * as path from "path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../../emulator";
import { runCli } from "../../cli/main";
import { SECRETS, World, filesIn, pd, synthInto, testEnvironments, world } from "../postdeploy/helpers";

const ALL_SECRETS: Record<string, string> = { ...SECRETS, TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY };

function leaks(text: string): string[] {
  const found = Object.entries(ALL_SECRETS)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
  if (/usersig=|TLS\.sig|"UserSig"/i.test(text)) found.push("a UserSig");
  return found;
}

describe("no secret anywhere the package writes", () => {
  let w: World;
  const written: Array<{ what: string; text: string }> = [];
  const emulatorLog: string[] = [];

  beforeAll(async () => {
    // Secrets are in the environment for the whole flow, synthesis included.
    const saved = { ...process.env };
    Object.assign(process.env, ALL_SECRETS);
    try {
      w = await world({ emulatorLog: (line) => emulatorLog.push(line) });
      // A second synthesis in this process's environment, exactly as `cdktf synth` would run it.
      synthInto(path.join(w.dir, "synth-again"), testEnvironments("https://hooks.example.com"));
    } finally {
      process.env = saved;
    }
    const capture = (what: string) => ({
      stdout: (t: string) => void written.push({ what: `${what} stdout`, text: t }),
      stderr: (t: string) => void written.push({ what: `${what} stderr`, text: t }),
      env: { ...process.env, ...w.env },
    });
    // The recording plan, Markdown and JSON.
    await runCli(["plan", "--no-synth", "--synth-dir", w.synthDir, "--out", path.join(w.dir, "plan"), "--format", "both"], capture("plan"));
    // The post-deploy step at every verbosity, with secrets sent again so their code paths run.
    const noisy = w.flags.filter((f) => f !== "--quiet");
    for (const args of [
      ["plan", ...noisy],
      ["apply", "--reapply-secrets", ...noisy],
      ["apply", "--reapply-secrets", "--json", ...noisy],
      ["check", ...w.flags],
      ["check", "--json", ...noisy],
    ]) {
      const r = await pd(args, w.env);
      written.push({ what: `post-deploy ${args[0]} stdout`, text: r.stdout }, { what: `post-deploy ${args[0]} stderr`, text: r.stderr });
    }
    // The guided driver's instructions and the attestation file.
    const guided = w.flags.map((f) => (f === "emulator" ? "guided" : f));
    const attestations = path.join(w.dir, "attestations.json");
    for (const args of [
      ["plan", ...guided.filter((f) => f !== "--quiet"), "--attestations", attestations],
      ["attest", "--sdk-app-id", "1400000001", "--by", "test", "--synth-dir", w.synthDir, "--outputs-file", w.outputsFile, "--attestations", attestations],
    ]) {
      const r = await pd(args, w.env);
      written.push({ what: `post-deploy ${args[0]} (guided) stdout`, text: r.stdout }, { what: `post-deploy ${args[0]} (guided) stderr`, text: r.stderr });
    }
    await w.emu.admin.settle();
  });
  afterAll(async () => {
    await w.close();
  });

  test("the flow really ran: files were written and the keys were applied", async () => {
    const files = filesIn(w.dir).map((f) => path.relative(w.dir, f.path));
    expect(files).toEqual(
      expect.arrayContaining([
        "cdktf.out/stacks/staging/cdk.tf.json",
        "cdktf.out/stacks/production/live-recording.json",
        "outputs.json",
        "plan/plan.md",
        "plan/plan.json",
        ".post-deploy/state.json",
        "attestations.json",
        "synth-again/stacks/production/cdk.tf.json",
      ]),
    );
    // The keys did reach the emulator (so the scan below looks at runs that handled them).
    const state = await w.emu.admin.getConsoleState(1400000001);
    expect(state.trtcCallbacks.callbackKeyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(written.some((o) => o.text.includes("vod-sign-key"))).toBe(true);
    expect(emulatorLog.some((l) => l.includes("ModifyEventConfig"))).toBe(true);
  });

  test("no file the package wrote contains a secret", () => {
    for (const f of filesIn(w.dir)) expect({ file: path.relative(w.dir, f.path), leaks: leaks(f.text) }).toEqual({ file: path.relative(w.dir, f.path), leaks: [] });
  });

  test("no output (plan, post-deploy human / progress / --json, guided instructions) contains a secret", () => {
    expect(written.length).toBeGreaterThan(10);
    for (const o of written) expect({ what: o.what, leaks: leaks(o.text) }).toEqual({ what: o.what, leaks: [] });
  });

  test("the emulator's call log contains no secret", () => {
    expect(emulatorLog.length).toBeGreaterThan(20);
    expect(leaks(emulatorLog.join("\n"))).toEqual([]);
  });

  test("the scan itself finds a planted secret", () => {
    expect(leaks(`x ${SECRETS.STAGING_VOD_SIGN_KEY} y`)).toEqual(["STAGING_VOD_SIGN_KEY"]);
    expect(leaks("https://console.tim.qq.com/v4/x?usersig=eJx")).toEqual(["a UserSig"]);
  });
});
