/**
 * PostDeployPolicies: the synthesized CAM policy documents (evaluated as Terraform would, with the stand-in's
 * expression evaluator and a SubAppId), their scoping, attachments, and every bad input with its exact message.
 * Sources of the expectations: docs/cam.md (VOD resource-level except DescribeSubAppIds / ModifySubAppIdStatus; TRTC's
 * recording usage in neither documented list; the provider refuses a `resource` string).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { CallbackSecret, LiveRecording, LiveRecordingProps, PostDeployPolicies, Retention, VodApplication } from "../../constructs";
import { ENVIRONMENTS } from "../../main";
import { UNKNOWN, evaluate } from "../../scripts/terraform-standin/expressions";
import { defineEnvironments } from "../../stacks";
import { TfJson, resourcesOf, synth, testApp, testStack } from "../support/synth";

const SUB_APP_ID = 1500000002;

/** The policy documents of a synthesized stack, by policy name, as Terraform evaluates them (SubAppId known). */
function documents(json: TfJson): Record<string, { raw: string; doc: Record<string, unknown> }> {
  const lookup = (type: string, name: string, attr: string) =>
    type === "tencentcloud_vod_sub_application" && attr === "id" && name in resourcesOf(json, type) ? `app#${SUB_APP_ID}` : UNKNOWN;
  return Object.fromEntries(
    Object.values(resourcesOf(json, "tencentcloud_cam_policy")).map((p) => {
      const raw = String(p.document);
      return [String(p.name), { raw, doc: JSON.parse(evaluate(raw, lookup) as string) as Record<string, unknown> }];
    }),
  );
}

const scoped = (...actions: string[]) => ({ effect: "allow", action: actions.map((a) => `name/${a}`), resource: [`qcs::vod:::subAppId/${SUB_APP_ID}`] });
const usageOnAnyResource = { effect: "allow", action: ["name/trtc:DescribeRecordingUsage"], resource: ["*"] };

function recordingProps(overrides: Partial<LiveRecordingProps> = {}): LiveRecordingProps {
  return {
    sdkAppId: 1400000001,
    vodApplication: { name: "rec" },
    retention: Retention.days(30),
    fullRoomRecording: true,
    globalAutoRecording: "off",
    callbacks: { vodEvents: { url: "https://hooks.example.com/vod", signKey: CallbackSecret.fromEnvironment("VOD_SIGN_KEY") } },
    accessPolicies: {},
    ...overrides,
  };
}

