import {
  buildCanonicalRequest,
  buildStringToSign,
  hostWithoutPort,
  parseAuthorization,
  sha256Hex,
  signTc3,
  tc3Date,
  tc3Signature,
  verifyTc3,
} from "../../emulator/tc3";

// Known-answer vectors (reference §6.1), copied here as literals.
const DOCS_PAYLOAD = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
const DOCS_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  Host: "cvm.tencentcloudapi.com",
  "X-TC-Action": "DescribeInstances",
};
const DOCS_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

describe("TC3-HMAC-SHA256 known answers", () => {
  test("docs example: payload hash", () => {
    expect(sha256Hex(DOCS_PAYLOAD)).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
  });

  test("docs example: canonical request (x-tc-action value lower-cased) and signature", () => {
    // WHEN
    const canonical = buildCanonicalRequest({
      method: "POST",
      headers: DOCS_HEADERS,
      signedHeaders: ["content-type", "host", "x-tc-action"],
      payload: DOCS_PAYLOAD,
    });
    // THEN
    expect(canonical).toContain("x-tc-action:describeinstances\n");
    expect(sha256Hex(canonical)).toBe("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
    const date = tc3Date(1551113065);
    expect(date).toBe("2019-02-25");
    const sts = buildStringToSign(1551113065, `${date}/cvm/tc3_request`, canonical);
    expect(tc3Signature(DOCS_KEY, date, "cvm", sts)).toBe("644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26");
  });

  test("SDK-format vector (Sign.sign3 of tencentcloud-sdk-nodejs)", () => {
    const auth = signTc3({
      secretId: "AKIDtest",
      secretKey: "mykey",
      service: "trtc",
      timestampSeconds: 1700000000,
      headers: { "Content-Type": "application/json", Host: "trtc.tencentcloudapi.com" },
      payload: '{"SdkAppId":1400000001,"TaskId":"abc"}',
    });
    expect(auth).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=8307c033b1a0ebfc3e4483a6ce964c74533aab068aea608183cac47af5b98a2f",
    );
  });
});

describe("verifyTc3", () => {
  const keys: Record<string, string> = { AKIDtest: "mykey" };
  const payload = Buffer.from('{"SdkAppId":1400000001,"TaskId":"abc"}');
  const headersWith = (auth: string, host = "trtc.tencentcloudapi.com:8080") => ({
    "content-type": "application/json",
    host,
    "x-tc-timestamp": "1700000000",
    authorization: auth,
  });
  const sdkAuth = signTc3({
    secretId: "AKIDtest",
    secretKey: "mykey",
    service: "trtc",
    timestampSeconds: 1700000000,
    headers: { "Content-Type": "application/json", Host: "trtc.tencentcloudapi.com" },
    payload,
  });
  const base = { method: "POST", payload, secretKeyOf: (id: string) => keys[id], nowMs: 1700000100 * 1000 };

  test("accepts the SDK's signature with the port stripped from Host", () => {
    expect(verifyTc3({ ...base, headers: headersWith(sdkAuth) })).toEqual({ ok: true, secretId: "AKIDtest", service: "trtc" });
  });

  test("rejects a changed body with SignatureFailure", () => {
    const r = verifyTc3({ ...base, payload: Buffer.from('{"SdkAppId":1400000002,"TaskId":"abc"}'), headers: headersWith(sdkAuth) });
    expect(r).toMatchObject({ ok: false, code: "AuthFailure.SignatureFailure" });
  });

  test("rejects a skew over 5 minutes with SignatureExpire, accepts exactly 5 minutes", () => {
    expect(verifyTc3({ ...base, nowMs: (1700000000 + 301) * 1000, headers: headersWith(sdkAuth) })).toMatchObject({ ok: false, code: "AuthFailure.SignatureExpire" });
    expect(verifyTc3({ ...base, nowMs: (1700000000 - 301) * 1000, headers: headersWith(sdkAuth) })).toMatchObject({ ok: false, code: "AuthFailure.SignatureExpire" });
    expect(verifyTc3({ ...base, nowMs: (1700000000 + 300) * 1000, headers: headersWith(sdkAuth) })).toMatchObject({ ok: true });
  });

  test("unknown SecretId is SecretIdNotFound", () => {
    const r = verifyTc3({ ...base, secretKeyOf: () => undefined, headers: headersWith(sdkAuth) });
    expect(r).toMatchObject({ ok: false, code: "AuthFailure.SecretIdNotFound" });
  });

  test("a credential-scope date other than the timestamp's is SignatureFailure", () => {
    const wrongDate = sdkAuth.replace("2023-11-14", "2023-11-15");
    expect(verifyTc3({ ...base, headers: headersWith(wrongDate) })).toMatchObject({ ok: false, code: "AuthFailure.SignatureFailure" });
  });

  test("a Host naming another service than the routed one is rejected; the SDK's `127` on a loopback Host is accepted", () => {
    expect(verifyTc3({ ...base, headers: headersWith(sdkAuth), expectedService: "vod", knownServices: ["vod", "trtc"] })).toMatchObject({
      ok: false,
      code: "AuthFailure.SignatureFailure",
    });
    const ipAuth = signTc3({
      secretId: "AKIDtest",
      secretKey: "mykey",
      service: "127",
      timestampSeconds: 1700000000,
      headers: { "Content-Type": "application/json", Host: "127.0.0.1" },
      payload,
    });
    expect(verifyTc3({ ...base, headers: headersWith(ipAuth, "127.0.0.1:4780"), expectedService: "trtc", knownServices: ["vod", "trtc"] })).toMatchObject({
      ok: true,
      service: "127",
    });
  });

  test.each([
    ["missing", undefined],
    ["other algorithm", "HMAC-SHA1 Credential=AKIDtest/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=00"],
    ["no SignedHeaders", "TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/trtc/tc3_request, Signature=" + "0".repeat(64)],
    ["short scope", "TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/trtc, SignedHeaders=content-type;host, Signature=" + "0".repeat(64)],
    ["signature not hex", "TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/trtc/tc3_request, SignedHeaders=content-type;host, Signature=xyz"],
    ["host not signed", "TC3-HMAC-SHA256 Credential=AKIDtest/2023-11-14/trtc/tc3_request, SignedHeaders=content-type, Signature=" + "0".repeat(64)],
  ])("malformed Authorization (%s) is InvalidAuthorization", (_name, auth) => {
    const headers: Record<string, string> = { "content-type": "application/json", host: "trtc.tencentcloudapi.com", "x-tc-timestamp": "1700000000" };
    if (auth !== undefined) headers.authorization = auth;
    expect(verifyTc3({ ...base, headers })).toMatchObject({ ok: false, code: "AuthFailure.InvalidAuthorization" });
  });

  test("a header listed in SignedHeaders but absent is SignatureFailure", () => {
    const auth = signTc3({
      secretId: "AKIDtest",
      secretKey: "mykey",
      service: "trtc",
      timestampSeconds: 1700000000,
      headers: { "Content-Type": "application/json", Host: "trtc.tencentcloudapi.com", "X-TC-Action": "DescribeCloudRecording" },
      signedHeaders: ["content-type", "host", "x-tc-action"],
      payload,
    });
    expect(verifyTc3({ ...base, headers: headersWith(auth) })).toMatchObject({ ok: false, code: "AuthFailure.SignatureFailure" });
    expect(verifyTc3({ ...base, headers: { ...headersWith(auth), "x-tc-action": "DescribeCloudRecording" } })).toMatchObject({ ok: true });
  });
});

