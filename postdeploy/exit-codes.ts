/**
 * Exit codes of `post-deploy` (documented in the README; CI and schedules rely on them).
 * - 0 in sync: nothing to do (plan/check) or everything applied (apply).
 * - 1 error: something failed; the report lists what was and was not applied.
 * - 2 changes pending (plan/check), or applied with warnings (apply): manual console steps left, a suspected conflict.
 * - 3 conflict: Global Auto-Recording double recording confirmed while Full Room Recording is wanted, not acknowledged.
 */
export const EXIT = { IN_SYNC: 0, ERROR: 1, CHANGES: 2, CONFLICT: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
