/**
 * A call that CAM refused: `AuthFailure.UnauthorizedOperation` ("Request not authorized through CAM", the common
 * code) or VOD's per-action `UnauthorizedOperation`. Reported as one line naming the missing permission (the action
 * and the resource, as the refusal names them) and never retried: retrying cannot grant a permission.
 *
 * The refusal's message has the shape of real responses (docs/cam.md §4): `... you are not authorized to perform
 * operation (vod:SearchMedia)\nresource (qcs::vod::uin/1000:subAppId/1500000001) has no permission ...`.
 */

/** The codes of a refusal by CAM. */
export const CAM_REFUSAL_CODE = /^(AuthFailure\.UnauthorizedOperation|UnauthorizedOperation)(\.|$)/;

const NAMED = /you are not authorized to perform operation \(([^()\s]+)\)\s*resource \(([^()\s]*)\) has no permission/;
/** What a resource description may hold: anything else in the message is not taken (it may echo the request). */
const RESOURCE = /^(\*|qcs:[A-Za-z0-9_.\-:/*]*)$/;
const ACTION = /^[a-z0-9]+:[A-Za-z0-9_*]+$/;

export function isCamRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && CAM_REFUSAL_CODE.test(code);
}

export class PermissionDeniedError extends Error {
  /** Final: never retried. */
  public readonly retryable = false;
  /** `AuthFailure.UnauthorizedOperation` or `UnauthorizedOperation`. */
  public readonly code: string;
  /** The refused action, `<service>:<Action>`. */
  public readonly action: string;
  /** The refused resource as the refusal names it (`*` for an operation-level action), null when it names none. */
  public readonly resource: string | null;

  constructor(service: string, action: string, refusal: unknown) {
    const e = refusal as { code?: unknown; message?: unknown };
    const code = String(e.code);
    const named = typeof e.message === "string" ? NAMED.exec(e.message) : null;
    const refusedAction = named && ACTION.test(named[1]) ? named[1] : `${service}:${action}`;
    const resource = named && RESOURCE.test(named[2]) ? named[2] : null;
    super(
      `missing CAM permission: ${refusedAction} on ${resource ?? "the resource of the request (the refusal names none)"} (${code}, not retried): ` +
        "allow it for these credentials (the policies that accessPolicies declares do)",
    );
    this.name = "PermissionDeniedError";
    this.code = code;
    this.action = refusedAction;
    this.resource = resource;
  }
}
