/**
 * Secrets under faults, layer by layer: (1) a call whose request carries a secret reports only the error's code or
 * class; (2) at the output boundary of a run, every secret the run can hold is replaced by `***` in progress lines,
 * the report and a thrown error, whatever put it there. The end-to-end scan under fault injection is in
 * test/hardening/secrets.test.ts.
 */
import type { ResolvedApp } from "../../postdeploy/inputs";
import { RateLimiter } from "../../postdeploy/rate-limit";
import { renderJson, renderText } from "../../postdeploy/report";
import { runPostDeploy } from "../../postdeploy/run";
import { REDACTED, SecretRedactor, runSecretValues } from "../../postdeploy/secrets";
import { StateStore } from "../../postdeploy/state-store";
import type { Step } from "../../postdeploy/steps/types";
import { SecretRequestError, Transport } from "../../postdeploy/transport";
import { tempDir } from "./helpers";

const KEY = "LeakySignKey0123456789";
const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 };

describe("a call whose request carries a secret reports the error's code only", () => {
  test("an error that echoes the key: the code stays, the text goes; retry lines and the call record say the code", async () => {
    const lines: string[] = [];
    const transport = new Transport({ retry: fast, log: (l) => lines.push(l) });
    const echo = () => Object.assign(new Error(`[InternalError] cannot apply SignKey=${KEY}`), { code: "InternalError" });
    const err = await transport.call("vod", "ModifyEventConfig", true, async () => Promise.reject(echo()), { carriesSecret: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretRequestError);
    expect(err).toMatchObject({ code: "InternalError", retryable: false, message: "vod.ModifyEventConfig failed; its error text is not shown because the request carried a secret" });
    expect(lines.map((l) => l.replace(/in \d+ ms/, "in N ms"))).toEqual([
      "  retry vod.ModifyEventConfig in N ms (attempt 2): InternalError",
      "  retry vod.ModifyEventConfig in N ms (attempt 3): InternalError",
    ]);
    expect(transport.recorder.records).toEqual([{ service: "vod", action: "ModifyEventConfig", write: true, outcome: "InternalError", attempts: 3 }]);
  });

  test("an error without a code (a network error) is reported as its class", async () => {
    const lines: string[] = [];
    const transport = new Transport({ retry: fast, log: (l) => lines.push(l) });
    const err = await transport
      .call("live", "live_config/set_callback_token", true, async () => Promise.reject(new Error(`socket hang up while sending {"Token":"${KEY}"}`)), { carriesSecret: true })
      .catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ code: "network error" });
    expect(JSON.stringify([lines, transport.recorder.records, (err as Error).message])).not.toContain(KEY);
    // An error that says it is final but has no code: its class, not its message.
    const final = Object.assign(new Error(`refused ${KEY}`), { retryable: false });
    const err2 = await transport.call("console", "setConsoleState", true, async () => Promise.reject(final), { carriesSecret: true }).catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: "error without a code", message: "console.setConsoleState failed; its error text is not shown because the request carried a secret" });
    expect(transport.recorder.records[1]).toMatchObject({ outcome: "error without a code", attempts: 1 });
  });

  test("without the flag the error passes through unchanged (reads carry no secret and keep their text)", async () => {
    const transport = new Transport({ retry: { ...fast, attempts: 1 } });
    const original = Object.assign(new Error("[InvalidParameterValue.SubAppId] no such application"), { code: "InvalidParameterValue.SubAppId" });
    await expect(transport.call("vod", "DescribeEventConfig", false, async () => Promise.reject(original))).rejects.toBe(original);
  });
});

describe("SecretRedactor", () => {
  test("replaces every occurrence, longest value first, and ignores empty values", () => {
    const r = new SecretRedactor(["abc123", "abc123def456", "", undefined]);
    expect(r.redact("x abc123def456 y abc123 z abc123")).toBe("x *** y *** z ***");
    expect(r.redact("nothing here")).toBe("nothing here");
    expect(REDACTED).toBe("***");
  });

  test("redactDeep: strings of nested objects and arrays; keys (the report's own field names), numbers, booleans and null stay", () => {
    const r = new SecretRedactor(["s3cret"]);
    expect(r.redactDeep({ a: "s3cret!", n: 1, b: true, z: null, list: ["s3cret", { s3cret: "ok" }] })).toEqual({ a: "***!", n: 1, b: true, z: null, list: ["***", { s3cret: "ok" }] });
  });

  test("runSecretValues: Cloud API credentials, each app's SDK secret key, and the raw value of every declared callback key", () => {
    const app = {
      sdkAppId: 1400000001,
      app: {
        callbacks: {
          vodEvents: { url: "https://h/v", deleteEvents: false, signKey: { source: "environment" as const, variable: "VOD_KEY" } },
          trtcRecording: { url: "https://h/t", key: { source: "terraform-variable" as const, variable: "trtc_key", environment: "TF_VAR_trtc_key" } },
          liveWebhook: { url: "https://h/l", commands: [], token: { source: "environment" as const, variable: "LIVE_TOKEN" } },
        },
      },
    };
    const env = {
      TENCENTCLOUD_SECRET_ID: "AKIDx",
      TENCENTCLOUD_SECRET_KEY: "cloudKey",
      TRTC_SDK_SECRET_KEY_1400000001: "sdkKey",
      VOD_KEY: "vodKey",
      TF_VAR_trtc_key: "trtcKey",
      LIVE_TOKEN: "not a valid key!",
      UNRELATED: "visible",
    };
    expect(runSecretValues([app], env).sort()).toEqual(["AKIDx", "cloudKey", "not a valid key!", "sdkKey", "trtcKey", "vodKey"]);
    expect(runSecretValues([{ sdkAppId: 1, app: {} }], {})).toEqual([]);
  });
});

