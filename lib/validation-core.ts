// No import of cdktf: the post-deploy step, the emulator and the room-scope function use these without synthesizing
// anything. lib/validation.ts adds the checks that know about tokens and re-exports these.
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

/** Runs a construct's validation by its path (`validateAt` in lib/validation.ts), e.g. of one about to be created. */
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
const SECRET_NAMES = /(key|token|secret|password|sig)$/i;

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
    return name ? `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}` : "an object";
  }
  let json: string | undefined;
  try {
    // Strings under names that hold secrets (a callback key given literally, a UserSig) are never shown.
    json = JSON.stringify(value, (name, v: unknown) => (typeof v === "string" && SECRET_NAMES.test(name) ? "***" : v));
  } catch {
    json = undefined;
  }
  if (json === undefined) return Array.isArray(value) ? `a list of ${value.length}` : `an object with keys ${Object.keys(value as object).join(", ")}`;
  return json.length > 200 ? `${json.slice(0, 180)}... (${json.length} characters of JSON)` : json;
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

export function checkBoolean(property: string, value: unknown): void {
  if (typeof value !== "boolean") fail(property, "true or false", value);
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

