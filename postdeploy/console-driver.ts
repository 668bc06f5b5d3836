/**
 * The console-only settings (no public API: Global Auto-Recording, Live Room Recording, TRTC callbacks) are read and
 * written through this one small interface. Drivers:
 * - `guided` (default, real accounts): prints the exact console change and relies on an operator's attestation;
 * - `emulator`: the local emulator's admin interface, so the whole flow runs offline;
 * - a real driver is a small, separate addition the day Tencent publishes an API.
 */
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";

/** What a driver knows of one SDKAppID's console settings. */
export interface ConsoleReading {
  /** The settings, or null when the driver cannot read them (guided driver without an attestation). */
  readonly state: ConsoleState | null;
  /** How the reading was obtained, e.g. "emulator admin API" or "attested by alice on 2026-11-20". */
  readonly source: string;
  /** For attested readings: the desired-state hash the attestation is bound to. */
  readonly attestedHash?: string;
  /** For attested readings: when the operator attested (ISO 8601). */
  readonly attestedAt?: string;
}

export type ConsoleApplyOutcome =
  | { readonly status: "applied" }
  /** The driver cannot write: a person must make these exact changes in the console, then attest. */
  | { readonly status: "manual"; readonly instructions: readonly string[] };

export interface ConsoleDriver {
  readonly kind: string;
  read(sdkAppId: number): Promise<ConsoleReading>;
  apply(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleApplyOutcome>;
}
