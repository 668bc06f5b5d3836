import { IConstruct } from "constructs";
import { LIVE_RECORDING_RULES, RETIRED_RULES } from "./pack";

/** Shortest accepted reason: a word like "ok" is not a reason. */
export const MIN_REASON_LENGTH = 10;
const METADATA_TYPE = "trtc-live-recording:acknowledgements";

export interface Acknowledgement {
  /** Rule id, e.g. `LR001`. */
  readonly id: string;
  /** Why the finding is accepted: who decided, and why it is safe. Required, at least 10 characters. */
  readonly reason: string;
}

/**
 * Accepts findings of a rule on a construct and everything under it, with a written reason (as cdk-nag's
 * suppressions). An acknowledged error no longer fails synth; it stays visible in the plan and the manifest.
 *
 * ```ts
 * Acknowledgements.of(recording).add({ id: "LR001", reason: "GAR stays on until the 2026-12 migration, approved by ..." });
 * ```
 */
export class Acknowledgements {
  public static of(scope: IConstruct): Acknowledgements {
    return new Acknowledgements(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  public add(...acks: Acknowledgement[]): void {
    for (const ack of acks) {
      if (ack && typeof ack.id === "string" && RETIRED_RULES[ack.id] !== undefined) {
        throw new Error(`Acknowledgement \`id\` ${ack.id} is ${RETIRED_RULES[ack.id]}; remove this acknowledgement`);
      }
      if (!ack || typeof ack.id !== "string" || !LIVE_RECORDING_RULES.some((r) => r.id === ack.id)) {
        const known = LIVE_RECORDING_RULES.map((r) => r.id).join(", ");
        throw new Error(`Acknowledgement \`id\` must be one of ${known}, got ${JSON.stringify(ack?.id)}`);
      }
      if (typeof ack.reason !== "string" || ack.reason.trim().length < MIN_REASON_LENGTH) {
        throw new Error(
          `Acknowledgement of ${ack.id} needs a \`reason\` of at least ${MIN_REASON_LENGTH} characters saying why it is acceptable, got ${JSON.stringify(ack.reason)}`,
        );
      }
      this.scope.node.addMetadata(METADATA_TYPE, { id: ack.id, reason: ack.reason.trim() });
    }
  }

  /** Acknowledgements on this construct and its ancestors, nearest first (the nearest wins for a rule). */
  public all(): Acknowledgement[] {
    const found: Acknowledgement[] = [];
    for (const node of [...this.scope.node.scopes].reverse()) {
      for (const entry of node.node.metadata) {
        if (entry.type !== METADATA_TYPE) continue;
        const ack = entry.data as Acknowledgement;
        if (!found.some((f) => f.id === ack.id)) found.push(ack);
      }
    }
    return found;
  }
}
