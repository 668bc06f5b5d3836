/**
 * Tencent Cloud credentials, only from the standard places: the `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`
 * (and optional `TENCENTCLOUD_SECURITY_TOKEN`) environment variables, as the tencentcloud provider reads them, or a
 * tccli profile (`~/.tccli/<profile>.credential`, profile from `TENCENTCLOUD_PROFILE`, default `default`).
 * Never from the configuration, never printed.
 */
import { existsSync } from "fs";
import { homedir } from "os";
import * as path from "path";
import { DocumentFileError, fsReason, readJsonFile } from "../lib/documents";

export interface CloudCredential {
  readonly secretId: string;
  readonly secretKey: string;
  readonly token?: string;
  /** Where they came from, for messages (never the values). */
  readonly origin: string;
}

/** The credentials, or an error that names the variables or the profile file (never a value). */
export function loadCloudCredential(env: NodeJS.ProcessEnv = process.env): CloudCredential {
  const id = env.TENCENTCLOUD_SECRET_ID;
  const key = env.TENCENTCLOUD_SECRET_KEY;
  if (id && key) {
    return { secretId: id, secretKey: key, token: env.TENCENTCLOUD_SECURITY_TOKEN || undefined, origin: "environment (TENCENTCLOUD_SECRET_ID)" };
  }
  // Half a pair is a mistake, not a reason to fall back to some profile's other credentials.
  if (id || key) {
    const [set, unset] = id ? ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"] : ["TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECRET_ID"];
    throw new Error(`TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set both or neither, got ${set} without ${unset}`);
  }
  const profile = env.TENCENTCLOUD_PROFILE || "default";
  const dir = env.TENCENTCLOUD_SHARED_CREDENTIALS_DIR || path.join(homedir(), ".tccli");
  const file = path.join(dir, `${profile}.credential`);
  if (existsSync(file)) {
    const allowed = `the tccli profile ${file} must be JSON with secretId and secretKey`;
    let json: { secretId?: unknown; secretKey?: unknown; token?: unknown } | null;
    try {
      json = readJsonFile(file) as typeof json;
    } catch (err) {
      throw new Error(`${allowed}, got a file that cannot be used (${err instanceof DocumentFileError ? err.reason : fsReason(err)})`);
    }
    if (json !== null && typeof json === "object" && typeof json.secretId === "string" && typeof json.secretKey === "string" && json.secretId && json.secretKey) {
      return { secretId: json.secretId, secretKey: json.secretKey, token: typeof json.token === "string" && json.token ? json.token : undefined, origin: `tccli profile ${profile}` };
    }
    throw new Error(`${allowed}, got a file without them`);
  }
  throw new Error(
    "no Tencent Cloud credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or create a tccli profile (~/.tccli/<profile>.credential)",
  );
}

/** The Live REST API signs with the app's SDK secret key (UserSig); per app or one for all. */
export interface LiveAdminCredential {
  readonly identifier: string;
  readonly sdkSecretKey: string;
  readonly origin: string;
}

/**
 * `TRTC_SDK_SECRET_KEY_<SDKAppID>` or `TRTC_SDK_SECRET_KEY`, and the app administrator `TRTC_ADMIN_IDENTIFIER`
 * (default `administrator`). Returns a problem text when missing (never the key).
 */
export function loadLiveAdminCredential(sdkAppId: number, env: NodeJS.ProcessEnv = process.env): LiveAdminCredential | { problem: string } {
  const specific = `TRTC_SDK_SECRET_KEY_${sdkAppId}`;
  const key = env[specific] || env.TRTC_SDK_SECRET_KEY;
  if (!key) return { problem: `no SDK secret key for SDKAppID ${sdkAppId}: set ${specific} (or TRTC_SDK_SECRET_KEY)` };
  return { identifier: env.TRTC_ADMIN_IDENTIFIER || "administrator", sdkSecretKey: key, origin: env[specific] ? specific : "TRTC_SDK_SECRET_KEY" };
}
