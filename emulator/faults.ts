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

/** Throws a readable error for an invalid configuration. */
export function validateFaultConfig(c: unknown): FaultConfig {
  if (typeof c !== "object" || c === null) throw new Error("faults: expected an object");
  const o = c as Record<string, unknown>;
  if (typeof o.rate !== "number" || !(o.rate >= 0 && o.rate <= 1)) throw new Error(`faults.rate must be between 0 and 1, got ${String(o.rate)}`);
  if (typeof o.seed !== "number" || !Number.isInteger(o.seed)) throw new Error(`faults.seed must be an integer, got ${String(o.seed)}`);
  if (!Array.isArray(o.kinds) || o.kinds.length === 0) throw new Error("faults.kinds must be a non-empty array");
  for (const k of o.kinds) {
    if (!FAULT_KINDS.includes(k as FaultKind)) throw new Error(`faults.kinds: unknown kind ${JSON.stringify(k)} (allowed: ${FAULT_KINDS.join(", ")})`);
  }
  if (o.actions !== undefined && (!Array.isArray(o.actions) || o.actions.some((a) => typeof a !== "string"))) {
    throw new Error("faults.actions must be an array of action names");
  }
  if (o.slowMs !== undefined && (typeof o.slowMs !== "number" || o.slowMs < 0 || o.slowMs > 600000)) {
    throw new Error(`faults.slowMs must be between 0 and 600000, got ${String(o.slowMs)}`);
  }
  return {
    rate: o.rate,
    seed: o.seed,
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
