/** `startEmulator`: a running local Tencent Cloud (VOD, TRTC, Live) for tests, tools and offline runs. */
import type { EmulatorAdmin } from "./admin";
import type { CallLog } from "./call-log";
import type { CamAdmin } from "./cam-admin";
import { EmulatorApp, EmulatorCore, EmulatorCredential, EmulatorOptions, DEFAULT_ADMIN_IDENTIFIER } from "./core";
import { EmulatorHttpServer } from "./server";

/** Test SecretId accepted when no credentials are configured. Not a real credential. */
export const DEFAULT_SECRET_ID = "AKIDEMULATORTESTSECRETID000000000000";
/** Test SecretKey paired with {@link DEFAULT_SECRET_ID}. Not a real credential. */
export const DEFAULT_SECRET_KEY = "EmulatorTestSecretKey0000000000000";
/** SDKAppID of the app registered when no apps are configured. */
export const DEFAULT_SDK_APP_ID = 1400000001;
/** SDK secret key (UserSig key) of {@link DEFAULT_SDK_APP_ID}. Not a real key. */
export const DEFAULT_SDK_SECRET_KEY = "emulator0test0sdk0secret0key0for0app01400000001";
export { DEFAULT_ADMIN_IDENTIFIER };

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>` (or the configured host). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The in-process admin API (same operations as `EmulatorAdminClient` over HTTP). */
  readonly admin: EmulatorAdmin;
  /** CAM users, roles and the enforcement switch (what the CAM console does; `/_admin/cam/…` over HTTP). */
  readonly cam: CamAdmin;
  /** Every emulated call with its outcome. */
  readonly callLog: CallLog;
  /** The accepted credentials (the first is what clients should use by default). */
  readonly credentials: readonly EmulatorCredential[];
  /** The apps registered at start-up. */
  readonly apps: readonly EmulatorApp[];
  /** Waits for pending callbacks, writes the state file, closes every socket. Idempotent. */
  stop(): Promise<void>;
}

/** Starts an emulator; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const credentials = options.credentials && options.credentials.length > 0 ? options.credentials : [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }];
  const apps = options.apps ?? [{ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, adminIdentifier: DEFAULT_ADMIN_IDENTIFIER }];
  const log = options.log ?? (() => undefined);
  const core = new EmulatorCore(options, credentials, apps, log);
  const http = new EmulatorHttpServer(core);
  const host = options.host ?? "127.0.0.1";
  const { port, url } = await http.listen(options.port ?? 0, host);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    host,
    admin: http.admin,
    cam: http.cam,
    callLog: core.callLog,
    credentials,
    apps,
    stop: () =>
      (stopping ??= (async () => {
        await Promise.race([core.callbacks.settle(), new Promise((r) => setTimeout(r, (options.callbackTimeoutMs ?? 5000) + 500).unref())]);
        await http.close();
        core.ctx.persist();
        await core.persistence.flush();
      })()),
  };
}
