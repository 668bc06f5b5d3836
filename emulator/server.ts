/**
 * The emulator's HTTP server: one port for everything.
 *
 * - `POST /` — Tencent Cloud API 3.0 (VOD 2018-07-17, TRTC 2019-07-22, CAM 2019-01-16), routed by the `Host`
 *   header's first label (`vod.…`, `trtc.…`, `cam.…`) or else by `X-TC-Version`, action from `X-TC-Action`,
 *   TC3-HMAC-SHA256 verified; a CAM user's call is checked against its policies when CAM enforcement is on.
 * - `POST /v4/<service>/<command>?sdkappid&identifier&usersig&random&contenttype=json` — Live REST API.
 * - `/_admin/…` — the admin interface (JSON), never faulted or rate-limited.
 */
import { randomBytes, randomUUID } from "crypto";
import * as http from "http";
import type { AddressInfo, Socket } from "net";
import { EmulatorAdmin, handleAdminRequest } from "./admin";
import { CallService, isWriteAction } from "./call-log";
import { authorizeUserCall } from "./cam-access";
import { CamAdmin, handleCamAdminRequest, isCamAdminPath } from "./cam-admin";
import { CAM_ACTIONS, CAM_VERSION } from "./cam";
import type { ActionHandler } from "./context";
import type { EmulatorCore } from "./core";
import { CloudApiError, LiveApiError, LiveErrorCode } from "./errors";
import type { FaultKind } from "./faults";
import { LIVE_COMMANDS, LiveCommandContext, LiveQuery, authenticateLive } from "./live";
import { JsonObject, Params, isObject, isoSeconds } from "./params";
import { hostWithoutPort, verifyTc3 } from "./tc3";
import { TRTC_ACTIONS, TRTC_VERSION } from "./trtc";
import { VOD_ACTIONS, VOD_VERSION } from "./vod";

/** Emulated Cloud API services: name → version and actions. */
export const CLOUD_SERVICES: Readonly<Record<"vod" | "trtc" | "cam", { readonly version: string; readonly actions: Readonly<Record<string, ActionHandler>> }>> = {
  vod: { version: VOD_VERSION, actions: VOD_ACTIONS },
  trtc: { version: TRTC_VERSION, actions: TRTC_ACTIONS },
  cam: { version: CAM_VERSION, actions: CAM_ACTIONS },
};

/** Largest request body accepted (`RequestSizeLimitExceeded` beyond). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

type CloudServiceName = keyof typeof CLOUD_SERVICES;

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function readBody(req: http.IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), ...extraHeaders });
  res.end(text);
}

function sendMalformed(res: http.ServerResponse): void {
  const text = '{"Response":{"RequestId":"';
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}

function send5xx(res: http.ServerResponse, seq: number): void {
  const status = seq % 2 === 0 ? 503 : 502;
  const text = status === 502 ? "Bad Gateway" : "Service Unavailable";
  res.writeHead(status, { "Content-Type": "text/plain", "Content-Length": String(text.length) });
  res.end(text);
}

/** The running HTTP side of an emulator. */
export class EmulatorHttpServer {
  readonly server: http.Server;
  readonly admin: EmulatorAdmin;
  readonly cam: CamAdmin;
  private readonly sockets = new Set<Socket>();
  private liveSeq = 0;
  private faultSeq = 0;
  private baseUrl = "";

