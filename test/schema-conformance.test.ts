/**
 * The synthesized configuration against the tencentcloud provider's own schema (1.82.101, kept in schema/): every
 * resource type exists, every argument is one the provider accepts (and not computed-only), required arguments are
 * present, and literal values have the declared type. Terraform cannot download the provider here, so this is the
 * offline part of `terraform validate`.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { ENVIRONMENTS } from "../main";
import { Testing } from "../lib/cdktf";
import { defineEnvironments } from "../stacks";
import { ROOT } from "./support/app";
import { synth } from "./support/synth";

interface Attribute {
  readonly type: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}
interface Block {
  readonly attributes?: Record<string, Attribute>;
  readonly block_types?: Record<string, { readonly nesting_mode: string; readonly block: Block; readonly min_items?: number }>;
}

const schema = JSON.parse(readFileSync(path.join(ROOT, "schema/tencentcloud-provider-schema.json"), "utf8")).provider_schemas[
  "registry.terraform.io/tencentcloudstack/tencentcloud"
] as { provider: { block: Block }; resource_schemas: Record<string, { block: Block }> };

/** Terraform meta-arguments and cdktf's metadata key, allowed on every resource. */
const META = new Set(["//", "depends_on", "count", "for_each", "provider", "lifecycle", "provisioner", "connection"]);
/** Built-in resources (not the provider's) and the arguments Terraform gives them. */
const BUILT_IN: Record<string, Set<string>> = { terraform_data: new Set(["input", "triggers_replace"]) };

const isExpression = (v: unknown) => typeof v === "string" && v.includes("${");

function typeProblem(type: unknown, value: unknown): string | undefined {
  if (isExpression(value)) return undefined;
  if (type === "string") return typeof value === "string" ? undefined : "a string";
  if (type === "number") return typeof value === "number" ? undefined : "a number";
  if (type === "bool") return typeof value === "boolean" ? undefined : "a boolean";
  if (Array.isArray(type) && type[0] === "map") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return "a map";
    for (const v of Object.values(value as Record<string, unknown>)) if (typeProblem(type[1], v)) return `a map of ${String(type[1])}`;
    return undefined;
  }
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) return Array.isArray(value) ? undefined : "a list";
  return undefined;
}

function checkBlock(where: string, block: Block, config: Record<string, unknown>, meta: Set<string>): string[] {
  const problems: string[] = [];
  const attrs = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  for (const [key, value] of Object.entries(config)) {
    if (meta.has(key)) continue;
    const a = attrs[key];
    const b = blocks[key];
    if (a === undefined && b === undefined) {
      problems.push(`${where}: "${key}" is not an argument of this schema`);
      continue;
    }
    if (a !== undefined) {
      if (a.computed && !a.optional && !a.required) problems.push(`${where}: "${key}" is computed-only and cannot be set`);
      const t = typeProblem(a.type, value);
      if (t) problems.push(`${where}: "${key}" must be ${t}, got ${JSON.stringify(value)}`);
    }
  }
  for (const [key, a] of Object.entries(attrs)) {
    if (a.required && !(key in config)) problems.push(`${where}: required "${key}" is missing`);
  }
  return problems;
}

function conformance(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const p of ((json.provider as Record<string, unknown[]>)?.tencentcloud ?? []) as Record<string, unknown>[]) {
    problems.push(...checkBlock("provider tencentcloud", schema.provider.block, p, new Set(["alias"])));
  }
  for (const [type, byId] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [id, config] of Object.entries(byId)) {
      const where = `${type}.${id}`;
      if (BUILT_IN[type]) {
        for (const key of Object.keys(config)) if (!META.has(key) && !BUILT_IN[type].has(key)) problems.push(`${where}: "${key}" is not an argument`);
        continue;
      }
      const s = schema.resource_schemas[type];
      if (s === undefined) {
        problems.push(`${where}: the provider has no resource type ${type}`);
        continue;
      }
      problems.push(...checkBlock(where, s.block, config, META));
    }
  }
  return problems;
}

describe("the synthesized configuration conforms to the tencentcloud provider schema", () => {
  test.each(ENVIRONMENTS.map((e) => e.name))("example stack %s", (name) => {
    const stack = defineEnvironments(Testing.app(), ENVIRONMENTS).find((s) => s.node.id === name)!;
    const json = synth(stack) as unknown as Record<string, unknown>;
    expect(Object.keys(json.resource as object).sort()).toEqual([
      "tencentcloud_cam_policy",
      "tencentcloud_cam_user_policy_attachment",
      "tencentcloud_vod_event_config",
      "tencentcloud_vod_sub_application",
    ]);
    expect(conformance(json)).toEqual([]);
  });

  test("with the access policies attached to a role (by ID) as well", () => {
    const env = { ...ENVIRONMENTS[0], accessPolicies: { apply: { userName: "ci", roleId: "4611686018427922725" }, readOnly: { roleId: "4611686018427922726" } } };
    const json = synth(defineEnvironments(Testing.app(), [env])[0]) as unknown as Record<string, unknown>;
    expect(Object.keys(json.resource as Record<string, object>).filter((t) => t.startsWith("tencentcloud_cam_")).sort()).toEqual([
      "tencentcloud_cam_policy",
      "tencentcloud_cam_role_policy_attachment",
      "tencentcloud_cam_user_policy_attachment",
    ]);
    expect(conformance(json)).toEqual([]);
  });

  test("with the post-deploy hook (terraform_data + local-exec)", () => {
    const stack = defineEnvironments(Testing.app(), [{ ...ENVIRONMENTS[1], postDeployHook: true }])[0];
    const json = synth(stack) as unknown as Record<string, unknown>;
    expect(Object.keys(json.resource as object).sort()).toEqual([
      "tencentcloud_cam_policy",
      "tencentcloud_cam_user_policy_attachment",
      "tencentcloud_vod_event_config",
      "tencentcloud_vod_sub_application",
      "terraform_data",
    ]);
    expect(conformance(json)).toEqual([]);
  });

  test("the check itself rejects what the provider would", () => {
    const bad = {
      provider: { tencentcloud: [{ region: "ap-guangzhou", secret: "x" }] },
      resource: {
        tencentcloud_vod_sub_application: { a: { name: "n", status: "On", sub_app_id: "1", create_time: "x" } },
        tencentcloud_vod_event_config: { b: { mode: "PUSH" } },
        tencentcloud_trtc_recording: { c: {} },
      },
    };
    expect(conformance(bad)).toEqual([
      'provider tencentcloud: "secret" is not an argument of this schema',
      'tencentcloud_vod_sub_application.a: "sub_app_id" is not an argument of this schema',
      'tencentcloud_vod_sub_application.a: "create_time" is computed-only and cannot be set',
      'tencentcloud_vod_event_config.b: required "sub_app_id" is missing',
      "tencentcloud_trtc_recording.c: the provider has no resource type tencentcloud_trtc_recording",
    ]);
  });
});
