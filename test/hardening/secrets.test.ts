/**
 * Everything the package writes, scanned for the credentials and callback keys in use: synthesized configuration
 * and desired state, the Terraform outputs file, recording plans, post-deploy reports at every verbosity (human,
 * progress, --json), its state and attestation files, and the emulator's call log. None may contain a secret or a
 * UserSig. (The emulator's optional state file holds the secrets a cloud holds, by design; it is not written here.)
 */
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, FAULT_KINDS } from "../../emulator/public-api";
import { runCli } from "../../cli/main";
import { FAST, SECRETS, STAGING, World, filesIn, pd, step, synthInto, testEnvironments, world } from "../postdeploy/helpers";

const ALL_SECRETS: Record<string, string> = { ...SECRETS, TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY };

function leaks(text: string): string[] {
  const found = Object.entries(ALL_SECRETS)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
  // A UserSig as a URL parameter, a JSON field, its decoded form, or its value (base64 of zlib data: "eJ" + 40 or more
  // characters of Tencent's URL-safe alphabet).
  if (/usersig=|TLS\.sig|"UserSig"|eJ[A-Za-z0-9*_-]{40,}/i.test(text)) found.push("a UserSig");
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
    // Anchored: the SignKey writes succeeded (a failed or skipped one would still mention the step or the action).
    expect(written.filter((o) => /^ {2}\+ changed {6}vod-sign-key /m.test(o.text)).length).toBeGreaterThanOrEqual(1);
    expect(emulatorLog.filter((l) => /^vod ModifyEventConfig ok$/.test(l)).length).toBeGreaterThanOrEqual(4);
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
    expect(leaks("sig eJyrVipILCpRsjI0MDA2MDEwNjI0tTAyNTYyNTG2NjQ1MDYxNTG2MjQ0tTE2MjY1NDY1Nz-*_ end")).toEqual(["a UserSig"]);
    expect(leaks("calls: 12 read(s), 4 write(s); exit 0")).toEqual([]);
  });
});

/**
 * A test double between the post-deploy step and the emulator that makes every write carrying a secret fail with an
 * error that echoes the whole request (the SignKey, the webhook token or the TRTC callback key in it); everything else
 * is passed through. `leakOn` chooses which writes fail, so each one can be reached (a failed write stops the writes
 * after it).
 */
interface LeakyDouble {
  readonly url: string;
  leakOn: Set<"ModifyEventConfig" | "set_callback_token" | "console">;
  /** How many answers echoed a secret, by write. */
  readonly echoed: Record<string, number>;
  close(): Promise<void>;
}

