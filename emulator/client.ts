/**
 * Pointing the real `tencentcloud-sdk-nodejs` clients at the emulator.
 *
 * The SDK builds its URL as `protocol + endpoint + "/"` and signs the credential scope with service =
 * `endpoint.split(".")[0]`, so two endpoint styles work:
 * - `vod.tencentcloudapi.com:<port>` (service `vod`) with an agent that resolves every name to 127.0.0.1;
 * - `127.0.0.1:<port>` (service `127`, accepted by the emulator).
 * An agent is always passed: without one the SDK would honour `http_proxy`.
 */
import * as http from "http";
import type { ClientConfig } from "tencentcloud-sdk-nodejs/tencentcloud/common/interface";
import { loopbackAgent } from "../lib/loopback";

// In lib/ because the post-deploy step needs it too and must not depend on the emulator.
export { loopbackAgent } from "../lib/loopback";

/** Credentials for an SDK client. */
export interface SdkCredentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface SdkClientConfigOptions {
  /** `X-TC-Region`. @default "ap-guangzhou" */
  readonly region?: string;
  /**
   * `name`: endpoint `<service>.tencentcloudapi.com:<port>` with a loopback agent (service name signed as the real one).
   * `ip`: endpoint `127.0.0.1:<port>` (the SDK then signs service `127`).
   * @default "name"
   */
  readonly endpointStyle?: "name" | "ip";
  /** SDK request timeout in seconds (fractions allowed). @default 60 */
  readonly reqTimeoutSeconds?: number;
  /** @default - a new {@link loopbackAgent} */
  readonly agent?: http.Agent;
}

/** Anything with the emulator's port: a running `Emulator`, `{ port }`, or a base URL `http://127.0.0.1:<port>`. */
export type EmulatorTarget = { readonly port: number } | string;

function portOf(target: EmulatorTarget): number {
  if (typeof target !== "string") return target.port;
  const u = new URL(target);
  const p = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  if (!Number.isInteger(p) || p <= 0) throw new Error(`no port in ${target}`);
  return p;
}

/**
 * A `ClientConfig` for `new vod.v20180717.Client(...)` / `new trtc.v20190722.Client(...)` /
 * `new cam.v20190116.Client(...)` that talks to the emulator.
 * `credentials` defaults to the emulator's first credential when `target` is a running emulator.
 */
export function sdkClientConfig(
  target: EmulatorTarget & { readonly credentials?: readonly SdkCredentials[] },
  service: "vod" | "trtc" | "cam",
  credentials?: SdkCredentials,
  options: SdkClientConfigOptions = {},
): ClientConfig {
  const port = portOf(target);
  const cred = credentials ?? (typeof target === "string" ? undefined : target.credentials?.[0]);
  if (!cred) throw new Error("sdkClientConfig: credentials are required when the target is not a running emulator");
  const endpoint = (options.endpointStyle ?? "name") === "ip" ? `127.0.0.1:${port}` : `${service}.tencentcloudapi.com:${port}`;
  return {
    credential: { secretId: cred.secretId, secretKey: cred.secretKey },
    region: options.region ?? "ap-guangzhou",
    profile: {
      httpProfile: {
        endpoint,
        protocol: "http://",
        reqTimeout: options.reqTimeoutSeconds ?? 60,
        agent: options.agent ?? loopbackAgent(),
      },
    },
  };
}

/** Base URL for Live REST calls against the emulator (`<base>/v4/<service>/<command>?…`). */
export function liveBaseUrl(target: EmulatorTarget): string {
  return `http://127.0.0.1:${portOf(target)}`;
}
