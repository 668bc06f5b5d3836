/**
 * `tencentcloud_cam_policy`, as provider 1.82.101 implements it (tencentcloud/services/cam/resource_tc_cam_policy.go;
 * docs/cam.md §1):
 * - Create: the local `PolicyDocumentForceCheck` (a `resource` given as a JSON string is refused), CreatePolicy
 *   (PolicyName, PolicyDocument; Description and Tags when set), id = the PolicyId, GetPolicy until it is found, then
 *   Read. The provider then sleeps 10 s before its Read: the stand-in does not (the emulator has no propagation delay).
 * - Read: GetPolicy; a code containing `ResourceNotFound`, or an answer without PolicyName, removes it from the state.
 *   Sets `name`, `document` (every `\/` replaced by `/`), `description` (when returned), `tags` (when any),
 *   `create_time`, `update_time`, `type`.
 * - Update: UpdatePolicy with PolicyId and each of description, name and document that changed (`name` is ForceNew, so
 *   a new name replaces the policy instead); tags go to the Tag service (ModifyTags), which the emulator does not
 *   emulate: refused here, saying so. Then Read.
 * - Delete: DeletePolicy with PolicyId [id].
 * `document` is compared as parsed JSON (the provider's DiffSuppressFunc).
 */
import { cam } from "tencentcloud-sdk-nodejs/tencentcloud/services/cam";
import { Attributes, HandlerContext, ResourceHandler, ResourceState, getOk } from "./types";

export function camClient(ctx: HandlerContext) {
  return new cam.v20190116.Client(ctx.clientConfig("cam"));
}

/** The provider's client-side check of a document, before any call. */
export function policyDocumentForceCheck(document: string): void {
  const doc = JSON.parse(document) as { statement?: Array<{ resource?: unknown }> };
  for (const statement of doc.statement ?? []) {
    if (typeof statement.resource === "string") throw new Error("The format of `resource` in policy document is invalid, its type must be array");
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

async function read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null> {
  let r: Awaited<ReturnType<ReturnType<typeof camClient>["GetPolicy"]>>;
  try {
    r = await camClient(ctx).GetPolicy({ PolicyId: Number(prior.id) });
  } catch (err) {
    if (codeOf(err).includes("ResourceNotFound")) return null;
    throw err;
  }
  ctx.log(`GetPolicy PolicyId=${prior.id}`);
  if (r.PolicyName === undefined) return null;
  const out: Record<string, Attributes[string]> = {
    ...prior.attributes,
    name: r.PolicyName,
    document: (r.PolicyDocument ?? "").replace(/\\\//g, "/"),
    create_time: r.AddTime ?? "",
    update_time: r.UpdateTime ?? "",
    type: Number(r.Type ?? 0),
  };
  if (r.Description !== undefined) out.description = r.Description;
  if (r.Tags !== undefined && r.Tags.length > 0) out.tags = Object.fromEntries(r.Tags.filter((t) => t.Key !== undefined && t.Value !== undefined).map((t) => [t.Key!, t.Value!]));
  return out;
}

export const camPolicy: ResourceHandler = {
  type: "tencentcloud_cam_policy",
  schema: {
    name: { kind: "string", forceNew: true },
    document: { kind: "json" },
    description: { kind: "string" },
    tags: { kind: "map" },
  },
  deleteEffect: "DeletePolicy (CAM detaches it from every user and role)",
  async create(ctx, config) {
    const document = String(config.document);
    policyDocumentForceCheck(document);
    const tags = getOk(config.tags) ? Object.entries(config.tags as Record<string, string>).map(([Key, Value]) => ({ Key, Value })) : undefined;
    const name = String(config.name);
    const res = await camClient(ctx).CreatePolicy({
      PolicyName: name,
      PolicyDocument: document,
      ...(getOk(config.description) ? { Description: String(config.description) } : {}),
      ...(tags ? { Tags: tags } : {}),
    });
    const id = String(res.PolicyId);
    ctx.log(`CreatePolicy PolicyName=${name} -> PolicyId ${id}`);
    const attributes = await read(ctx, { type: this.type, id, attributes: {}, dependencies: [] });
    if (attributes === null) throw new Error(`CAM policy ${id} not found right after CreatePolicy`);
    return { id, attributes };
  },
  read,
  async update(ctx, prior, config, changed) {
    if (changed.includes("description") || changed.includes("document")) {
      const req: { PolicyId: number; Description?: string; PolicyDocument?: string } = { PolicyId: Number(prior.id) };
      if (changed.includes("description")) req.Description = config.description === undefined || config.description === null ? "" : String(config.description);
      if (changed.includes("document")) {
        policyDocumentForceCheck(String(config.document));
        req.PolicyDocument = String(config.document);
      }
      await camClient(ctx).UpdatePolicy(req);
      ctx.log(`UpdatePolicy PolicyId=${prior.id}${req.Description !== undefined ? " Description" : ""}${req.PolicyDocument !== undefined ? " PolicyDocument" : ""}`);
    }
    if (changed.includes("tags")) {
      throw new Error(`tags of CAM policy ${prior.id}: the provider changes them through the Tag service (ModifyTags), which the emulator does not emulate`);
    }
    const attributes = await read(ctx, prior);
    if (attributes === null) throw new Error(`CAM policy ${prior.id} not found after UpdatePolicy`);
    return attributes;
  },
  async delete(ctx, prior) {
    await camClient(ctx).DeletePolicy({ PolicyId: [Number(prior.id)] });
    ctx.log(`DeletePolicy PolicyId=${prior.id}`);
  },
};
