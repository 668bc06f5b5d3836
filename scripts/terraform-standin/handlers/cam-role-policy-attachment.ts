/**
 * `tencentcloud_cam_role_policy_attachment`, as provider 1.82.101 implements it
 * (resource_tc_cam_role_policy_attachment.go; docs/cam.md §1). It never resolves a role name: `role_id` is sent as
 * is. Every attribute is ForceNew.
 * - Create: AttachRolePolicy{AttachRoleId: role_id, PolicyId}; id `<role_id>#<policy_id>`; then Read (the provider
 *   retries it for up to 3 minutes, then sleeps 10 s: the stand-in reads once and does not sleep).
 * - Read: ListAttachedRolePolicies{RoleId, Page 1.., Rp 200} page by page until a page has fewer than 200 entries;
 *   the entry with the id's PolicyId is the attachment (none, a code containing `ResourceNotFound` or
 *   `InvalidParameter.RoleNotExist`: removed from the state). Sets `role_id`, `policy_id`, `policy_name`,
 *   `create_time`, `create_mode`, `policy_type`.
 * - Delete: DetachRolePolicy{DetachRoleId, PolicyId}.
 */
import { camClient } from "./cam-policy";
import { decodeAttachmentId, findAttachedPolicy } from "./cam-user-policy-attachment";
import { Attributes, HandlerContext, ResourceHandler, ResourceState } from "./types";

async function read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null> {
  const [roleId, policyId] = decodeAttachmentId(prior.id);
  try {
    const found = await findAttachedPolicy(async (page, rp) => {
      const r = await camClient(ctx).ListAttachedRolePolicies({ RoleId: roleId, Page: page, Rp: rp });
      ctx.log(`ListAttachedRolePolicies RoleId=${roleId} Page=${page} Rp=${rp}`);
      return r;
    }, policyId);
    return found === null ? null : { role_id: roleId, ...found };
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === "string" && (code.includes("ResourceNotFound") || code === "InvalidParameter.RoleNotExist")) return null;
    throw err;
  }
}

export const camRolePolicyAttachment: ResourceHandler = {
  type: "tencentcloud_cam_role_policy_attachment",
  schema: { role_id: { kind: "string", forceNew: true }, policy_id: { kind: "string", forceNew: true } },
  deleteEffect: "DetachRolePolicy (the role keeps its other policies)",
  async create(ctx: HandlerContext, config) {
    const roleId = String(config.role_id);
    const policyId = String(config.policy_id);
    await camClient(ctx).AttachRolePolicy({ AttachRoleId: roleId, PolicyId: Number(policyId) });
    ctx.log(`AttachRolePolicy AttachRoleId=${roleId} PolicyId=${policyId}`);
    const id = `${roleId}#${policyId}`;
    const attributes = await read(ctx, { type: this.type, id, attributes: {}, dependencies: [] });
    if (attributes === null) throw new Error(`CAM role policy attachment ${id}: not found after AttachRolePolicy (the provider would retry its read for 3 minutes)`);
    return { id, attributes };
  },
  read,
  async update() {
    throw new Error("tencentcloud_cam_role_policy_attachment has no update: every attribute forces a replacement");
  },
  async delete(ctx, prior) {
    const [roleId, policyId] = decodeAttachmentId(prior.id);
    await camClient(ctx).DetachRolePolicy({ DetachRoleId: roleId, PolicyId: policyId });
    ctx.log(`DetachRolePolicy DetachRoleId=${roleId} PolicyId=${policyId}`);
  },
};
