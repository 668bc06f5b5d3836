import { vodCallbackSign, verifyVodCallback } from "../../lib/callbacks";

// Regression vector computed with MD5("vodSignKey7" + "1700000600"); the reference gives the formula but no vector.
const KEY = "vodSignKey7";
const T = 1700000600;
const SIGN = "b6d2722da2e3b857ddf764b54fb4470b";

describe("VOD callback signature", () => {
  test("Sign = hex(MD5(SignKey + T))", () => {
    expect(vodCallbackSign(KEY, T)).toBe(SIGN);
    expect(vodCallbackSign(KEY, String(T))).toBe(SIGN);
  });

  test("valid until T, inclusive", () => {
    expect(verifyVodCallback({ signKey: KEY, sign: SIGN, t: T, now: (T - 600) * 1000 })).toEqual({ ok: true });
    expect(verifyVodCallback({ signKey: KEY, sign: SIGN, t: String(T), now: T * 1000 })).toEqual({ ok: true });
    expect(verifyVodCallback({ signKey: KEY, sign: SIGN, t: T, now: (T + 1) * 1000 })).toEqual({ ok: false, reason: "signature expired (T has passed)" });
  });

  test.each([
    ["wrong key", { signKey: "vodSignKey8" }, "signature mismatch"],
    ["T changed (replay with a new expiry)", { t: T + 3600 }, "signature mismatch"],
    ["missing Sign", { sign: undefined }, "missing Sign"],
    ["missing T", { t: undefined }, "missing T"],
    ["T not a number", { t: "tomorrow" }, "T is not a Unix time in seconds"],
    ["no SignKey", { signKey: "" }, "no SignKey configured"],
  ])("%s", (_n, over, reason) => {
    const r = verifyVodCallback({ signKey: KEY, sign: SIGN, t: T as number | string | undefined, now: (T - 10) * 1000, ...over });
    expect(r).toEqual({ ok: false, reason });
  });
});
