/**
 * The stand-in's engine: Terraform's plan/apply cycle over a synthesized cdktf stack, with one handler per resource
 * type (./handlers). Per stack it keeps a state file (logical address -> Terraform id, attributes after the last
 * Read, dependencies), and:
 *
 * - `plan`: refreshes every resource in the state with the provider's Read (a resource the Read finds gone leaves
 *   the state), compares the configuration with it as Terraform does (configured attributes must equal the refreshed
 *   ones; an optional attribute left out of the configuration must be empty unless it is also computed) and prints,
 *   per resource, no-op / update (with each attribute) / create / delete;
 * - `apply`: the same plan, then creates and updates what differs in dependency order, deletes what left the
 *   configuration in reverse order (as the provider's Delete does), writes the state after each resource and the
 *   outputs file as `cdktf deploy --outputs-file` does.
 *
 * Resource types without a handler are listed as not handled and left alone.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import * as path from "path";
import { UNKNOWN, Value, evaluate, references } from "./expressions";
import { HANDLERS } from "./handlers";
import type { AttributeSchema, AttributeValue, Attributes, HandlerContext, ResourceHandler, ResourceState } from "./handlers/types";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

interface TfJson {
  resource?: Record<string, Record<string, Record<string, Json>>>;
  output?: Record<string, { value: Json }>;
  "//"?: { outputs?: Record<string, Json> };
}

export const STANDIN_STATE_VERSION = 1;

/** The stand-in's state of one stack (like terraform.tfstate: address -> id and attributes). */
export interface StandInState {
  readonly version: typeof STANDIN_STATE_VERSION;
  readonly stack: string;
  resources: Record<string, ResourceState>;
}

/** `replace`: a change to a ForceNew attribute; deleted, then created (Terraform's default order). */
export type Action = "no-op" | "create" | "update" | "replace" | "delete" | "not handled";

export interface AttributeChange {
  readonly attribute: string;
  readonly before: AttributeValue | undefined;
  /** `"(known after apply)"` when it depends on a resource not created yet. */
  readonly after: AttributeValue | undefined | "(known after apply)";
}

export interface ResourceChange {
  readonly stack: string;
  /** `<type>.<name>`. */
  readonly address: string;
  readonly action: Action;
  readonly changes: readonly AttributeChange[];
  /** Why (e.g. "the provider's read found it gone"). */
  readonly note?: string;
}

export interface StandInPlan {
  readonly changes: readonly ResourceChange[];
  /** True when anything would be created, updated or deleted. */
  readonly hasChanges: boolean;
  /** Terraform-like text, one line per resource and a summary line per stack. */
  readonly text: string;
}

export interface StandInOptions {
  /** cdktf output folder with manifest.json. */
  readonly synthDir: string;
  /** Folder of the state files (`<stack>.standin-tfstate.json`). @default `<synthDir>/.terraform-standin` */
  readonly stateDir?: string;
  /** SDK client configuration per service, pointing at the emulator. */
  readonly clientConfig: HandlerContext["clientConfig"];
  /** One line per API call (for the demo's output). */
  readonly log?: (line: string) => void;
}

interface Stack {
  readonly name: string;
  readonly tf: TfJson;
}

