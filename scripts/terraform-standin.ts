/**
 * A LOCAL STAND-IN FOR `terraform apply`, for the offline demo and tests only.
 *
 * The tencentcloud provider cannot be downloaded here, so this reads the synthesized `cdk.tf.json` of each stack and
 * makes the API calls the provider (1.82.101) makes for the two resources this package declares, against the emulator:
 * - `tencentcloud_vod_sub_application`: CreateSubAppId (Name, Tags), then ModifySubAppIdStatus (status);
 * - `tencentcloud_vod_event_config`: ModifyEventConfig (Mode, NotificationUrl, the two event switches).
 * It then writes the outputs file as `cdktf deploy --outputs-file` does (nested by construct path, see
 * `getConstructIdsForOutputs` in @cdktf/cli-core). It evaluates only the expressions these stacks use.
 */
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import type { ClientConfig } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

interface TfJson {
  resource?: Record<string, Record<string, Record<string, Json>>>;
  output?: Record<string, { value: Json }>;
  "//"?: { outputs?: Record<string, Json> };
}

export interface StandInResult {
  /** cdktf's outputs-file content: `{ <stack>: { <construct path...>: { <output>: value } } }`. */
  readonly outputs: Record<string, Json>;
  /** One line per API call made, for the demo's output. */
  readonly calls: readonly string[];
  readonly subApps: readonly { readonly stack: string; readonly name: string; readonly subAppId: number }[];
}

const SUB_APP = "tencentcloud_vod_sub_application";
const EVENT_CONFIG = "tencentcloud_vod_event_config";

/** Runs the stand-in over every stack of `synthDir`; writes `outputsFile` when given. */
export async function terraformApplyStandIn(synthDir: string, vodConfig: ClientConfig, outputsFile?: string): Promise<StandInResult> {
  const client = new vod.v20180717.Client(vodConfig);
  const manifest = JSON.parse(readFileSync(path.join(synthDir, "manifest.json"), "utf8")) as { stacks: Record<string, { workingDirectory: string; synthesizedStackPath: string }> };
  const outputs: Record<string, Json> = {};
  const calls: string[] = [];
  const subApps: { stack: string; name: string; subAppId: number }[] = [];

  for (const [stackName, stack] of Object.entries(manifest.stacks)) {
    const tf = JSON.parse(readFileSync(path.join(synthDir, stack.synthesizedStackPath), "utf8")) as TfJson;
    const created = new Map<string, { subAppId: number; name: string }>();
    for (const [logicalId, r] of Object.entries(tf.resource?.[SUB_APP] ?? {})) {
      const name = String(r.name);
      const tags = r.tags && typeof r.tags === "object" && !Array.isArray(r.tags) ? Object.entries(r.tags).map(([TagKey, v]) => ({ TagKey, TagValue: String(v) })) : undefined;
      const res = await client.CreateSubAppId({ Name: name, ...(tags && tags.length > 0 ? { Tags: tags } : {}) });
      const subAppId = Number(res.SubAppId);
      calls.push(`${stackName}: CreateSubAppId Name=${name}${tags ? ` Tags=${tags.map((t) => `${t.TagKey}:${t.TagValue}`).join(",")}` : ""} -> SubAppId ${subAppId}`);
      await client.ModifySubAppIdStatus({ SubAppId: subAppId, Status: String(r.status) });
      calls.push(`${stackName}: ModifySubAppIdStatus SubAppId=${subAppId} Status=${String(r.status)}`);
      created.set(logicalId, { subAppId, name });
      subApps.push({ stack: stackName, name, subAppId });
    }
    const evaluate = (v: Json): Json => {
      if (typeof v !== "string" || !v.includes("${")) return v;
      const ref = new RegExp(`^\\$\\{(?:tonumber\\(element\\(split\\("#", )?${SUB_APP}\\.([A-Za-z0-9_-]+)\\.(id|name)(?:\\), 1\\)\\))?\\}$`).exec(v);
      const app = ref ? created.get(ref[1]) : undefined;
      if (!ref || !app) throw new Error(`the terraform apply stand-in cannot evaluate ${v}`);
      if (ref[2] === "name") return app.name;
      return v.includes('split("#"') ? app.subAppId : `${app.name}#${app.subAppId}`;
    };
    for (const r of Object.values(tf.resource?.[EVENT_CONFIG] ?? {})) {
      const subAppId = Number(evaluate(r.sub_app_id));
      const req = {
        SubAppId: subAppId,
        ...(r.mode !== undefined ? { Mode: String(r.mode) } : {}),
        ...(r.notification_url !== undefined ? { NotificationUrl: String(r.notification_url) } : {}),
        ...(r.upload_media_complete_event_switch !== undefined ? { UploadMediaCompleteEventSwitch: String(r.upload_media_complete_event_switch) } : {}),
        ...(r.delete_media_complete_event_switch !== undefined ? { DeleteMediaCompleteEventSwitch: String(r.delete_media_complete_event_switch) } : {}),
      };
      await client.ModifyEventConfig(req);
      calls.push(`${stackName}: ModifyEventConfig SubAppId=${subAppId} Mode=${req.Mode} NotificationUrl=${req.NotificationUrl}`);
    }
    const values = Object.fromEntries(Object.entries(tf.output ?? {}).map(([k, o]) => [k, evaluate(o.value)]));
    const nest = (node: Json): Json => {
      if (typeof node === "string") return values[node] ?? null;
      if (node === null || typeof node !== "object" || Array.isArray(node)) return null;
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nest(v)]));
    };
    const mapping = tf["//"]?.outputs;
    Object.assign(outputs, mapping ? (nest(mapping) as Record<string, Json>) : { [stackName]: values });
  }
  if (outputsFile !== undefined) writeFileSync(outputsFile, JSON.stringify(outputs, null, 2));
  return { outputs, calls, subApps };
}
