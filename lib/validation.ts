import type { IConstruct } from "constructs";
import { Token } from "./cdktf";
import { CALLBACK_URL_MAX_LENGTH } from "./limits";
import { TENCENT_CLOUD_REGIONS, isTencentCloudRegion, regionOfZone } from "./regions";
import { nearest } from "./suggest";

/**
 * A bad value given to this package, found before anything is deployed. The message says where the value was given
 * (the construct path, or the call for a function that is not a construct), the property, what is allowed and what
 * was received: `[staging/LiveRecording/VodApplication] \`name\` must be a string of ..., got "a b"`, or
 * `[Retention.days] \`days\` must be ..., got 0`. A required value that is absent says so: `\`sdkAppId\` is missing`.
 */
export class ValidationError extends Error {
  public readonly property: string;
  /** Path of the construct the value was given to, when there is one. */
  public readonly constructPath?: string;
  /** The call the value was given to, when it is not a construct (e.g. `Retention.days`, `defineEnvironments`). */
  public readonly call?: string;
  /** The message without the construct path or call. */
  public readonly detail: string;
  constructor(property: string, message: string, constructPath?: string, call?: string) {
    const where = constructPath !== undefined && constructPath !== "" ? constructPath : call;
    super(where !== undefined && where !== "" ? `[${where}] ${message}` : message);
    this.name = "ValidationError";
    this.property = property;
    this.detail = message;
    this.constructPath = constructPath;
    this.call = call;
  }
}

/**
 * Runs a construct's validation: a {@link ValidationError} raised without a construct path or call gets `scope`'s
 * path, so every message says which construct received the bad value (children created inside keep their own path).
 */
export function validateAt<T>(scope: IConstruct, fn: () => T): T {
  return validateWhere({ constructPath: scope.node.path }, fn);
}

/** As {@link validateAt}, for a construct about to be created at `path`. */
export function validateAtPath<T>(path: string, fn: () => T): T {
  return validateWhere({ constructPath: path }, fn);
}

/** Runs the validation of a function that is not a construct: its errors name the call, e.g. `Retention.days`. */
export function validateCall<T>(call: string, fn: () => T): T {
  return validateWhere({ call }, fn);
}

function validateWhere<T>(where: { constructPath?: string; call?: string }, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ValidationError && err.constructPath === undefined && err.call === undefined) {
      throw new ValidationError(err.property, err.detail, where.constructPath, where.call);
    }
    throw err;
  }
}

const MAX_SHOWN_CHARACTERS = 120;

/**
 * Formats a received value for an error message: strings quoted (long ones cut), plain data as JSON, and what JSON
 * cannot show by its kind: a function that was not called, a Map, an instance of a class, a construct.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const chars = [...value];
    return chars.length > MAX_SHOWN_CHARACTERS ? `${JSON.stringify(chars.slice(0, 100).join(""))}... (${chars.length} characters)` : JSON.stringify(value);
  }
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return `the function ${value.name || "(anonymous)"} (not called)`;
  if (value instanceof Map) return `a Map of ${value.size} ${value.size === 1 ? "entry" : "entries"}`;
  if (value instanceof Set) return `a Set of ${value.size} ${value.size === 1 ? "value" : "values"}`;
  const node = (value as { node?: { path?: unknown } }).node;
  if (node && typeof node.path === "string") return `the construct ${node.path}`;
  if (!Array.isArray(value) && !isPlainObject(value)) {
    const name = (value as object).constructor?.name;
    return name ? `a ${name}` : "an object";
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return Array.isArray(value) ? `a list of ${value.length}` : `an object with keys ${Object.keys(value as object).join(", ")}`;
  return json.length > 200 ? `${json.slice(0, 180)}... (${json.length} characters of JSON)` : json;
}

/** True when a value is a Terraform reference or other token that only resolves at deploy time. */
export function isUnresolved(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number") && Token.isUnresolved(value);
}

/** An object literal or parsed JSON (not null, not an array, not a Map or other class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Throws the ValidationError for `property`: `\`p\` must be <allowed>, got <value>` (with an optional hint in
 * parentheses), or `\`p\` is missing: it must be <allowed>` when the value is absent.
 */
export function fail(property: string, allowed: string, value: unknown, hint?: string): never {
  if (value === undefined) throw new ValidationError(property, `\`${property}\` is missing: it must be ${allowed}`);
  const more = hint !== undefined ? ` (${hint})` : "";
  throw new ValidationError(property, `\`${property}\` must be ${allowed}, got ${describeValue(value)}${more}`);
}

/** A whole number in [min, max] (tokens pass). `unit` is appended to the range, e.g. "minutes". */
export function checkInteger(property: string, value: unknown, min: number, max: number, unit = ""): void {
  if (isUnresolved(value)) return;
  const suffix = unit ? ` ${unit}` : "";
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(property, `a whole number from ${min} to ${max}${suffix}`, value);
  }
}

