import { createHash } from "crypto";

/**
 * A short, non-reversible fingerprint of a secret (first 16 hex digits of its SHA-256), safe to store and print.
 * Used to notice that a write-only secret (a callback key) changed without keeping the secret.
 */
export function secretFingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 16);
}
