import { createHmac, randomBytes } from "crypto";
import type { DesiredApp, SecretSourceSpec } from "../lib/desired-state";
import { CALLBACK_KEY_PATTERN } from "../lib/limits";
import { loadCloudCredential, loadLiveAdminCredential } from "./credentials";

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

/** What the output shows where a secret would be. */
export const REDACTED = "***";

/**
 * The output boundary's last line of defence: every registered value is replaced by {@link REDACTED} in the text and
 * values given to it, whatever put it there (an error message that echoes a request, a misbehaving test double...).
 * Longer values are replaced first, so a secret that contains another is hidden whole.
 */
export class SecretRedactor {
  private values: string[] = [];

  public constructor(values: Iterable<string | null | undefined> = []) {
    this.register(...values);
  }

  /** Adds values to hide; empty and missing ones are ignored. */
  public register(...values: ReadonlyArray<string | null | undefined>): this {
    const all = new Set(this.values);
    for (const v of values) if (typeof v === "string" && v !== "") all.add(v);
    this.values = [...all].sort((a, b) => b.length - a.length);
    return this;
  }

  public redact(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /**
   * A copy of a JSON-like value with every string value redacted; numbers and booleans stay as they are. Object keys
   * are the report's own field names, never data: redacting them would break the report's shape (a one-character
   * secret turned `exitCode` into `e***itCode`, and a failed run into exit 0).
   */
  public redactDeep<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === "string") return this.redact(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }
}

/** Where an app's declared callback keys come from (VOD SignKey, TRTC callback key, Live webhook token). */
function declaredSecretSources(app: Partial<Pick<DesiredApp, "callbacks">> | undefined): SecretSourceSpec[] {
  const c = app?.callbacks;
  return [c?.vodEvents?.signKey, c?.trtcRecording?.key, c?.liveWebhook?.token].filter((s): s is SecretSourceSpec => s !== null && s !== undefined);
}

/**
 * Every secret a post-deploy run can hold, read from where the run reads them: the Cloud API credentials (SecretId
 * included: this package's reading is to treat it as secret too), each app's SDK secret key, and the raw value of
 * every callback key the apps declare (even one that is not a valid key). Missing values are skipped.
 */
export function runSecretValues(apps: ReadonlyArray<{ readonly sdkAppId: number; readonly app: Partial<Pick<DesiredApp, "callbacks">> }>, env: NodeJS.ProcessEnv): string[] {
  const values: Array<string | undefined> = [];
  try {
    const c = loadCloudCredential(env);
    values.push(c.secretId, c.secretKey, c.token);
  } catch {
    // No credentials: nothing of theirs to hide (the run fails on its own).
  }
  for (const a of apps) {
    const live = loadLiveAdminCredential(a.sdkAppId, env);
    if (!("problem" in live)) values.push(live.sdkSecretKey);
    for (const source of declaredSecretSources(a.app)) values.push(env[secretVariable(source)]);
  }
  return values.filter((v): v is string => typeof v === "string" && v !== "");
}
