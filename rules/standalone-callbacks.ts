import { IConstruct } from "constructs";
import { Aspects, IAspect } from "../lib/cdktf";
import { Acknowledgements, registerCheckedConstruct } from "./acknowledgements";
import { reportFinding } from "./aspect";
import { CallbackNotHttps, DeclaredCallbackUrl, insecureCallbackViolations } from "./lr005-callback-https";
import { Finding, callbackTarget } from "./rule";

/**
 * Rule LR005 (callbacks over HTTPS) for a VodEventCallback or RecordingCallbacks used without a LiveRecording: the same
 * finding, reported on that construct at synth, acknowledgeable the same way. Inside a LiveRecording (or inside
 * another callback construct checked on its own) it does nothing: that one reports the URLs once.
 */
export class StandaloneCallbackChecks implements IAspect {
  constructor(
    private readonly owner: IConstruct,
    private readonly urls: () => readonly DeclaredCallbackUrl[],
  ) {
    registerCheckedConstruct(owner, () => (this.isStandalone() ? this.urls().map((u) => callbackTarget(u.kind)) : []));
  }

  public visit(node: IConstruct): void {
    if (node !== this.owner || !this.isStandalone()) return;
    const acks = Acknowledgements.of(node).toData();
    for (const v of insecureCallbackViolations(this.urls())) {
      const ack = acks.find((a) => a.ruleId === CallbackNotHttps.id && (a.appliesTo === undefined || (v.target !== undefined && a.appliesTo.includes(v.target))));
      const finding: Finding = {
        ruleId: CallbackNotHttps.id,
        ruleName: CallbackNotHttps.name,
        severity: CallbackNotHttps.severity,
        message: v.message,
        explanation: CallbackNotHttps.explanation,
        fix: CallbackNotHttps.fix,
        path: node.node.path,
        ...(ack !== undefined ? { acknowledgedReason: ack.reason } : {}),
      };
      reportFinding(node, finding);
    }
    Acknowledgements.of(node).checkAppliesTo();
  }

  /** No ancestor reports these URLs: neither a LiveRecording nor another callback construct checked on its own. */
  private isStandalone(): boolean {
    return !this.owner.node.scopes.slice(0, -1).some((a) => {
      const n = a as { toDesiredApp?: unknown; recordFindings?: unknown };
      return (typeof n.toDesiredApp === "function" && typeof n.recordFindings === "function") || Aspects.of(a).all.some((x) => x instanceof StandaloneCallbackChecks);
    });
  }
}
