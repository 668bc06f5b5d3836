import { IConstruct } from "constructs";
import type { AcknowledgementData } from "../lib/desired-state";
import { nearest } from "../lib/suggest";
import { ValidationError, checkBoolean, checkKnownKeys, checkObject, fail, validateAt, validateCall } from "../lib/validation";
import { LIVE_RECORDING_RULES, RETIRED_RULES } from "./pack";
import { CALLBACK_TARGETS, FindingTargetKind, findingTargetsOf, isCheckedLiveRecording } from "./rule";

/** Shortest accepted reason: a word like "ok" is not a reason. */
export const MIN_REASON_LENGTH = 10;
const METADATA_TYPE = "trtc-live-recording:acknowledgements";
const KEYS = ["id", "reason", "appliesTo", "applyToChildren"] as const;

export interface Acknowledgement {
  /** Rule id, e.g. `LR001`. */
  readonly id: string;
  /** Why the finding is accepted: who decided, and why it is safe. Required, at least 10 characters. */
  readonly reason: string;
  /**
   * Narrows the acknowledgement to some findings of the rule, as cdk-nag's `appliesTo`: for rules whose findings are
   * per room, `Room::<room name>` (LR004, LR008); per callback, `Callback::vodEvents`, `Callback::trtcRecording` or
   * `Callback::liveWebhook` (LR005). Each entry must name a room or a declared callback of a construct it applies to.
   * @default - every finding of the rule
   */
  readonly appliesTo?: readonly string[];
  /**
   * Whether it also covers the constructs under the one it is added to, as cdk-nag's `applyToChildren`. `false` narrows
   * it to that construct alone, which must then be one that findings are reported on (a LiveRecording, or a
   * VodEventCallback or RecordingCallbacks used without one).
   * @default true - the construct and everything under it (unlike cdk-nag, whose suppressions default to the resource
   * itself: here findings are reported on LiveRecordings, which usually sit under the stack the acknowledgement is
   * added to, and this was the behaviour before the option existed)
   */
  readonly applyToChildren?: boolean;
}

/** An acknowledgement in force for a construct, with the construct it was added to. */
export interface AppliedAcknowledgement extends Acknowledgement {
  readonly addedTo: IConstruct;
}

/** Constructs findings are reported on, besides LiveRecordings: what their findings can be about. */
const CHECKED = new WeakMap<IConstruct, () => readonly string[]>();

/**
 * Registers a construct that findings are reported on although it is not a LiveRecording (a callback construct used
 * alone), with what its findings can be about (`Callback::liveWebhook`, ...).
 */
export function registerCheckedConstruct(construct: IConstruct, targets: () => readonly string[]): void {
  CHECKED.set(construct, targets);
}

/** What findings on `node` can be about, when findings are reported on it; undefined otherwise. */
function findingTargetsOfConstruct(node: IConstruct): readonly string[] | undefined {
  if (isCheckedLiveRecording(node)) return findingTargetsOf(node.toDesiredApp());
  return CHECKED.get(node)?.();
}

/**
 * Accepts findings of a rule on a construct and everything under it, with a written reason (as cdk-nag's
 * suppressions). An acknowledged error no longer fails synth; it stays visible in the plan and the manifest. It can be
 * narrowed to the construct alone (`applyToChildren: false`) and to some findings (`appliesTo`).
 *
 * ```ts
 * Acknowledgements.of(recording).add({ id: "LR001", reason: "GAR stays on until the 2026-12 migration, approved by ..." });
 * Acknowledgements.of(stack).add({ id: "LR008", reason: "API rooms are recorded by our backend (ticket 42)", appliesTo: ["Room::api"] });
 * ```
 *
 * Bad input is a `ValidationError` naming the construct the acknowledgement is added to (or, on the app itself, the
 * call `Acknowledgements.of(app).add`).
 */
