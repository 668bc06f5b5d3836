/** The optional Terraform hook: terraform_data + local-exec re-running post-deploy apply when the desired state changes. */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as path from "path";
import { CallbackSecret, DesiredStateDocument, PostDeployHook, Retention, VodApplication } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { LiveRecordingStack, LiveRecordingStackProps } from "../../stacks";
import { npmEnv } from "../support/npm-env";
import { resourcesOf, synth } from "../support/synth";

const PROPS: LiveRecordingStackProps = {
  region: "ap-singapore",
  sdkAppId: 1400000002,
  vodApplication: { name: "rec" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
  callbacks: {
    vodEvents: { url: "https://hooks.example.com/vod", signKey: CallbackSecret.fromTerraformVariable("vod_sign_key") },
    trtcRecording: { url: "https://hooks.example.com/trtc", key: CallbackSecret.fromTerraformVariable("trtc_callback_key") },
    liveWebhook: { url: "https://hooks.example.com/live", token: CallbackSecret.fromEnvironment("LIVE_WEBHOOK_TOKEN") },
  },
};
const SUB_APP_ID = '${tonumber(element(split("#", tencentcloud_vod_sub_application.LiveRecording_VodApplication_57B59537.id), 1))}';

describe("postDeployHook", () => {
  test("off by default: no terraform_data", () => {
    expect(resourcesOf(synth(new LiveRecordingStack(Testing.app(), "prod", PROPS)), "terraform_data")).toEqual({});
  });

  test("on: triggers_replace is the desired-state hash (and the SubAppId); local-exec runs post-deploy apply for the stack; secrets only as ${var.x}", () => {
    // WHEN
    const stack = new LiveRecordingStack(Testing.app(), "prod", { ...PROPS, postDeployHook: true });
    const json = synth(stack);
    // THEN
    const hash = DesiredStateDocument.of(stack).hash();
    expect(resourcesOf(json, "terraform_data")).toEqual({
      PostDeployHook_A1D1699C: {
        depends_on: ["tencentcloud_vod_event_config.LiveRecording_Callbacks_VodEvents_F075FD44"],
        triggers_replace: { desired_state_sha256: hash, vod_sub_app_id: SUB_APP_ID },
        provisioner: [
          {
            "local-exec": {
              command:
                "npx --no-install --prefix ../../.. trtc-live-recording post-deploy apply --desired-state live-recording.json --state-dir ../../../.post-deploy " +
                `--attestations ../../../post-deploy.attestations.json --output vod_sub_app_id=${SUB_APP_ID} || test $? -eq 2`,
              environment: { TF_VAR_vod_sign_key: "${var.vod_sign_key}", TF_VAR_trtc_callback_key: "${var.trtc_callback_key}" },
            },
          },
        ],
      },
    });
    expect(json.output?.desired_state_sha256.value).toBe(hash);
    expect(json.variable?.vod_sign_key).toMatchObject({ sensitive: true, type: "string" });
  });

  test("a secret's value never reaches the configuration: only ${var.x} in the provisioner's environment, nothing on its command line", () => {
    process.env.TF_VAR_vod_sign_key = "SuperSecretValue123";
    try {
      const text = JSON.stringify(synth(new LiveRecordingStack(Testing.app(), "prod", { ...PROPS, postDeployHook: true })));
      expect(text).not.toContain("SuperSecretValue123");
      // Every JSON string that mentions the variable: its declaration, the environment name, the reference.
      const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*vod_sign_key(?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
      expect(new Set(strings)).toEqual(new Set(["vod_sign_key", "TF_VAR_vod_sign_key", "${var.vod_sign_key}"]));
    } finally {
      delete process.env.TF_VAR_vod_sign_key;
    }
  });

  test("in this repository the command finds the repository's own CLI from cdktf.out/stacks/<stack> (a consumer's app: test/package)", () => {
    const stack = new LiveRecordingStack(Testing.app(), "prod", { ...PROPS, postDeployHook: true });
    const data = Object.values(resourcesOf(synth(stack), "terraform_data"))[0] as { provisioner: { "local-exec": { command: string } }[] };
    const cli = data.provisioner[0]["local-exec"].command.split(" post-deploy ")[0];
    const root = path.resolve(__dirname, "..", "..");
    mkdirSync(path.join(root, "cdktf.out", "stacks"), { recursive: true });
    const stackDir = mkdtempSync(path.join(root, "cdktf.out", "stacks", ".hook-test-"));
    try {
      // As Terraform's local-exec runs it: sh, in the stack's working directory.
      const out = execFileSync("sh", ["-c", `${cli} --version`], { cwd: stackDir, encoding: "utf8", env: npmEnv() });
      expect(out.trim()).toBe((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version);
    } finally {
      rmSync(stackDir, { recursive: true, force: true });
    }
  });

  test("the project folder and extra arguments can be set; shell characters are refused", () => {
    const stack = new LiveRecordingStack(Testing.app(), "dev", { ...PROPS, callbacks: {} });
    new PostDeployHook(stack, "Hook", { recording: stack.recording, projectDir: "../..", extraArgs: ["--console-driver", "guided"] });
    const data = Object.values(resourcesOf(synth(stack), "terraform_data"))[0] as { provisioner: { "local-exec": { command: string; environment?: unknown } }[] };
    expect(data.provisioner[0]["local-exec"]).toEqual({
      command: `npx --no-install --prefix ../.. trtc-live-recording post-deploy apply --desired-state live-recording.json --state-dir ../../.post-deploy --attestations ../../post-deploy.attestations.json --output vod_sub_app_id=${SUB_APP_ID} --console-driver guided || test $? -eq 2`,
    });
    expect(() => new PostDeployHook(stack, "Bad", { recording: stack.recording, extraArgs: ["x; rm -rf /"] })).toThrow(
      '`extraArgs[0]` must be a string of an argument without spaces or shell characters, 1 to 1024 characters, got "x; rm -rf /"',
    );
  });

  test("with an existing (imported) VOD application the SubAppId is known: no --output", () => {
    const app = Testing.app();
    const stack = new LiveRecordingStack(app, "imp", { ...PROPS, callbacks: {}, vodApplication: undefined, fullRoomRecording: false, postDeployHook: false });
    const rec = new LiveRecordingStack(app, "imp2", { ...PROPS, sdkAppId: 1400000003, callbacks: {}, vodApplication: VodApplication.fromSubAppId(stack, "Existing", 1500000009), postDeployHook: true });
    const data = Object.values(resourcesOf(synth(rec), "terraform_data"))[0] as { triggers_replace: Record<string, string>; provisioner: { "local-exec": { command: string } }[] };
    expect(data.provisioner[0]["local-exec"].command).not.toContain("--output");
    expect(Object.keys(data.triggers_replace)).toEqual(["desired_state_sha256"]);
  });
});
