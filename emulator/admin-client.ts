/**
 * A typed HTTP client for the emulator's admin interface (`/_admin/…`): the "emulator console driver" of the
 * post-deploy step, and a way for scripts to drive an emulator started with `npm run emulator`.
 */
import * as http from "http";
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
import type { AppSummary, ConsoleHistoryItem, EmulatorAdminApi, RegisterAppInput, StateDump } from "./admin-types";
import type { CallLogSnapshot } from "./call-log";
import type { CallbackDelivery } from "./deliver";
import type { FaultConfig } from "./faults";
import type { SessionReport, SimulateSessionInput } from "./session";

/** An admin request that the emulator refused (HTTP 4xx/5xx), with its message. */
export class EmulatorAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "EmulatorAdminError";
  }
}

export interface EmulatorAdminClientOptions {
  /** Per-request timeout. @default 30000 ms */
  readonly timeoutMs?: number;
}

export class EmulatorAdminClient implements EmulatorAdminApi {
  private readonly base: URL;
  private readonly agent = new http.Agent({ keepAlive: true });

  /** @param baseUrl the emulator's URL, e.g. `http://127.0.0.1:4780` (from the start-up line or `emulator.url`). */
  constructor(
    baseUrl: string,
    private readonly options: EmulatorAdminClientOptions = {},
  ) {
    this.base = new URL(baseUrl);
    if (this.base.protocol !== "http:") throw new Error(`EmulatorAdminClient: only http:// URLs are supported, got ${baseUrl}`);
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private request<T>(method: string, path: string, body?: unknown): Promise<T> {
    // `undefined` values are sent as null: in a ConsoleStateChange, a present-but-undefined field means "clear".
    const text = body === undefined ? undefined : JSON.stringify(body, (_k, v: unknown) => (v === undefined ? null : v));
    const url = new URL(`/_admin/${path}`, this.base);
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          timeout: this.options.timeoutMs ?? 30000,
          headers: text === undefined ? {} : { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown;
            try {
              parsed = raw.length ? JSON.parse(raw) : undefined;
            } catch {
              reject(new EmulatorAdminError(res.statusCode ?? 0, `admin ${method} ${path}: response is not JSON`));
              return;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(parsed as T);
            else {
              const msg = (parsed as { error?: string } | undefined)?.error ?? `HTTP ${status}`;
              reject(new EmulatorAdminError(status, `admin ${method} ${path}: ${msg}`));
            }
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`admin ${method} ${path}: timeout`)));
      req.on("error", reject);
      req.end(text);
    });
  }

  health(): Promise<{ ok: boolean; url: string }> {
    return this.request("GET", "health");
  }

  registerApp(input: RegisterAppInput): Promise<AppSummary> {
    return this.request("POST", "apps", input);
  }

  listApps(): Promise<AppSummary[]> {
    return this.request("GET", "apps");
  }

  getConsoleState(sdkAppId: number): Promise<ConsoleState> {
    return this.request("GET", `apps/${sdkAppId}/console`);
  }

  setConsoleState(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleState> {
    return this.request("PATCH", `apps/${sdkAppId}/console`, change);
  }

  getConsoleHistory(sdkAppId: number): Promise<ConsoleHistoryItem[]> {
    return this.request("GET", `apps/${sdkAppId}/console/history`);
  }

  simulateSession(input: SimulateSessionInput): Promise<SessionReport> {
    return this.request("POST", "sessions", input);
  }

  listSessions(): Promise<SessionReport[]> {
    return this.request("GET", "sessions");
  }

  listCallbacks(): Promise<CallbackDelivery[]> {
    return this.request("GET", "callbacks");
  }

  async settle(): Promise<void> {
    await this.request("POST", "settle");
  }

  async setFaults(config: FaultConfig): Promise<void> {
    await this.request("PUT", "faults", config);
  }

  async clearFaults(): Promise<void> {
    await this.request("DELETE", "faults");
  }

  async setRateLimits(enabled: boolean): Promise<void> {
    await this.request("PUT", "rate-limits", { enabled });
  }

  getCallLog(sinceSeq = 0): Promise<CallLogSnapshot> {
    return this.request("GET", `calls?since=${sinceSeq}`);
  }

  async clearCallLog(): Promise<void> {
    await this.request("DELETE", "calls");
  }

  advanceClock(seconds: number): Promise<{ now: string }> {
    return this.request("POST", "clock", { advanceSeconds: seconds });
  }

  async reset(): Promise<void> {
    await this.request("POST", "reset");
  }

  dumpState(): Promise<StateDump> {
    return this.request("GET", "state");
  }
}