export class Acknowledgements {
  public static of(scope: IConstruct): Acknowledgements {
    const node = (scope as { node?: { path?: unknown } } | undefined)?.node;
    if (typeof node?.path !== "string") validateCall("Acknowledgements.of", () => fail("scope", "a construct (the LiveRecording, its stack or the app)", scope));
    return new Acknowledgements(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  public add(...acks: Acknowledgement[]): void {
    for (const ack of acks) {
      const stored = this.validate(() => this.check(ack));
      this.scope.node.addMetadata(METADATA_TYPE, stored);
    }
  }

  /**
   * Acknowledgements in force for this construct, nearest first: its own, and those of its ancestors that apply to
   * children. For a rule, the nearest one that covers a finding wins.
   */
  public all(): Acknowledgement[] {
    return this.applicable().map(({ addedTo: _addedTo, ...ack }) => ack);
  }

  /** As {@link all}, with the construct each was added to. */
  public applicable(): AppliedAcknowledgement[] {
    const found: AppliedAcknowledgement[] = [];
    for (const node of [...this.scope.node.scopes].reverse()) {
      for (const entry of node.node.metadata) {
        if (entry.type !== METADATA_TYPE) continue;
        const ack = entry.data as Acknowledgement;
        if (node !== this.scope && ack.applyToChildren === false) continue;
        // An acknowledgement of the whole rule hides farther ones of the whole rule; narrowed ones add up.
        if (ack.appliesTo === undefined && found.some((f) => f.id === ack.id && f.appliesTo === undefined)) continue;
        found.push({ ...ack, addedTo: node });
      }
    }
    return found;
  }

  /** The acknowledgements in force, as the desired state and the rules read them. */
  public toData(): AcknowledgementData[] {
    return this.all().map((a) => ({ ruleId: a.id, reason: a.reason, ...(a.appliesTo !== undefined ? { appliesTo: [...a.appliesTo] } : {}) }));
  }

  /**
   * Checks, at synth, that each `appliesTo` entry of the acknowledgements in force here that were added to an ancestor
   * names a room or callback of some construct it applies to (one added to the construct itself was checked when added).
   */
  public checkAppliesTo(): void {
    for (const ack of this.applicable()) {
      if (ack.appliesTo === undefined || ack.addedTo === this.scope) continue;
      const targets = new Set<string>();
      for (const node of ack.addedTo.node.findAll()) for (const t of findingTargetsOfConstruct(node) ?? []) targets.add(t);
      const where = new Acknowledgements(ack.addedTo);
      where.validate(() => ack.appliesTo!.forEach((t, i) => checkTargetDeclared(`appliesTo[${i}]`, t, [...targets], `the constructs under ${ack.addedTo.node.path || "the app"}`)));
    }
  }

  private validate<T>(fn: () => T): T {
    return this.scope.node.path === "" ? validateCall("Acknowledgements.of(app).add", fn) : validateAt(this.scope, fn);
  }

  private check(ack: Acknowledgement): Acknowledgement {
    checkObject("acknowledgement", ack, "an Acknowledgement { id, reason }");
    checkKnownKeys(ack, KEYS, "Acknowledgement");
    const known = LIVE_RECORDING_RULES.map((r) => r.id);
    const id: unknown = ack.id;
    if (typeof id === "string" && RETIRED_RULES[id] !== undefined) fail("id", `one of ${known.join(", ")}`, id, `${id} is ${RETIRED_RULES[id]}; remove this acknowledgement`);
    if (typeof id !== "string" || !known.includes(id)) {
      const near = typeof id === "string" ? nearest(id, known) : undefined;
      fail("id", `one of ${known.join(", ")}`, id, near !== undefined ? `did you mean "${near}"?` : undefined);
    }
    const reason: unknown = ack.reason;
    if (typeof reason !== "string" || reason.trim().length < MIN_REASON_LENGTH) {
      fail("reason", `a reason of at least ${MIN_REASON_LENGTH} characters saying who decided and why the ${id} finding is acceptable`, reason);
    }
    const targets = findingTargetsOfConstruct(this.scope);
    if (ack.applyToChildren !== undefined) {
      checkBoolean("applyToChildren", ack.applyToChildren);
      if (ack.applyToChildren === false && targets === undefined) {
        fail(
          "applyToChildren",
          `true (the default) on ${this.scope.node.path || "the app"}, which findings are never reported on (they are reported on each LiveRecording, and on callback constructs used without one); to narrow it to one LiveRecording, add it to that LiveRecording`,
          false,
        );
      }
    }
    const rule = LIVE_RECORDING_RULES.find((r) => r.id === id)!;
    if (ack.appliesTo !== undefined) {
      const kind = rule.findingTarget;
      const granular = LIVE_RECORDING_RULES.filter((r) => r.findingTarget !== undefined).map((r) => `${r.id} (${r.findingTarget}::...)`);
      if (kind === undefined) fail("appliesTo", `absent for ${id}, whose findings are not per room or callback (appliesTo narrows ${granular.join(", ")})`, ack.appliesTo);
      if (!Array.isArray(ack.appliesTo) || ack.appliesTo.length === 0) fail("appliesTo", `a non-empty list of ${kind}::<name> entries`, ack.appliesTo);
      ack.appliesTo.forEach((t, i) => {
        checkTargetFormat(`appliesTo[${i}]`, t, kind);
        if (targets !== undefined) checkTargetDeclared(`appliesTo[${i}]`, t, targets, this.scope.node.path);
      });
    }
    return {
      id,
      reason: (reason as string).trim(),
      ...(ack.appliesTo !== undefined ? { appliesTo: [...ack.appliesTo] } : {}),
      ...(ack.applyToChildren !== undefined ? { applyToChildren: ack.applyToChildren } : {}),
    };
  }
}

function checkTargetFormat(property: string, value: unknown, kind: FindingTargetKind): void {
  if (kind === "Callback") {
    const allowed = CALLBACK_TARGETS.map((k) => `Callback::${k}`);
    if (typeof value !== "string" || !allowed.includes(value)) {
      const near = typeof value === "string" ? nearest(value, allowed) : undefined;
      fail(property, `one of ${allowed.join(", ")}`, value, near !== undefined ? `did you mean "${near}"?` : undefined);
    }
    return;
  }
  if (typeof value !== "string" || !/^Room::.+$/.test(value)) fail(property, "Room::<room name>", value);
}

function checkTargetDeclared(property: string, value: string, targets: readonly string[], where: string): void {
  if (targets.includes(value)) return;
  const near = nearest(value, targets);
  const declared = targets.length > 0 ? targets.join(", ") : "none";
  throw new ValidationError(
    property,
    `\`${property}\` must name a room or declared callback of ${where} (${declared}), got ${JSON.stringify(value)}${near !== undefined ? ` (did you mean "${near}"?)` : ""}`,
  );
}
