/** Shared test helpers: real SDK clients, a Live REST caller and a loopback callback receiver. */
import * as http from "http";
import type { AddressInfo } from "net";
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { Emulator, SdkClientConfigOptions, SdkCredentials, genUserSig, sdkClientConfig } from "../../emulator/public-api";

export type VodClient = InstanceType<typeof vod.v20180717.Client>;
export type TrtcClient = InstanceType<typeof trtc.v20190722.Client>;

export function vodClient(emu: Emulator, options: SdkClientConfigOptions = {}, credentials?: SdkCredentials): VodClient {
  return new vod.v20180717.Client(sdkClientConfig(emu, "vod", credentials, options));
}

export function trtcClient(emu: Emulator, options: SdkClientConfigOptions = {}, credentials?: SdkCredentials): TrtcClient {
  return new trtc.v20190722.Client(sdkClientConfig(emu, "trtc", credentials, options));
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<{ code?: string; httpCode?: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; httpCode?: number; message: string };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export interface LiveResponse {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo: string;
  RequestId: string;
  Response?: Record<string, unknown>;
}

export interface LiveCallOptions {
  readonly sdkAppId: number;
  readonly sdkSecretKey: string;
  readonly identifier?: string;
  /** Overrides the generated UserSig. */
  readonly userSig?: string;
}

/** POSTs a Live REST command with a fresh admin UserSig. */
export function liveCall(emu: Emulator, command: string, body: unknown, o: LiveCallOptions): Promise<LiveResponse> {
  const identifier = o.identifier ?? "administrator";
  const usersig = o.userSig ?? genUserSig({ sdkAppId: o.sdkAppId, sdkSecretKey: o.sdkSecretKey, identifier });
  const q = new URLSearchParams({ sdkappid: String(o.sdkAppId), identifier, usersig, random: String(Math.floor(Math.random() * 4294967295)), contenttype: "json" });
  return rawPost(`${emu.url}/v4/${command}?${q.toString()}`, JSON.stringify(body)).then((r) => JSON.parse(r.body) as LiveResponse);
}

export function rawPost(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent: false, headers: { "Content-Type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly rawBody: string;
}

export interface Receiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** HTTP status to answer with. */
  status: number;
  close(): Promise<void>;
}

/** A tiny loopback HTTP server that records every request. */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(state.status, { "Content-Type": "application/json" });
      res.end('{"code":0}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get status() {
      return state.status;
    },
    set status(v: number) {
      state.status = v;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