function stacksOf(synthDir: string): Stack[] {
  const manifest = JSON.parse(readFileSync(path.join(synthDir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => ({ name, tf: JSON.parse(readFileSync(path.join(synthDir, s.synthesizedStackPath), "utf8")) as TfJson }));
}

/** Configured resources of a stack: address -> { type, raw config }. Meta-arguments are not attributes. */
function configured(tf: TfJson): Map<string, { type: string; config: Record<string, Json> }> {
  const out = new Map<string, { type: string; config: Record<string, Json> }>();
  for (const [type, byName] of Object.entries(tf.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const config = Object.fromEntries(Object.entries(body).filter(([k]) => !["//", "depends_on", "lifecycle", "provider", "provisioner", "count", "for_each"].includes(k)));
      out.set(`${type}.${name}`, { type, config });
    }
  }
  return out;
}

/** Addresses in dependency order (a resource after those it refers to). */
function dependencyOrder(nodes: Map<string, readonly string[]>): string[] {
  const out: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (a: string) => {
    if (state.get(a) === "done") return;
    if (state.get(a) === "visiting") throw new Error(`dependency cycle at ${a}`);
    state.set(a, "visiting");
    for (const d of nodes.get(a) ?? []) if (nodes.has(d)) visit(d);
    state.set(a, "done");
    out.push(a);
  };
  for (const a of [...nodes.keys()].sort()) visit(a);
  return out;
}

const isEmpty = (v: AttributeValue | undefined): boolean => v === undefined || v === null || v === "" || (typeof v === "object" && Object.keys(v).length === 0);

/** JSON text with object keys sorted, or undefined when it is not JSON. */
function canonical(text: string): string | undefined {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v !== null && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v;
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/** Terraform's comparison of one configured attribute with the refreshed state. */
function same(kind: AttributeSchema["kind"], a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (isEmpty(a) || isEmpty(b)) return false;
  if (kind === "number") return Number(a) === Number(b);
  if (kind === "json") {
    // A DiffSuppressFunc that compares the parsed documents (tencentcloud_cam_policy's `document`).
    const x = canonical(String(a));
    const y = canonical(String(b));
    return x !== undefined && y !== undefined ? x === y : String(a) === String(b);
  }
  if (kind === "map") {
    const x = a as Record<string, string>;
    const y = b as Record<string, string>;
    const kx = Object.keys(x).sort();
    const ky = Object.keys(y).sort();
    return kx.length === ky.length && kx.every((k, i) => k === ky[i] && String(x[k]) === String(y[k]));
  }
  return String(a) === String(b);
}

function diff(handler: ResourceHandler, config: Record<string, Value>, attributes: Attributes): AttributeChange[] {
  const out: AttributeChange[] = [];
  for (const [attr, schema] of Object.entries(handler.schema)) {
    const want = config[attr];
    const have = attributes[attr];
    if (want === UNKNOWN) {
      out.push({ attribute: attr, before: have, after: "(known after apply)" });
      continue;
    }
    if (want === undefined) {
      if (!schema.computed && !isEmpty(have)) out.push({ attribute: attr, before: have, after: undefined });
      continue;
    }
    if (!same(schema.kind, want as AttributeValue, have)) out.push({ attribute: attr, before: have, after: want as AttributeValue });
  }
  return out;
}

function show(v: AttributeValue | undefined | "(known after apply)"): string {
  if (v === "(known after apply)") return v;
  if (v === undefined || v === null) return "null";
  return JSON.stringify(v);
}

export class TerraformStandIn {
  private readonly stateDir: string;

  constructor(private readonly opts: StandInOptions) {
    this.stateDir = opts.stateDir ?? path.join(opts.synthDir, ".terraform-standin");
  }

  /** Stack names of the synthesized app. */
  public stacks(): string[] {
    return stacksOf(this.opts.synthDir).map((s) => s.name);
  }

  private ctxFor(stack: string): HandlerContext {
    const log = this.opts.log ?? (() => undefined);
    return { clientConfig: this.opts.clientConfig, log: (line) => log(`${stack}: ${line}`) };
  }

  public stateFile(stack: string): string {
    return path.join(this.stateDir, `${stack}.standin-tfstate.json`);
  }

  public readState(stack: string): StandInState {
    const file = this.stateFile(stack);
    if (!existsSync(file)) return { version: STANDIN_STATE_VERSION, stack, resources: {} };
    const json = JSON.parse(readFileSync(file, "utf8")) as StandInState;
    if (json.version !== STANDIN_STATE_VERSION) throw new Error(`${file}: not a stand-in state file of version ${STANDIN_STATE_VERSION}`);
    return json;
  }

  private writeState(state: StandInState): void {
    mkdirSync(this.stateDir, { recursive: true });
    const file = this.stateFile(state.stack);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2) + "\n");
    renameSync(tmp, file);
  }

  /** `terraform plan`: refresh, compare, nothing written to the cloud (the refreshed state is not saved either). */
  public async plan(): Promise<StandInPlan> {
    const changes: ResourceChange[] = [];
    for (const stack of stacksOf(this.opts.synthDir)) changes.push(...(await this.planStack(stack, this.readState(stack.name))).changes);
    return summarize(changes);
  }

  /** `terraform apply`: the plan, then its changes; writes the state, and the outputs file when given. */
  public async apply(outputsFile?: string): Promise<{ plan: StandInPlan; outputs: Record<string, Json> }> {
    const all: ResourceChange[] = [];
    const outputs: Record<string, Json> = {};
    for (const stack of stacksOf(this.opts.synthDir)) {
      const state = this.readState(stack.name);
      const ctx = this.ctxFor(stack.name);
      const { changes, refreshed, order, config } = await this.planStack(stack, state);
      all.push(...changes);
      state.resources = refreshed;
      this.writeState(state);
      const lookup = lookupIn(state);
      // Deletes of what left the configuration and of what is replaced, dependents first (Terraform destroys before
      // it creates a replacement, by default).
      const deletes = changes.filter((c) => c.action === "delete" || c.action === "replace").map((c) => c.address);
      const deleteOrder = dependencyOrder(new Map(deletes.map((a) => [a, state.resources[a]?.dependencies ?? []]))).reverse();
      for (const address of deleteOrder) {
        const prior = state.resources[address];
        await HANDLERS[prior.type].delete(ctx, prior);
        delete state.resources[address];
        this.writeState(state);
      }
      // Creates (replacements included) and updates in dependency order, evaluated against the state as it grows.
      for (const address of order) {
        const change = changes.find((c) => c.address === address);
        const c = config.get(address);
        if (!change || !c || (change.action !== "create" && change.action !== "update" && change.action !== "replace")) continue;
        const handler = HANDLERS[c.type];
        const values = evaluate(c.config, lookup) as Record<string, Value>;
        const resolved = values as unknown as Attributes;
        const deps = references(c.config);
        if (change.action === "create" || change.action === "replace") {
          const created = await handler.create(ctx, resolved);
          state.resources[address] = { type: c.type, id: created.id, attributes: created.attributes, dependencies: deps };
        } else {
          const prior = state.resources[address];
          const changed = diff(handler, values, prior.attributes).map((x) => x.attribute);
          const attributes = await handler.update(ctx, prior, resolved, changed);
          state.resources[address] = { ...prior, attributes, dependencies: deps };
        }
        this.writeState(state);
      }
      // Outputs, nested by construct path as cdktf's outputs file is.
      const values = Object.fromEntries(Object.entries(stack.tf.output ?? {}).map(([k, o]) => [k, toJson(evaluate(o.value, lookup))]));
      const nest = (node: Json): Json => {
        if (typeof node === "string") return values[node] ?? null;
        if (node === null || typeof node !== "object" || Array.isArray(node)) return null;
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nest(v)]));
      };
      const mapping = stack.tf["//"]?.outputs;
      Object.assign(outputs, mapping ? (nest(mapping) as Record<string, Json>) : { [stack.name]: values });
    }
    if (outputsFile !== undefined) writeFileSync(outputsFile, JSON.stringify(outputs, null, 2));
    return { plan: summarize(all), outputs };
  }

  private async planStack(stack: Stack, state: StandInState) {
    const ctx = this.ctxFor(stack.name);
    const config = configured(stack.tf);
    const refreshed: Record<string, ResourceState> = {};
    const changes: ResourceChange[] = [];
    const gone = new Set<string>();
    // Refresh: the provider's Read of every resource in the state.
    for (const [address, prior] of Object.entries(state.resources).sort(([a], [b]) => a.localeCompare(b))) {
      const handler = HANDLERS[prior.type];
      if (handler === undefined) {
        refreshed[address] = prior;
        continue;
      }
      const attributes = await handler.read(ctx, prior);
      if (attributes === null) gone.add(address);
      else refreshed[address] = { ...prior, attributes };
    }
    // What is created or replaced has no attributes yet: a reference to it is "(known after apply)".
    const pending = new Set<string>();
    const refreshedLookup = lookupIn({ ...state, resources: refreshed });
    const lookup = (type: string, name: string, attribute: string): Value => (pending.has(`${type}.${name}`) ? UNKNOWN : refreshedLookup(type, name, attribute));
    const order = dependencyOrder(new Map([...config.entries()].map(([a, c]) => [a, references(c.config)])));
    for (const address of order) {
      const c = config.get(address)!;
      const handler = HANDLERS[c.type];
      if (handler === undefined) {
        changes.push({ stack: stack.name, address, action: "not handled", changes: [], note: "no handler in the stand-in: left alone" });
        continue;
      }
      const values = evaluate(c.config, lookup) as Record<string, Value>;
      const prior = refreshed[address];
      if (prior === undefined) {
        const after = Object.entries(handler.schema)
          .filter(([attr]) => values[attr] !== undefined)
          .map(([attribute]) => ({ attribute, before: undefined, after: values[attribute] === UNKNOWN ? ("(known after apply)" as const) : (values[attribute] as AttributeValue) }));
        changes.push({ stack: stack.name, address, action: "create", changes: after, ...(gone.has(address) ? { note: "the provider's read found it gone" } : {}) });
        pending.add(address);
        continue;
      }
      const d = diff(handler, values, prior.attributes);
      const forcing = d.filter((x) => handler.schema[x.attribute].forceNew === true).map((x) => x.attribute);
      if (forcing.length > 0) {
        changes.push({ stack: stack.name, address, action: "replace", changes: d, note: `${forcing.join(", ")} forces replacement` });
        pending.add(address);
        continue;
      }
      changes.push({ stack: stack.name, address, action: d.length > 0 ? "update" : "no-op", changes: d });
    }
    for (const address of Object.keys(refreshed).sort()) {
      if (config.has(address)) continue;
      const handler = HANDLERS[refreshed[address].type];
      changes.push({ stack: stack.name, address, action: handler ? "delete" : "not handled", changes: [], note: handler ? handler.deleteEffect : "no handler in the stand-in: left alone" });
    }
    return { changes, refreshed, order, config };
  }
}

