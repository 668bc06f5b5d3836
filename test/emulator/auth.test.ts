import { loopbackAgent } from "../../emulator/client";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator, sdkClientConfig, startEmulator } from "../../emulator/public-api";
import { signTc3 } from "../../emulator/tc3";
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { rawPost, rejectionOf, trtcClient, vodClient } from "./helpers";

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(() => emu.stop());

/** Builds and signs a Cloud API request by hand. */
function handSigned(o: {
  action: string;
  version: string;
  host: string;
  body?: string;
  timestamp?: number;
  signedHeaders?: string[];
  secretKey?: string;
  service?: string;
}) {
  const body = o.body ?? "{}";
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=utf-8",
    Host: o.host,
    "X-TC-Action": o.action,
    "X-TC-Version": o.version,
    "X-TC-Timestamp": String(timestamp),
  };
  headers.Authorization = signTc3({
    secretId: DEFAULT_SECRET_ID,
    secretKey: o.secretKey ?? DEFAULT_SECRET_KEY,
    service: o.service ?? o.host.split(".")[0],
    timestampSeconds: timestamp,
    headers,
    signedHeaders: o.signedHeaders,
    payload: body,
  });
  return { body, headers };
}

async function send(r: { body: string; headers: Record<string, string> }): Promise<{ Response: { Error?: { Code: string; Message: string }; RequestId: string } & Record<string, unknown> }> {
  const res = await rawPost(`${emu.url}/`, r.body, r.headers);
  expect(res.status).toBe(200);
  return JSON.parse(res.body);
}

