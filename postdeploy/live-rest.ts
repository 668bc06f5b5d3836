/**
 * The Live (TUILiveKit) server REST API calls the post-deploy step makes: `v4/live_config/get_callback`,
 * `set_callback`, `update_callback`, `get_callback_token`, `set_callback_token`.
 *
 * Requests are `POST https://<domain>/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`
 * with a JSON body; answers are `{"ActionStatus":"OK"|"FAIL","ErrorCode":n,"ErrorInfo":"...","Response":{...}}`.
 * The UserSig (TLS sig v2, `tls-sig-api-v2`) is made fresh for each request from the app's SDK secret key. Neither the
 * UserSig, the key, nor the request URL (which carries the UserSig) ever appears in an error or a log line.
 */
import { randomInt } from "crypto";
import * as http from "http";
import * as https from "https";
import type { LiveAdminCredential } from "./credentials";
import type { Transport } from "./transport";

interface TlsSigApi {
  genUserSig(userId: string, expireSeconds: number): string;
}
// tls-sig-api-v2 ships no type declarations; its package.json names "main" twice (jest takes the missing file), so the file is named.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api: TlsSig } = require("tls-sig-api-v2/TLSSigAPIv2") as { Api: new (sdkAppId: number, key: string) => TlsSigApi };

/** Lifetime of the UserSig made for one request. */
export const USER_SIG_LIFETIME_SECONDS = 300;

/**
 * Live REST error codes worth retrying: 60007 REST rate limit, 60008 timeout, 60011 SDKAppID rate limit, 60018/60019
 * too frequent, 70050 "bad sig + rate limited" (a guess at its meaning: retried a few times, then reported),
 * 100001 internal error. Everything else (60004/60005 signature, 60010 not an admin, 70001-70020 UserSig problems,
 * 100002 invalid parameters) is final.
 */
export const RETRYABLE_LIVE_CODES: ReadonlySet<number> = new Set([60007, 60008, 60011, 60018, 60019, 70050, 100001]);

/** An error of a Live REST call: an error code from the envelope, an HTTP status, or a transport problem. */
export class LiveRestError extends Error {
  constructor(
    message: string,
    /** `ErrorCode` of the envelope, as a string (e.g. "60007"), or `HTTP 502`, or `network`. */
    public readonly code: string,
    public readonly retryable: boolean,
  ) {
    super(message);
    this.name = "LiveRestError";
  }
}

export interface LiveCallbackConfig {
  /** Empty when no webhook is configured. */
  readonly url: string;
  readonly commands: readonly string[];
}

export interface LiveCallbackToken {
  /** Empty when none is set (or when the service does not return it). Never printed. */
  readonly token: string;
  readonly enabled: boolean;
}

/** The calls of the live-webhook step. */
export interface LiveRestApi {
  getCallback(): Promise<LiveCallbackConfig>;
  setCallback(config: LiveCallbackConfig): Promise<void>;
  updateCallback(config: LiveCallbackConfig): Promise<void>;
  getCallbackToken(): Promise<LiveCallbackToken>;
  setCallbackToken(token: string, enabled: boolean): Promise<void>;
}

/** Live REST domains (reference §5.1). */
export const LIVE_REST_DOMAINS = {
  china: "console.tim.qq.com",
  singapore: "adminapisgp.im.qcloud.com",
  usa: "adminapiusa.im.qcloud.com",
  jakarta: "adminapiidn.im.qcloud.com",
} as const;

/**
 * The domain for a real account, by the rule of Tencent's own Live Manager server: `adminapisgp.im.qcloud.com` when
 * the SDKAppID is below 1400000000, else `console.tim.qq.com`. Apps in the USA or Jakarta data centers must pass
 * `--live-domain`.
 */
export function liveRestDomain(sdkAppId: number): string {
  return sdkAppId < 1400000000 ? LIVE_REST_DOMAINS.singapore : LIVE_REST_DOMAINS.china;
}

export interface LiveRestClientOptions {
  readonly sdkAppId: number;
  readonly credential: LiveAdminCredential;
  /** `https://<domain>` for a real account, or the emulator's base URL `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  readonly transport: Transport;
  /** Per-request timeout. @default 10000 ms */
  readonly timeoutMs?: number;
}

export class LiveRestClient implements LiveRestApi {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly sig: TlsSigApi;

