/**
 * `tencentcloud_cam_user_policy_attachment`, as provider 1.82.101 implements it
 * (resource_tc_cam_user_policy_attachment.go, service_tencentcloud_cam.go; docs/cam.md §1). Every attribute is
 * ForceNew: a change replaces the attachment.
 * - Create: GetUser{Name: user_name} for its Uin, then AttachUserPolicy{AttachUin, PolicyId} (skipped when GetUser
 *   answers without Uid, as the provider does); id `<user_name>#<policy_id>`; then Read. The provider retries its
 *   Read for up to 3 minutes until the attachment shows, then sleeps 10 s: the stand-in reads once and does not sleep.
 * - Read: GetUser{Name} (an error fails the read), then ListAttachedUserPolicies{TargetUin, Page 1.., Rp 200} page
 *   by page until a page has fewer than 200 entries; the entry with the id's PolicyId is the attachment (none, or a
 *   code containing `ResourceNotFound`: removed from the state). Sets `user_name`, `policy_id`, `policy_name`,
 *   `create_time`, `create_mode`, `policy_type`.
 * - Delete: GetUser{Name}, then DetachUserPolicy{DetachUin, PolicyId}.
 */
import { camClient } from "./cam-policy";
import { Attributes, HandlerContext, ResourceHandler, ResourceState } from "./types";

const PAGE = 200;

/** `<user_name>#<policy_id>`, split as the provider's decodeCamPolicyAttachmentId does. */
export function decodeAttachmentId(id: string): [string, number] {
  const parts = id.split("#");
  if (parts.length !== 2 || !/^\d+$/.test(parts[1])) throw new Error(`CAM policy attachment id is broken: ${id}`);
  return [parts[0], Number(parts[1])];
}

async function userOf(ctx: HandlerContext, name: string): Promise<{ Uin: number; Uid?: number }> {
  const u = await camClient(ctx).GetUser({ Name: name });
  ctx.log(`GetUser Name=${name}`);
  // The provider dereferences Uin: an answer without it would crash there.
  if (typeof u.Uin !== "number") throw new Error(`GetUser ${name}: no Uin in the answer`);
  return { Uin: u.Uin, Uid: u.Uid };
}

/**
 * The attachment's attributes from ListAttached{User,Role}Policies, paged as the provider pages it (Rp 200, until a
 * page has fewer): the entry with `policyId`, or null when there is none.
 */
export async function findAttachedPolicy(
  listPage: (page: number, rp: number) => Promise<{ List?: ReadonlyArray<{ PolicyId?: number; PolicyName?: string; AddTime?: string; CreateMode?: number; PolicyType?: string }> }>,
  policyId: number,
): Promise<Attributes | null> {
  for (let page = 1; ; page++) {
    const list = (await listPage(page, PAGE)).List ?? [];
    const found = list.find((p) => p.PolicyId === policyId);
    if (found !== undefined) {
      return {
        policy_id: String(policyId),
        policy_name: found.PolicyName ?? "",
        create_time: found.AddTime ?? "",
        create_mode: Number(found.CreateMode ?? 0),
        policy_type: found.PolicyType ?? "",
      };
    }
    if (list.length < PAGE) return null;
  }
}

async function read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null> {
  const [userName, policyId] = decodeAttachmentId(prior.id);
  const user = await userOf(ctx, userName);
  try {
    const found = await findAttachedPolicy(async (page, rp) => {
      const r = await camClient(ctx).ListAttachedUserPolicies({ TargetUin: user.Uin, Page: page, Rp: rp });
      ctx.log(`ListAttachedUserPolicies TargetUin=${user.Uin} Page=${page} Rp=${rp}`);
      return r;
    }, policyId);
    return found === null ? null : { user_name: userName, ...found };
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.includes("ResourceNotFound")) return null;
    throw err;
  }
}

export const camUserPolicyAttachment: ResourceHandler = {
  type: "tencentcloud_cam_user_policy_attachment",
  schema: { user_name: { kind: "string", forceNew: true }, policy_id: { kind: "string", forceNew: true } },
  deleteEffect: "DetachUserPolicy (the user keeps its other policies)",
  async create(ctx, config) {
    const userName = String(config.user_name);
    const policyId = String(config.policy_id);
    const user = await userOf(ctx, userName);
    if (user.Uid !== undefined && user.Uid !== null) {
      await camClient(ctx).AttachUserPolicy({ AttachUin: user.Uin, PolicyId: Number(policyId) });
      ctx.log(`AttachUserPolicy AttachUin=${user.Uin} PolicyId=${policyId}`);
    }
    const id = `${userName}#${policyId}`;
    const attributes = await read(ctx, { type: this.type, id, attributes: {}, dependencies: [] });
    if (attributes === null) throw new Error(`CAM user policy attachment ${id}: not found after AttachUserPolicy (the provider would retry its read for 3 minutes)`);
    return { id, attributes };
  },
  read,
  async update() {
    throw new Error("tencentcloud_cam_user_policy_attachment has no update: every attribute forces a replacement");
  },
  async delete(ctx, prior) {
    const [userName, policyId] = decodeAttachmentId(prior.id);
    const user = await userOf(ctx, userName);
    await camClient(ctx).DetachUserPolicy({ DetachUin: user.Uin, PolicyId: policyId });
    ctx.log(`DetachUserPolicy DetachUin=${user.Uin} PolicyId=${policyId}`);
  },
};
