import { spawnSync } from "child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../../cli/main";
import { Retention } from "../../constructs";
import { ENVIRONMENTS } from "../../main";
import { serializeDesiredState } from "../../lib/desired-state";
import { buildRecordingPlan } from "../../plan/build";
import { runPlanCommand } from "../../plan/command";
import { renderPlanJson } from "../../plan/json";
import { filesUnder, ROOT } from "../support/app";
import { desiredStates, fixtureState, tempDir, withEnvironment, writeSynthDir } from "./support";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
async function cli(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

describe("trtc-live-recording plan (CLI)", () => {
  let exampleSynth: string;
  beforeAll(() => {
    exampleSynth = writeSynthDir(desiredStates());
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  test("--no-synth: prints the Markdown plan, writes plan.md and plan.json, exits 0", async () => {
    const out = tempDir();
    const run = await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("# Recording plan");
    expect(run.stdout).toContain("## production");
    expect(run.stdout).toContain("## staging");
    expect(readFileSync(path.join(out, "plan.md"), "utf8")).toBe(run.stdout);
    expect(readFileSync(path.join(out, "plan.json"), "utf8")).toBe(renderPlanJson(buildRecordingPlan(desiredStates())));
  });

  test("--out defaults to <synth-dir>/plan; --format json prints and writes JSON only", async () => {
    const synth = writeSynthDir(desiredStates());
    const run = await cli("plan", "--no-synth", "--synth-dir", synth, "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).schema).toBe("trtc-live-recording/recording-plan");
    expect(existsSync(path.join(synth, "plan", "plan.json"))).toBe(true);
    expect(existsSync(path.join(synth, "plan", "plan.md"))).toBe(false);
  });

  test("--base with the same plan: no change, exit 0", async () => {
    const out = tempDir();
    await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", out);
    const run = await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", tempDir(), "--base", path.join(out, "plan.json"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No change to recording.");
    expect(run.stdout).not.toContain("# Recording plan\n");
  });

  test("--base after one setting changed: only that change, exit 2", async () => {
    const baseOut = tempDir();
    await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", baseOut);
    const changed = writeSynthDir(desiredStates(withEnvironment("staging", (e) => ({ ...e, fullRoomRecording: false }))));
    const headOut = tempDir();
    const run = await cli("plan", "--no-synth", "--synth-dir", changed, "--out", headOut, "--base", path.join(baseOut, "plan.json"));
    expect(run.code).toBe(2);
    const items = run.stdout.split("\n").filter((l) => l.startsWith("- "));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^- staging: Full Room Recording on → off \(for rooms created after the change\); room solo-shows: recorded \(single-stream\) → not recorded/);
    expect(readFileSync(path.join(headOut, "changes.md"), "utf8")).toBe(run.stdout);
    expect(existsSync(path.join(headOut, "plan.json"))).toBe(true);
  });

  test.each([
    ["missing", () => path.join(tempDir(), "nope.json"), "cannot read the base plan"],
    ["not JSON", () => write("not json {"), "is not JSON"],
    ["another document", () => write(JSON.stringify({ schema: "trtc-live-recording/desired-state", version: 1 })), 'is not a recording plan: "schema" is "trtc-live-recording/desired-state"'],
    ["another version", () => write(JSON.stringify({ schema: "trtc-live-recording/recording-plan", version: 9 })), "is a version 9 recording plan; this tool reads versions 1, 2 and 3"],
    ["invalid", () => write(JSON.stringify({ schema: "trtc-live-recording/recording-plan", version: 3, environments: "x" })), "is not a valid trtc-live-recording/recording-plan v3 document"],
    ["an invalid version 1 plan", () => write(JSON.stringify({ schema: "trtc-live-recording/recording-plan", version: 1, environments: "x" })), "is not a valid trtc-live-recording/recording-plan v3 document"],
  ])("bad base file (%s): exit 1, message names the file and the problem, no stack trace", async (_what, make, problem) => {
    const file = make();
    const run = await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", tempDir(), "--base", file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`error: `);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain(problem);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("--no-synth without a synthesis: exit 1 with what to do", async () => {
    const run = await cli("plan", "--no-synth", "--synth-dir", tempDir(), "--out", tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: no manifest\.json in .*: synthesize first/);
  });

  test("a bad --format is refused with exit 1", async () => {
    const run = await cli("plan", "--no-synth", "--synth-dir", exampleSynth, "--format", "xml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Allowed choices are markdown, json, both");
  });

  test("exit codes of the real process (node bin/trtc-live-recording.js): 2 on change, 0 on none", () => {
    const baseOut = tempDir();
    const node = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin", "trtc-live-recording.js"), ...args], { cwd: ROOT, encoding: "utf8" });
    expect(node("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", baseOut).status).toBe(0);
    const changed = writeSynthDir(desiredStates(withEnvironment("production", (e) => ({ ...e, retention: Retention.days(30) }))));
    const head = node("plan", "--no-synth", "--synth-dir", changed, "--out", tempDir(), "--base", path.join(baseOut, "plan.json"));
    expect([head.status, head.stderr]).toEqual([2, ""]);
    expect(head.stdout).toMatch(/^- production: retention 90 → 30 days; estimated storage -¥[\d,]+\/month$/m);
    expect(node("plan", "--no-synth", "--synth-dir", exampleSynth, "--out", tempDir(), "--base", path.join(baseOut, "plan.json")).status).toBe(0);
  }, 120_000);
});

describe("synthesis as cdktf runs it (a stand-in app command)", () => {
  /** A project folder whose cdktf.json app command is `app` (a script written next to it). */
  function project(script: string): string {
    const dir = tempDir("trtc-lr-plan-project-");
    writeFileSync(path.join(dir, "app.js"), script);
    writeFileSync(path.join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node app.js" }));
    return dir;
  }
  const io = () => {
    const seen = { stdout: "", stderr: "" };
    return { seen, io: { stdout: (t: string) => (seen.stdout += t), stderr: (t: string) => (seen.stderr += t) } };
  };

  test("runs the app command in the project folder with CDKTF_OUTDIR and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS, without TF_VAR_*", () => {
    const state = serializeDesiredState(fixtureState("qa"));
    const dir = project(`
      const fs = require("fs"), path = require("path");
      const out = process.env.CDKTF_OUTDIR;
      fs.mkdirSync(path.join(out, "stacks", "qa"), { recursive: true });
      fs.writeFileSync(path.join(out, "seen.json"), JSON.stringify({ cwd: process.cwd(), cont: process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS, tfvar: process.env.TF_VAR_probe || null, other: process.env.PLAN_PROBE || null }));
      fs.writeFileSync(path.join(out, "stacks", "qa", "live-recording.json"), ${JSON.stringify(state)});
      fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ stacks: { qa: { workingDirectory: "stacks/qa" } } }));
      console.log("app output goes to stderr, not into the plan");
    `);
    const { seen, io: plainIo } = io();
    const result = runPlanCommand({ synthDir: "out" }, { ...plainIo, cwd: dir, env: { ...process.env, TF_VAR_probe: "x", PLAN_PROBE: "y" } });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "out", "seen.json"), "utf8"))).toEqual({ cwd: realpathSync(dir), cont: "true", tfvar: null, other: "y" });
    expect(seen.stdout).toContain("## qa");
    expect(seen.stdout).not.toContain("app output");
    expect(seen.stderr).toContain("app output goes to stderr");
    expect(existsSync(path.join(dir, "out", "plan", "plan.json"))).toBe(true);
  });

  test("a failing app: the plan fails with the app's message, without stack frames", () => {
    const dir = project(`
      const e = new Error("\`sdkAppId\` must be an integer from 1 to 4294967295, got 0");
      e.name = "ValidationError";
      throw e;
    `);
    const { io: plainIo } = io();
    let message = "";
    try {
      runPlanCommand({}, { ...plainIo, cwd: dir });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^synthesis failed: the app command "node app\.js" exited with 1:/);
    expect(message).toContain("`sdkAppId` must be an integer from 1 to 4294967295, got 0");
    expect(message).not.toMatch(/\n\s+at /);
  });

  test("no cdktf.json: says where to run it", () => {
    expect(() => runPlanCommand({}, { stdout: () => undefined, stderr: () => undefined, cwd: tempDir() })).toThrow(
      "no cdktf.json in the current folder: run the plan from the project folder, or pass --no-synth --synth-dir <dir>",
    );
  });
});

