/**
 * The console-only settings (no public API: Global Auto-Recording, Live Room Recording, TRTC callbacks) are read and
 * written through this one small interface. Drivers:
 * - `guided` (default, real accounts): prints the exact console change and relies on an operator's attestation;
 * - `emulator`: the local emulator's admin interface, so the whole flow runs offline (emulator/console-driver.ts,
 *   injected as a {@link ConsoleDriverFactory}: the post-deploy step does not import the emulator);
 * - a real driver is a small, separate addition the day Tencent publishes an API.
 */
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
import type { Transport } from "./transport";

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

/** What `--console-driver <name>` is given to reach its console: the URL (`--emulator-url`, or `--endpoint`) and the request timeout. */
export interface ConsoleDriverTarget {
  readonly url: string;
  readonly timeoutMs: number;
}

/** A console driver set up for one run. */
export interface ConsoleDriverSession {
  /** How the report names it, e.g. "emulator (http://127.0.0.1:4780)". */
  readonly label: string;
  /** The driver for one app, whose calls go through that app's transport (retries, rate limits, call counts). */
  driverFor(transport: Transport): ConsoleDriver;
  /** Releases what the session holds (connections); called once the run is over. */
  close(): void;
}

/**
 * A console driver other than `guided`, injected by whoever wires it in (the command's entry point, `npm start`,
 * tests): the post-deploy step never imports one, so the package's production code does not depend on, say, the
 * emulator. `bin/trtc-live-recording.js` registers `emulator` (emulator/console-driver.ts).
 */
export type ConsoleDriverFactory = (target: ConsoleDriverTarget) => ConsoleDriverSession;
