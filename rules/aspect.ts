import { IConstruct } from "constructs";
import { Annotations, IAspect } from "../lib/cdktf";
import type { DesiredApp } from "../lib/desired-state";
import { Acknowledgements } from "./acknowledgements";
import { evaluateRules } from "./pack";
import { AccountPeer, Finding, ICheckedLiveRecording, RuleContext, formatFinding, isCheckedLiveRecording } from "./rule";

/**
 * Runs every Live recording rule on each LiveRecording during synth. Findings become annotations: errors fail
 * `cdktf synth` with the rule id and construct path, warnings are printed, acknowledged findings stay as info.
 */
export class LiveRecordingChecks implements IAspect {
  public visit(node: IConstruct): void {
    if (!isCheckedLiveRecording(node)) return;
    Acknowledgements.of(node).checkAppliesTo();
    const acks = Acknowledgements.of(node).toData();
    const app = node.toDesiredApp();
    const findings = evaluateRules(app, acks, node.node.path, contextOf(node, app));
    node.recordFindings(findings);
    for (const f of findings) reportFinding(node, f);
  }
}

/** The other LiveRecordings of the whole cdktf App that name the same account (all stacks, synthesized or not). */
function contextOf(node: ICheckedLiveRecording, app: DesiredApp): RuleContext {
  if (app.account === null) return { accountPeers: [] };
  const accountPeers: AccountPeer[] = [];
  for (const other of node.node.root.node.findAll()) {
    if (other === node || !isCheckedLiveRecording(other)) continue;
    const peer = other.toDesiredApp();
    if (peer.account !== app.account) continue;
    accountPeers.push({ path: other.node.path, sdkAppId: peer.sdkAppId, peakConcurrentRecordings: peer.expectedUsage?.peakConcurrentRecordings ?? null });
  }
  return { accountPeers };
}

/** Reports a finding as an annotation: errors fail synth, warnings are printed, acknowledged ones stay as info. */
export function reportFinding(node: IConstruct, f: Finding): void {
  const text = formatFinding(f);
  if (f.acknowledgedReason !== undefined || f.severity === "info") Annotations.of(node).addInfo(text);
  else if (f.severity === "error") Annotations.of(node).addError(text);
  else Annotations.of(node).addWarning(text);
}
