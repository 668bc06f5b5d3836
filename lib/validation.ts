import type { IConstruct } from "constructs";
import { Token } from "./cdktf";
import { CALLBACK_URL_MAX_LENGTH } from "./limits";

/**
 * A bad value given to this package, found before anything is deployed. The message names the construct path (when
 * the value was given to a construct), the property, what is allowed and what was received:
 * `[staging/LiveRecording/VodApplication] \`name\` must be a string of ..., got "a b"`.
 */
export class ValidationError extends Error {
  public readonly property: string;
  /** Path of the construct the value was given to, when there is one. */
  public readonly constructPath?: string;
  /** The message without the construct path. */
  public readonly detail: string;
  constructor(property: string, message: string, constructPath?: string) {
    super(constructPath !== undefined && constructPath !== "" ? `[${constructPath}] ${message}` : message);
    this.name = "ValidationError";
    this.property = property;
    this.detail = message;
    this.constructPath = constructPath;
  }
}

/**
 * Runs a construct's validation: a {@link ValidationError} raised without a construct path gets `scope`'s, so every
 * message says which construct received the bad value (children created inside keep their own path).
 */
export function validateAt<T>(scope: IConstruct, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ValidationError && err.constructPath === undefined) {
      throw new ValidationError(err.property, err.detail, scope.node.path);
    }
    throw err;
  }
}

/** Formats a received value for an error message (strings quoted, objects as JSON). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True when a value is a Terraform reference or other token that only resolves at deploy time. */
export function isUnresolved(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number") && Token.isUnresolved(value);
}

export function fail(property: string, allowed: string, value: unknown): never {
  throw new ValidationError(property, `\`${property}\` must be ${allowed}, got ${describeValue(value)}`);
}

/** A whole number in [min, max] (tokens pass). `unit` is appended to the range, e.g. "minutes". */
export function checkInteger(property: string, value: unknown, min: number, max: number, unit = ""): void {
  if (isUnresolved(value)) return;
  const suffix = unit ? ` ${unit}` : "";
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(property, `a whole number from ${min} to ${max}${suffix}`, value);
  }
}

/** One of a list of allowed values. */
export function checkOneOf<T extends string | number | boolean>(property: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (isUnresolved(value)) return;
  if (!allowed.includes(value as T)) fail(property, `one of ${allowed.map((a) => describeValue(a)).join(", ")}`, value);
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

/** An options object (not null, not an array); absent is fine. Narrows to the object type. */
export function checkOptionalObject<T extends object>(property: string, value: T | undefined): void {
  if (value === undefined) return;
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(property, "an object", value);
}

/**
 * Checks that `value` is an absolute http(s) URL of at most 2083 characters, with a host and no credentials.
 * Whether it is HTTPS is a policy check (rule LR005), reported at synth with an acknowledgement path.
 */
export function checkCallbackUrl(property: string, value: unknown): void {
  if (isUnresolved(value)) return;
  const allowed = `an absolute http(s) URL of at most ${CALLBACK_URL_MAX_LENGTH} characters without user:password`;
  if (typeof value !== "string" || value.length > CALLBACK_URL_MAX_LENGTH) fail(property, allowed, value);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return fail(property, allowed, value);
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || !u.hostname || u.username || u.password) {
    fail(property, allowed, value);
  }
}