describe("the output boundary of a run", () => {
  function appWithKey(): ResolvedApp {
    const app = {
      callbacks: { vodEvents: { url: "https://h/v", deleteEvents: false, signKey: { source: "environment", variable: "VOD_SIGN_KEY" } }, trtcRecording: null, liveWebhook: null },
    } as unknown as ResolvedApp["app"];
    return { environment: "staging", region: null, sdkAppId: 1400000001, vodSubAppId: 1500000001, problems: [], warnings: [], app };
  }

  /** A step that misbehaves the way a leaky client would: the key in its progress, its report and its error. */
  const leaky = (throwIt: boolean): Step => ({
    id: "vod-sign-key",
    title: "leaky",
    writes: true,
    needsSubApp: false,
    run: async (ctx) => {
      ctx.progress(`sending SignKey=${ctx.env.VOD_SIGN_KEY}`);
      if (throwIt) throw Object.assign(new Error(`[InternalError] rejected SignKey ${ctx.env.VOD_SIGN_KEY}`), { code: "InternalError" });
      return { id: "vod-sign-key", title: "leaky", status: "changed", current: { key: String(ctx.env.VOD_SIGN_KEY) }, desired: null, detail: [`applied ${ctx.env.VOD_SIGN_KEY}`] };
    },
  });

  async function run(step: Step, extra: { secrets?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    const dir = tempDir();
    const progress: string[] = [];
    const report = await runPostDeploy({
      mode: "apply",
      apps: [appWithKey()],
      clients: () => ({ cloud: {} as never, live: { problem: "none" }, console: {} as never }),
      runCloud: () => ({}) as never,
      limiter: new RateLimiter(),
      state: new StateStore(dir),
      stateDir: dir,
      env: { VOD_SIGN_KEY: KEY, ...extra.env },
      options: { reapplySecrets: false, evidenceDays: 7, pageSize: 100, searchCap: 5000, usageSettleMinutes: 120 },
      progress: (l) => progress.push(l),
      steps: [step],
      secrets: extra.secrets,
    });
    return { report, progress, text: renderText(report, { consoleDriver: "test" }), json: renderJson(report) };
  }

  test("a failing step whose error carries the key: report (text and JSON) and progress show *** instead", async () => {
    const r = await run(leaky(true));
    expect(r.report.apps[0].steps[0]).toMatchObject({ status: "failed", detail: ["InternalError: [InternalError] rejected SignKey *** (after retries where the error allows them)"] });
    expect(r.progress).toContain("sending SignKey=***");
    for (const out of [r.text, r.json, r.progress.join("\n")]) expect(out).not.toContain(KEY);
  });

  test("a succeeding step that puts the key in its report: redacted in every field", async () => {
    const r = await run(leaky(false));
    expect(r.report.apps[0].steps[0]).toMatchObject({ status: "changed", current: { key: "***" }, detail: ["applied ***"] });
    expect(JSON.parse(r.json).apps[0].steps[0].current).toEqual({ key: "***" });
  });

  test("a one-character secret keeps the report's shape: a failed run still has exitCode 1 (its key is never redacted)", async () => {
    const r = await run(leaky(true), { secrets: ["x"] });
    expect(r.report.exitCode).toBe(1);
    expect(r.report.apps[0]).toMatchObject({ exitCode: 1, status: "error" });
    expect(Object.keys(JSON.parse(r.json))).toContain("exitCode");
  });

  test("values registered by the caller (e.g. a tccli profile's key) are hidden too", async () => {
    const registered: Step = { ...leaky(false), run: async (ctx) => (ctx.progress("profile key profileKey999"), { id: "vod-sign-key", title: "t", status: "in-sync", current: null, desired: null, detail: [] }) };
    const r = await run(registered, { secrets: ["profileKey999"] });
    expect(r.progress).toContain("profile key ***");
  });
});
