import { LIVE_CALLBACK_COMMANDS, liveWebhookSign, parseLiveWebhookQuery, verifyLiveWebhook } from "../../lib/callbacks";

// Known answer (reference §4.3): Token xxxxyyyy, RequestTime 1669872112.
const TOKEN = "xxxxyyyy";
const TIME = 1669872112;
const SIGN = "17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061";
const at = (seconds: number) => seconds * 1000;

describe("Live webhook signature", () => {
  test("known answer", () => {
    expect(liveWebhookSign(TOKEN, TIME)).toBe(SIGN);
    expect(liveWebhookSign(TOKEN, String(TIME))).toBe(SIGN);
  });

  test("accepts within 60 seconds either way, rejects beyond", () => {
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: String(TIME), now: at(TIME) })).toEqual({ ok: true });
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: TIME, now: at(TIME + 60) })).toEqual({ ok: true });
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: TIME, now: at(TIME - 60) })).toEqual({ ok: true });
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: TIME, now: at(TIME + 61) })).toMatchObject({ ok: false, reason: expect.stringContaining("limit 60 s") });
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: TIME, now: new Date(at(TIME - 61)) }).ok).toBe(false);
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN, requestTime: TIME, now: at(TIME + 300), maxSkewSeconds: 300 })).toEqual({ ok: true });
  });

  test("upper-case hex is accepted", () => {
    expect(verifyLiveWebhook({ token: TOKEN, sign: SIGN.toUpperCase(), requestTime: TIME, now: at(TIME) })).toEqual({ ok: true });
  });

  test.each([
    ["wrong token", { token: "xxxxyyyz" }, "signature mismatch"],
    ["RequestTime changed", { requestTime: TIME + 1 }, "signature mismatch"],
    ["missing Sign", { sign: undefined }, "missing Sign parameter"],
    ["missing RequestTime", { requestTime: null }, "missing RequestTime parameter"],
    ["RequestTime not a number", { requestTime: "soon" }, "RequestTime is not a Unix time in seconds"],
    ["RequestTime in milliseconds", { requestTime: TIME * 1000 }, "RequestTime is not a Unix time in seconds"],
    ["no token configured", { token: "" }, "no callback token configured"],
  ])("%s", (_n, over, reason) => {
    const base = { token: TOKEN, sign: SIGN, requestTime: TIME as string | number | null | undefined, now: at(TIME) };
    const r = verifyLiveWebhook({ ...base, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  test("SdkAppid check", () => {
    const base = { token: TOKEN, sign: SIGN, requestTime: TIME, now: at(TIME), expectedSdkAppId: 1400000001 };
    expect(verifyLiveWebhook({ ...base, sdkAppIdParam: "1400000001" })).toEqual({ ok: true });
    expect(verifyLiveWebhook({ ...base, sdkAppIdParam: "1400000002" })).toEqual({ ok: false, reason: "SdkAppid does not match" });
    expect(verifyLiveWebhook({ ...base })).toEqual({ ok: false, reason: "missing SdkAppid parameter" });
  });
});

describe("helpers", () => {
  test("parseLiveWebhookQuery reads the appended parameters", () => {
    const q = parseLiveWebhookQuery(`/hook?SdkAppid=1400000001&CallbackCommand=Live.CallbackAfterCreateRoom&contenttype=json&ClientIP=1.2.3.4&OptPlatform=RESTAPI&Sign=${SIGN}&RequestTime=${TIME}`);
    expect(q).toEqual({
      SdkAppid: "1400000001",
      CallbackCommand: "Live.CallbackAfterCreateRoom",
      contenttype: "json",
      ClientIP: "1.2.3.4",
      OptPlatform: "RESTAPI",
      Sign: SIGN,
      RequestTime: String(TIME),
    });
  });

  test("the command list includes the recording webhook spelled as documented", () => {
    expect(LIVE_CALLBACK_COMMANDS).toContain("Follow.CallbackAfterCloudRecordingChanged");
    expect(LIVE_CALLBACK_COMMANDS).toContain("Live.CallbackAfterDestroyRoom");
  });
});