async function startLeakyDouble(target: string): Promise<LeakyDouble> {
  const double: LeakyDouble = { url: "", leakOn: new Set(), echoed: {}, close: async () => undefined };
  const answer = (res: http.ServerResponse, status: number, body: unknown, kind: string) => {
    double.echoed[kind] = (double.echoed[kind] ?? 0) + 1;
    const text = JSON.stringify(body);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) });
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      const url = req.url ?? "/";
      if (double.leakOn.has("ModifyEventConfig") && req.headers["x-tc-action"] === "ModifyEventConfig" && text.includes('"SignKey"')) {
        return answer(res, 200, { Response: { Error: { Code: "InternalError", Message: `could not apply ${text}` }, RequestId: "leaky" } }, "ModifyEventConfig");
      }
      if (double.leakOn.has("set_callback_token") && url.startsWith("/v4/live_config/set_callback_token")) {
        return answer(res, 200, { ActionStatus: "FAIL", ErrorCode: 100001, ErrorInfo: `internal error for ${text}`, RequestId: "leaky" }, "set_callback_token");
      }
      if (double.leakOn.has("console") && req.method === "PATCH" && url.startsWith("/_admin/apps/") && text.includes('"callbackKey"')) {
        return answer(res, 500, { error: `could not store ${text}` }, "console");
      }
      const fwd = http.request(new URL(url, target), { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      fwd.on("error", () => res.destroy());
      fwd.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(double, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

describe("no secret in any output under fault injection, even when a failing write's error echoes the secret", () => {
  let w: World;
  let double: LeakyDouble;
  const runs: Array<{ what: string; code: number; stdout: string; stderr: string; report?: Awaited<ReturnType<typeof pd>>["report"] }> = [];
  const emulatorLog: string[] = [];

  beforeAll(async () => {
    w = await world({ emulatorLog: (line) => emulatorLog.push(line) });
    double = await startLeakyDouble(w.emu.url);
    // Every kind of fault at 30 %, on every emulated call, for every run below.
    await w.emu.admin.setFaults({ rate: 0.3, seed: 13, kinds: [...FAULT_KINDS], slowMs: 200 });
    const flags = w.flags.filter((f) => f !== "--quiet").map((f) => (f === w.emu.url ? double.url : f));
    const patient = { ...FAST, retry: { attempts: 12, baseDelayMs: 1, maxDelayMs: 5 } };
    const leakyRuns: Array<[LeakyDouble["leakOn"] extends Set<infer K> ? K : never, string[]]> = [
      ["ModifyEventConfig", ["apply", "--reapply-secrets"]],
      ["set_callback_token", ["apply", "--reapply-secrets", "--json"]],
      ["console", ["apply", "--reapply-secrets"]],
    ];
    for (const [leakOn, args] of leakyRuns) {
      double.leakOn = new Set([leakOn]);
      const r = await pd([...args, "--request-timeout", "0.1", ...flags], w.env, patient);
      runs.push({ what: `${args.join(" ")} (leaky ${leakOn})`, ...r });
    }
    double.leakOn = new Set();
    for (const args of [["plan"], ["check", "--json"]]) {
      const r = await pd([...args, "--request-timeout", "0.1", ...flags], w.env, patient);
      runs.push({ what: args.join(" "), ...r });
    }
    await w.emu.admin.clearFaults();
    await w.emu.admin.settle();
  });
  afterAll(async () => {
    await double?.close();
    await w?.close();
  });

  test("the faults and the leaky double really happened: each secret-carrying write failed on an echoing error", () => {
    expect(Object.keys(double.echoed).sort()).toEqual(["ModifyEventConfig", "console", "set_callback_token"]);
    const faulted = new Set(w.emu.callLog.entries().filter((e) => e.fault).map((e) => e.fault));
    expect(faulted.size).toBeGreaterThanOrEqual(4);
    const failedStep = (i: number, id: string) => step(runs[i].report, STAGING, id);
    expect(failedStep(0, "vod-sign-key")).toMatchObject({ status: "failed" });
    expect(failedStep(0, "vod-sign-key").detail[0]).toMatch(/^InternalError: vod\.ModifyEventConfig failed; its error text is not shown because the request carried a secret/);
    expect(failedStep(1, "live-webhook")).toMatchObject({ status: "failed" });
    expect(failedStep(1, "live-webhook").detail.join("\n")).toContain("100001: live.live_config/set_callback_token failed; its error text is not shown");
    expect(failedStep(2, "console")).toMatchObject({ status: "failed" });
    expect(failedStep(2, "console").detail.join("\n")).toContain("admin HTTP 500: console.setConsoleState failed; its error text is not shown");
    expect(runs.every((r) => r.stderr.includes("retry "))).toBe(true);
  });

  test("no output (human, --json, progress and retry lines) contains a secret", () => {
    expect(runs).toHaveLength(5);
    for (const r of runs) {
      expect({ what: `${r.what} stdout`, leaks: leaks(r.stdout) }).toEqual({ what: `${r.what} stdout`, leaks: [] });
      expect({ what: `${r.what} stderr`, leaks: leaks(r.stderr) }).toEqual({ what: `${r.what} stderr`, leaks: [] });
    }
  });

  test("no file written under faults contains a secret, nor the emulator's call log", () => {
    for (const f of filesIn(w.dir)) expect({ file: path.relative(w.dir, f.path), leaks: leaks(f.text) }).toEqual({ file: path.relative(w.dir, f.path), leaks: [] });
    expect(leaks(emulatorLog.join("\n"))).toEqual([]);
  });
});
