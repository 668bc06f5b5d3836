import { createHmac, randomBytes } from "crypto";
import type { SecretSourceSpec } from "../lib/desired-state";
import { CALLBACK_KEY_PATTERN } from "../lib/limits";

/** A secret read from the environment. `value` must never be printed, logged or written. */
export interface ResolvedSecret {
  /** Where it came from, for messages: e.g. `environment variable STAGING_VOD_SIGN_KEY`. */
  readonly origin: string;
  readonly value: string;
}

/** The environment variable a secret source is read from. */
export function secretVariable(source: SecretSourceSpec): string {
  return source.source === "environment" ? source.variable : source.environment;
}

/**
 * Reads a declared secret from the environment. Returns a problem text (never containing the value) when it is
 * missing or not a valid key (letters and digits, at most 32).
 */
export function resolveSecret(source: SecretSourceSpec, env: NodeJS.ProcessEnv = process.env): ResolvedSecret | { problem: string } {
  const variable = secretVariable(source);
  const origin =
    source.source === "environment"
      ? `environment variable ${variable}`
      : `Terraform variable ${source.variable} (environment variable ${variable})`;
  const value = env[variable];
  if (value === undefined || value === "") return { problem: `${origin} is not set` };
  if (!CALLBACK_KEY_PATTERN.test(value)) {
    return { problem: `${origin} is not a valid callback key (letters and digits, 1 to 32 characters; value not shown)` };
  }
  return { origin, value };
}

/** A random salt for secret fingerprints kept in the local state file. */
export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

/**
 * A salted fingerprint of a secret (HMAC-SHA256 with a per-state random salt, 16 hex digits): enough to notice a
 * changed key, useless for guessing a short key offline.
 */
export function saltedFingerprint(salt: string, secret: string): string {
  return createHmac("sha256", salt).update(secret, "utf8").digest("hex").slice(0, 16);
}
