/**
 * The admin interface: console-only settings, simulations, faults, call log, clock, reset and dump.
 *
 * In process: `emulator.admin` ({@link EmulatorAdmin}). Over HTTP: JSON under `/_admin/` on the same port
 * (see {@link handleAdminRequest} for the routes). Admin calls are never faulted, rate-limited or logged as calls.
 */
import { z } from "zod";
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
import { secretFingerprint } from "../lib/fingerprint";
import type { AppSummary, ConsoleHistoryItem, EmulatorAdminApi, RegisterAppInput, StateDump } from "./admin-types";
import { consoleHistoryOf, recordConsoleChange } from "./console-history";
import type { CallLogSnapshot } from "./call-log";
import type { EmulatorCore } from "./core";
import type { CallbackDelivery } from "./deliver";
import type { FaultConfig } from "./faults";
import { isoSeconds } from "./params";
import { SessionReport, SimulateSessionInput, SimulationError, applySession } from "./session";
import type { AppRecord, ConsoleRecord } from "./state";

/** Thrown for a bad admin request (HTTP 400), or an unknown app (HTTP 404). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const callbackUrl = z
  .string()
  .max(2083, "at most 2083 characters")
  .regex(/^https?:\/\/[^\s]+$/i, "must be an http:// or https:// URL");

/** A field that may be set, or cleared with null/undefined (when the key is present). */
function clearable<T extends z.ZodTypeAny>(t: T) {
  return t.nullable().optional();
}

const consoleChangeSchema = z
  .object({
    globalAutoRecording: z
      .object({
        enabled: z.boolean().optional(),
        vodSubAppId: clearable(z.number().int().positive()),
        storageSeconds: clearable(z.number().int().min(0)),
      })
      .strict()
      .optional(),
    liveRoomRecording: z
      .object({
        vodSubAppId: clearable(z.number().int().positive()),
        saveDurationSeconds: clearable(z.number().int().min(0)),
        fullRoomRecording: z.boolean().optional(),
      })
      .strict()
      .optional(),
    trtcCallbacks: z
      .object({
        roomCallbackUrl: clearable(callbackUrl),
        recordingCallbackUrl: clearable(callbackUrl),
        callbackKey: clearable(z.string().regex(/^[A-Za-z0-9]{1,32}$/, "letters and digits only, at most 32")),
      })
      .strict()
      .optional(),
  })
  .strict();

const registerSchema = z
  .object({
    sdkAppId: z.number().int().positive(),
    sdkSecretKey: z.string().min(1),
    adminIdentifier: z.string().min(1).max(32).optional(),
  })
  .strict();

function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AdminError(zodMessage(r.error));
  return r.data;
}

export function consoleStateOf(app: AppRecord, c: ConsoleRecord = app.console): ConsoleState {
  const key = c.trtcCallbacks.callbackKey;
  return {
    sdkAppId: app.sdkAppId,
    globalAutoRecording: { ...c.globalAutoRecording },
    liveRoomRecording: { ...c.liveRoomRecording },
    trtcCallbacks: {
      ...(c.trtcCallbacks.roomCallbackUrl !== undefined ? { roomCallbackUrl: c.trtcCallbacks.roomCallbackUrl } : {}),
      ...(c.trtcCallbacks.recordingCallbackUrl !== undefined ? { recordingCallbackUrl: c.trtcCallbacks.recordingCallbackUrl } : {}),
      ...(key ? { callbackKeyFingerprint: secretFingerprint(key) } : {}),
    },
  };
}

function appSummary(app: AppRecord): AppSummary {
  return {
    sdkAppId: app.sdkAppId,
    adminIdentifier: app.adminIdentifier,
    sdkSecretKeyFingerprint: secretFingerprint(app.sdkSecretKey),
    console: consoleStateOf(app),
  };
}

