/**
 * The terraform stand-in's CAM resources do what provider 1.82.101 does (docs/cam.md §1): tencentcloud_cam_policy
 * (CreatePolicy → GetPolicy, UpdatePolicy, DeletePolicy; id = PolicyId), the user attachment (GetUser → AttachUserPolicy,
 * ListAttachedUserPolicies paged; id `user_name#policy_id`) and the role attachment (AttachRolePolicy by role ID; id
 * `role_id#policy_id`), against the emulator; and the expressions cdktf renders for a policy document.
 */
import { rmSync } from "fs";
import { cam } from "tencentcloud-sdk-nodejs/tencentcloud/services/cam";
import { CallbackSecret } from "../../constructs";
import { sdkClientConfig } from "../../emulator";
import type { PostDeployPoliciesOptions } from "../../constructs";
import { UNKNOWN, evaluate, references } from "../../scripts/terraform-standin/expressions";
import { camPolicy } from "../../scripts/terraform-standin/handlers/cam-policy";
import { World, standIn, synthInto, testEnvironments, world } from "../postdeploy/helpers";

describe("expressions of a policy document", () => {
  const lookup = (type: string, name: string, attr: string) => (type === "tencentcloud_vod_sub_application" && name === "app" && attr === "id" ? "rec#1500000007" : UNKNOWN);
  const doc = '${jsonencode({"version" = "2.0", "statement" = [{"effect" = "allow", "resource" = ["qcs::vod:::subAppId/${tonumber(element(split("#", tencentcloud_vod_sub_application.app.id), 1))}"], "action" = ["name/vod:SearchMedia"]}]})}';

  test("jsonencode of object and tuple literals with a template: compact JSON, keys in lexical order, the number interpolated", () => {
    expect(evaluate(doc, lookup)).toBe('{"statement":[{"action":["name/vod:SearchMedia"],"effect":"allow","resource":["qcs::vod:::subAppId/1500000007"]}],"version":"2.0"}');
  });

  test("a reference inside a template inside a string is a dependency; unknown until the application exists", () => {
    expect(references({ document: doc })).toEqual(["tencentcloud_vod_sub_application.app"]);
    expect(evaluate(doc, () => UNKNOWN)).toBe(UNKNOWN);
  });

  test("escapes: \\\" and $${ stay literal", () => {
    expect(evaluate('${jsonencode({k = "a\\"b $${x}"})}', lookup)).toBe('{"k":"a\\"b ${x}"}');
  });
});

