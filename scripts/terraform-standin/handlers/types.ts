/**
 * One handler per Terraform resource type: what the provider's Create, Read, Update and Delete do for it, as API
 * calls against the emulator. The engine (../engine.ts) plans and applies with them; a new resource type (e.g. the
 * CAM ones) is a new handler registered in ./index.ts.
 */
import type { ClientConfig } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";

/** Attribute values as Terraform state keeps them (strings, numbers, booleans, string maps). */
export type AttributeValue = string | number | boolean | null | { readonly [k: string]: string };
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** A resource as the stand-in's state keeps it: Terraform's `id` and its attributes after the last Read. */
export interface ResourceState {
  readonly type: string;
  readonly id: string;
  readonly attributes: Attributes;
  /** Resources (`<type>.<name>`) its configuration referred to when it was last applied. */
  readonly dependencies: readonly string[];
}

/** How the provider's schema declares an attribute the configuration may set (what the plan compares). */
export interface AttributeSchema {
  /** `json`: a JSON document compared parsed (the provider's DiffSuppressFunc for `tencentcloud_cam_policy.document`). */
  readonly kind: "string" | "number" | "map" | "json";
  /** Optional + Computed: when not configured, whatever the Read found is kept (no diff). */
  readonly computed?: boolean;
  /** A change forces replacement. */
  readonly forceNew?: boolean;
}

export interface HandlerContext {
  /** SDK client configuration for a service (`vod`, `cam`): the emulator's endpoint and credentials. */
  clientConfig(service: string): ClientConfig;
  /** One line per API call made, for the demo's output (never a secret). */
  log(line: string): void;
}

export interface ResourceHandler {
  readonly type: string;
  /** Configurable attributes, as the provider declares them (computed-only ones are not listed: never compared). */
  readonly schema: Readonly<Record<string, AttributeSchema>>;
  /** The provider's Create (then its Read). `config` holds evaluated values; absent attributes are not set. */
  create(ctx: HandlerContext, config: Attributes): Promise<{ id: string; attributes: Attributes }>;
  /** The provider's Read (refresh): the attributes it sets, or null when it removes the resource from the state. */
  read(ctx: HandlerContext, prior: ResourceState): Promise<Attributes | null>;
  /** The provider's Update (then its Read). `changed`: the attributes whose planned value differs. */
  update(ctx: HandlerContext, prior: ResourceState, config: Attributes, changed: readonly string[]): Promise<Attributes>;
  /** The provider's Delete. */
  delete(ctx: HandlerContext, prior: ResourceState): Promise<void>;
  /** What Delete does, for the plan (e.g. "ModifySubAppIdStatus Off, then Destroyed"). */
  readonly deleteEffect: string;
}

/** The SDK's `d.GetOk`: false for the zero value of the attribute's type ("" / 0 / empty map / unset). */
export function getOk(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null || value === "" || value === 0 || value === false) return false;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}
