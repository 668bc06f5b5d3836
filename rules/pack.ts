import type { AcknowledgementData, DesiredApp } from "../lib/desired-state";
import { DoubleRecording } from "./lr001-double-recording";
import { ConcurrencyLimit } from "./lr003-concurrency-limit";
import { VoiceRoomNotRecorded } from "./lr004-voice-room";
import { CallbackNotHttps } from "./lr005-callback-https";
import { GlobalAutoRecordingUnknown } from "./lr007-global-auto-recording-unknown";
import { ExpectedRoomNotRecorded } from "./lr008-room-not-recorded";
import { Finding, NO_RULE_CONTEXT, Rule, RuleContext, findingOf } from "./rule";

/** Every rule, in id order. */
export const LIVE_RECORDING_RULES: readonly Rule[] = [
  DoubleRecording,
  ConcurrencyLimit,
  VoiceRoomNotRecorded,
  CallbackNotHttps,
  GlobalAutoRecordingUnknown,
  ExpectedRoomNotRecorded,
];

/**
 * Retired rule ids: reserved, never reused. Both were hard limits of the service, which the constructors now refuse
 * (a rule can be acknowledged; a limit cannot).
 */
export const RETIRED_RULES: Readonly<Record<string, string>> = {
  LR002: "retired: a VOD application and a retention are required by the LiveRecording constructor whenever Live recording is wanted",
  LR006: "retired: Live's file length is fixed by Tencent (1440 minutes); ManualRecording refuses a MaxMediaFileDuration outside 1 to 1440",
};

/**
 * Runs every rule on one app. A rule that throws becomes its own error finding (`LR000`), as in cdk-nag, so a
 * bug in a rule can never pass silently.
 */
export function evaluateRules(app: DesiredApp, acknowledgements: readonly AcknowledgementData[], path: string, context: RuleContext = NO_RULE_CONTEXT): Finding[] {
  const findings: Finding[] = [];
  for (const rule of LIVE_RECORDING_RULES) {
    let violations;
    try {
      violations = rule.evaluate(app, context);
    } catch (err) {
      findings.push({
        ruleId: "LR000",
        ruleName: "RuleFailure",
        severity: "error",
        message: `Rule ${rule.id} failed: ${(err as Error).message}`,
        explanation: "A check that cannot run cannot vouch for the configuration.",
        fix: "Report this as a bug of the package.",
        path,
      });
      continue;
    }
    for (const v of violations) findings.push(findingOf(rule, v, acknowledgements, path));
  }
  return findings;
}
