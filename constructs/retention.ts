import { RetentionSpec, formatRetention, retentionSeconds } from "../lib/desired-state";
import { RETENTION_DAYS } from "../lib/limits";
import { checkKnownKeys, checkObject, describeValue, fail, validateCall } from "../lib/validation";

export type { RetentionSpec };

/** Passed by the factories to the private constructor: plain JavaScript can still call `new Retention(...)`. */
const MADE_BY_FACTORY = Symbol("Retention factory");

const DAYS_ALLOWED = `a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max} (or Retention.forever())`;

function checkDays(property: string, days: unknown): void {
  if (typeof days !== "number" || !Number.isInteger(days) || days < RETENTION_DAYS.min || days > RETENTION_DAYS.max) fail(property, DAYS_ALLOWED, days);
}

/**
 * How long recordings are kept in VOD: the console's "Save Duration".
 *
 * Live recording cannot be enabled without one. TRTC sets it on every recorded file as `TencentVod.ExpireTime`
 * (seconds from upload, 0 = never expires); VOD deletes a file and everything derived from it when it expires.
 */
export class Retention {
  /** Keep recordings this many whole days (1 to 24,855) after they are uploaded. */
  public static days(days: number): Retention {
    validateCall("Retention.days", () => checkDays("days", days));
    return new Retention(days, MADE_BY_FACTORY);
  }

  /** Never delete recordings (storage is billed for as long as they exist). */
  public static forever(): Retention {
    return new Retention(undefined, MADE_BY_FACTORY);
  }

  /** Reads the desired-state form back: `{ days: n }` or `{ forever: true }`. */
  public static fromSpec(spec: RetentionSpec): Retention {
    return validateCall("Retention.fromSpec", () => {
      checkObject("spec", spec, "{ days: n } or { forever: true }");
      checkKnownKeys(spec, ["days", "forever"], "RetentionSpec", "spec.");
      const s = spec as { days?: unknown; forever?: unknown };
      if (s.forever !== undefined && s.days !== undefined) fail("spec", "{ days: n } or { forever: true }, not both", spec);
      if (s.forever !== undefined) {
        if (s.forever !== true) fail("spec.forever", "true (or use { days: n })", s.forever);
        return Retention.forever();
      }
      checkDays("spec.days", s.days);
      return new Retention(s.days as number, MADE_BY_FACTORY);
    });
  }

  private constructor(
    /** Days to keep, or undefined for forever. */
    public readonly retentionDays: number | undefined,
    made?: typeof MADE_BY_FACTORY,
  ) {
    // `new Retention()` from JavaScript would otherwise mean "forever", and `new Retention(-3)` skip the range check.
    if (made !== MADE_BY_FACTORY) {
      validateCall("new Retention", () => fail("Retention", "made by Retention.days(n) or Retention.forever() (its constructor is private)", `new Retention(${describeValue(retentionDays)})`));
    }
  }

  public get isForever(): boolean {
    return this.retentionDays === undefined;
  }

  /** `TencentVod.ExpireTime`: seconds after upload, 0 = never expires. */
  public get expireSeconds(): number {
    return retentionSeconds(this.toSpec());
  }

  /** The latest `ExpireTime` a file created at `createdAt` may carry, or undefined when kept forever. */
  public expiryFor(createdAt: Date): Date | undefined {
    return this.retentionDays === undefined ? undefined : new Date(createdAt.getTime() + this.expireSeconds * 1000);
  }

  public toSpec(): RetentionSpec {
    return this.retentionDays === undefined ? { forever: true } : { days: this.retentionDays };
  }

  public toString(): string {
    return formatRetention(this.toSpec());
  }
}
