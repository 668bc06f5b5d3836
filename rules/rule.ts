import type { DesiredApp } from "../lib/desired-state";

export type Severity = "error" | "warning" | "info";

/** One problem a rule found. */
export interface Violation {
  /** What is wrong, with the values involved. */
  readonly message: string;
}

/**
 * A check of one app's declared Live recording, in the manner of cdk-nag: a stable id, a severity, why it matters
 * (in the terms of Tencent's Live Recording guide) and how to fix it. Rules are pure functions of the desired
 * state, so the same rule runs at synth (as an Aspect), in the recording plan and in the post-deploy step.
 */
export interface Rule {
  /** Stable id, e.g. `LR001`. Acknowledgements refer to it. */
  readonly id: string;
  /** Short name, e.g. `DoubleRecording`. */
  readonly name: string;
  readonly severity: Severity;
  /** Why it matters. */
  readonly explanation: string;
  /** How to fix it. */
  readonly fix: string;
  readonly evaluate: (app: DesiredApp) => readonly Violation[];
}

/** A violation with its rule, where it was found, and its acknowledgement if any. */
export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: Severity;
  readonly message: string;
  readonly explanation: string;
  readonly fix: string;
  /** Construct path. */
  readonly path: string;
  /** The written reason, when the finding was acknowledged. */
  readonly acknowledgedReason?: string;
}

/** The one-line text of a finding, as annotations, the CLI and the plan show it. */
export function formatFinding(f: Finding): string {
  const ack = f.acknowledgedReason !== undefined ? ` Acknowledged: ${f.acknowledgedReason}` : "";
  return `[${f.ruleId}:${f.ruleName}] ${f.message} Why: ${f.explanation} Fix: ${f.fix}${ack}`;
}
