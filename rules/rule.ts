import type { IConstruct } from "constructs";
import type { AcknowledgementData, DesiredApp, Severity } from "../lib/desired-state";

export type { Severity };

/** One problem a rule found. */
export interface Violation {
  /** What is wrong, with the values involved. */
  readonly message: string;
  /**
   * What the finding is about, for rules whose findings are per room or per callback: `Room::<name>` or
   * `Callback::<vodEvents|trtcRecording|liveWebhook>`. An acknowledgement's `appliesTo` names these (as cdk-nag's
   * granular findings).
   */
  readonly target?: string;
}

/** The kinds of findings an acknowledgement can be narrowed to. */
export type FindingTargetKind = "Room" | "Callback";
/** The callbacks a finding can be about (the props of `RecordingCallbacks`). */
export const CALLBACK_TARGETS = ["vodEvents", "trtcRecording", "liveWebhook"] as const;
export type CallbackTarget = (typeof CALLBACK_TARGETS)[number];

export function roomTarget(name: string): string {
  return `Room::${name}`;
}
export function callbackTarget(kind: CallbackTarget): string {
  return `Callback::${kind}`;
}

/** What findings of a declared app can be about: its rooms and its declared callbacks. */
export function findingTargetsOf(app: DesiredApp): string[] {
  return [
    ...app.rooms.map((r) => roomTarget(r.name)),
    ...CALLBACK_TARGETS.filter((k) => app.callbacks[k] !== null && app.callbacks[k] !== undefined).map(callbackTarget),
  ];
}

/** Another LiveRecording of the same declared Tencent Cloud account (for limits the guide does not scope). */
export interface AccountPeer {
  /** Construct path of the peer's LiveRecording. */
  readonly path: string;
  readonly sdkAppId: number;
  readonly peakConcurrentRecordings: number | null;
}

/** What a rule may know beyond the app itself. */
export interface RuleContext {
  /** The other LiveRecordings of the app (cdktf App) that name the same `account`; empty when it names none. */
  readonly accountPeers: readonly AccountPeer[];
}

export const NO_RULE_CONTEXT: RuleContext = { accountPeers: [] };

/**
 * A check of one app's declared Live recording, in the manner of cdk-nag: a stable id, a severity, why it matters
 * (in the terms of Tencent's Live Recording guide) and how to fix it. Rules are pure functions of the desired
 * state, so the same rule runs at synth (as an Aspect), in the recording plan and in the post-deploy step.
 *
 * Rules are policy, and can be acknowledged with a reason. Hard limits of the service (a VOD application and a Save
 * Duration before Live recording can be enabled; TRTC's parameter ranges) are not rules: the constructors refuse them.
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
  /** The kind of `target` every violation of this rule carries, when its findings are per room or per callback. */
  readonly findingTarget?: FindingTargetKind;
  readonly evaluate: (app: DesiredApp, context: RuleContext) => readonly Violation[];
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

/**
 * The finding of violation `v` of `rule` on the construct at `path`, with the nearest acknowledgement that covers it
 * (`acknowledgements` nearest first): one of its rule, not narrowed to other targets.
 */
export function findingOf(rule: Rule, v: Violation, acknowledgements: readonly AcknowledgementData[], path: string): Finding {
  const ack = acknowledgements.find((a) => a.ruleId === rule.id && (a.appliesTo === undefined || (v.target !== undefined && a.appliesTo.includes(v.target))));
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    message: v.message,
    explanation: rule.explanation,
    fix: rule.fix,
    path,
    ...(ack ? { acknowledgedReason: ack.reason } : {}),
  };
}

/** What the checks need from a LiveRecording (an interface, so rules do not depend on constructs). */
export interface ICheckedLiveRecording extends IConstruct {
  /** The app's declared state, without findings. */
  toDesiredApp(): DesiredApp;
  /** Receives the findings of the checks, to write them into the desired state. */
  recordFindings(findings: readonly Finding[]): void;
}

/** Whether findings are reported on `node` as on a LiveRecording (it has what {@link ICheckedLiveRecording} needs). */
export function isCheckedLiveRecording(node: IConstruct): node is ICheckedLiveRecording {
  const n = node as Partial<ICheckedLiveRecording>;
  return typeof n.toDesiredApp === "function" && typeof n.recordFindings === "function";
}

/** The one-line text of a finding, as annotations, the CLI and the plan show it. */
export function formatFinding(f: Finding): string {
  const ack = f.acknowledgedReason !== undefined ? ` Acknowledged: ${f.acknowledgedReason}` : "";
  return `[${f.ruleId}:${f.ruleName}] ${f.message} Why: ${f.explanation} Fix: ${f.fix}${ack}`;
}