describe("the example app's policies (main.ts)", () => {
  const stacks = defineEnvironments(testApp(), ENVIRONMENTS);

  test.each(stacks.map((s) => [s.node.id, s] as const))("%s: apply allows exactly what post-deploy apply calls, read-only what plan and check call", (_name, stack) => {
    const sdkAppId = stack.recording.sdkAppId;
    const docs = documents(synth(stack));
    expect(Object.keys(docs).sort()).toEqual([`trtc-live-recording-${sdkAppId}-apply`, `trtc-live-recording-${sdkAppId}-read-only`]);
    expect(docs[`trtc-live-recording-${sdkAppId}-apply`].doc).toEqual({
      version: "2.0",
      statement: [scoped("vod:DescribeEventConfig", "vod:ModifyEventConfig", "vod:SearchMedia"), usageOnAnyResource],
    });
    expect(docs[`trtc-live-recording-${sdkAppId}-read-only`].doc).toEqual({
      version: "2.0",
      statement: [scoped("vod:DescribeEventConfig", "vod:SearchMedia"), usageOnAnyResource],
    });
  });

  test("the SubAppId is a Terraform reference to the application created in the same deploy, and the documents stay under CAM's 4,096 characters", () => {
    const json = synth(stacks[0]);
    const [appId] = Object.keys(resourcesOf(json, "tencentcloud_vod_sub_application"));
    for (const { raw, doc } of Object.values(documents(json))) {
      expect(raw).toMatch(/^\$\{jsonencode\(/);
      expect(raw).toContain(`"qcs::vod:::subAppId/\${tonumber(element(split("#", tencentcloud_vod_sub_application.${appId}.id), 1))}"`);
      expect(JSON.stringify(doc).length).toBeLessThan(4096);
    }
  });

  test("every `action` and `resource` is an array (provider 1.82.101 refuses a resource given as a string)", () => {
    for (const stack of stacks) {
      for (const { doc } of Object.values(documents(synth(stack)))) {
        for (const s of doc.statement as Array<Record<string, unknown>>) {
          expect([Array.isArray(s.action), Array.isArray(s.resource)]).toEqual([true, true]);
        }
      }
    }
  });

  test("DescribeSubAppIds (documented: no authorization required) and ModifySubAppIdStatus (full VOD access only) are in no policy; `*` only for the usage query", () => {
    for (const stack of stacks) {
      for (const { doc } of Object.values(documents(synth(stack)))) {
        const statements = doc.statement as Array<{ action: string[]; resource: string[] }>;
        const actions = statements.flatMap((s) => s.action);
        expect(actions.filter((a) => /DescribeSubAppIds|ModifySubAppIdStatus|vod:\*|^\*$/.test(a))).toEqual([]);
        expect(statements.filter((s) => s.resource.includes("*")).map((s) => s.action)).toEqual([["name/trtc:DescribeRecordingUsage"]]);
      }
    }
  });

  test("attached to the CI users by name; the desired state names the policies and their attachments", () => {
    const stack = stacks.find((s) => s.node.id === "staging")!;
    const json = synth(stack);
    const policies = resourcesOf(json, "tencentcloud_cam_policy");
    const idOf = (name: string) => Object.entries(policies).find(([, p]) => p.name === name)![0];
    const attachments = Object.values(resourcesOf(json, "tencentcloud_cam_user_policy_attachment")).map(({ "//": _m, ...a }) => a);
    expect(attachments).toEqual([
      { user_name: "ci-post-deploy", policy_id: `\${tencentcloud_cam_policy.${idOf("trtc-live-recording-1400000001-apply")}.id}` },
      { user_name: "ci-post-deploy-check", policy_id: `\${tencentcloud_cam_policy.${idOf("trtc-live-recording-1400000001-read-only")}.id}` },
    ]);
    expect(resourcesOf(json, "tencentcloud_cam_role_policy_attachment")).toEqual({});
    expect(stack.recording.toDesiredApp().accessPolicies).toEqual({
      apply: { name: "trtc-live-recording-1400000001-apply", attachedTo: [{ kind: "user", name: "ci-post-deploy" }] },
      readOnly: { name: "trtc-live-recording-1400000001-read-only", attachedTo: [{ kind: "user", name: "ci-post-deploy-check" }] },
    });
  });
});

describe("what is declared decides what is allowed", () => {
  const policiesOf = (props: LiveRecordingProps) => {
    const stack = testStack();
    new LiveRecording(stack, "Rec", props);
    const docs = documents(synth(stack));
    return { apply: docs["trtc-live-recording-1400000001-apply"].doc.statement, readOnly: docs["trtc-live-recording-1400000001-read-only"].doc.statement };
  };

  test("no SignKey: apply does not allow ModifyEventConfig (the step never writes without one)", () => {
    const p = policiesOf(recordingProps({ callbacks: { vodEvents: { url: "https://hooks.example.com/vod" } } }));
    expect(p.apply).toEqual([scoped("vod:DescribeEventConfig", "vod:SearchMedia"), usageOnAnyResource]);
    expect(p.readOnly).toEqual(p.apply);
  });

  test("no VOD event callback: no DescribeEventConfig either", () => {
    const p = policiesOf(recordingProps({ callbacks: {} }));
    expect(p.apply).toEqual([scoped("vod:SearchMedia"), usageOnAnyResource]);
  });

  test("Global Auto-Recording off without a VOD application: only the usage query, on *", () => {
    const p = policiesOf(recordingProps({ vodApplication: undefined, retention: undefined, fullRoomRecording: false, callbacks: {} }));
    expect(p).toEqual({ apply: [usageOnAnyResource], readOnly: [usageOnAnyResource] });
  });

  test("an existing application (fromSubAppId): its SubAppId is written as is, no expression", () => {
    const stack = testStack();
    new LiveRecording(stack, "Rec", recordingProps({ vodApplication: VodApplication.fromSubAppId(stack, "Existing", 1500000099) }));
    const raw = Object.values(resourcesOf(synth(stack), "tencentcloud_cam_policy")).map((p) => String(p.document));
    for (const r of raw) {
      expect(r).toContain('"resource" = ["qcs::vod:::subAppId/1500000099"]');
      expect(r).not.toContain("tencentcloud_vod_sub_application");
    }
  });

  test("usable on its own, with a name prefix, attached to a role by ID and a user by name", () => {
    const stack = testStack();
    const recording = new LiveRecording(stack, "Rec", recordingProps({ accessPolicies: undefined }));
    const policies = new PostDeployPolicies(stack, "Policies", {
      recording,
      namePrefix: "live-ci",
      apply: { roleId: "4611686018427922725", userName: "deployer" },
      readOnly: { roleId: "4611686018427922726" },
    });
    const json = synth(stack);
    expect(Object.values(resourcesOf(json, "tencentcloud_cam_policy")).map((p) => p.name)).toEqual(["live-ci-apply", "live-ci-read-only"]);
    const policyRef = (name: string) => {
      const id = Object.entries(resourcesOf(json, "tencentcloud_cam_policy")).find(([, p]) => p.name === name)![0];
      return `\${tencentcloud_cam_policy.${id}.id}`;
    };
    expect(Object.values(resourcesOf(json, "tencentcloud_cam_role_policy_attachment")).map((a) => [a.role_id, a.policy_id])).toEqual([
      ["4611686018427922725", policyRef("live-ci-apply")],
      ["4611686018427922726", policyRef("live-ci-read-only")],
    ]);
    expect(Object.values(resourcesOf(json, "tencentcloud_cam_user_policy_attachment")).map((a) => [a.user_name, a.policy_id])).toEqual([["deployer", policyRef("live-ci-apply")]]);
    expect(recording.toDesiredApp().accessPolicies).toEqual({
      apply: { name: "live-ci-apply", attachedTo: [{ kind: "user", name: "deployer" }, { kind: "role", id: "4611686018427922725" }] },
      readOnly: { name: "live-ci-read-only", attachedTo: [{ kind: "role", id: "4611686018427922726" }] },
    });
    expect(policies.apply.permissions.notGranted.map((n) => n.action)).toEqual(["vod:DescribeSubAppIds"]);
  });

  test("not declared: no CAM resource, and the desired state has no accessPolicies", () => {
    const stack = testStack();
    const recording = new LiveRecording(stack, "Rec", recordingProps({ accessPolicies: undefined }));
    expect(Object.keys(synth(stack).resource ?? {}).filter((t) => t.startsWith("tencentcloud_cam_"))).toEqual([]);
    expect("accessPolicies" in recording.toDesiredApp()).toBe(false);
  });
});

describe("derived from the action table, never a hand-kept list", () => {
  test("the construct's source names no action: every action comes from lib/cloud-actions.ts", () => {
    const source = readFileSync(path.join(__dirname, "../../constructs/post-deploy-policies.ts"), "utf8");
    expect(source.match(/["'`](name\/)?(vod|trtc|cam):[A-Za-z*]+/g) ?? []).toEqual([]);
  });
});

describe("bad input: exact messages", () => {
  const at = "[test/Rec/AccessPolicies]";
  const build = (props: LiveRecordingProps) => () => new LiveRecording(testStack(), "Rec", props);
  test.each<[string, LiveRecordingProps, string]>([
    ["accessPolicies not an object", recordingProps({ accessPolicies: true as never }), "[test/Rec] `accessPolicies` must be a PostDeployPoliciesOptions object, got true"],
    [
      "a name prefix CAM refuses",
      recordingProps({ accessPolicies: { namePrefix: "live ci" } }),
      `${at} \`namePrefix\` must be a string of letters, digits and +=,.@-_, 1 to 118 characters, got "live ci"`,
    ],
    [
      "a role name where the provider needs the role ID",
      recordingProps({ accessPolicies: { apply: { roleId: "ci-deployer" } } }),
      `${at} \`apply.roleId\` must be the ID of an existing CAM role, a decimal number like "4611686018427922725" (provider 1.82.101 sends it to CAM as AttachRoleId and cannot attach by role name), got "ci-deployer"`,
    ],
    [
      "a blank user name",
      recordingProps({ accessPolicies: { readOnly: { userName: " " } } }),
      `${at} \`readOnly.userName\` must be the name of an existing CAM user (a non-empty string without surrounding spaces), got " "`,
    ],
    [
      "an attachment by role name (no such option)",
      recordingProps({ accessPolicies: { apply: { roleName: "ci" } as never } }),
      `${at} \`apply.roleName\` is not a property of PolicyAttachmentOptions: PolicyAttachmentOptions has userName, roleId`,
    ],
    ["attachment options not an object", recordingProps({ accessPolicies: { readOnly: "ci" as never } }), `${at} \`readOnly\` must be a PolicyAttachmentOptions object { userName?, roleId? }, got "ci"`],
    [
      "a misspelt option",
      recordingProps({ accessPolicies: { nameprefix: "ci" } as never }),
      "[test/Rec] `accessPolicies.nameprefix` is not a property of PostDeployPoliciesOptions: did you mean `accessPolicies.namePrefix`? PostDeployPoliciesOptions has namePrefix, apply, readOnly",
    ],
    [
      "nothing the post-deploy step calls is governed by CAM",
      recordingProps({ vodApplication: undefined, retention: undefined, fullRoomRecording: false, callbacks: {}, globalAutoRecording: "unknown" }),
      `${at} \`recording\` must be a LiveRecording with a VOD application or with Global Auto-Recording declared "off" (without either, its post-deploy step calls no Cloud API action that CAM governs, and a policy cannot be empty), got {"vodApplication":"none","globalAutoRecording":"unknown"}`,
    ],
  ])("%s", (_name, props, message) => {
    expect(build(props)).toThrow(message);
    try {
      build(props)();
    } catch (err) {
      expect((err as Error).message).toBe(message);
    }
  });

  test("a second pair of policies for the same recording", () => {
    const stack = testStack();
    const recording = new LiveRecording(stack, "Rec", recordingProps());
    expect(() => new PostDeployPolicies(stack, "More", { recording })).toThrow(
      "[test/More] `recording` must be a LiveRecording without access policies (test/Rec/AccessPolicies already declares them for it), got \"test/Rec\"",
    );
  });

  test("recording is not a LiveRecording", () => {
    const stack = testStack();
    expect(() => new PostDeployPolicies(stack, "P", { recording: { sdkAppId: 1400000001 } as never })).toThrow(
      '[test/P] `recording` must be a LiveRecording, got {"sdkAppId":1400000001}',
    );
  });
});
