import { parseTrtcCallback, signTrtcCallback, verifyTrtcCallback } from "../../lib/callbacks";

// Known answer (reference §4.1): key 123654, the documented body with real newlines and tabs.
const KEY = "123654";
const BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const SIGN = "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=";

describe("TRTC callback signature", () => {
  test("known answer", () => {
    expect(signTrtcCallback(KEY, BODY)).toBe(SIGN);
    expect(signTrtcCallback(KEY, Buffer.from(BODY, "utf8"))).toBe(SIGN);
  });

  test("verifies the raw body exactly as received", () => {
    expect(verifyTrtcCallback({ key: KEY, rawBody: BODY, signature: SIGN })).toEqual({ ok: true });
    expect(verifyTrtcCallback({ key: KEY, rawBody: Buffer.from(BODY), signature: ` ${SIGN} ` })).toEqual({ ok: true });
  });

  test("re-serialized JSON does not verify (sign the bytes, not the object)", () => {
    const reserialized = JSON.stringify(JSON.parse(BODY));
    expect(verifyTrtcCallback({ key: KEY, rawBody: reserialized, signature: SIGN })).toEqual({ ok: false, reason: "signature mismatch" });
  });

  test.each([
    ["wrong key", { key: "123655", rawBody: BODY, signature: SIGN }, "signature mismatch"],
    ["one byte changed", { key: KEY, rawBody: BODY.replace("8489", "8488"), signature: SIGN }, "signature mismatch"],
    ["missing signature", { key: KEY, rawBody: BODY, signature: undefined }, "missing Sign header"],
    ["empty signature", { key: KEY, rawBody: BODY, signature: "" }, "missing Sign header"],
    ["no key", { key: "", rawBody: BODY, signature: SIGN }, "no callback key configured"],
    ["truncated signature", { key: KEY, rawBody: BODY, signature: SIGN.slice(0, 10) }, "signature mismatch"],
  ])("%s is rejected", (_n, input, reason) => {
    expect(verifyTrtcCallback(input)).toEqual({ ok: false, reason });
  });

  test("never throws, never echoes the key", () => {
    const r = verifyTrtcCallback({ key: KEY, rawBody: null as unknown as string, signature: 42 as unknown as string });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(KEY);
  });
});

describe("parseTrtcCallback", () => {
  test("media event", () => {
    const r = parseTrtcCallback(BODY);
    expect(r).toMatchObject({ ok: true, event: { EventGroupId: 2, EventType: 204, EventInfo: { RoomId: 8489, UserId: "user_85034614" } } });
  });

  test("recording events narrow by EventType", () => {
    const r = parseTrtcCallback(
      JSON.stringify({ EventGroupId: 3, EventType: 302, CallbackTs: 1, EventInfo: { RoomId: "r", EventTs: 1, EventMsTs: 1, UserId: "bot", TaskId: "t", Payload: { LeaveCode: 99 } } }),
    );
    if (!r.ok) throw new Error(r.reason);
    if (r.event.EventGroupId === 3 && r.event.EventType === 302) expect(r.event.EventInfo.Payload.LeaveCode).toBe(99);
    else throw new Error("expected 302");
  });

  test.each([
    ["not JSON", "{"],
    ["array", "[]"],
    ["unknown group", JSON.stringify({ EventGroupId: 9, EventType: 901, CallbackTs: 1, EventInfo: {} })],
    ["group/type mismatch", JSON.stringify({ EventGroupId: 1, EventType: 301, CallbackTs: 1, EventInfo: {} })],
    ["no EventInfo", JSON.stringify({ EventGroupId: 1, EventType: 101, CallbackTs: 1 })],
  ])("%s is rejected", (_n, body) => {
    expect(parseTrtcCallback(body).ok).toBe(false);
  });
});
