/**
 * Exit codes of `post-deploy` (documented in the README, `--help` and postdeploy/README.md; CI and schedules rely on them).
 * - 0 in sync: nothing to do (plan/check) or everything applied (apply). Items that cannot be read back (`unverified`)
 *   are listed and do not change the code.
 * - 1 error: something failed; the report lists what was and was not applied.
 * - 2 changes pending (plan/check), or applied with warnings (apply): manual console steps left, drift that its owner
 *   (Terraform, the console) must fix, a suspected conflict.
 * - 3 conflict: Global Auto-Recording double recording confirmed while Live recording is wanted, not acknowledged.
 * - 4 refused: Global Auto-Recording is declared off, but evidence shows it recording rooms that Live recording does
 *   not record, and the declaration does not accept stopping them: it was left on.
 * When several apply: 4, then 3, then 1, then 2.
 */
export const EXIT = { IN_SYNC: 0, ERROR: 1, CHANGES: 2, CONFLICT: 3, REFUSED: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
