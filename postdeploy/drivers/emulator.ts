import type { EmulatorAdminApi } from "../../emulator/admin-types";
import type { ConsoleStateChange } from "../../lib/console-state";
import type { ConsoleApplyOutcome, ConsoleDriver, ConsoleReading } from "../console-driver";
import type { Transport } from "../transport";

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
