import { IConstruct } from "constructs";
import { TencentcloudProvider } from "../../.gen/providers/tencentcloud/provider";
import { App, TerraformStack, Testing } from "../../lib/cdktf";

/** Synthesized Terraform JSON, parsed. */
export interface TfJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown; description?: string }>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, unknown[]>;
  readonly terraform?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** A test app (stubbed cdktf version, temporary outdir). */
export function testApp(): App {
  return Testing.app();
}

/** A bare stack with the tencentcloud provider, to test constructs alone. */
export function testStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(testApp(), id);
  new TencentcloudProvider(stack, "tencentcloud", { region: "ap-guangzhou" });
  return stack;
}

/** Runs aspects and validations, then returns the parsed JSON (as `cdktf synth` would write it, minus metadata). */
export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack, true)) as TfJson;
}

/** Every resource of a type, by logical id. */
export function resourcesOf(json: TfJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type; fails when there is not exactly one. */
export function onlyResource(json: TfJson, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The logical id of the one resource of a type. */
export function onlyResourceId(json: TfJson, type: string): string {
  const ids = Object.keys(resourcesOf(json, type));
  if (ids.length !== 1) throw new Error(`expected exactly one ${type}, found ${ids.length}`);
  return ids[0];
}

export interface Annotation {
  readonly level: "info" | "warn" | "error";
  readonly message: string;
  readonly path: string;
}

const LEVELS: Record<string, Annotation["level"]> = { "@cdktf/info": "info", "@cdktf/warn": "warn", "@cdktf/error": "error" };

/** Annotations left on the tree (call after `synth`, which runs the aspects). */
export function annotations(scope: IConstruct): Annotation[] {
  return scope.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type in LEVELS)
        .map((m) => ({ level: LEVELS[m.type], message: String(m.data), path: c.node.path })),
    );
}

/** Annotations of one level whose message starts with `[<ruleId>:`. */
export function ruleAnnotations(scope: IConstruct, ruleId: string, level?: Annotation["level"]): Annotation[] {
  return annotations(scope).filter((a) => a.message.startsWith(`[${ruleId}:`) && (level === undefined || a.level === level));
}
