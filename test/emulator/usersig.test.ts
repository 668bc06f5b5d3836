import { deflateSync } from "zlib";
import { decodeUserSig, genUserSig, verifyUserSig } from "../../emulator/usersig";

// The maintained package (generation only, untyped). Its package.json has two "main" keys; jest's resolver takes
// the first (a file that does not exist), so the file is named explicitly.
const { Api } = require("tls-sig-api-v2/TLSSigAPIv2") as { Api: new (sdkAppId: number, key: string) => { genUserSig(userId: string, expire: number): string } };

const APP = 1400000001;
const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const now = () => Math.floor(Date.now() / 1000);

describe("UserSig v2", () => {
  test("a sig from tls-sig-api-v2 verifies", () => {
    const sig = new Api(APP, KEY).genUserSig("administrator", 86400);
    const r = verifyUserSig({ userSig: sig, sdkAppId: APP, sdkSecretKey: KEY, identifier: "administrator", nowSeconds: now() });
    expect(r).toMatchObject({ ok: true });
  });

  test("genUserSig gives byte-for-byte the package's UserSig for the same time", () => {
    const t = 1700000000;
    const spy = jest.spyOn(Date, "now").mockReturnValue(t * 1000);
    try {
      const theirs = new Api(APP, KEY).genUserSig("u1", 600);
      expect(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, identifier: "u1", expireSeconds: 600, timeSeconds: t })).toBe(theirs);
    } finally {
      spy.mockRestore();
    }
  });

  test.each([
    ["expired", 70001, genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, identifier: "administrator", expireSeconds: 60, timeSeconds: now() - 120 }), "administrator", APP],
    ["forged (other key)", 70009, genUserSig({ sdkAppId: APP, sdkSecretKey: "other", identifier: "administrator" }), "administrator", APP],
    ["other app", 70014, genUserSig({ sdkAppId: 1400000002, sdkSecretKey: KEY, identifier: "administrator" }), "administrator", APP],
    ["other identifier", 70013, genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, identifier: "alice" }), "administrator", APP],
    ["garbage", 70003, "not-a-usersig", "administrator", APP],
  ])("%s → %d", (_name, code, sig, identifier, app) => {
    const r = verifyUserSig({ userSig: sig, sdkAppId: app, sdkSecretKey: KEY, identifier, nowSeconds: now() });
    expect(r).toMatchObject({ ok: false, errorCode: code });
  });

  test("a tampered expiry is caught by the HMAC", () => {
    const d = decodeUserSig(genUserSig({ sdkAppId: APP, sdkSecretKey: KEY, identifier: "u", expireSeconds: 10, timeSeconds: now() - 100 }));
    expect(d).toBeDefined();
    // Re-encode the document with a longer expiry but the old signature.
    const doc = { "TLS.ver": "2.0", "TLS.identifier": "u", "TLS.sdkappid": APP, "TLS.expire": 86400, "TLS.time": d?.time, "TLS.sig": d?.sig };
    const forged = deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
    expect(verifyUserSig({ userSig: forged, sdkAppId: APP, sdkSecretKey: KEY, identifier: "u", nowSeconds: now() })).toMatchObject({ ok: false, errorCode: 70009 });
  });
});
