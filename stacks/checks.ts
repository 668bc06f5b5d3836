/** Checks shared by the stack helpers (internal: not exported by stacks/index.ts); the keys of each props type live beside it. */
import { RETIRED_LIVE_RECORDING_PROP_KEYS } from "../constructs/live-recording";
import { fail } from "../lib/validation";
import { StateBackend } from "./state-backend";

/** Keys an outer level lets through, for the LiveRecording to say why they are refused. */
export const PASSED_THROUGH_KEYS: readonly string[] = RETIRED_LIVE_RECORDING_PROP_KEYS;

/** A StateBackend made by `StateBackend.local()` or `StateBackend.cos(...)`; absent is fine. */
export function checkOptionalBackend(property: string, value: unknown): void {
  if (value === undefined) return;
  const allowed = "a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region }))";
  if (value instanceof StateBackend) {
    // An instance of the abstract class itself (`new StateBackend()` from JavaScript) has no bind(): refused, not a TypeError.
    const b = value as { bind?: unknown; describe?: unknown };
    if (typeof b.bind === "function" && typeof b.describe === "function") return;
    fail(property, allowed, value, "not made by StateBackend.local() or StateBackend.cos(...): it has no bind() or describe()");
  }
  fail(property, allowed, value, typeof value === "function" ? `call it: StateBackend.${value.name || "local"}(...)` : undefined);
}
