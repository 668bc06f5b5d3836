import { RetentionSpec, formatRetention, retentionSeconds } from "../lib/desired-state";
import { RETENTION_DAYS } from "../lib/limits";
import { fail } from "../lib/validation";

export type { RetentionSpec };

/**
 * How long recordings are kept in VOD: the console's "Save Duration".
 *
 * Live recording cannot be enabled without one. TRTC sets it on every recorded file as `TencentVod.ExpireTime`
 * (seconds from upload, 0 = never expires); VOD deletes a file and everything derived from it when it expires.
 */
export class Retention {
  /** Keep recordings this many whole days (1 to 24,855) after they are uploaded. */
  public static days(days: number): Retention {
    if (typeof days !== "number" || !Number.isInteger(days) || days < RETENTION_DAYS.min || days > RETENTION_DAYS.max) {
      fail("retentionDays", `a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max} (or Retention.forever())`, days);
    }
    return new Retention(days);
  }

  /** Never delete recordings (storage is billed for as long as they exist). */
  public static forever(): Retention {
    return new Retention(undefined);
  }

  /** Reads the desired-state form back. */
  public static fromSpec(spec: RetentionSpec): Retention {
    return "forever" in spec ? Retention.forever() : Retention.days(spec.days);
  }

  private constructor(
    /** Days to keep, or undefined for forever. */
    public readonly retentionDays: number | undefined,
  ) {}

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
