/**
 * `tencentcloud_vod_sub_application`, as provider 1.82.101 implements it
 * (tencentcloud/services/vod/resource_tc_vod_sub_application.go):
 * - Create: CreateSubAppId (Name; Description and Tags when set), id `<name>#<SubAppId>`, then ModifySubAppIdStatus
 *   (Status), then Read.
 * - Read: DescribeSubAppIds (Offset/Limit 200, no filter) until the SubAppId of the id is found; not found: removed
 *   from the state. Sets `name` (the deprecated `Name` field), `description`, `create_time` and `tags` (when the
 *   answer has them); keeps `status` from the state ("appInfo do not return status. So use the user input").
 * - Update: ModifySubAppIdInfo (Name and Description, each only when changed and non-empty), ModifySubAppIdStatus
 *   when status changed, the Tag service (ModifyTags) when tags changed, then Read.
 * - Delete: ModifySubAppIdStatus Off, then Destroyed.
 * The emulator has no Tag service: a tag change is refused here, saying so.
 */
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { AttributeValue, Attributes, HandlerContext, ResourceHandler, ResourceState, getOk } from "./types";

const PAGE = 200;

function client(ctx: HandlerContext) {
  return new vod.v20180717.Client(ctx.clientConfig("vod"));
}

function subAppIdOf(id: string): number {
  const parts = id.split("#");
  if (parts.length !== 2) throw new Error(`sub application id is broken, id is ${id}`);
  return Number(parts[1]);
}

function tagMap(tags: readonly { TagKey?: string; TagValue?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) if (t.TagKey !== undefined && t.TagValue !== undefined) out[t.TagKey] = t.TagValue;
  return out;
}

async function read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null> {
  const c = client(ctx);
  const want = subAppIdOf(prior.id);
  for (let offset = 0; ; offset += PAGE) {
    const r = await c.DescribeSubAppIds({ Offset: offset, Limit: PAGE });
    ctx.log(`DescribeSubAppIds Offset=${offset} Limit=${PAGE}`);
    const set = r.SubAppIdInfoSet ?? [];
    const info = set.find((a) => a.SubAppId === want);
    if (info !== undefined) {
      return {
        name: info.Name ?? "",
        description: info.Description ?? "",
        status: prior.attributes.status ?? null,
        create_time: info.CreateTime ?? "",
        tags: info.Tags ? tagMap(info.Tags) : ((prior.attributes.tags as AttributeValue) ?? null),
      };
    }
    if (set.length === 0 || r.TotalCount === undefined || offset + set.length >= r.TotalCount) return null;
  }
}

export const vodSubApplication: ResourceHandler = {
  type: "tencentcloud_vod_sub_application",
  schema: { name: { kind: "string" }, status: { kind: "string" }, description: { kind: "string" }, tags: { kind: "map" } },
  deleteEffect: "ModifySubAppIdStatus Off, then Destroyed (its media go with it)",
  async create(ctx, config) {
    const c = client(ctx);
    const name = String(config.name);
    const tags = getOk(config.tags) ? Object.entries(config.tags as Record<string, string>).map(([TagKey, TagValue]) => ({ TagKey, TagValue })) : undefined;
    const res = await c.CreateSubAppId({ Name: name, ...(getOk(config.description) ? { Description: String(config.description) } : {}), ...(tags ? { Tags: tags } : {}) });
    const subAppId = Number(res.SubAppId);
    ctx.log(
      `CreateSubAppId Name=${name}${getOk(config.description) ? ` Description=${JSON.stringify(config.description)}` : ""}${tags ? ` Tags=${tags.map((t) => `${t.TagKey}:${t.TagValue}`).join(",")}` : ""} -> SubAppId ${subAppId}`,
    );
    const id = `${name}#${subAppId}`;
    await c.ModifySubAppIdStatus({ SubAppId: subAppId, Status: String(config.status) });
    ctx.log(`ModifySubAppIdStatus SubAppId=${subAppId} Status=${String(config.status)}`);
    const attributes = await read(ctx, { type: this.type, id, attributes: { status: config.status ?? null }, dependencies: [] });
    if (attributes === null) throw new Error(`sub application ${id} not found right after CreateSubAppId`);
    return { id, attributes };
  },
  read,
  async update(ctx, prior, config, changed) {
    const c = client(ctx);
    const subAppId = subAppIdOf(prior.id);
    if (changed.includes("name") || changed.includes("description")) {
      const req = {
        SubAppId: subAppId,
        ...(changed.includes("name") && getOk(config.name) ? { Name: String(config.name) } : {}),
        ...(changed.includes("description") && getOk(config.description) ? { Description: String(config.description) } : {}),
      };
      await c.ModifySubAppIdInfo(req);
      ctx.log(`ModifySubAppIdInfo SubAppId=${subAppId}${"Name" in req ? ` Name=${req.Name}` : ""}${"Description" in req ? ` Description=${JSON.stringify(req.Description)}` : ""}`);
    }
    if (changed.includes("status")) {
      await c.ModifySubAppIdStatus({ SubAppId: subAppId, Status: String(config.status) });
      ctx.log(`ModifySubAppIdStatus SubAppId=${subAppId} Status=${String(config.status)}`);
    }
    if (changed.includes("tags")) {
      throw new Error(`tags of ${prior.id}: the provider changes them through the Tag service (ModifyTags), which the emulator does not emulate`);
    }
    const attributes = await read(ctx, { ...prior, attributes: { ...prior.attributes, status: config.status ?? null } });
    if (attributes === null) throw new Error(`sub application ${prior.id} not found after update`);
    return attributes;
  },
  async delete(ctx, prior) {
    const c = client(ctx);
    const subAppId = subAppIdOf(prior.id);
    for (const status of ["Off", "Destroyed"]) {
      await c.ModifySubAppIdStatus({ SubAppId: subAppId, Status: status });
      ctx.log(`ModifySubAppIdStatus SubAppId=${subAppId} Status=${status}`);
    }
  },
};
