/**
 * Typed reading and validation of a Cloud API 3.0 JSON request body, with Tencent's error codes.
 *
 * Wrong JSON types are `InvalidParameter`; missing required fields are `MissingParameter` (or the action's
 * specific `MissingParameter.X`); values out of range use the code the caller gives; fields the action does not
 * define are `UnknownParameter`, as the API gateway answers.
 */
import { CloudApiError, missingParameter } from "./errors";

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

interface Common {
  /** Required; the value is the MissingParameter code (true = `MissingParameter`). */
  readonly required?: boolean | string;
  /** Code for an invalid value. @default "InvalidParameterValue" */
  readonly code?: string;
}

export interface StringRule extends Common {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly oneOf?: readonly string[];
  readonly pattern?: RegExp;
  readonly patternText?: string;
}

export interface NumberRule extends Common {
  readonly min?: number;
  readonly max?: number;
  readonly oneOf?: readonly number[];
  /** @default true */
  readonly integer?: boolean;
}

export interface ArrayRule extends Common {
  readonly maxItems?: number;
  readonly minItems?: number;
}

/** A view over one JSON object of the request (the body or a nested structure). */
export class Params {
  constructor(
    readonly raw: JsonObject,
    private readonly prefix = "",
  ) {}

  static of(body: unknown, allowed?: readonly string[]): Params {
    if (!isObject(body)) throw new CloudApiError("InvalidParameter", "The request body must be a JSON object.");
    const p = new Params(body);
    if (allowed) p.onlyKnown(allowed);
    return p;
  }

  private path(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  /** `UnknownParameter` for any key not in `allowed`. */
  onlyKnown(allowed: readonly string[]): this {
    for (const k of Object.keys(this.raw)) {
      if (!allowed.includes(k)) throw new CloudApiError("UnknownParameter", `The parameter \`${this.path(k)}\` is not recognized.`);
    }
    return this;
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  private absent(name: string, rule: Common): undefined {
    if (rule.required) throw missingParameter(this.path(name), typeof rule.required === "string" ? rule.required : "MissingParameter");
    return undefined;
  }

  private typeError(name: string, type: string): CloudApiError {
    return new CloudApiError("InvalidParameter", `The parameter \`${this.path(name)}\` must be ${type}.`);
  }

  invalid(name: string, code: string | undefined, detail: string): CloudApiError {
    return new CloudApiError(code ?? "InvalidParameterValue", `The value of parameter \`${this.path(name)}\` is not valid: ${detail}`);
  }

  string(name: string, rule: StringRule = {}): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return this.absent(name, rule);
    if (typeof v !== "string") throw this.typeError(name, "a string");
    if (rule.required && v.length === 0 && (rule.minLength ?? 1) > 0) throw this.absentOrEmpty(name, rule);
    if (rule.minLength !== undefined && v.length < rule.minLength) throw this.invalid(name, rule.code, `at least ${rule.minLength} characters, got ${v.length}`);
    if (rule.maxLength !== undefined && v.length > rule.maxLength) throw this.invalid(name, rule.code, `at most ${rule.maxLength} characters, got ${v.length}`);
    if (rule.oneOf && !rule.oneOf.includes(v)) throw this.invalid(name, rule.code, `must be one of ${rule.oneOf.join(", ")}, got ${JSON.stringify(v)}`);
    if (rule.pattern && !rule.pattern.test(v)) throw this.invalid(name, rule.code, rule.patternText ?? `does not match ${rule.pattern}`);
    return v;
  }

  private absentOrEmpty(name: string, rule: Common): CloudApiError {
    return missingParameter(this.path(name), typeof rule.required === "string" ? rule.required : "MissingParameter");
  }

  number(name: string, rule: NumberRule = {}): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return this.absent(name, rule);
    if (typeof v !== "number" || !Number.isFinite(v)) throw this.typeError(name, "a number");
    if ((rule.integer ?? true) && !Number.isInteger(v)) throw this.typeError(name, "an integer");
    if (rule.oneOf && !rule.oneOf.includes(v)) throw this.invalid(name, rule.code, `must be one of ${rule.oneOf.join(", ")}, got ${v}`);
    if (rule.min !== undefined && v < rule.min) throw this.invalid(name, rule.code, `must be between ${rule.min} and ${rule.max ?? "∞"}, got ${v}`);
    if (rule.max !== undefined && v > rule.max) throw this.invalid(name, rule.code, `must be between ${rule.min ?? "-∞"} and ${rule.max}, got ${v}`);
    return v;
  }

  boolean(name: string, rule: Common = {}): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return this.absent(name, rule);
    if (typeof v !== "boolean") throw this.typeError(name, "a boolean");
    return v;
  }

  private array(name: string, rule: ArrayRule): unknown[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return this.absent(name, rule);
    if (!Array.isArray(v)) throw this.typeError(name, "an array");
    if (rule.maxItems !== undefined && v.length > rule.maxItems) throw this.invalid(name, rule.code, `at most ${rule.maxItems} items, got ${v.length}`);
    if (rule.minItems !== undefined && v.length < rule.minItems) throw this.invalid(name, rule.code, `at least ${rule.minItems} items, got ${v.length}`);
    return v;
  }

  stringArray(name: string, rule: ArrayRule & { readonly itemMaxLength?: number; readonly itemOneOf?: readonly string[] } = {}): string[] | undefined {
    const v = this.array(name, rule);
    if (!v) return undefined;
    return v.map((item, i) => {
      if (typeof item !== "string") throw this.typeError(`${name}.${i}`, "a string");
      if (rule.itemMaxLength !== undefined && item.length > rule.itemMaxLength) {
        throw this.invalid(`${name}.${i}`, rule.code, `at most ${rule.itemMaxLength} characters, got ${item.length}`);
      }
      if (rule.itemOneOf && !rule.itemOneOf.includes(item)) {
        throw this.invalid(`${name}.${i}`, rule.code, `must be one of ${rule.itemOneOf.join(", ")}, got ${JSON.stringify(item)}`);
      }
      return item;
    });
  }

  numberArray(name: string, rule: ArrayRule = {}): number[] | undefined {
    const v = this.array(name, rule);
    if (!v) return undefined;
    return v.map((item, i) => {
      if (typeof item !== "number" || !Number.isInteger(item)) throw this.typeError(`${name}.${i}`, "an integer");
      return item;
    });
  }

  object(name: string, rule: Common & { readonly allowed?: readonly string[] } = {}): Params | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return this.absent(name, rule);
    if (!isObject(v)) throw this.typeError(name, "an object");
    const p = new Params(v, this.path(name));
    if (rule.allowed) p.onlyKnown(rule.allowed);
    return p;
  }

  objectArray(name: string, rule: ArrayRule & { readonly allowed?: readonly string[] } = {}): Params[] | undefined {
    const v = this.array(name, rule);
    if (!v) return undefined;
    return v.map((item, i) => {
      if (!isObject(item)) throw this.typeError(`${name}.${i}`, "an object");
      const p = new Params(item, this.path(`${name}.${i}`));
      if (rule.allowed) p.onlyKnown(rule.allowed);
      return p;
    });
  }
}

/** Parses an ISO 8601 date-time (`2024-01-02T03:04:05Z`, with optional fraction and offset); undefined if invalid. */
export function parseIsoTime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** ISO 8601 in Tencent's style: the package's one definition of it. */
export { isoSeconds } from "../lib/times";

/** Tencent's "never expires" ExpireTime: the package's one definition of it. */
export { VOD_NEVER_EXPIRES as NEVER_EXPIRES } from "../lib/limits";