/** Applies `change` to a record: present keys set (or clear, when null/undefined), absent keys stay. */
function merge<T extends object>(target: T, change: Record<string, unknown> | undefined): T {
  if (!change) return target;
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/** ISO 8601 with milliseconds: console changes made within one second stay in order. */
function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

export class EmulatorAdmin implements EmulatorAdminApi {
  constructor(private readonly core: EmulatorCore) {}

  private app(sdkAppId: number): AppRecord {
    const app = this.core.state.apps[String(sdkAppId)];
    if (!app) throw new AdminError(`SDKAppID ${sdkAppId} is not registered`, 404);
    return app;
  }

  async registerApp(input: RegisterAppInput): Promise<AppSummary> {
    const a = parse(registerSchema, input);
    this.core.registerApp(a);
    return appSummary(this.app(a.sdkAppId));
  }

  async listApps(): Promise<AppSummary[]> {
    return Object.values(this.core.state.apps)
      .sort((a, b) => a.sdkAppId - b.sdkAppId)
      .map(appSummary);
  }

  async getConsoleState(sdkAppId: number): Promise<ConsoleState> {
    return consoleStateOf(this.app(sdkAppId));
  }

  async setConsoleState(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleState> {
    const app = this.app(sdkAppId);
    // Keys present with `undefined` mean "clear"; zod drops them, so read them from the raw object first.
    const raw = (change ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const parsed = parse(consoleChangeSchema, change ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const withClears = (part: string): Record<string, unknown> | undefined => {
      const p = parsed[part];
      const r = raw[part];
      if (!p && !r) return undefined;
      const out: Record<string, unknown> = { ...(p ?? {}) };
      if (r) for (const [k, v] of Object.entries(r)) if (v === undefined) out[k] = undefined;
      return out;
    };
    const c: ConsoleRecord = app.console;
    const next: ConsoleRecord = {
      globalAutoRecording: merge(c.globalAutoRecording, withClears("globalAutoRecording")),
      liveRoomRecording: merge(c.liveRoomRecording, withClears("liveRoomRecording")),
      trtcCallbacks: merge(c.trtcCallbacks, withClears("trtcCallbacks")),
    };
    if (next.globalAutoRecording.enabled === undefined) next.globalAutoRecording = { ...next.globalAutoRecording, enabled: false };
    if (next.liveRoomRecording.fullRoomRecording === undefined) next.liveRoomRecording = { ...next.liveRoomRecording, fullRoomRecording: false };
    // Stamped with the emulator clock: rooms created from now on are decided with it, rooms already created are not.
    recordConsoleChange(app, next, this.core.ctx.now());
    this.core.ctx.persist();
    return consoleStateOf(app);
  }

  async getConsoleHistory(sdkAppId: number): Promise<ConsoleHistoryItem[]> {
    const app = this.app(sdkAppId);
    return consoleHistoryOf(app).map((e) => ({ since: e.sinceMs === null ? null : isoMillis(e.sinceMs), console: consoleStateOf(app, e.console) }));
  }

  async simulateSession(input: SimulateSessionInput): Promise<SessionReport> {
    if (typeof input !== "object" || input === null) throw new AdminError("expected a session description");
    const kind = input.roomKind ?? "live";
    const existing = kind === "live" ? this.core.state.liveRooms[`${input.sdkAppId}/${input.roomId}`] : undefined;
    let applied;
    try {
      applied = applySession(this.core.ctx, input, { existing, leaveCode: kind === "trtc" ? 99 : 2 });
    } catch (e) {
      if (e instanceof SimulationError) throw new AdminError(e.message);
      throw e;
    }
    const { report, outbound } = applied;
    this.core.sessions.push(report);
    report.callbacks = await this.core.callbacks.sendAll(outbound);
    this.core.log(`session ${report.sdkAppId}/${report.roomId}: live ${report.live.recorded ? "recorded" : "not recorded"}, ${report.tasks.length} task(s), ${report.files.length} file(s)`);
    return report;
  }

  async listSessions(): Promise<SessionReport[]> {
    return [...this.core.sessions];
  }

  async listCallbacks(): Promise<CallbackDelivery[]> {
    return this.core.callbacks.deliveries();
  }

  async settle(): Promise<void> {
    await this.core.callbacks.settle();
  }

  async setFaults(config: FaultConfig): Promise<void> {
    try {
      this.core.setFaults(config);
    } catch (e) {
      throw new AdminError((e as Error).message);
    }
  }

  async clearFaults(): Promise<void> {
    this.core.setFaults(undefined);
  }

  async setRateLimits(enabled: boolean): Promise<void> {
    if (typeof enabled !== "boolean") throw new AdminError("enabled must be a boolean");
    this.core.rateLimiter.enabled = enabled;
    this.core.rateLimiter.reset();
  }

  async getCallLog(sinceSeq = 0): Promise<CallLogSnapshot> {
    return this.core.callLog.snapshot(sinceSeq);
  }

  async clearCallLog(): Promise<void> {
    this.core.callLog.clear();
  }

  async advanceClock(seconds: number): Promise<{ now: string }> {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) throw new AdminError("seconds must be a number ≥ 0");
    this.core.state.clockOffsetMs += seconds * 1000;
    this.core.ctx.persist();
    return { now: isoSeconds(this.core.ctx.now()) };
  }

  async reset(): Promise<void> {
    await this.core.callbacks.settle();
    this.core.reset();
  }

  async dumpState(): Promise<StateDump> {
    const s = this.core.state;
    return {
      now: isoSeconds(this.core.ctx.now()),
      apps: Object.values(s.apps).map(appSummary),
      subApps: Object.values(s.subApps).map((a) => ({ ...a })),
      eventConfigs: Object.fromEntries(
        Object.entries(s.eventConfigs).map(([k, { SignKey, ...rest }]) => [k, { ...rest, ...(SignKey ? { signKeyFingerprint: secretFingerprint(SignKey) } : {}) }]),
      ),
      media: Object.values(s.media).map((m) => JSON.parse(JSON.stringify(m)) as typeof m),
      tasks: Object.values(s.tasks).map((t) => ({ ...t })),
      usage: s.usage.map((u) => ({ ...u })),
      liveRooms: Object.values(s.liveRooms).map((r) => ({ ...r })),
      liveCallbacks: JSON.parse(JSON.stringify(s.liveCallbacks)) as StateDump["liveCallbacks"],
      liveCallbackTokens: Object.fromEntries(
        Object.entries(s.liveCallbackTokens).map(([k, t]) => [k, { tokenFingerprint: secretFingerprint(t.Token), IsTokenEnable: t.IsTokenEnable }]),
      ),
    };
  }
}

/** The admin HTTP routes (all JSON; errors are `{"error": "..."}` with 400 or 404). */
export const ADMIN_ROUTES = [
  "GET    /_admin/health",
  "GET    /_admin/apps",
  "POST   /_admin/apps                      {sdkAppId, sdkSecretKey, adminIdentifier?}",
  "GET    /_admin/apps/:sdkAppId/console",
  "PATCH  /_admin/apps/:sdkAppId/console    ConsoleStateChange (null clears a field), stamped with the emulator clock",
  "GET    /_admin/apps/:sdkAppId/console/history",
  "POST   /_admin/sessions                  SimulateSessionInput -> SessionReport",
  "GET    /_admin/sessions",
  "GET    /_admin/callbacks",
  "POST   /_admin/settle",
  "PUT    /_admin/faults                    FaultConfig",
  "DELETE /_admin/faults",
  "PUT    /_admin/rate-limits               {enabled}",
  "GET    /_admin/calls?since=<seq>",
  "DELETE /_admin/calls",
  "POST   /_admin/clock                     {advanceSeconds}",
  "POST   /_admin/reset",
  "GET    /_admin/state",
] as const;

export interface AdminHttpResult {
  readonly status: number;
  readonly body: unknown;
}

/** Routes one admin HTTP request. `body` is the parsed JSON body (undefined when empty). */
export async function handleAdminRequest(admin: EmulatorAdmin, method: string, url: URL, body: unknown, baseUrl: string): Promise<AdminHttpResult> {
  const parts = url.pathname.replace(/^\/_admin\/?/, "").split("/").filter(Boolean);
  const route = `${method} ${parts.map((p, i) => (i === 1 && parts[0] === "apps" ? ":id" : p)).join("/")}`;
  const ok = (b: unknown = {}): AdminHttpResult => ({ status: 200, body: b });
  const appId = (): number => {
    const n = Number(parts[1]);
    if (!Number.isInteger(n) || n <= 0) throw new AdminError(`not an SDKAppID: ${parts[1]}`);
    return n;
  };
  try {
    switch (route) {
      case "GET health":
        return ok({ ok: true, url: baseUrl });
      case "GET apps":
        return ok(await admin.listApps());
      case "POST apps":
        return ok(await admin.registerApp(body as RegisterAppInput));
      case "GET apps/:id/console":
        return ok(await admin.getConsoleState(appId()));
      case "GET apps/:id/console/history":
        return ok(await admin.getConsoleHistory(appId()));
      case "PATCH apps/:id/console":
      case "PUT apps/:id/console":
        return ok(await admin.setConsoleState(appId(), (body ?? {}) as ConsoleStateChange));
      case "POST sessions":
        return ok(await admin.simulateSession(body as SimulateSessionInput));
      case "GET sessions":
        return ok(await admin.listSessions());
      case "GET callbacks":
        return ok(await admin.listCallbacks());
      case "POST settle":
        await admin.settle();
        return ok();
      case "PUT faults":
        await admin.setFaults(body as FaultConfig);
        return ok();
      case "DELETE faults":
        await admin.clearFaults();
        return ok();
      case "PUT rate-limits":
        await admin.setRateLimits((body as { enabled?: unknown } | undefined)?.enabled as boolean);
        return ok();
      case "GET calls": {
        const since = Number(url.searchParams.get("since") ?? "0");
        return ok(await admin.getCallLog(Number.isFinite(since) ? since : 0));
      }
      case "DELETE calls":
        await admin.clearCallLog();
        return ok();
      case "POST clock":
        return ok(await admin.advanceClock((body as { advanceSeconds?: unknown } | undefined)?.advanceSeconds as number));
      case "POST reset":
        await admin.reset();
        return ok();
      case "GET state":
        return ok(await admin.dumpState());
      default:
        return { status: 404, body: { error: `no admin route ${method} ${url.pathname}`, routes: ADMIN_ROUTES } };
    }
  } catch (e) {
    if (e instanceof AdminError) return { status: e.status, body: { error: e.message } };
    throw e;
  }
}