/** One of a list of allowed values; a misspelt string gets the nearest allowed one as a hint. */
export function checkOneOf<T extends string | number | boolean>(property: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (isUnresolved(value)) return;
  if (!allowed.includes(value as T)) {
    const strings = allowed.filter((a): a is T & string => typeof a === "string");
    const near = typeof value === "string" ? nearest(value, strings) : undefined;
    fail(property, `one of ${allowed.map((a) => describeValue(a)).join(", ")}`, value, near !== undefined ? `did you mean ${JSON.stringify(near)}?` : undefined);
  }
}

export function checkBoolean(property: string, value: unknown): void {
  if (typeof value !== "boolean") fail(property, "true or false", value);
}

/** A string of [min, max] characters matching `pattern` (described in words as `patternText`). Tokens pass. */
export function checkString(
  property: string,
  value: unknown,
  opts: { min?: number; max: number; pattern?: RegExp; patternText?: string },
): void {
  if (isUnresolved(value)) return;
  const min = opts.min ?? 0;
  const what = opts.patternText ? `${opts.patternText}, ` : "";
  const allowed = `a string of ${what}${min} to ${opts.max} characters`;
  if (typeof value !== "string") fail(property, allowed, value);
  const length = [...value].length;
  if (length < min || length > opts.max) fail(property, allowed, value);
  if (opts.pattern && !opts.pattern.test(value)) fail(property, allowed, value);
}

/** A required options object: an object literal (or parsed JSON), not an array, a Map or a class instance. */
export function checkObject(property: string, value: unknown, kind: string): void {
  if (!isPlainObject(value)) fail(property, kind, value);
}

/** An options object (an object literal, not an array, a Map or a class instance); absent is fine. */
export function checkOptionalObject(property: string, value: unknown, kind = "an object"): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) fail(property, kind, value);
}

/**
 * Refuses keys an options object does not have, naming the nearest known one: input may come from plain JavaScript
 * or JSON, where a misspelt key would otherwise be ignored silently. `prefix` is the path of the object, e.g.
 * `"callbacks.vodEvents."`; `kind` names its type; `passThrough` keys are left for an inner level to refuse with a reason.
 */
export function checkKnownKeys(value: object, known: readonly string[], kind: string, prefix = "", passThrough: readonly string[] = []): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key) || passThrough.includes(key)) continue;
    const near = nearest(key, known);
    const hint = near !== undefined ? `did you mean \`${prefix}${near}\`? ` : "";
    throw new ValidationError(`${prefix}${key}`, `\`${prefix}${key}\` is not a property of ${kind}: ${hint}${kind} has ${known.join(", ")}`);
  }
}

/**
 * The keys of a props interface, as a list whose completeness the compiler checks: `keysOf<Props>()({ a: true, ... })`
 * fails to compile when the interface gains a key the list lacks, so the unknown-key check never refuses a new prop.
 */
export function keysOf<T>(): (keys: { readonly [K in keyof Required<T>]: true }) => readonly string[] {
  return (keys) => Object.keys(keys);
}

/**
 * Checks that `value` is an absolute http(s) URL of at most 2083 characters, with a host, and without credentials
 * (they would be stored in Terraform state and logs), a fragment (never sent to the receiver) or whitespace (encoded
 * or trimmed by URL parsers, so the URL Tencent calls would differ from the declared one). Whether it is HTTPS is a
 * policy check (rule LR005), reported at synth with an acknowledgement path.
 */
export function checkCallbackUrl(property: string, value: unknown): void {
  if (isUnresolved(value)) return;
  const allowed = `an absolute http(s) URL of at most ${CALLBACK_URL_MAX_LENGTH} characters, without user:password, #fragment or whitespace`;
  if (typeof value !== "string") return fail(property, allowed, value);
  if (value.length > CALLBACK_URL_MAX_LENGTH) fail(property, allowed, value, `${value.length} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) fail(property, allowed, value, "it contains whitespace or a control character");
  if (value.includes("#")) fail(property, allowed, value, "a #fragment is never sent to the receiver");
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return fail(property, allowed, value, "not an absolute URL");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") fail(property, allowed, value, `scheme ${u.protocol.replace(/:$/, "")}`);
  if (!u.hostname) fail(property, allowed, value, "no host");
  if (u.username || u.password) fail(property, allowed, value, "credentials in a URL end up in Terraform state and logs");
}

/**
 * A Tencent Cloud region of the one list in lib/regions.ts (tokens pass). An availability zone (`ap-guangzhou-3`) is
 * refused with its region named; a misspelt region gets the nearest one.
 */
export function checkRegion(property: string, value: unknown): void {
  if (isUnresolved(value)) return;
  if (isTencentCloudRegion(value)) return;
  const allowed = `a Tencent Cloud region, one of ${TENCENT_CLOUD_REGIONS.join(", ")}`;
  if (typeof value !== "string") fail(property, allowed, value);
  const zoneOf = regionOfZone(value);
  if (zoneOf !== undefined) fail(property, allowed, value, `an availability zone of ${zoneOf}, not a region`);
  const near = nearest(value, TENCENT_CLOUD_REGIONS);
  fail(property, allowed, value, near !== undefined ? `did you mean ${JSON.stringify(near)}?` : undefined);
}
