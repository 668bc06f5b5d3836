import { createHash, timingSafeEqual } from "crypto";

/**
 * The outcome of checking a callback's signature. Verification never throws on bad input: a missing,
 * malformed, forged or expired signature is `{ ok: false, reason }`, with a reason that never contains a key.
 */
export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A successful verification. */
export const VERIFIED: VerifyResult = Object.freeze({ ok: true as const });

/** A failed verification with its reason. */
export function rejected(reason: string): VerifyResult {
  return { ok: false, reason };
}

/**
 * Compares two strings in time independent of where they differ. Both sides are hashed first, so neither the
 * position of the first difference nor the expected length leaks through timing.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** Raw body as bytes, exactly as received (a string is taken as UTF-8). */
export function bodyBytes(rawBody: string | Uint8Array): Buffer {
  return typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
}

/** Current time in milliseconds, or the caller's override. */
export function nowMs(now: number | Date | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === "number" ? now : now.getTime();
}
