/**
 * Checks shared by the constructs (internal: not exported by constructs/index.ts). The keys of each props type live
 * beside the type, built with `keysOf<Props>()`, whose argument must name every key of the interface: a prop added to
 * an interface without its key fails to compile, instead of being refused at run time as unknown.
 */
import { Construct } from "constructs";
import { ValidationError, describeValue, fail } from "../lib/validation";
import { CallbackSecret } from "./callback-secret";
import { Retention } from "./retention";
import type { IVodApplication } from "./vod-application";

/** For a function passed where its result was meant (`Retention.forever` without `()`): how to call it. */
export function callHint(value: unknown, owner: string): string | undefined {
  if (typeof value !== "function") return undefined;
  return `call it: ${owner}.${value.name || "<method>"}(${value.length > 0 ? "..." : ""})`;
}

export const RETENTION_ALLOWED = "a Retention (Retention.days(n) or Retention.forever())";

/** A Retention, made by `Retention.days(n)` or `Retention.forever()`; absent is fine. */
export function checkOptionalRetention(property: string, value: unknown): void {
  if (value === undefined) return;
  if (!(value instanceof Retention)) fail(property, RETENTION_ALLOWED, value, callHint(value, "Retention"));
  // Object.create(Retention.prototype) has no days of its own and would read as "forever".
  if (!Object.prototype.hasOwnProperty.call(value, "retentionDays")) fail(property, RETENTION_ALLOWED, value, "not made by Retention.days(n) or Retention.forever()");
}

const SECRET_ALLOWED = "a CallbackSecret (CallbackSecret.fromEnvironment(name) or CallbackSecret.fromTerraformVariable(name)); never the key itself";

/**
 * A CallbackSecret; absent is fine. What was received is described by its kind only, never shown: a string here may
 * be the key itself.
 */
export function checkOptionalSecret(property: string, value: unknown): void {
  if (value === undefined) return;
  // An instance of the abstract class itself (`new CallbackSecret()` from JavaScript) has no bind(): refused, not a TypeError.
  if (value instanceof CallbackSecret) {
    if (typeof (value as { bind?: unknown }).bind === "function") return;
    fail(property, SECRET_ALLOWED, value, "not made by CallbackSecret.fromEnvironment or CallbackSecret.fromTerraformVariable: it has no bind()");
  }
  const received =
    typeof value === "string"
      ? `a string of ${[...value].length} characters (not shown: it may be the key itself)`
      : typeof value === "function"
        ? describeValue(value)
        : value === null
          ? "null"
          : Array.isArray(value)
            ? "a list"
            : typeof value === "object"
              ? describeValue(value).startsWith("{")
                ? "an object literal (not shown)"
                : describeValue(value)
              : `a ${typeof value} (not shown)`;
  const hint = callHint(value, "CallbackSecret");
  throw new ValidationError(
    property,
    `\`${property}\` must be ${SECRET_ALLOWED}, got ${received}${hint !== undefined ? ` (${hint})` : ""}`,
  );
}

/** An existing or created VOD application: a VodApplication, or what VodApplication.fromSubAppId returned. */
export function isVodApplication(value: unknown): value is IVodApplication {
  return value instanceof Construct && "subAppId" in value && "vodApplicationName" in value;
}

export const VOD_APPLICATION_ALLOWED = "a VOD application (a VodApplication, or VodApplication.fromSubAppId(...))";

export function checkVodApplicationRef(property: string, value: unknown, allowed = VOD_APPLICATION_ALLOWED): asserts value is IVodApplication {
  if (!isVodApplication(value)) fail(property, allowed, value, callHint(value, "VodApplication"));
}