  constructor(private readonly opts: LiveRestClientOptions) {
    this.base = new URL(opts.baseUrl);
    if (this.base.protocol !== "https:" && this.base.protocol !== "http:") throw new Error(`Live REST base URL must be http(s), got ${this.base.protocol}`);
    this.agent = this.base.protocol === "https:" ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.sig = new TlsSig(opts.sdkAppId, opts.credential.sdkSecretKey);
  }

  public async getCallback(): Promise<LiveCallbackConfig> {
    const r = await this.call("live_config/get_callback", false, {});
    return { url: typeof r.Url === "string" ? r.Url : "", commands: Array.isArray(r.CallbackCommandList) ? r.CallbackCommandList.filter((c): c is string => typeof c === "string") : [] };
  }

  public async setCallback(config: LiveCallbackConfig): Promise<void> {
    await this.call("live_config/set_callback", true, { Url: config.url, CallbackCommandList: [...config.commands] });
  }

  public async updateCallback(config: LiveCallbackConfig): Promise<void> {
    await this.call("live_config/update_callback", true, { Url: config.url, CallbackCommandList: [...config.commands] });
  }

  public async getCallbackToken(): Promise<LiveCallbackToken> {
    const r = await this.call("live_config/get_callback_token", false, {});
    return { token: typeof r.Token === "string" ? r.Token : "", enabled: r.IsTokenEnable === true };
  }

  public async setCallbackToken(token: string, enabled: boolean): Promise<void> {
    await this.call("live_config/set_callback_token", true, { Token: token, IsTokenEnable: enabled }, true);
  }

  private call(command: string, write: boolean, body: Record<string, unknown>, carriesSecret = false): Promise<Record<string, unknown>> {
    return this.opts.transport.call("live", command, write, () => this.send(command, body), { carriesSecret });
  }

  /** One attempt. Resolves with `Response` (or `{}`), rejects with a {@link LiveRestError}. */
  private send(command: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { credential, sdkAppId } = this.opts;
    const query = new URLSearchParams({
      sdkappid: String(sdkAppId),
      identifier: credential.identifier,
      usersig: this.sig.genUserSig(credential.identifier, USER_SIG_LIFETIME_SECONDS),
      random: String(randomInt(0, 4294967295)),
      contenttype: "json",
    });
    const url = new URL(`/v4/${command}?${query.toString()}`, this.base);
    const payload = Buffer.from(JSON.stringify(body), "utf8");
    const timeoutMs = this.opts.timeoutMs ?? 10000;
    const mod = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const fail = (message: string, code: string, retryable: boolean) => reject(new LiveRestError(`${command}: ${message}`, code, retryable));
      const req = mod.request(
        url,
        { method: "POST", agent: this.agent, headers: { "Content-Type": "application/json", "Content-Length": String(payload.length) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", () => fail("the answer was cut off", "network", true));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status !== 200) return fail(`HTTP ${status}`, `HTTP ${status}`, status >= 500 || status === 429);
            let env: { ActionStatus?: unknown; ErrorCode?: unknown; ErrorInfo?: unknown; Response?: unknown };
            try {
              env = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof env;
            } catch {
              return fail("the answer is not JSON", "malformed", true);
            }
            if (env === null || typeof env !== "object") return fail("the answer is not a JSON object", "malformed", true);
            const code = typeof env.ErrorCode === "number" ? env.ErrorCode : Number(env.ErrorCode ?? 0);
            if (env.ActionStatus === "OK" && code === 0) {
              const r = env.Response;
              return resolve(r !== null && typeof r === "object" && !Array.isArray(r) ? (r as Record<string, unknown>) : {});
            }
            const info = typeof env.ErrorInfo === "string" ? env.ErrorInfo.slice(0, 200) : "";
            return fail(`ErrorCode ${code}${info ? `: ${info}` : ""}`, String(code), RETRYABLE_LIVE_CODES.has(code));
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new LiveRestError(`${command}: no answer within ${timeoutMs} ms`, "timeout", true)));
      req.on("error", (e) => {
        if (e instanceof LiveRestError) reject(e);
        else fail(`network error (${(e as NodeJS.ErrnoException).code ?? "connection failed"})`, "network", true);
      });
      req.end(payload);
    });
  }
}
