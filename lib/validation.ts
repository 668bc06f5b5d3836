import type { IConstruct } from "constructs";
import { Token } from "./cdktf";
import { CALLBACK_URL_MAX_LENGTH } from "./limits";
import { TENCENT_CLOUD_REGIONS, isTencentCloudRegion, regionOfZone } from "./regions";
import { nearest } from "./suggest";
import { describeValue, fail, validateAtPath } from "./validation-core";

export * from "./validation-core";

/**
 * Runs a construct's validation: a {@link ValidationError} raised without a construct path or call gets `scope`'s
 * path, so every message says which construct received the bad value (children created inside keep their own path).
 */
export function validateAt<T>(scope: IConstruct, fn: () => T): T {
  return validateAtPath(scope.node.path, fn);
}

/** True when a value is a Terraform reference or other token that only resolves at deploy time. */
export function isUnresolved(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number") && Token.isUnresolved(value);
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
  // What was received is shown with any user:password replaced: errors reach CI logs.
  const shown = value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, "$1***@");
  if (value.length > CALLBACK_URL_MAX_LENGTH) fail(property, allowed, shown, `${value.length} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(value)) fail(property, allowed, shown, "it contains whitespace or a control character");
  if (value.includes("#")) fail(property, allowed, shown, "a #fragment is never sent to the receiver");
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return fail(property, allowed, shown, "not an absolute URL");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") fail(property, allowed, shown, `scheme ${u.protocol.replace(/:$/, "")}`);
  if (!u.hostname) fail(property, allowed, shown, "no host");
  if (u.username || u.password) fail(property, allowed, shown, "credentials in a URL end up in Terraform state and logs; they are not shown here");
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
