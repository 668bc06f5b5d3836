/**
 * The emulated CAM API through the real SDK's cam.v20190116 client: the calls provider 1.82.101 makes for
 * tencentcloud_cam_policy and the user/role policy attachments (docs/cam.md §1), with CAM's validation and codes.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { CamAdminClient } from "../../emulator/cam-admin";
import { Emulator, startEmulator } from "../../emulator/public-api";
import { CamClient, camClient, policyDocument } from "./cam-helpers";
import { rejectionOf } from "./helpers";

let emu: Emulator;
let c: CamClient;

beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
  c = camClient(emu);
});
afterAll(() => emu.stop());
beforeEach(() => emu.admin.reset());

const ALLOW_ALL_VOD = policyDocument({ effect: "allow", action: ["name/vod:*"], resource: ["*"] });

async function newPolicy(name: string, document = ALLOW_ALL_VOD): Promise<number> {
  return (await c.CreatePolicy({ PolicyName: name, PolicyDocument: document })).PolicyId as number;
}

describe("tencentcloud_cam_policy: CreatePolicy, GetPolicy, UpdatePolicy, DeletePolicy", () => {
  test("create then read: the fields the provider reads, CAM's time format, the document with escaped slashes", async () => {
    const id = await newPolicy("live-recording-apply", ALLOW_ALL_VOD);
    await c.CreatePolicy({ PolicyName: "with-tags", PolicyDocument: ALLOW_ALL_VOD, Description: "CI", Tags: [{ Key: "env", Value: "prod" }] });
    expect(id).toBeGreaterThan(0);
    const got = await c.GetPolicy({ PolicyId: id });
    expect(got).toMatchObject({ PolicyName: "live-recording-apply", Description: "", Type: 1, IsServiceLinkedRolePolicy: 0, Tags: [] });
    expect(got.AddTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(got.UpdateTime).toBe(got.AddTime);
    // The documented sample returns `name\/cos:*`; the provider undoes it with strings.Replace(doc, "\\/", "/").
    expect(got.PolicyDocument).toBe('{"version":"2.0","statement":[{"effect":"allow","action":["name\\/vod:*"],"resource":["*"]}]}');
    expect(JSON.parse((got.PolicyDocument as string).replace(/\\\//g, "/"))).toEqual(JSON.parse(ALLOW_ALL_VOD));
    const list = await c.ListPolicies({ Keyword: "with-tags" });
    expect(list.List?.[0]).toMatchObject({ PolicyName: "with-tags", Description: "CI", Tags: [{ Key: "env", Value: "prod" }], Type: 1, CreateMode: 2 });
  });

  test("update by PolicyId changes document and description; by PolicyName it answers the PolicyId", async () => {
    const id = await newPolicy("p");
    const narrower = policyDocument({ effect: "allow", action: ["vod:SearchMedia"], resource: ["qcs::vod:::subAppId/1500000001"] });
    expect(await c.UpdatePolicy({ PolicyId: id, PolicyDocument: narrower, Description: "narrower" })).not.toHaveProperty("PolicyId");
    const got = await c.GetPolicy({ PolicyId: id });
    expect(got.Description).toBe("narrower");
    expect(JSON.parse((got.PolicyDocument as string).replace(/\\\//g, "/"))).toEqual(JSON.parse(narrower));
    expect((await c.UpdatePolicy({ PolicyName: "p", Description: "by name" })).PolicyId).toBe(id);
  });

  test("delete, then GetPolicy answers ResourceNotFound.PolicyIdNotFound (the provider's 'gone')", async () => {
    const id = await newPolicy("p");
    await c.DeletePolicy({ PolicyId: [id] });
    const e = await rejectionOf(c.GetPolicy({ PolicyId: id }));
    expect(e.code).toBe("ResourceNotFound.PolicyIdNotFound");
  });

  test("DeletePolicy with an unknown id deletes nothing", async () => {
    const id = await newPolicy("p");
    expect((await rejectionOf(c.DeletePolicy({ PolicyId: [id, 999] }))).code).toBe("ResourceNotFound.PolicyIdNotFound");
    expect((await c.GetPolicy({ PolicyId: id })).PolicyName).toBe("p");
  });

  test.each<[string, string, Record<string, unknown>]>([
    ["no PolicyName", "MissingParameter", { PolicyDocument: ALLOW_ALL_VOD }],
    ["no PolicyDocument", "MissingParameter", { PolicyName: "p" }],
    ["a name with a space", "InvalidParameter.PolicyNameError", { PolicyName: "my policy", PolicyDocument: ALLOW_ALL_VOD }],
    ["a 129-character name", "InvalidParameter.PolicyNameError", { PolicyName: "p".repeat(129), PolicyDocument: ALLOW_ALL_VOD }],
    ["a 301-byte description", "InvalidParameter.DescriptionLengthOverlimit", { PolicyName: "p", PolicyDocument: ALLOW_ALL_VOD, Description: "d".repeat(301) }],
    ["a document that is not JSON", "InvalidParameter.PolicyDocumentError", { PolicyName: "p", PolicyDocument: "allow all" }],
    ["version 1.0", "InvalidParameter.VersionError", { PolicyName: "p", PolicyDocument: JSON.stringify({ version: "1.0", statement: [] }) }],
    ["effect Allow", "InvalidParameter.EffectError", { PolicyName: "p", PolicyDocument: policyDocument({ effect: "Allow", action: ["vod:*"], resource: ["*"] }) }],
    ["an unknown field", "UnknownParameter", { PolicyName: "p", PolicyDocument: ALLOW_ALL_VOD, Path: "/" }],
  ])("CreatePolicy with %s → %s", async (_name, code, req) => {
    const e = await rejectionOf(c.CreatePolicy(req as never));
    expect(e.code).toBe(code);
  });

  test("a name already in use → FailedOperation.PolicyNameInUse", async () => {
    await newPolicy("p");
    expect((await rejectionOf(c.CreatePolicy({ PolicyName: "p", PolicyDocument: ALLOW_ALL_VOD }))).code).toBe("FailedOperation.PolicyNameInUse");
  });

  test("UpdatePolicy without PolicyId or PolicyName, with an unknown id, with a bad document", async () => {
    expect((await rejectionOf(c.UpdatePolicy({ Description: "x" }))).code).toBe("InvalidParameter.ParamError");
    expect((await rejectionOf(c.UpdatePolicy({ PolicyId: 12345, Description: "x" }))).code).toBe("ResourceNotFound.PolicyIdNotFound");
    const id = await newPolicy("p");
    expect((await rejectionOf(c.UpdatePolicy({ PolicyId: id, PolicyDocument: "{}" }))).code).toBe("InvalidParameter.VersionError");
  });
});

describe("ListPolicies", () => {
  test("pages with Page/Rp; TotalNum counts all; Keyword matches the name; Scope QCS lists no custom policy", async () => {
    for (const n of ["a1", "a2", "a3", "b1", "b2"]) await newPolicy(n);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await c.ListPolicies({ Page: page, Rp: 2 }));
    expect(pages.map((p) => p.TotalNum)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.List?.map((x) => x.PolicyName))).toEqual(["a1", "a2", "a3", "b1", "b2"]);
    expect((await c.ListPolicies({ Keyword: "b" })).List?.map((x) => x.PolicyName)).toEqual(["b1", "b2"]);
    expect((await c.ListPolicies({ Scope: "QCS" })).TotalNum).toBe(0);
    expect((await c.ListPolicies({})).List).toHaveLength(5); // default Rp 20
  });

  test.each<[Record<string, unknown>, string]>([
    [{ Rp: 201 }, "InvalidParameter.ParamError"],
    [{ Rp: 0 }, "InvalidParameter.ParamError"],
    [{ Page: 201 }, "InvalidParameter.ParamError"],
    [{ Scope: "Mine" }, "InvalidParameter.ScopeError"],
  ])("%j → %s", async (req, code) => {
    expect((await rejectionOf(c.ListPolicies(req))).code).toBe(code);
  });
});

describe("tencentcloud_cam_user_policy_attachment: GetUser, AttachUserPolicy, ListAttachedUserPolicies, DetachUserPolicy", () => {
  test("the provider's sequence: resolve the name, attach, find it by paging with Rp 200, detach, not found any more", async () => {
    const user = await emu.cam.createUser({ name: "ci-deployer", remark: "CI" });
    const id = await newPolicy("apply");
    const got = await c.GetUser({ Name: "ci-deployer" });
    expect(got).toMatchObject({ Uin: user.uin, Uid: user.uid, Name: "ci-deployer", Remark: "CI", ConsoleLogin: 0 });
    await c.AttachUserPolicy({ AttachUin: got.Uin as number, PolicyId: id });
    const listed = await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 1, Rp: 200 });
    expect(listed.TotalNum).toBe(1);
    const entry = listed.List?.find((p) => p.PolicyId === id);
    expect(entry).toMatchObject({ PolicyName: "apply", CreateMode: 2, PolicyType: "User" });
    expect(entry?.AddTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await c.DetachUserPolicy({ DetachUin: user.uin, PolicyId: id });
    expect((await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 1, Rp: 200 })).List).toEqual([]);
  });

  test("attaching twice keeps one attachment; paging with Page/Rp", async () => {
    const user = await emu.cam.createUser({ name: "u" });
    const ids = [await newPolicy("p1"), await newPolicy("p2"), await newPolicy("p3")];
    for (const id of [...ids, ids[0]]) await c.AttachUserPolicy({ AttachUin: user.uin, PolicyId: id });
    const first = await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 1, Rp: 2 });
    const second = await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 2, Rp: 2 });
    expect(first.TotalNum).toBe(3);
    expect([...(first.List ?? []), ...(second.List ?? [])].map((p) => p.PolicyId)).toEqual(ids);
  });

  test("unknown user or policy", async () => {
    const user = await emu.cam.createUser({ name: "u" });
    const id = await newPolicy("p");
    expect((await rejectionOf(c.GetUser({ Name: "nobody" }))).code).toBe("ResourceNotFound.UserNotExist");
    expect((await rejectionOf(c.AttachUserPolicy({ AttachUin: 999, PolicyId: id }))).code).toBe("ResourceNotFound.UserNotExist");
    expect((await rejectionOf(c.AttachUserPolicy({ AttachUin: user.uin, PolicyId: 999 }))).code).toBe("ResourceNotFound.PolicyIdNotFound");
    expect((await rejectionOf(c.ListAttachedUserPolicies({ TargetUin: 999 }))).code).toBe("ResourceNotFound.UserNotExist");
    expect((await rejectionOf(c.ListAttachedUserPolicies({ TargetUin: user.uin, Rp: 201 }))).code).toBe("InvalidParameter.ParamError");
  });

  test("at most 200 policies per user → FailedOperation.PolicyFull", async () => {
    const user = await emu.cam.createUser({ name: "u" });
    for (let i = 0; i < 200; i++) await c.AttachUserPolicy({ AttachUin: user.uin, PolicyId: await newPolicy(`p${i}`) });
    const e = await rejectionOf(c.AttachUserPolicy({ AttachUin: user.uin, PolicyId: await newPolicy("one-more") }));
    expect(e.code).toBe("FailedOperation.PolicyFull");
    const page1 = await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 1, Rp: 200 });
    const page2 = await c.ListAttachedUserPolicies({ TargetUin: user.uin, Page: 2, Rp: 200 });
    expect([page1.List?.length, page2.List?.length, page1.TotalNum]).toEqual([200, 0, 200]);
  });

  test("deleting a policy removes its attachments", async () => {
    const user = await emu.cam.createUser({ name: "u" });
    const id = await newPolicy("p");
    await c.AttachUserPolicy({ AttachUin: user.uin, PolicyId: id });
    await c.DeletePolicy({ PolicyId: [id] });
    expect((await c.ListAttachedUserPolicies({ TargetUin: user.uin })).TotalNum).toBe(0);
  });
});

describe("tencentcloud_cam_role_policy_attachment: AttachRolePolicy, ListAttachedRolePolicies, DetachRolePolicy", () => {
  test("the provider's sequence: role_id as AttachRoleId / RoleId / DetachRoleId", async () => {
    const role = await emu.cam.createRole({ name: "ci-role", description: "CI" });
    const id = await newPolicy("apply");
    await c.AttachRolePolicy({ AttachRoleId: role.roleId, PolicyId: id });
    const listed = await c.ListAttachedRolePolicies({ RoleId: role.roleId, Page: 1, Rp: 200 });
    expect(listed.TotalNum).toBe(1);
    expect(listed.List?.[0]).toMatchObject({ PolicyId: id, PolicyName: "apply", PolicyType: "User", CreateMode: 2 });
    await c.DetachRolePolicy({ DetachRoleId: role.roleId, PolicyId: id });
    expect((await c.ListAttachedRolePolicies({ RoleId: role.roleId, Page: 1, Rp: 200 })).TotalNum).toBe(0);
  });

  test("by name (AttachRoleName + PolicyName), and a role name given as the role ID is not a role", async () => {
    const role = await emu.cam.createRole({ name: "ci-role" });
    await newPolicy("apply");
    await c.AttachRolePolicy({ AttachRoleName: "ci-role", PolicyName: "apply" });
    expect((await c.ListAttachedRolePolicies({ RoleName: "ci-role", Page: 1, Rp: 10 })).List?.map((p) => p.PolicyName)).toEqual(["apply"]);
    const e = await rejectionOf(c.AttachRolePolicy({ AttachRoleId: "ci-role", PolicyName: "apply" }));
    expect(e.code).toBe("InvalidParameter.RoleNotExist");
    expect((await rejectionOf(c.ListAttachedRolePolicies({ RoleId: "ci-role", Page: 1, Rp: 10 }))).code).toBe("InvalidParameter.RoleNotExist");
    expect((await c.GetRole({ RoleName: "ci-role" })).RoleInfo).toMatchObject({ RoleId: role.roleId, RoleName: "ci-role", RoleType: "user" });
  });

  test("validation: missing role, missing policy, unknown policy, missing Page", async () => {
    const role = await emu.cam.createRole({ name: "r" });
    expect((await rejectionOf(c.AttachRolePolicy({ PolicyId: 1 }))).code).toBe("InvalidParameter.ParamError");
    expect((await rejectionOf(c.AttachRolePolicy({ AttachRoleId: role.roleId }))).code).toBe("InvalidParameter.ParamError");
    expect((await rejectionOf(c.AttachRolePolicy({ AttachRoleId: role.roleId, PolicyId: 999 }))).code).toBe("InvalidParameter.PolicyIdNotExist");
    expect((await rejectionOf(c.ListAttachedRolePolicies({ RoleId: role.roleId, Rp: 10 } as never))).code).toBe("MissingParameter");
    expect((await rejectionOf(c.GetRole({ RoleId: "1" }))).code).toBe("InvalidParameter.RoleNotExist");
  });

  test("DescribeRoleList pages the roles", async () => {
    for (const n of ["r1", "r2", "r3"]) await emu.cam.createRole({ name: n });
    const a = await c.DescribeRoleList({ Page: 1, Rp: 2 });
    const b = await c.DescribeRoleList({ Page: 2, Rp: 2 });
    expect(a.TotalNum).toBe(3);
    expect([...(a.List ?? []), ...(b.List ?? [])].map((r) => r.RoleName)).toEqual(["r1", "r2", "r3"]);
  });
});

describe("CAM admin (what the CAM console does)", () => {
  test("over HTTP: create a user with an API key that signs requests, list users without the key, create a role", async () => {
    const admin = new CamAdminClient(emu.url);
    try {
      const user = await admin.createUser({ name: "ci" });
      expect(user.secretId).toMatch(/^AKID[A-Za-z0-9]{32}$/);
      expect(user.secretKey).toMatch(/^[A-Za-z0-9]{32}$/);
      const listed = await admin.listUsers();
      expect(listed).toEqual([{ uin: user.uin, uid: user.uid, name: "ci", remark: "", secretId: user.secretId, secretKeyFingerprint: user.secretKeyFingerprint }]);
      expect(JSON.stringify(listed)).not.toContain(user.secretKey);
      // The user's key signs TC3 requests (enforcement is off: every action is allowed).
      expect((await camClient(emu, { secretId: user.secretId, secretKey: user.secretKey }).GetUser({ Name: "ci" })).Uin).toBe(user.uin);
      await expect(admin.createUser({ name: "ci" })).rejects.toThrow("admin POST cam/users: a CAM user named ci already exists");
      await expect(admin.createUser({ name: "no spaces" })).rejects.toThrow("name: letters, digits and +=,.@_- only");
      expect((await admin.createRole({ name: "ci-role" })).roleId).toMatch(/^\d+$/);
      expect((await admin.listRoles()).map((r) => r.roleName)).toEqual(["ci-role"]);
    } finally {
      admin.close();
    }
  });

  test("CAM users, policies and attachments survive a restart with a state file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cam-state-"));
    const file = path.join(dir, "state.json");
    try {
      const first = await startEmulator({ stateFile: file, rateLimits: false });
      const user = await first.cam.createUser({ name: "ci" });
      const id = (await camClient(first).CreatePolicy({ PolicyName: "p", PolicyDocument: ALLOW_ALL_VOD })).PolicyId as number;
      await camClient(first).AttachUserPolicy({ AttachUin: user.uin, PolicyId: id });
      await first.stop();
      const second = await startEmulator({ stateFile: file, rateLimits: false });
      try {
        const asUser = camClient(second, { secretId: user.secretId, secretKey: user.secretKey });
        expect((await asUser.ListAttachedUserPolicies({ TargetUin: user.uin })).List?.map((p) => p.PolicyId)).toEqual([id]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
