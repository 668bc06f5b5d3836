import { Retention } from "../../constructs";

describe("Retention", () => {
  test("days: expireSeconds is days × 86400, and the expiry is that long after creation", () => {
    const r = Retention.days(30);
    expect(r.retentionDays).toBe(30);
    expect(r.expireSeconds).toBe(2592000);
    expect(r.isForever).toBe(false);
    expect(r.expiryFor(new Date("2026-01-01T00:00:00Z"))?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(r.toSpec()).toEqual({ days: 30 });
    expect(r.toString()).toBe("30 days");
    expect(Retention.days(1).toString()).toBe("1 day");
  });

  test("forever: ExpireTime 0, no expiry", () => {
    const r = Retention.forever();
    expect(r.expireSeconds).toBe(0);
    expect(r.isForever).toBe(true);
    expect(r.expiryFor(new Date())).toBeUndefined();
    expect(r.toSpec()).toEqual({ forever: true });
    expect(r.toString()).toBe("forever");
  });

  test("round trips through its desired-state form", () => {
    expect(Retention.fromSpec({ days: 7 }).expireSeconds).toBe(604800);
    expect(Retention.fromSpec({ forever: true }).isForever).toBe(true);
  });

  test("the largest day count fits a signed 32-bit ExpireTime", () => {
    expect(Retention.days(24855).expireSeconds).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  test.each([0, -1, 1.5, 24856, Number.NaN, Infinity])("Retention.days(%p) is rejected", (days) => {
    expect(() => Retention.days(days)).toThrow(
      `[Retention.days] \`days\` must be a whole number of days from 1 to 24855 (or Retention.forever()), got ${days}`,
    );
  });

  test("a non-number is rejected", () => {
    expect(() => Retention.days("30" as never)).toThrow('[Retention.days] `days` must be a whole number of days from 1 to 24855 (or Retention.forever()), got "30"');
  });
});
