/**
 * CAM (cam, 2019-01-16): the calls tencentcloud provider 1.82.101 makes for `tencentcloud_cam_policy`,
 * `tencentcloud_cam_user_policy_attachment` and `tencentcloud_cam_role_policy_attachment`, plus the role lookups
 * (GetRole, DescribeRoleList). Fields from cam_models.d.ts, error codes from the Go SDK's per-action lists, limits from
 * CAM's Use Limits page (docs/cam.md §1). Users and roles are created through the admin interface (cam-admin.ts).
 */
import type { ActionHandler, EmulatorContext } from "./context";
import { DEFAULT_OWNER_UIN } from "./cam-access";
import { parsePolicyDocument } from "./cam-policy";
import { CloudApiError } from "./errors";
import { JsonObject, Params } from "./params";
import type { CamAttachmentRecord, CamPolicyRecord, CamRoleRecord, CamStateData, CamUserRecord } from "./state";

export const CAM_VERSION = "2019-01-16";

/** "Number of custom policies created by one root account: 1500". */
export const MAX_CUSTOM_POLICIES = 1500;
/** "Number of policies directly associated with one user, user group, or role: 200". */
export const MAX_ATTACHED_POLICIES = 200;
/** CreatePolicy: "1~128 characters: letters, digits and +=,.@-_" (cam_models.d.ts). */
export const POLICY_NAME_PATTERN = /^[A-Za-z0-9+=,.@_-]{1,128}$/;
/** InvalidParameter.DescriptionLengthOverlimit: "Description ... cannot exceed 300 bytes". */
export const MAX_DESCRIPTION_BYTES = 300;
/** ListPolicies: Rp "must be greater than 0 and at most 200", Page "cannot exceed 200". Also the list actions' Rp cap. */
export const MAX_PAGE_SIZE = 200;

const PARAM_ERROR = "InvalidParameter.ParamError";

/**
 * CAM's time format, `2019-04-29 21:28:32` (GetPolicy sample). The time zone is not documented; Beijing time (UTC+8)
 * here, as the console shows it.
 */
export function camTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace("T", " ");
}

/** A policy document as GetPolicy returns it: compact JSON with `/` escaped as `\/` (the documented sample). */
export function camDocumentText(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document)).replace(/\//g, "\\/");
  } catch {
    return document;
  }
}

function cam(ctx: EmulatorContext): CamStateData {
  return ctx.state.cam;
}

function policyById(ctx: EmulatorContext, id: number, code = "ResourceNotFound.PolicyIdNotFound"): CamPolicyRecord {
  const p = cam(ctx).policies[String(id)];
  if (!p) throw new CloudApiError(code, `The policy ${id} does not exist.`);
  return p;
}

function policyId(p: Params, name = "PolicyId", required: boolean | string = true): number | undefined {
  return p.number(name, { required, min: 1, code: "InvalidParameter.PolicyIdError" });
}

function userByUin(ctx: EmulatorContext, uin: number): CamUserRecord {
  const u = cam(ctx).users[String(uin)];
  if (!u) throw new CloudApiError("ResourceNotFound.UserNotExist", `The sub-user ${uin} does not exist.`);
  return u;
}

/** A role selector: its ID or its name, one required ("入参 RoleId 与 RoleName 二选一"). */
interface RoleSelector {
  readonly id?: string;
  readonly name?: string;
}

function roleSelector(p: Params, idField: string, nameField: string): RoleSelector {
  const id = p.string(idField, { minLength: 1, code: PARAM_ERROR });
  const name = p.string(nameField, { minLength: 1, code: PARAM_ERROR });
  if (id === undefined && name === undefined) throw new CloudApiError(PARAM_ERROR, `One of \`${idField}\` and \`${nameField}\` is required.`);
  return { id, name };
}

function roleOf(ctx: EmulatorContext, sel: RoleSelector): CamRoleRecord {
  const role = Object.values(cam(ctx).roles).find((r) => (sel.id !== undefined ? r.RoleId === sel.id : r.RoleName === sel.name));
  if (!role) throw new CloudApiError("InvalidParameter.RoleNotExist", `The role ${sel.id ?? sel.name} does not exist.`);
  return role;
}

function attachmentsOf(ctx: EmulatorContext, kind: CamAttachmentRecord["kind"], principal: string): CamAttachmentRecord[] {
  return cam(ctx).attachments.filter((a) => a.kind === kind && a.principal === principal);
}

function validateDescription(p: Params): string | undefined {
  const d = p.string("Description");
  if (d !== undefined && Buffer.byteLength(d, "utf8") > MAX_DESCRIPTION_BYTES) {
    throw new CloudApiError("InvalidParameter.DescriptionLengthOverlimit", `The description has ${Buffer.byteLength(d, "utf8")} bytes; at most ${MAX_DESCRIPTION_BYTES} are allowed.`);
  }
  return d;
}

