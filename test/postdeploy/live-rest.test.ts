/** The Live REST client: request shape, envelope parsing, which errors are retried, and that nothing secret escapes. */
import * as http from "http";
import type { AddressInfo } from "net";
import { decodeUserSig, verifyUserSig } from "../../emulator/usersig";
import { LiveRestClient, LiveRestError, RETRYABLE_LIVE_CODES, liveRestDomain } from "../../postdeploy/live-rest";
import { classifyError } from "../../postdeploy/retry";
import { Transport } from "../../postdeploy/transport";

const KEY = "fakeSdkSecretKeyForLiveRestTests";

interface Fake {
  readonly url: string;
  readonly requests: { path: string; query: URLSearchParams; body: string }[];
  answer: (n: number) => { status: number; body: string } | "reset" | "hang";
  close(): Promise<void>;
}

async function fakeServer(): Promise<Fake> {
  const requests: Fake["requests"] = [];
  const fake = { answer: (_n: number) => ({ status: 200, body: '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}' }) as ReturnType<Fake["answer"]> };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const u = new URL(req.url ?? "/", "http://x");
      requests.push({ path: u.pathname, query: u.searchParams, body: Buffer.concat(chunks).toString("utf8") });
      const a = fake.answer(requests.length);
      if (a === "reset") return void req.socket.destroy();
      if (a === "hang") return;
      res.writeHead(a.status, { "Content-Type": "application/json" });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  });
}

describe("LiveRestClient", () => {
  let fake: Fake;
  beforeEach(async () => {
    fake = await fakeServer();
  });
  afterEach(async () => {
    await fake.close();
  });
  const client = (attempts = 1) =>
    new LiveRestClient({
      sdkAppId: 1400000001,
      credential: { identifier: "administrator", sdkSecretKey: KEY, origin: "test" },
      baseUrl: fake.url,
      transport: new Transport({ retry: { attempts, baseDelayMs: 1, maxDelayMs: 2 } }),
      timeoutMs: 200,
    });

  test("POST /v4/live_config/<command> with sdkappid, identifier, a fresh valid UserSig, random and contenttype=json", async () => {
    fake.answer = () => ({ status: 200, body: JSON.stringify({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", Response: { Url: "https://h.example.com/l", CallbackCommandList: ["Live.CallbackAfterCreateRoom"] } }) });
    expect(await client().getCallback()).toEqual({ url: "https://h.example.com/l", commands: ["Live.CallbackAfterCreateRoom"] });
    await client().setCallbackToken("tok123", true);
    const [get, set] = fake.requests;
    expect(get.path).toBe("/v4/live_config/get_callback");
    expect([...get.query.keys()].sort()).toEqual(["contenttype", "identifier", "random", "sdkappid", "usersig"]);
    expect(get.query.get("contenttype")).toBe("json");
    expect(Number(get.query.get("random"))).toBeLessThanOrEqual(4294967295);
    const sig = get.query.get("usersig")!;
    expect(decodeUserSig(sig)).toMatchObject({ identifier: "administrator", sdkAppId: 1400000001, expire: 300 });
    expect(verifyUserSig({ userSig: sig, sdkAppId: 1400000001, sdkSecretKey: KEY, identifier: "administrator", nowSeconds: Math.floor(Date.now() / 1000) }).ok).toBe(true);
    expect(JSON.parse(set.body)).toEqual({ Token: "tok123", IsTokenEnable: true });
  });

  test.each([
    [60007, true], [60008, true], [60011, true], [60018, true], [60019, true], [70050, true], [100001, true],
    [60004, false], [60010, false], [70001, false], [70009, false], [100002, false],
  ])("ErrorCode %i: retryable %s", async (code, retryable) => {
    fake.answer = () => ({ status: 200, body: JSON.stringify({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: "nope" }) });
    const err = await client(3).getCallback().catch((e: unknown) => e as LiveRestError);
    expect(err).toBeInstanceOf(LiveRestError);
    expect(classifyError(err)).toEqual({ retryable, reason: String(code) });
    expect(fake.requests.length).toBe(retryable ? 3 : 1);
    expect(RETRYABLE_LIVE_CODES.has(code)).toBe(retryable);
  });

  test("HTTP 5xx, a reset and a malformed body are retried; the call succeeds on the next attempt; no error text carries the URL or UserSig", async () => {
    const answers = [{ status: 502, body: "Bad Gateway" }, "reset" as const, { status: 200, body: '{"ActionStatus":"O' }, { status: 200, body: '{"ActionStatus":"OK","ErrorCode":0,"Response":{"Token":"t","IsTokenEnable":true}}' }];
    fake.answer = (n) => answers[n - 1];
    const lines: string[] = [];
    const c = new LiveRestClient({
      sdkAppId: 1400000001,
      credential: { identifier: "administrator", sdkSecretKey: KEY, origin: "test" },
      baseUrl: fake.url,
      transport: new Transport({ retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 2 }, log: (l) => lines.push(l) }),
    });
    expect(await c.getCallbackToken()).toEqual({ token: "t", enabled: true });
    expect(lines.map((l) => l.replace(/in \d+ ms/, "in N ms"))).toEqual([
      "  retry live.live_config/get_callback_token in N ms (attempt 2): HTTP 502",
      "  retry live.live_config/get_callback_token in N ms (attempt 3): network",
      "  retry live.live_config/get_callback_token in N ms (attempt 4): malformed",
    ]);
    expect(lines.join("\n")).not.toMatch(/usersig|127\.0\.0\.1|fakeSdk/i);
  });

  test("a hung answer becomes a retryable timeout", async () => {
    fake.answer = () => "hang";
    const err = await client(1).getCallback().catch((e: unknown) => e as LiveRestError);
    expect(err).toMatchObject({ code: "timeout", retryable: true, message: "live_config/get_callback: no answer within 200 ms" });
  });

  test("the domain for real accounts: adminapisgp below 1400000000, console.tim.qq.com otherwise", () => {
    expect(liveRestDomain(1300000001)).toBe("adminapisgp.im.qcloud.com");
    expect(liveRestDomain(1400000001)).toBe("console.tim.qq.com");
    expect(liveRestDomain(20000001)).toBe("adminapisgp.im.qcloud.com");
  });
});