describe("signature checks through the real SDK", () => {
  test("a wrong SecretKey is AuthFailure.SignatureFailure", async () => {
    const client = vodClient(emu, {}, { secretId: DEFAULT_SECRET_ID, secretKey: "not-the-key" });
    const e = await rejectionOf(client.DescribeSubAppIds({}));
    expect(e.code).toBe("AuthFailure.SignatureFailure");
  });

  test("an unknown SecretId is AuthFailure.SecretIdNotFound", async () => {
    const client = trtcClient(emu, {}, { secretId: "AKIDnobody", secretKey: DEFAULT_SECRET_KEY });
    expect((await rejectionOf(client.DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-01", MixType: "single" }))).code).toBe(
      "AuthFailure.SecretIdNotFound",
    );
  });

  test("a server clock 10 minutes ahead makes the SDK's signature expire", async () => {
    const ahead = await startEmulator({ now: () => Date.now() + 10 * 60 * 1000 });
    try {
      const e = await rejectionOf(vodClient(ahead).DescribeSubAppIds({}));
      expect(e.code).toBe("AuthFailure.SignatureExpire");
      expect(e.message).toMatch(/expired/i);
    } finally {
      await ahead.stop();
    }
  });

  test("a client that uses the emulator as its HTTP proxy reaches it (CONNECT tunnel, Host routing)", async () => {
    const client = new vod.v20180717.Client({
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      profile: { httpProfile: { protocol: "http://", proxy: emu.url, reqTimeout: 5 } },
    });
    await expect(client.DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount", 0);
    const t = new trtc.v20190722.Client({
      credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      region: "ap-guangzhou",
      profile: { httpProfile: { protocol: "http://", proxy: emu.url, reqTimeout: 5 } },
    });
    expect((await rejectionOf(t.DescribeCloudRecording({ SdkAppId: 1400000001, TaskId: "none" }))).code).toBe("FailedOperation.TaskNotExist");
  });

  test("sdkClientConfig always passes an agent, so http_proxy is never used", async () => {
    const saved = process.env.http_proxy;
    process.env.http_proxy = "http://127.0.0.1:9"; // nothing listens there
    try {
      await expect(vodClient(emu).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
    const cfg = sdkClientConfig(`http://127.0.0.1:${emu.port}`, "trtc", { secretId: "a", secretKey: "b" }, { endpointStyle: "ip", region: "ap-singapore" });
    expect(cfg.profile?.httpProfile).toMatchObject({ endpoint: `127.0.0.1:${emu.port}`, protocol: "http://" });
    expect(cfg.profile?.httpProfile?.agent).toBeDefined();
    expect(cfg.region).toBe("ap-singapore");
    expect(() => sdkClientConfig(`http://127.0.0.1:${emu.port}`, "vod")).toThrow(/credentials/);
  });

  test("configured credentials replace the defaults", async () => {
    const own = await startEmulator({ credentials: [{ secretId: "AKIDown", secretKey: "ownKey" }] });
    try {
      await expect(vodClient(own).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount", 0);
      expect((await rejectionOf(vodClient(own, {}, { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }).DescribeSubAppIds({}))).code).toBe(
        "AuthFailure.SecretIdNotFound",
      );
    } finally {
      await own.stop();
    }
  });
});

describe("hand-built requests", () => {
  test("SignedHeaders=content-type;host;x-tc-action (the docs' style) is verified", async () => {
    const r = await send(
      handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: `vod.tencentcloudapi.com:${emu.port}`, signedHeaders: ["content-type", "host", "x-tc-action"] }),
    );
    expect(r.Response.Error).toBeUndefined();
    expect(r.Response.TotalCount).toBe(0);
  });

  test("changing a signed header after signing fails", async () => {
    const req = handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: `vod.tencentcloudapi.com:${emu.port}`, signedHeaders: ["content-type", "host", "x-tc-action"] });
    req.headers["X-TC-Action"] = "DescribeEventConfig";
    expect((await send(req)).Response.Error?.Code).toBe("AuthFailure.SignatureFailure");
  });

  test("an old timestamp is AuthFailure.SignatureExpire", async () => {
    const r = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com", timestamp: Math.floor(Date.now() / 1000) - 301 }));
    expect(r.Response.Error?.Code).toBe("AuthFailure.SignatureExpire");
    expect(r.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a malformed Authorization is AuthFailure.InvalidAuthorization", async () => {
    const req = handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com" });
    req.headers.Authorization = "TC3-HMAC-SHA256 garbage";
    expect((await send(req)).Response.Error?.Code).toBe("AuthFailure.InvalidAuthorization");
  });

  test("an unknown action is InvalidAction", async () => {
    expect((await rejectionOf(vodClient(emu).request("DescribeEverything", {}))).code).toBe("InvalidAction");
    const r = await send(handSigned({ action: "DescribeEverything", version: "2019-07-22", host: "127.0.0.1" }));
    expect(r.Response.Error?.Code).toBe("InvalidAction");
  });

  test("an unknown version is NoSuchVersion; a version that contradicts the Host label too", async () => {
    expect((await send(handSigned({ action: "DescribeSubAppIds", version: "2024-07-18", host: "127.0.0.1" }))).Response.Error?.Code).toBe("NoSuchVersion");
    expect((await send(handSigned({ action: "DescribeSubAppIds", version: "2019-07-22", host: "vod.tencentcloudapi.com" }))).Response.Error?.Code).toBe("NoSuchVersion");
  });

  test("routing by Host label or by version reaches the same service", async () => {
    const byVersion = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "localhost", service: "vod" }));
    const byHost = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.intl.tencentcloudapi.com" }));
    expect(byVersion.Response.TotalCount).toBe(0);
    expect(byHost.Response.TotalCount).toBe(0);
  });

  test("a scope naming the other emulated service is rejected", async () => {
    const r = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com", service: "trtc" }));
    expect(r.Response.Error?.Code).toBe("AuthFailure.SignatureFailure");
  });

  test.each([
    [`vod.tencentcloudapi.com:PORT`, "127", "The credential scope service `127` does not match the service `vod` named by the Host."],
    [`vod.tencentcloudapi.com`, "cvm", "The credential scope service `cvm` does not match the service `vod` named by the Host."],
    [`127.0.0.1:PORT`, "cvm", "The credential scope service `cvm` is neither the requested service `vod` nor the first label of the Host."],
  ])("Host %s with a scope for service %s: AuthFailure.SignatureFailure, however correct the signature", async (host, service, message) => {
    const r = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: host.replace("PORT", String(emu.port)), service }));
    expect(r.Response.Error).toEqual({ Code: "AuthFailure.SignatureFailure", Message: message });
  });

  test("every loopback setup of the real SDK still works: service name + agent, 127.0.0.1, localhost, the emulator as proxy", async () => {
    const credential = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
    await expect(vodClient(emu).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    await expect(vodClient(emu, { endpointStyle: "ip" }).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    await expect(trtcClient(emu, { endpointStyle: "ip" }).DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-01", MixType: "single" })).resolves.toHaveProperty("UsageKey");
    const localhost = new vod.v20180717.Client({ credential, profile: { httpProfile: { endpoint: `localhost:${emu.port}`, protocol: "http://", reqTimeout: 5, agent: loopbackAgent() } } });
    await expect(localhost.DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    const proxied = new vod.v20180717.Client({ credential, profile: { httpProfile: { protocol: "http://", proxy: emu.url, reqTimeout: 5 } } });
    await expect(proxied.DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
  });

  test("responses are exactly Tencent's shapes", async () => {
    const ok = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com" }));
    expect(Object.keys(ok)).toEqual(["Response"]);
    expect(ok.Response).toEqual({ SubAppIdInfoSet: [], TotalCount: 0, RequestId: expect.any(String) });
    const err = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com", secretKey: "wrong" }));
    expect(err).toEqual({ Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: expect.any(String) }, RequestId: expect.any(String) } });
  });

  test("a body that is not JSON is InvalidParameter", async () => {
    const r = await send(handSigned({ action: "DescribeSubAppIds", version: "2018-07-17", host: "vod.tencentcloudapi.com", body: "{nope" }));
    expect(r.Response.Error?.Code).toBe("InvalidParameter");
  });
});