  constructor(private readonly core: EmulatorCore) {
    this.admin = new EmulatorAdmin(core);
    this.cam = new CamAdmin(core);
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        core.log(`internal error: ${(e as Error).message}`);
        if (!res.headersSent) sendJson(res, 500, { error: "emulator internal error" });
        else res.destroy();
      });
    });
    this.server.on("connection", (s: Socket) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    // Proxy-style clients (the SDK's `httpProfile.proxy`) open a CONNECT tunnel, then speak plain HTTP through it
    // when the protocol is http://. The tunnel is served by this same server. TLS (https://) is not emulated.
    this.server.on("connect", (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
      const target = req.url ?? "";
      if (target.endsWith(":443")) {
        socket.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        core.log(`CONNECT ${target} refused: TLS is not emulated; use protocol http://`);
        return;
      }
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) socket.unshift(head);
      this.server.emit("connection", socket);
    });
  }

  listen(port: number, host: string): Promise<{ port: number; url: string }> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        const addr = this.server.address() as AddressInfo;
        const h = host.includes(":") ? `[${host}]` : host;
        this.baseUrl = `http://${h}:${addr.port}`;
        resolve({ port: addr.port, url: this.baseUrl });
      });
    });
  }

  /** Stops accepting, destroys open (keep-alive) sockets, and resolves when closed. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
      this.server.closeAllConnections?.();
    });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const { body, tooLarge } = await readBody(req);
    if (url.pathname === "/_admin" || url.pathname.startsWith("/_admin/")) return this.handleAdmin(req, res, url, body);
    if (url.pathname.startsWith("/v4/")) return this.handleLive(req, res, url, body, tooLarge);
    if (url.pathname === "/") return this.handleCloud(req, res, url, body, tooLarge);
    sendJson(res, 404, { error: `not found: ${url.pathname}` });
  }

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer): Promise<void> {
    let parsed: unknown;
    if (body.length > 0) {
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        return sendJson(res, 400, { error: "body is not JSON" });
      }
    }
    const method = (req.method ?? "GET").toUpperCase();
    const r = isCamAdminPath(url.pathname)
      ? await handleCamAdminRequest(this.cam, method, url, parsed)
      : await handleAdminRequest(this.admin, method, url, parsed, this.baseUrl);
    sendJson(res, r.status, r.body);
  }

  /** Applies an injected fault that replaces the call; returns true when the response was sent (or the socket reset). */
  private replaceWithFault(kind: FaultKind, res: http.ServerResponse, reply: (code: string) => void): boolean {
    switch (kind) {
      case "throttle":
        reply("RequestLimitExceeded");
        return true;
      case "internalError":
        reply("InternalError");
        return true;
      case "http5xx":
        send5xx(res, ++this.faultSeq);
        return true;
      case "reset":
        res.socket?.destroy();
        return true;
      case "malformed":
        sendMalformed(res);
        return true;
      case "slow":
        return false;
    }
  }

  private async handleCloud(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer, tooLarge: boolean): Promise<void> {
    const core = this.core;
    const requestId = randomUUID();
    const action = header(req, "x-tc-action") ?? "";
    const version = header(req, "x-tc-version");
    const hostLabel = hostWithoutPort(header(req, "host") ?? "").split(".")[0].toLowerCase();
    const byHost = hostLabel in CLOUD_SERVICES ? (hostLabel as CloudServiceName) : undefined;
    const byVersion = (Object.keys(CLOUD_SERVICES) as CloudServiceName[]).find((s) => CLOUD_SERVICES[s].version === version);
    const service: CloudServiceName | undefined = byHost ?? byVersion;
    const logService: CallService = service ?? "unknown";
    let appId: number | undefined;
    let callerUin: number | undefined;
    let fault: FaultKind | undefined;

    const finish = (outcome: string, reply: () => void): void => {
      core.callLog.record({
        time: isoSeconds(core.ctx.now()),
        service: logService,
        action: action || "(none)",
        outcome,
        write: service ? isWriteAction(service, action) : false,
        ...(fault ? { fault } : {}),
        ...(appId !== undefined ? { appId } : {}),
        requestId,
        ...(callerUin !== undefined ? { callerUin } : {}),
      });
      core.log(`${logService} ${action || "(no action)"} ${outcome}${fault ? ` [fault ${fault}]` : ""}`);
      reply();
    };
    const error = (code: string, message: string): void =>
      finish(code, () => sendJson(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } }, { "X-TC-RequestId": requestId }));

    if ((req.method ?? "").toUpperCase() !== "POST") {
      return error("UnsupportedProtocol", "The emulator accepts POST requests with a JSON body only (GET and form-encoded signing v1 are not emulated).");
    }
    if (!version) return error("MissingParameter", "The request is missing a required parameter `X-TC-Version`.");
    if (!service || (byHost && CLOUD_SERVICES[byHost].version !== version)) {
      return error("NoSuchVersion", `The API version \`${version}\` does not exist${service ? ` for ${service}` : ""}.`);
    }
    if (!action) return error("MissingParameter", "The request is missing a required parameter `X-TC-Action`.");
    const handler = Object.prototype.hasOwnProperty.call(CLOUD_SERVICES[service].actions, action) ? CLOUD_SERVICES[service].actions[action] : undefined;
    if (!handler) return error("InvalidAction", `The action \`${action}\` is not found or not emulated for ${service} ${version}.`);

    fault = core.faults?.pick(action);
    if (fault && fault !== "slow") {
      const kind = fault;
      return finish(kind, () => {
        this.replaceWithFault(kind, res, (code) =>
          sendJson(res, 200, { Response: { Error: { Code: code, Message: `Injected fault: ${kind}.` }, RequestId: requestId } }),
        );
      });
    }
    if (tooLarge) return error("RequestSizeLimitExceeded", `The request body exceeds ${MAX_BODY_BYTES} bytes.`);

    const auth = verifyTc3({
      method: req.method ?? "POST",
      query: url.search.slice(1),
      headers: req.headers,
      payload: body,
      secretKeyOf: (id) => core.secretKeyOf(id),
      nowMs: core.ctx.wallNow(),
      expectedService: service,
      knownServices: Object.keys(CLOUD_SERVICES),
    });
    if (!auth.ok) return error(auth.code, auth.message);

    if (!core.rateLimiter.take(service, action)) {
      return error("RequestLimitExceeded", `Your current request rate for ${action} exceeds the limit; please try again later.`);
    }

    let parsedBody: unknown;
    try {
      parsedBody = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch {
      return error("InvalidParameter", "The request body is not valid JSON.");
    }
    if (!isObject(parsedBody)) return error("InvalidParameter", "The request body must be a JSON object.");
    const idField = service === "vod" ? parsedBody.SubAppId : service === "trtc" ? parsedBody.SdkAppId : undefined;
    if (typeof idField === "number") appId = idField;

    const caller = core.identityOf(auth.secretId);
    if (caller?.kind === "user") callerUin = caller.uin;
    if (core.camEnforcement && caller?.kind === "user") {
      const refusal = authorizeUserCall(core.state.cam, caller.uin, service, action, parsedBody, requestId);
      if (refusal) {
        if (fault === "slow") await sleep(core.faults?.slowMs ?? 0);
        return error(refusal.code, refusal.message);
      }
    }

    let result: JsonObject;
    try {
      result = await handler(core.ctx, new Params(parsedBody), { region: header(req, "x-tc-region"), requestId });
    } catch (e) {
      if (e instanceof CloudApiError) {
        if (fault === "slow") await sleep(core.faults?.slowMs ?? 0);
        return error(e.code, e.message);
      }
      throw e;
    }
    if (fault === "slow") await sleep(core.faults?.slowMs ?? 0);
    finish("ok", () => sendJson(res, 200, { Response: { ...result, RequestId: requestId } }, { "X-TC-RequestId": requestId }));
  }

  private async handleLive(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer, tooLarge: boolean): Promise<void> {
    const core = this.core;
    const requestId = `Id-${randomBytes(16).toString("hex")}-O-Seq-${++this.liveSeq}`;
    const command = url.pathname.slice("/v4/".length);
    const q = Object.fromEntries(url.searchParams.entries()) as LiveQuery;
    const sdkAppId = q.sdkappid && /^\d+$/.test(q.sdkappid) ? Number(q.sdkappid) : undefined;
    let fault: FaultKind | undefined;

    const finish = (outcome: string, reply: () => void): void => {
      core.callLog.record({
        time: isoSeconds(core.ctx.now()),
        service: "live",
        action: command,
        outcome,
        write: isWriteAction("live", command),
        ...(fault ? { fault } : {}),
        ...(sdkAppId !== undefined ? { appId: sdkAppId } : {}),
        requestId,
      });
      core.log(`live ${command} ${outcome}${fault ? ` [fault ${fault}]` : ""}`);
      reply();
    };
    const fail = (code: number, info: string): void =>
      finish(String(code), () => sendJson(res, 200, { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, RequestId: requestId }));

    if ((req.method ?? "").toUpperCase() !== "POST") return fail(LiveErrorCode.BadHttpRequest, "only POST is supported");
    const handler = Object.prototype.hasOwnProperty.call(LIVE_COMMANDS, command) ? LIVE_COMMANDS[command] : undefined;
    if (!handler) return fail(LiveErrorCode.BadHttpRequest, `unknown or not emulated command v4/${command}`);

    fault = core.faults?.pick(command);
    if (fault && fault !== "slow") {
      const kind = fault;
      return finish(kind, () => {
        this.replaceWithFault(kind, res, (code) => {
          const n = code === "RequestLimitExceeded" ? LiveErrorCode.RateLimited : LiveErrorCode.Internal;
          sendJson(res, 200, { ActionStatus: "FAIL", ErrorCode: n, ErrorInfo: `Injected fault: ${kind}`, RequestId: requestId });
        });
      });
    }
    if (tooLarge) return fail(LiveErrorCode.BadHttpRequest, "request body too large");

    const liveCtx: LiveCommandContext = {
      ...core.ctx,
      get state() {
        return core.state;
      },
      onSession: (report) => {
        core.sessions.push(report);
      },
    };
    try {
      const caller = authenticateLive(core.ctx, q);
      if (!core.rateLimiter.take("live", command, String(caller.app.sdkAppId))) {
        throw new LiveApiError(LiveErrorCode.RateLimited, "REST API call frequency exceeds the limit");
      }
      let parsed: unknown;
      try {
        parsed = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
      } catch {
        throw new LiveApiError(LiveErrorCode.BadJson, "the request body is not valid JSON");
      }
      if (!isObject(parsed)) throw new LiveApiError(LiveErrorCode.BadJson, "the request body must be a JSON object");
      const response = handler(liveCtx, parsed, caller);
      if (fault === "slow") await sleep(core.faults?.slowMs ?? 0);
      finish("ok", () =>
        sendJson(res, 200, { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", RequestId: requestId, ...(response ? { Response: response } : {}) }),
      );
    } catch (e) {
      if (e instanceof LiveApiError) {
        if (fault === "slow") await sleep(core.faults?.slowMs ?? 0);
        return fail(e.errorCode, e.errorInfo);
      }
      throw e;
    }
  }
}
