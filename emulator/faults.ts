/**
 * Fault injection for the emulated APIs (never for `/_admin/`).
 *
 * Each eligible call draws from a seeded PRNG (mulberry32): with probability `rate` it gets a fault, whose kind is
 * drawn uniformly from `kinds`. The same seed and the same sequence of calls give the same faults.
 *
 * What each kind looks like to a client:
 * - `throttle`: `RequestLimitExceeded` error (Live: ErrorCode 60007). Not executed.
 * - `internalError`: `InternalError` error (Live: ErrorCode 100001). Not executed.
 * - `http5xx`: HTTP 502 or 503 with a text body. Not executed.
 * - `reset`: the connection is destroyed without a response. Not executed.
 * - `slow`: executed normally, answered after `slowMs`.
 * - `malformed`: HTTP 200 with a truncated JSON body. Not executed.
 */
import { nearest } from "../lib/suggest";

export const FAULT_KINDS = ["throttle", "internalError", "http5xx", "reset", "slow", "malformed"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig {
  /** Probability of a fault per eligible call, 0..1. */
  readonly rate: number;
  /** PRNG seed (any integer). */
  readonly seed: number;
  /** Kinds to draw from. */
  readonly kinds: readonly FaultKind[];
  /** Only these actions (`SearchMedia`, `live_engine_http_srv/create_room`, …). @default - every action */
  readonly actions?: readonly string[];
  /** Delay of `slow`. @default 2000 ms */
  readonly slowMs?: number;
}

/** The fields of a {@link FaultConfig}. */
export const FAULT_CONFIG_FIELDS = ["rate", "seed", "kinds", "actions", "slowMs"] as const;

export interface FaultConfigCheck {
  /** How messages name the configuration: `faults` (admin, API) or `--faults` (command line). @default "faults" */
  readonly label?: string;
  /** When given, `actions` must be among these (the emulated actions), so a misspelt one cannot silently never fire. */
  readonly knownActions?: readonly string[];
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks a fault configuration; throws one readable line (`<label> <field> must be ..., got ...`) for the first
 * problem: unknown fields (with the nearest known one), and each field's type and range.
 */
export function validateFaultConfig(c: unknown, check: FaultConfigCheck = {}): FaultConfig {
  const label = check.label ?? "faults";
  const bad = (field: string, allowed: string, got: unknown, hint = ""): never => {
    throw new Error(`${label} ${field} must be ${allowed}, got ${describe(got)}${hint}`);
  };
  if (typeof c !== "object" || c === null || Array.isArray(c)) {
    throw new Error(`${label} must be an object with ${FAULT_CONFIG_FIELDS.join(", ")}, got ${Array.isArray(c) ? "an array" : describe(c)}`);
  }
  const o = c as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!(FAULT_CONFIG_FIELDS as readonly string[]).includes(k)) {
      const near = nearest(k, FAULT_CONFIG_FIELDS);
      throw new Error(`${label} has no field ${JSON.stringify(k)}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ""}; its fields are ${FAULT_CONFIG_FIELDS.join(", ")}`);
    }
  }
  if (typeof o.rate !== "number" || !(o.rate >= 0 && o.rate <= 1)) bad("rate", "a number from 0 to 1 (the share of calls faulted)", o.rate);
  if (typeof o.seed !== "number" || !Number.isSafeInteger(o.seed)) bad("seed", "a whole number", o.seed);
  const kindsText = `a non-empty list of ${FAULT_KINDS.join(", ")}`;
  if (!Array.isArray(o.kinds) || o.kinds.length === 0) bad("kinds", kindsText, o.kinds);
  for (const k of o.kinds as unknown[]) {
    if (!FAULT_KINDS.includes(k as FaultKind)) {
      const near = typeof k === "string" ? nearest(k, FAULT_KINDS) : undefined;
      bad("kinds", `a list of only ${FAULT_KINDS.join(", ")}`, k, near ? ` (did you mean ${JSON.stringify(near)}?)` : "");
    }
  }
  if (o.actions !== undefined) {
    if (!Array.isArray(o.actions) || o.actions.length === 0 || o.actions.some((a) => typeof a !== "string")) bad("actions", "a non-empty list of action names", o.actions);
    const known = check.knownActions;
    for (const a of known ? (o.actions as string[]) : []) {
      if (!known!.includes(a)) {
        const near = nearest(a, known!);
        bad("actions", "a list of emulated actions only (e.g. SearchMedia, ModifyEventConfig, live_config/set_callback)", a, near ? ` (did you mean ${JSON.stringify(near)}?)` : "");
      }
    }
  }
  if (o.slowMs !== undefined && (typeof o.slowMs !== "number" || !(o.slowMs >= 0 && o.slowMs <= 600000))) bad("slowMs", "a number of milliseconds from 0 to 600000", o.slowMs);
  return {
    rate: o.rate as number,
    seed: o.seed as number,
    kinds: o.kinds as FaultKind[],
    actions: o.actions as string[] | undefined,
    slowMs: o.slowMs as number | undefined,
  };
}

/** mulberry32: a small, well-distributed 32-bit PRNG. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly random: () => number;

  constructor(readonly config: FaultConfig) {
    this.random = mulberry32(config.seed);
  }

  /** The fault for this call, if any. Draws only for eligible actions, so other traffic does not shift the sequence. */
  pick(action: string): FaultKind | undefined {
    if (this.config.actions && !this.config.actions.includes(action)) return undefined;
    const r = this.random();
    const k = this.random();
    if (r >= this.config.rate) return undefined;
    return this.config.kinds[Math.min(this.config.kinds.length - 1, Math.floor(k * this.config.kinds.length))];
  }

  get slowMs(): number {
    return this.config.slowMs ?? 2000;
  }
}
