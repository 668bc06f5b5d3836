import { IConstruct } from "constructs";
import { IAspect } from "../lib/cdktf";
import { Acknowledgements, registerCheckedConstruct } from "./acknowledgements";
import { reportFinding } from "./aspect";
import { CallbackNotHttps, DeclaredCallbackUrl, insecureCallbackViolations } from "./lr005-callback-https";
import { callbackTarget, findingOf } from "./rule";

/** Callback constructs whose URLs another construct reports (a LiveRecording its Callbacks, RecordingCallbacks its VodEvents). */
const COVERED = new WeakSet<IConstruct>();

/** Marks a callback construct as reported by the construct that created it, so its URLs are checked once. */
export function coverCallbacks(construct: IConstruct): void {
  COVERED.add(construct);
}

/**
 * Rule LR005 (callbacks over HTTPS) for a VodEventCallback or RecordingCallbacks used without a LiveRecording: the same
 * finding, reported on that construct at synth, acknowledgeable the same way. The callbacks a LiveRecording (or a
 * RecordingCallbacks) creates for itself are reported by it, once; any other one is checked on its own, wherever it is.
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
    for (const v of insecureCallbackViolations(this.urls())) reportFinding(node, findingOf(CallbackNotHttps, v, acks, node.node.path));
    Acknowledgements.of(node).checkAppliesTo();
  }

  /** Not created by a construct that reports its URLs. */
  private isStandalone(): boolean {
    return !COVERED.has(this.owner);
  }
}