describe("trtc-live-recording plan, synthesizing the example app", () => {
  /** Values a CI runner might hold while planning; none may reach the plan. */
  const SECRETS: Record<string, string> = {
    STAGING_VOD_SIGN_KEY: "stagingVodSignKeyPLAN1",
    STAGING_TRTC_CALLBACK_KEY: "stagingTrtcKeyPLAN2",
    STAGING_LIVE_WEBHOOK_TOKEN: "stagingLiveTokenPLAN3",
    TF_VAR_vod_sign_key: "prodVodSignKeyPLAN4",
    TF_VAR_trtc_callback_key: "prodTrtcKeyPLAN5",
    TF_VAR_live_webhook_token: "prodLiveTokenPLAN6",
    TENCENTCLOUD_SECRET_ID: "AKIDplanTestSecretId000000000000",
    TENCENTCLOUD_SECRET_KEY: "planTestSecretKey0000000000000000",
  };
  const saved: Record<string, string | undefined> = {};
  let synthDir: string;
  let outDir: string;
  let run: Run;

  beforeAll(async () => {
    for (const [k, v] of Object.entries(SECRETS)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    synthDir = tempDir("trtc-lr-plan-cdktf-out-");
    outDir = tempDir();
    run = await cli("plan", "--synth-dir", synthDir, "--out", outDir);
  }, 180_000);

  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test("runs the cdktf.json app command into --synth-dir and plans every example environment", () => {
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(existsSync(path.join(synthDir, "manifest.json"))).toBe(true);
    for (const env of ENVIRONMENTS) {
      expect(existsSync(path.join(synthDir, "stacks", env.name, "live-recording.json"))).toBe(true);
      expect(run.stdout).toContain(`## ${env.name}\n`);
    }
    expect(readFileSync(path.join(outDir, "plan.md"), "utf8")).toBe(run.stdout);
    // Same plan as built in-process from the same environments.
    expect(readFileSync(path.join(outDir, "plan.json"), "utf8")).toBe(renderPlanJson(buildRecordingPlan(desiredStates())));
  });

  test("no secret value from the environment reaches any plan output", () => {
    const outputs = [run.stdout, run.stderr, ...filesUnder(outDir).map((f) => readFileSync(f, "utf8"))];
    for (const [name, value] of Object.entries(SECRETS)) {
      for (const text of outputs) expect([name, text.includes(value)]).toEqual([name, false]);
    }
  });
});

function write(text: string): string {
  const file = path.join(tempDir(), "base-plan.json");
  writeFileSync(file, text);
  return file;
}
