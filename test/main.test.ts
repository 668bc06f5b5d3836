import { readFileSync } from "fs";
import * as path from "path";
import { ENVIRONMENTS } from "../main";
import { parseDesiredState } from "../lib/desired-state";
import { currentEngine } from "../lib/engine-choice";
import { filesUnder, runAppCommand } from "./support/app";

/** Secrets a user might have in the environment while synthesizing; none may reach the output. */
const SECRETS = {
  TENCENTCLOUD_SECRET_ID: "AKIDsynthTestSecretId0000000000000",
  TENCENTCLOUD_SECRET_KEY: "synthTestSecretKey00000000000000",
  STAGING_VOD_SIGN_KEY: "stagingVodSignKey123",
  STAGING_TRTC_CALLBACK_KEY: "stagingTrtcKey456",
  STAGING_LIVE_WEBHOOK_TOKEN: "stagingLiveToken789",
  TF_VAR_vod_sign_key: "prodVodSignKey321",
  TF_VAR_trtc_callback_key: "prodTrtcKey654",
  TF_VAR_live_webhook_token: "prodLiveToken987",
};

describe("the example app (main.ts), synthesized by the cdktf.json app command", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = runAppCommand(SECRETS);
  });

  const stackJson = (env: string) => JSON.parse(readFileSync(path.join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));

  test("writes cdk.tf.json and live-recording.json for every environment", () => {
    const files = filesUnder(outdir).map((f) => path.relative(outdir, f)).sort();
    expect(files).toEqual([
      "manifest.json",
      ...ENVIRONMENTS.flatMap((e) => [`stacks/${e.name}/cdk.tf.json`, `stacks/${e.name}/live-recording.json`]).sort(),
    ]);
  });

  test.each(ENVIRONMENTS.map((e) => [e.name, e] as const))("%s: one VOD application and one event config that refers to it", (name, env) => {
    const json = stackJson(name);
    const apps = json.resource.tencentcloud_vod_sub_application;
    const configs = json.resource.tencentcloud_vod_event_config;
    expect(Object.keys(apps)).toHaveLength(1);
    expect(Object.keys(configs)).toHaveLength(1);
    const [appId] = Object.keys(apps);
    const { "//": _meta, ...app } = apps[appId];
    expect(app).toEqual({ name: `live-recording-${name}`, status: "On", description: `Live room recordings (${name})`, tags: { env: name, team: "live" } });
    const [config] = Object.values(configs) as Array<Record<string, unknown>>;
    expect(config.sub_app_id).toBe(`\${tonumber(element(split("#", tencentcloud_vod_sub_application.${appId}.id), 1))}`);
    expect(config.notification_url).toBe(env.callbacks?.vodEvents?.url);
    expect(json.provider.tencentcloud).toEqual([{ region: env.region }]);
    expect(json.output.sdk_app_id.value).toBe(env.sdkAppId);
  });

  test.each(ENVIRONMENTS.map((e) => e.name))("%s: snapshot of the synthesized configuration (parsed)", (name) => {
    // The metadata's version is the engine's (cdktf or cdktn, see scripts/parity/): checked here, not snapshotted.
    const json = stackJson(name);
    const engine = currentEngine();
    if (engine === undefined) throw new Error("no CDK engine loaded");
    expect(json["//"].metadata.version).toBe(JSON.parse(readFileSync(path.join(engine.path, "..", "..", "package.json"), "utf8")).version);
    json["//"].metadata.version = "<engine version>";
    expect(json).toMatchSnapshot();
  });

  test.each(ENVIRONMENTS.map((e) => e.name))("%s: desired state parses and has no error finding", (name) => {
    const doc = parseDesiredState(JSON.parse(readFileSync(path.join(outdir, "stacks", name, "live-recording.json"), "utf8")));
    expect(doc.environment).toBe(name);
    expect(doc.apps[0].findings.filter((f) => f.severity === "error" && f.acknowledgedReason === null)).toEqual([]);
    expect(doc).toMatchSnapshot();
  });

  test("no credential or callback key appears anywhere in the output", () => {
    for (const file of filesUnder(outdir)) {
      const text = readFileSync(file, "utf8");
      for (const [name, value] of Object.entries(SECRETS)) {
        expect([file, name, text.includes(value)]).toEqual([file, name, false]);
      }
    }
  });

  test("synthesizing twice gives byte-identical output", () => {
    const again = runAppCommand(SECRETS);
    for (const file of filesUnder(outdir)) {
      expect(readFileSync(path.join(again, path.relative(outdir, file)), "utf8")).toBe(readFileSync(file, "utf8"));
    }
  });
});
