/**
 * The post-deploy step's `emulator` console driver: the emulator's admin interface stands in for a person in the
 * Tencent Cloud console. It lives with the emulator and implements the post-deploy step's `ConsoleDriver` by a
 * type-only import, so the package's production code never loads the emulator: whoever wires the emulator in (the
 * command's entry point `bin/trtc-live-recording.js`, `npm start`, tests) registers {@link emulatorConsoleDriver}
 * as `--console-driver emulator`.
 */
import type { ConsoleStateChange } from "../lib/console-state";
import type { ConsoleApplyOutcome, ConsoleDriver, ConsoleDriverFactory, ConsoleReading } from "../postdeploy/console-driver";
import type { Transport } from "../postdeploy/transport";
import { EmulatorAdminClient } from "./admin-client";
import type { EmulatorAdminApi } from "./admin-types";

/** An admin error, classified for the retry policy: 4xx are final, 5xx and transport errors are retried. */
class ConsoleDriverError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ConsoleDriverError";
  }
}

function classify(err: unknown): never {
  const e = err as { status?: unknown; message?: unknown };
  const status = typeof e.status === "number" ? e.status : 0;
  const message = typeof e.message === "string" ? e.message : String(err);
  throw new ConsoleDriverError(message, status > 0 ? `admin HTTP ${status}` : "network", status === 0 || status >= 500);
}

/**
 * The console driver for the local emulator: its admin interface stands in for a person in the Tencent Cloud
 * console, so the whole flow runs offline. Reads and writes go through the transport (counted as `console` calls).
 */
export class EmulatorConsoleDriver implements ConsoleDriver {
  public readonly kind = "emulator";

  constructor(
    private readonly admin: Pick<EmulatorAdminApi, "getConsoleState" | "setConsoleState">,
    private readonly label: string,
    private readonly transport?: Transport,
  ) {}

  public async read(sdkAppId: number): Promise<ConsoleReading> {
    const state = await this.send("getConsoleState", false, () => this.admin.getConsoleState(sdkAppId));
    return { state, source: `emulator admin API at ${this.label}` };
  }

  public async apply(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleApplyOutcome> {
    // Setting the TRTC callback key sends it: errors of that request are reported by their code only.
    const carriesSecret = typeof change.trtcCallbacks?.callbackKey === "string";
    await this.send("setConsoleState", true, () => this.admin.setConsoleState(sdkAppId, change), carriesSecret);
    return { status: "applied" };
  }

  private send<T>(action: string, write: boolean, op: () => Promise<T>, carriesSecret = false): Promise<T> {
    const guarded = () => op().catch(classify);
    return this.transport ? this.transport.call("console", action, write, guarded, { carriesSecret }) : guarded();
  }
}

/** `--console-driver emulator`: one admin client for the run, one driver per app on that app's transport. */
export const emulatorConsoleDriver: ConsoleDriverFactory = ({ url, timeoutMs }) => {
  const admin = new EmulatorAdminClient(url, { timeoutMs });
  return {
    label: `emulator (${url})`,
    driverFor: (transport) => new EmulatorConsoleDriver(admin, url, transport),
    close: () => admin.close(),
  };
};