function validateDocument(p: Params, required: boolean): string | undefined {
  const text = p.string("PolicyDocument", { required });
  if (text === undefined) return undefined;
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) throw new CloudApiError(parsed.code, parsed.message);
  return text;
}

function validatePolicyName(p: Params, required: boolean): string | undefined {
  return p.string("PolicyName", {
    required,
    pattern: POLICY_NAME_PATTERN,
    patternText: "1 to 128 characters: letters, digits and +=,.@-_",
    code: "InvalidParameter.PolicyNameError",
  });
}

function page(p: Params, rule: { required: boolean; defaultRp: number }): { page: number; rp: number } {
  const pageNo = p.number("Page", { required: rule.required, min: 1, code: PARAM_ERROR }) ?? 1;
  const rp = p.number("Rp", { required: rule.required, min: 1, max: MAX_PAGE_SIZE, code: PARAM_ERROR }) ?? rule.defaultRp;
  return { page: pageNo, rp };
}

function slice<T>(all: readonly T[], pg: { page: number; rp: number }): T[] {
  return all.slice((pg.page - 1) * pg.rp, pg.page * pg.rp);
}

const createPolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyName", "PolicyDocument", "Description", "Tags"]);
  const name = validatePolicyName(p, true) as string;
  const document = validateDocument(p, true) as string;
  const description = validateDescription(p) ?? "";
  const tags = p.objectArray("Tags", { allowed: ["Key", "Value"], code: PARAM_ERROR })?.map((t) => ({
    Key: t.string("Key", { required: true, minLength: 1, code: PARAM_ERROR }) as string,
    Value: t.string("Value", { required: true, code: PARAM_ERROR }) as string,
  }));
  const state = cam(ctx);
  if (Object.values(state.policies).some((x) => x.PolicyName === name)) {
    throw new CloudApiError("FailedOperation.PolicyNameInUse", `A policy named ${name} already exists.`);
  }
  if (Object.keys(state.policies).length >= MAX_CUSTOM_POLICIES) {
    throw new CloudApiError("FailedOperation.PolicyFull", `At most ${MAX_CUSTOM_POLICIES} custom policies are allowed per root account.`);
  }
  const now = camTime(ctx.now());
  const id = state.counters.nextPolicyId++;
  state.policies[String(id)] = { PolicyId: id, PolicyName: name, Description: description, PolicyDocument: document, AddTime: now, UpdateTime: now, Tags: tags ?? [] };
  ctx.persist();
  return { PolicyId: id };
};

const getPolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId"]);
  const policy = policyById(ctx, policyId(p) as number);
  return {
    PolicyName: policy.PolicyName,
    Description: policy.Description,
    Type: 1,
    AddTime: policy.AddTime,
    UpdateTime: policy.UpdateTime,
    PolicyDocument: camDocumentText(policy.PolicyDocument),
    IsServiceLinkedRolePolicy: 0,
    Tags: policy.Tags.map((t) => ({ ...t })),
  };
};

const updatePolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId", "PolicyName", "Description", "PolicyDocument", "Alias"]);
  const id = policyId(p, "PolicyId", false);
  const name = validatePolicyName(p, false);
  const description = validateDescription(p);
  const document = validateDocument(p, false);
  p.string("Alias"); // "preset policy remark": there are no preset policies here, so it changes nothing.
  if (id === undefined && name === undefined) throw new CloudApiError(PARAM_ERROR, "One of `PolicyId` and `PolicyName` is required.");
  const state = cam(ctx);
  let policy: CamPolicyRecord;
  if (id !== undefined) {
    policy = policyById(ctx, id);
    if (name !== undefined && name !== policy.PolicyName) {
      if (Object.values(state.policies).some((x) => x.PolicyName === name)) {
        throw new CloudApiError("FailedOperation.PolicyNameInUse", `A policy named ${name} already exists.`);
      }
      policy.PolicyName = name;
    }
  } else {
    const found = Object.values(state.policies).find((x) => x.PolicyName === name);
    if (!found) throw new CloudApiError("ResourceNotFound.NotFound", `No policy is named ${String(name)}.`);
    policy = found;
  }
  if (description !== undefined) policy.Description = description;
  if (document !== undefined) policy.PolicyDocument = document;
  policy.UpdateTime = camTime(ctx.now());
  ctx.persist();
  // "PolicyId: returned only when the input is PolicyName."
  return id === undefined ? { PolicyId: policy.PolicyId } : {};
};

const deletePolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId"]);
  const ids = p.numberArray("PolicyId", { required: true, minItems: 1, code: PARAM_ERROR }) as number[];
  ids.forEach((id) => policyById(ctx, id));
  const state = cam(ctx);
  for (const id of ids) delete state.policies[String(id)];
  // What happens to attachments of a deleted policy is not documented: they go with it here.
  state.attachments = state.attachments.filter((a) => !ids.includes(a.PolicyId));
  ctx.persist();
  return {};
};

const listPolicies: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Rp", "Page", "Scope", "Keyword"]);
  const pg = page(p, { required: false, defaultRp: 20 });
  if (pg.page > 200) throw p.invalid("Page", PARAM_ERROR, `must be at most 200, got ${pg.page}`);
  const scope = p.string("Scope", { oneOf: ["All", "QCS", "Local"], code: "InvalidParameter.ScopeError" }) ?? "All";
  const keyword = p.string("Keyword", { code: "InvalidParameter.KeywordError" });
  const state = cam(ctx);
  // No preset (QCS) policies exist in the emulator: Scope QCS lists nothing.
  const all = scope === "QCS" ? [] : Object.values(state.policies).filter((x) => !keyword || x.PolicyName.includes(keyword)).sort((a, b) => a.PolicyId - b.PolicyId);
  return {
    TotalNum: all.length,
    List: slice(all, pg).map((x) => ({
      PolicyId: x.PolicyId,
      PolicyName: x.PolicyName,
      AddTime: x.AddTime,
      Type: 1,
      Description: x.Description,
      CreateMode: 2,
      Attachments: state.attachments.filter((a) => a.PolicyId === x.PolicyId).length,
      UpdateTime: x.UpdateTime,
      Tags: x.Tags.map((t) => ({ ...t })),
    })),
    ServiceTypeList: [],
  };
};

const getUser: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Name"]);
  const name = p.string("Name", { required: true }) as string;
  const u = Object.values(cam(ctx).users).find((x) => x.Name === name);
  if (!u) throw new CloudApiError("ResourceNotFound.UserNotExist", `The sub-user ${name} does not exist.`);
  return { Uin: u.Uin, Name: u.Name, Uid: u.Uid, Remark: u.Remark, ConsoleLogin: u.ConsoleLogin, PhoneNum: "", CountryCode: "", Email: "" };
};

function attach(ctx: EmulatorContext, kind: CamAttachmentRecord["kind"], principal: string, id: number, fullCode: string): void {
  const state = cam(ctx);
  const current = attachmentsOf(ctx, kind, principal);
  if (current.some((a) => a.PolicyId === id)) return; // attaching twice changes nothing (our reading)
  if (current.length >= MAX_ATTACHED_POLICIES) throw new CloudApiError(fullCode, `At most ${MAX_ATTACHED_POLICIES} policies can be attached to one ${kind}.`);
  state.attachments.push({ kind, principal, PolicyId: id, AddTime: camTime(ctx.now()) });
  ctx.persist();
}

function detach(ctx: EmulatorContext, kind: CamAttachmentRecord["kind"], principal: string, id: number): void {
  const state = cam(ctx);
  // Detaching a policy that is not attached succeeds (not documented; our reading).
  state.attachments = state.attachments.filter((a) => !(a.kind === kind && a.principal === principal && a.PolicyId === id));
  ctx.persist();
}

const attachUserPolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId", "AttachUin"]);
  const id = policyId(p) as number;
  const uin = p.number("AttachUin", { required: true, min: 1, code: PARAM_ERROR }) as number;
  policyById(ctx, id);
  userByUin(ctx, uin);
  attach(ctx, "user", String(uin), id, "FailedOperation.PolicyFull");
  return {};
};

const detachUserPolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId", "DetachUin"]);
  const id = policyId(p) as number;
  const uin = p.number("DetachUin", { required: true, min: 1, code: PARAM_ERROR }) as number;
  policyById(ctx, id);
  userByUin(ctx, uin);
  detach(ctx, "user", String(uin), id);
  return {};
};

/** The policy of a role (de)attachment: PolicyId or PolicyName, one required. Parameters are checked before lookups. */
function rolePolicyAndRole(ctx: EmulatorContext, p: Params, verb: "Attach" | "Detach"): { policy: CamPolicyRecord; role: CamRoleRecord } {
  const id = policyId(p, "PolicyId", false);
  const name = p.string("PolicyName", { minLength: 1, code: "InvalidParameter.PolicyNameError" });
  const sel = roleSelector(p, `${verb}RoleId`, `${verb}RoleName`);
  if (id === undefined && name === undefined) throw new CloudApiError(PARAM_ERROR, "One of `PolicyId` and `PolicyName` is required.");
  const policy = id !== undefined ? cam(ctx).policies[String(id)] : Object.values(cam(ctx).policies).find((x) => x.PolicyName === name);
  if (!policy) throw new CloudApiError("InvalidParameter.PolicyIdNotExist", `The policy ${id ?? name} does not exist.`);
  return { policy, role: roleOf(ctx, sel) };
}

const attachRolePolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId", "AttachRoleId", "AttachRoleName", "PolicyName"]);
  const { policy, role } = rolePolicyAndRole(ctx, p, "Attach");
  attach(ctx, "role", role.RoleId, policy.PolicyId, "InvalidParameter.AttachmentFull");
  return {};
};

const detachRolePolicy: ActionHandler = (ctx, p) => {
  p.onlyKnown(["PolicyId", "DetachRoleId", "DetachRoleName", "PolicyName"]);
  const { policy, role } = rolePolicyAndRole(ctx, p, "Detach");
  detach(ctx, "role", role.RoleId, policy.PolicyId);
  return {};
};

const listAttachedUserPolicies: ActionHandler = (ctx, p) => {
  p.onlyKnown(["TargetUin", "Page", "Rp"]);
  const uin = p.number("TargetUin", { required: true, min: 1, code: PARAM_ERROR }) as number;
  const pg = page(p, { required: false, defaultRp: 20 });
  // An unknown user: not documented (the provider treats ResourceNotFound* as "gone").
  userByUin(ctx, uin);
  const all = attachmentsOf(ctx, "user", String(uin));
  return {
    TotalNum: all.length,
    List: slice(all, pg).map((a) => {
      const policy = cam(ctx).policies[String(a.PolicyId)];
      return {
        PolicyId: a.PolicyId,
        PolicyName: policy.PolicyName,
        AddTime: a.AddTime,
        CreateMode: 2,
        PolicyType: "User",
        Remark: policy.Description,
        OperateOwnerUin: DEFAULT_OWNER_UIN,
        OperateUin: DEFAULT_OWNER_UIN,
        OperateUinType: 0,
        Deactived: 0,
        DeactivedDetail: [],
      };
    }),
  };
};

const listAttachedRolePolicies: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Page", "Rp", "RoleId", "RoleName", "PolicyType", "Keyword"]);
  const pg = page(p, { required: true, defaultRp: 20 });
  const policyType = p.string("PolicyType", { oneOf: ["User", "QCS"], code: PARAM_ERROR });
  const keyword = p.string("Keyword");
  const role = roleOf(ctx, roleSelector(p, "RoleId", "RoleName"));
  const all = attachmentsOf(ctx, "role", role.RoleId)
    .map((a) => ({ a, policy: cam(ctx).policies[String(a.PolicyId)] }))
    .filter(({ policy }) => policyType !== "QCS" && (!keyword || policy.PolicyName.includes(keyword)));
  return {
    List: slice(all, pg).map(({ a, policy }) => ({
      PolicyId: a.PolicyId,
      PolicyName: policy.PolicyName,
      AddTime: a.AddTime,
      PolicyType: "User",
      CreateMode: 2,
      Deactived: 0,
      DeactivedDetail: [],
      Description: policy.Description,
    })),
    TotalNum: all.length,
  };
};

export function roleInfo(r: CamRoleRecord): JsonObject {
  return {
    RoleId: r.RoleId,
    RoleName: r.RoleName,
    PolicyDocument: r.PolicyDocument,
    Description: r.Description,
    AddTime: r.AddTime,
    UpdateTime: r.UpdateTime,
    ConsoleLogin: 0,
    RoleType: "user",
  };
}

const getRole: ActionHandler = (ctx, p) => {
  p.onlyKnown(["RoleId", "RoleName"]);
  return { RoleInfo: roleInfo(roleOf(ctx, roleSelector(p, "RoleId", "RoleName"))) };
};

const describeRoleList: ActionHandler = (ctx, p) => {
  p.onlyKnown(["Page", "Rp", "Tags"]);
  const pg = page(p, { required: true, defaultRp: 20 });
  const tags = p.objectArray("Tags", { allowed: ["Key", "Value"], code: PARAM_ERROR });
  // Roles created here carry no tags: a tag filter matches none of them.
  const all = tags && tags.length > 0 ? [] : Object.values(cam(ctx).roles).sort((a, b) => (BigInt(a.RoleId) < BigInt(b.RoleId) ? -1 : 1));
  return { List: slice(all, pg).map(roleInfo), TotalNum: all.length };
};

/** Every emulated CAM action. */
export const CAM_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  UpdatePolicy: updatePolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  GetUser: getUser,
  AttachUserPolicy: attachUserPolicy,
  DetachUserPolicy: detachUserPolicy,
  AttachRolePolicy: attachRolePolicy,
  DetachRolePolicy: detachRolePolicy,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  GetRole: getRole,
  DescribeRoleList: describeRoleList,
};
