import type { AcknowledgementData, DesiredApp } from "../lib/desired-state";
import { DoubleRecording } from "./lr001-double-recording";
import { RecordingStorageMissing } from "./lr002-recording-storage";
import { ConcurrencyLimit } from "./lr003-concurrency-limit";
import { VoiceRoomNotRecorded } from "./lr004-voice-room";
import { CallbackNotHttps } from "./lr005-callback-https";
import { FileDurationLimit } from "./lr006-file-duration";
import { GlobalAutoRecordingUnknown } from "./lr007-global-auto-recording-unknown";
import { ExpectedRoomNotRecorded } from "./lr008-room-not-recorded";
import { Finding, Rule } from "./rule";

/** Every rule, in id order. */
export const LIVE_RECORDING_RULES: readonly Rule[] = [
  DoubleRecording,
  RecordingStorageMissing,
  ConcurrencyLimit,
  VoiceRoomNotRecorded,
  CallbackNotHttps,
  FileDurationLimit,
  GlobalAutoRecordingUnknown,
  ExpectedRoomNotRecorded,
];

export function findRule(id: string): Rule | undefined {
  return LIVE_RECORDING_RULES.find((r) => r.id === id);
}

/**
 * Runs every rule on one app. A rule that throws becomes its own error finding (`LR000`), as in cdk-nag, so a
 * bug in a rule can never pass silently.
 */
export function evaluateRules(app: DesiredApp, acknowledgements: readonly AcknowledgementData[], path: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of LIVE_RECORDING_RULES) {
    let violations;
    try {
      violations = rule.evaluate(app);
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
    const ack = acknowledgements.find((a) => a.ruleId === rule.id);
    for (const v of violations) {
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        severity: rule.severity,
        message: v.message,
        explanation: rule.explanation,
        fix: rule.fix,
        path,
        ...(ack ? { acknowledgedReason: ack.reason } : {}),
      });
    }
  }
  return findings;
}