describe("against the emulator", () => {
  let w: World;
  let calls: string[];
  const root = () => new cam.v20190116.Client(sdkClientConfig(w.emu, "cam"));
  const tf = () => standIn(w, (l) => calls.push(l));
  const camCalls = () => calls.filter((c) => /(Policy|Policies|GetUser)/.test(c) && !/^.*: (GetPolicy|GetUser|ListAttached)/.test(c));

  /** The test environments, staging with access policies. */
  const synthWith = (accessPolicies: PostDeployPoliciesOptions | undefined, signKey = true) =>
    synthInto(
      w.synthDir,
      testEnvironments(w.receiver.url, {
        staging: {
          accessPolicies,
          callbacks: { vodEvents: { url: `${w.receiver.url}/staging/vod`, ...(signKey ? { signKey: CallbackSecret.fromEnvironment("STAGING_VOD_SIGN_KEY") } : {}) } },
        },
      }),
    );

  beforeAll(async () => {
    w = await world({ deploy: false });
  });
  afterAll(async () => {
    await w.close();
  });
  // Each test starts from an empty account (ids from the start again) and an empty Terraform state.
  beforeEach(async () => {
    await w.emu.admin.reset();
    rmSync(w.standInState, { recursive: true, force: true });
    calls = [];
    await w.emu.cam.createUser({ name: "ci-post-deploy" });
    await w.emu.cam.createUser({ name: "ci-check" });
  });

  test("apply creates the policies, then attaches them to the users by name, with the provider's calls; a plan then shows no change", async () => {
    synthWith({ apply: { userName: "ci-post-deploy" }, readOnly: { userName: "ci-check" } });
    await tf().apply();
    expect(calls.filter((c) => c.startsWith("staging: ") && /Policy|Policies|GetUser/.test(c))).toEqual([
      "staging: CreatePolicy PolicyName=trtc-live-recording-1400000001-apply -> PolicyId 200000001",
      "staging: GetPolicy PolicyId=200000001",
      "staging: CreatePolicy PolicyName=trtc-live-recording-1400000001-read-only -> PolicyId 200000002",
      "staging: GetPolicy PolicyId=200000002",
      "staging: GetUser Name=ci-post-deploy",
      "staging: AttachUserPolicy AttachUin=100000000002 PolicyId=200000001",
      "staging: GetUser Name=ci-post-deploy",
      "staging: ListAttachedUserPolicies TargetUin=100000000002 Page=1 Rp=200",
      "staging: GetUser Name=ci-check",
      "staging: AttachUserPolicy AttachUin=100000000003 PolicyId=200000002",
      "staging: GetUser Name=ci-check",
      "staging: ListAttachedUserPolicies TargetUin=100000000003 Page=1 Rp=200",
    ]);
    const state = tf().readState("staging");
    const byType = (t: string) => Object.values(state.resources).filter((r) => r.type === t);
    expect(byType("tencentcloud_cam_policy").map((r) => [r.id, r.attributes.name, r.attributes.type])).toEqual([
      ["200000001", "trtc-live-recording-1400000001-apply", 1],
      ["200000002", "trtc-live-recording-1400000001-read-only", 1],
    ]);
    expect(byType("tencentcloud_cam_user_policy_attachment").map((r) => [r.id, r.attributes.policy_name, r.attributes.policy_type])).toEqual([
      ["ci-post-deploy#200000001", "trtc-live-recording-1400000001-apply", "User"],
      ["ci-check#200000002", "trtc-live-recording-1400000001-read-only", "User"],
    ]);
    // What CAM holds: the evaluated document, with the SubAppId of the application created in the same apply.
    const held = JSON.parse((await root().GetPolicy({ PolicyId: 200000001 })).PolicyDocument!);
    expect(held.statement[0].resource).toEqual([`qcs::vod:::subAppId/${tf().readState("staging").resources[Object.keys(state.resources).find((a) => a.startsWith("tencentcloud_vod_sub_application."))!].id.split("#")[1]}`]);
    // GetPolicy answers with `\/`; the read turns it back and the documents compare equal as JSON.
    calls.length = 0;
    const plan = await tf().plan();
    expect(plan.hasChanges).toBe(false);
    expect(calls.every((c) => /: (Get|List|Describe)/.test(c))).toBe(true);
  });

  test("a document change is an UpdatePolicy in place: the policy id and its attachments stay", async () => {
    synthWith({ apply: { userName: "ci-post-deploy" } });
    await tf().apply();
    synthWith({ apply: { userName: "ci-post-deploy" } }, false);
    const plan = await tf().plan();
    expect(plan.changes.filter((c) => c.action !== "no-op").map((c) => [c.address.split(".")[0], c.action, c.changes.map((x) => x.attribute)])).toEqual([
      ["tencentcloud_cam_policy", "update", ["document"]],
    ]);
    calls.length = 0;
    await tf().apply();
    expect(camCalls()).toEqual(["staging: UpdatePolicy PolicyId=200000001 PolicyDocument"]);
    const held = JSON.parse((await root().GetPolicy({ PolicyId: 200000001 })).PolicyDocument!);
    expect(held.statement[0].action).toEqual(["name/vod:DescribeEventConfig", "name/vod:SearchMedia"]);
    expect((await tf().plan()).hasChanges).toBe(false);
  });

  test("a new name (ForceNew) replaces the policy, and so its attachment: detached and deleted first, then created and attached", async () => {
    synthWith({ apply: { userName: "ci-post-deploy" } });
    await tf().apply();
    synthWith({ namePrefix: "live-ci", apply: { userName: "ci-post-deploy" } });
    const plan = await tf().plan();
    expect(plan.changes.filter((c) => c.action !== "no-op").map((c) => [c.address.split(".")[0], c.action, c.note])).toEqual([
      ["tencentcloud_cam_policy", "replace", "name forces replacement"],
      ["tencentcloud_cam_policy", "replace", "name forces replacement"],
      ["tencentcloud_cam_user_policy_attachment", "replace", "policy_id forces replacement"],
    ]);
    expect(plan.text).toContain("  Plan: 3 to add, 0 to change, 3 to destroy.");
    calls.length = 0;
    await tf().apply();
    expect(camCalls()).toEqual([
      "staging: DetachUserPolicy DetachUin=100000000002 PolicyId=200000001",
      "staging: DeletePolicy PolicyId=200000002",
      "staging: DeletePolicy PolicyId=200000001",
      "staging: CreatePolicy PolicyName=live-ci-apply -> PolicyId 200000003",
      "staging: CreatePolicy PolicyName=live-ci-read-only -> PolicyId 200000004",
      "staging: AttachUserPolicy AttachUin=100000000002 PolicyId=200000003",
    ]);
    expect((await tf().plan()).hasChanges).toBe(false);
  });

  test("a role attachment sends the role ID as is (AttachRolePolicy, ListAttachedRolePolicies, DetachRolePolicy)", async () => {
    const role = await w.emu.cam.createRole({ name: "ci-oidc" });
    synthWith({ readOnly: { roleId: role.roleId } });
    await tf().apply();
    expect(calls.filter((c) => /Role/.test(c))).toEqual([
      `staging: AttachRolePolicy AttachRoleId=${role.roleId} PolicyId=200000002`,
      `staging: ListAttachedRolePolicies RoleId=${role.roleId} Page=1 Rp=200`,
    ]);
    expect(tf().readState("staging").resources[Object.keys(tf().readState("staging").resources).find((a) => a.startsWith("tencentcloud_cam_role_policy_attachment."))!].id).toBe(`${role.roleId}#200000002`);
    expect((await tf().plan()).hasChanges).toBe(false);
    synthWith({});
    calls.length = 0;
    await tf().apply();
    expect(camCalls()).toEqual([`staging: DetachRolePolicy DetachRoleId=${role.roleId} PolicyId=200000002`]);
  });

  test("a policy deleted outside Terraform: the read finds it gone and the plan creates it again", async () => {
    synthWith({});
    await tf().apply();
    await root().DeletePolicy({ PolicyId: [200000001] });
    const plan = await tf().plan();
    expect(plan.changes.filter((c) => c.action !== "no-op").map((c) => [c.address.split(".")[0], c.action, c.note])).toEqual([
      ["tencentcloud_cam_policy", "create", "the provider's read found it gone"],
    ]);
  });

  test("the provider's PolicyDocumentForceCheck: a resource given as a string is refused before any call", async () => {
    const document = JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: ["name/vod:SearchMedia"], resource: "*" }] });
    await w.emu.admin.clearCallLog();
    const ctx = { clientConfig: (s: string) => sdkClientConfig(w.emu, s as "cam"), log: () => undefined };
    await expect(camPolicy.create(ctx, { name: "p", document })).rejects.toThrow("The format of `resource` in policy document is invalid, its type must be array");
    expect((await w.emu.admin.getCallLog()).entries).toEqual([]);
  });
});