function lookupIn(state: StandInState) {
  return (type: string, name: string, attribute: string): Value => {
    const r = state.resources[`${type}.${name}`];
    if (r === undefined) return UNKNOWN;
    if (attribute === "id") return r.id;
    const v = r.attributes[attribute];
    return v === undefined ? null : (v as Value);
  };
}

function toJson(v: Value): Json {
  if (v === UNKNOWN) return null;
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}

const SIGN: Readonly<Record<Action, string>> = { "no-op": " ", create: "+", update: "~", replace: "-/+", delete: "-", "not handled": "?" };

function summarize(changes: readonly ResourceChange[]): StandInPlan {
  const lines: string[] = [];
  for (const stack of [...new Set(changes.map((c) => c.stack))]) {
    const mine = changes.filter((c) => c.stack === stack);
    lines.push(`${stack}:`);
    for (const c of mine) {
      const what = c.changes.map((x) => `${x.attribute}: ${show(x.before)} -> ${show(x.after)}`).join(", ");
      lines.push(`  ${SIGN[c.action]} ${c.address}: ${c.action}${what ? ` (${what})` : ""}${c.note ? ` [${c.note}]` : ""}`);
    }
    const count = (a: Action) => mine.filter((c) => c.action === a).length;
    const n = count("create") + count("update") + count("delete") + count("replace");
    const add = count("create") + count("replace");
    const destroy = count("delete") + count("replace");
    lines.push(n === 0 ? "  No changes." : `  Plan: ${add} to add, ${count("update")} to change, ${destroy} to destroy.`);
  }
  const changing: readonly Action[] = ["create", "update", "replace", "delete"];
  return { changes, hasChanges: changes.some((c) => changing.includes(c.action)), text: lines.join("\n") + "\n" };
}
