/**
 * `tencentcloud_vod_event_config`, as provider 1.82.101 implements it
 * (tencentcloud/services/vod/resource_tc_vod_event_config.go):
 * - Create: the id is `sub_app_id`, then Update.
 * - Update: ModifyEventConfig with SubAppId = the id, and every configured non-empty attribute (mode, notification_url,
 *   upload and delete switches; never SignKey), whether it changed or not, then Read. The id is not changed by a
 *   new `sub_app_id` (not ForceNew): the update still goes to the old application, as the provider's does.
 * - Read: DescribeEventConfig; sets `sub_app_id` from the id and each of the four attributes the answer has.
 * - Delete: nothing (the settings stay in VOD).
 */
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { Attributes, HandlerContext, ResourceHandler, ResourceState, getOk } from "./types";

const FIELDS = [
  ["mode", "Mode"],
  ["notification_url", "NotificationUrl"],
  ["upload_media_complete_event_switch", "UploadMediaCompleteEventSwitch"],
  ["delete_media_complete_event_switch", "DeleteMediaCompleteEventSwitch"],
] as const;

function client(ctx: HandlerContext) {
  return new vod.v20180717.Client(ctx.clientConfig("vod"));
}

async function read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null> {
  const subAppId = Number(prior.id);
  const r = (await client(ctx).DescribeEventConfig({ SubAppId: subAppId })) as unknown as Record<string, unknown>;
  ctx.log(`DescribeEventConfig SubAppId=${subAppId}`);
  const out: Record<string, string | number | null> = { sub_app_id: subAppId };
  for (const [attr, field] of FIELDS) {
    const v = r[field];
    out[attr] = typeof v === "string" ? v : ((prior.attributes[attr] as string | undefined) ?? null);
  }
  return out;
}

async function update(ctx: HandlerContext, id: string, config: Attributes): Promise<Attributes> {
  const subAppId = Number(id);
  const req: Record<string, string | number> = { SubAppId: subAppId };
  for (const [attr, field] of FIELDS) if (getOk(config[attr])) req[field] = String(config[attr]);
  await client(ctx).ModifyEventConfig(req);
  ctx.log(`ModifyEventConfig ${Object.entries(req).map(([k, v]) => `${k}=${v}`).join(" ")}`);
  const attributes = await read(ctx, { type: "tencentcloud_vod_event_config", id, attributes: {}, dependencies: [] });
  return attributes!;
}

export const vodEventConfig: ResourceHandler = {
  type: "tencentcloud_vod_event_config",
  schema: {
    sub_app_id: { kind: "number" },
    mode: { kind: "string", computed: true },
    notification_url: { kind: "string" },
    upload_media_complete_event_switch: { kind: "string", computed: true },
    delete_media_complete_event_switch: { kind: "string", computed: true },
  },
  deleteEffect: "no API call (the provider's delete is a no-op: the settings stay in VOD)",
  async create(ctx, config) {
    const id = String(config.sub_app_id);
    return { id, attributes: await update(ctx, id, config) };
  },
  read,
  update: (ctx, prior, config) => update(ctx, prior.id, config),
  async delete() {
    // The provider's Delete makes no call.
  },
};
