/**
 * What the parity check records per test file (test/support/synth-capture.ts writes it, scripts/parity/compare.ts
 * reads it). Plain data, no jest: the recorder runs inside jest, the comparison outside.
 */

/** The folder the recorder writes into; unset, the recorder does nothing. */
export const CAPTURE_VARIABLE = "TRTC_LR_SYNTH_CAPTURE";

/** One synthesis of one stack. */
export interface CapturedSynthesis {
  /** `<describe> <test>`, or `(hook)` for what beforeAll/afterAll synthesize. */
  readonly test: string;
  /** 1-based order of this synthesis within its test. */
  readonly seq: number;
  /** The stack's construct path. */
  readonly stack: string;
  /** What `toTerraform()` returned (what `cdk.tf.json` holds, `//` metadata included), as canonical JSON. */
  readonly terraform: string;
  /** The stack's `live-recording.json` as written (null when the stack has none), or the error rendering it gave. */
  readonly desiredState: string | null | { readonly error: string };
}

/** One test file's recordings on one engine. */
export interface CaptureFile {
  /** Relative to the repository, with forward slashes. */
  readonly testFile: string;
  /** The engine the seam loaded (lib/engine-choice.ts). */
  readonly engine: { readonly name: string; readonly version: string; readonly path: string; readonly reason: string };
  /** The provider bindings' module the tests' imports of `.gen/providers/tencentcloud/provider` resolved to. */
  readonly bindings: string;
  readonly syntheses: readonly CapturedSynthesis[];
  /** Files a test recorded as written to disk (the example app's output), byte for byte, by name. */
  readonly files: Readonly<Record<string, string>>;
}