describe("credential-scope service against the Host (the Node SDK signs endpoint.split('.')[0], reference §6.3)", () => {
  const keys: Record<string, string> = { AKIDtest: "mykey" };
  const payload = Buffer.from("{}");
  /** A request signed correctly for `service`, sent with `host`; only the scope's service can be wrong. */
  const verify = (host: string, service: string, expectedService: string) => {
    const headers = { "Content-Type": "application/json", Host: host, "X-TC-Timestamp": "1700000000" };
    const authorization = signTc3({ secretId: "AKIDtest", secretKey: "mykey", service, timestampSeconds: 1700000000, headers, payload });
    return verifyTc3({ method: "POST", payload, headers: { ...headers, Authorization: authorization }, secretKeyOf: (id) => keys[id], nowMs: 1700000000 * 1000, expectedService, knownServices: ["vod", "trtc"] });
  };

  test.each([
    ["vod.tencentcloudapi.com:4780", "vod", "vod"],
    ["vod.tencentcloudapi.com", "vod", "vod"],
    ["vod.intl.tencentcloudapi.com", "vod", "vod"],
    ["trtc.ap-singapore.tencentcloudapi.com:80", "trtc", "trtc"],
    ["127.0.0.1:4780", "127", "vod"],
    ["127.0.0.1:4780", "vod", "vod"],
    ["localhost:4780", "localhost:4780", "trtc"],
    ["localhost", "trtc", "trtc"],
  ])("Host %s, scope service %s, routed to %s: accepted", (host, service, expected) => {
    expect(verify(host, service, expected)).toEqual({ ok: true, secretId: "AKIDtest", service });
  });

  test.each([
    ["vod.tencentcloudapi.com:4780", "trtc", "vod", "The credential scope service `trtc` does not match the service `vod` named by the Host."],
    ["vod.tencentcloudapi.com:4780", "127", "vod", "The credential scope service `127` does not match the service `vod` named by the Host."],
    ["vod.tencentcloudapi.com", "cvm", "vod", "The credential scope service `cvm` does not match the service `vod` named by the Host."],
    ["trtc.tencentcloudapi.com", "vod", "trtc", "The credential scope service `vod` does not match the service `trtc` named by the Host."],
    ["trtc.tencentcloudapi.com", "trtc", "vod", "The Host names `trtc`, not the requested service `vod`."],
    ["127.0.0.1:4780", "trtc", "vod", "The credential scope service `trtc` is neither the requested service `vod` nor the first label of the Host."],
    ["127.0.0.1:4780", "cvm", "vod", "The credential scope service `cvm` is neither the requested service `vod` nor the first label of the Host."],
    ["localhost:4780", "localhost", "vod", "The credential scope service `localhost` is neither the requested service `vod` nor the first label of the Host."],
  ])("Host %s, scope service %s, routed to %s: AuthFailure.SignatureFailure", (host, service, expected, message) => {
    expect(verify(host, service, expected)).toEqual({ ok: false, code: "AuthFailure.SignatureFailure", message });
  });
});

describe("helpers", () => {
  test("hostWithoutPort", () => {
    expect(hostWithoutPort("vod.tencentcloudapi.com:4780")).toBe("vod.tencentcloudapi.com");
    expect(hostWithoutPort("127.0.0.1")).toBe("127.0.0.1");
    expect(hostWithoutPort("[::1]:80")).toBe("[::1]");
  });

  test("parseAuthorization reads every part", () => {
    expect(parseAuthorization(`TC3-HMAC-SHA256 Credential=AK/2024-01-02/vod/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${"a".repeat(64)}`)).toEqual({
      secretId: "AK",
      date: "2024-01-02",
      service: "vod",
      signedHeaders: ["content-type", "host", "x-tc-action"],
      signature: "a".repeat(64),
    });
  });
});
