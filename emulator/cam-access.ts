/**
 * Enforcement of CAM on emulated Cloud API calls: which action and resource a call asks for, and whether the caller's
 * attached policies allow it. Facts and sources: docs/cam.md §2 and §4.
 *
 * - The root account (every credential given to `startEmulator`) is always allowed ("a root account has full access
 *   to all resources it owns").
 * - A CAM user's call is evaluated against the statements of every policy attached to it (cam-policy.ts).
 * - Refused: `AuthFailure.UnauthorizedOperation`, with the message shape of real refusals, naming the action and the
 *   resource, so a client can say which permission is missing.
 */
import { randomUUID } from "crypto";
import { CloudApiError } from "./errors";
import { AccessRequest, PolicyStatement, evaluatePolicies, parsePolicyDocument } from "./cam-policy";
import type { CamStateData } from "./state";

/** UIN of the emulated root account (an emulator value, like the test SecretId). */
export const DEFAULT_OWNER_UIN = "100000000001";
/** APPID of the emulated root account; also the ID of the primary VOD application ("primary application ID = APPID"). */
export const DEFAULT_APP_ID = 1250000000;

/**
 * How CAM authorizes an action:
 * - `resource`: resource-level; `resourceOf` derives the six-segment description from the request body (undefined
 *   when the body cannot name one, e.g. a wrongly typed ID: the action's own validation then refuses the call);
 * - `operation`: operation-level, only `resource: *` grants it;
 * - `open`: no grant needed (an explicit deny still applies — our reading);
 * - `fullAccess`: only a sub-user with full permissions for the whole service (VOD's `QcloudVODFullAccess`).
 */
export type AccessScope =
  | { readonly kind: "resource"; readonly resourceOf: (body: Readonly<Record<string, unknown>>, ownerUin: string) => string | undefined }
  | { readonly kind: "operation" }
  | { readonly kind: "open" }
  | { readonly kind: "fullAccess" };

/** `qcs::vod::uin/<uin>:subAppId/<id>`; no SubAppId = the primary application, whose ID is the APPID. */
export function vodResource(ownerUin: string, subAppId: number): string {
  return `qcs::vod::uin/${ownerUin}:subAppId/${subAppId}`;
}

/** `qcs::trtc::uin/<uin>:sdkappid/<SdkAppId>`. */
export function trtcResource(ownerUin: string, sdkAppId: number): string {
  return `qcs::trtc::uin/${ownerUin}:sdkappid/${sdkAppId}`;
}

const bySubAppId: AccessScope = {
  kind: "resource",
  resourceOf: (body, owner) => {
    const id = body.SubAppId;
    if (id === undefined || id === null) return vodResource(owner, DEFAULT_APP_ID);
    return typeof id === "number" && Number.isInteger(id) ? vodResource(owner, id) : undefined;
  },
};

const OPERATION: AccessScope = { kind: "operation" };

/**
 * Every emulated VOD and TRTC action. VOD: resource-level except the two documented exceptions; CreateSubAppId names
 * no application (not documented: operation-level here). TRTC: the recording and usage APIs are in neither of TRTC's
 * own lists; CAM's per-API page calls Create/DeleteCloudRecording resource-level but with an unresolved resource
 * format, and the reads are not confirmed (docs/cam.md §2), so all are operation-level here (our reading: only `*` is
 * sure to grant them in Tencent; stricter than Tencent for the two writes).
 */
export const ACCESS_SCOPES: Readonly<Record<string, AccessScope>> = {
  "vod:DescribeSubAppIds": { kind: "open" },
  "vod:ModifySubAppIdStatus": { kind: "fullAccess" },
  "vod:CreateSubAppId": OPERATION,
  "vod:ModifySubAppIdInfo": bySubAppId,
  "vod:DescribeEventConfig": bySubAppId,
  "vod:ModifyEventConfig": bySubAppId,
  "vod:SearchMedia": bySubAppId,
  "vod:DescribeMediaInfos": bySubAppId,
  "vod:ModifyMediaInfo": bySubAppId,
  "trtc:CreateCloudRecording": OPERATION,
  "trtc:DescribeCloudRecording": OPERATION,
  "trtc:DeleteCloudRecording": OPERATION,
  "trtc:DescribeRecordingUsage": OPERATION,
};

/** The scope of an action; CAM's own actions (and anything unlisted) are operation-level here (our reading). */
export function accessScopeOf(service: string, action: string): AccessScope {
  return ACCESS_SCOPES[`${service}:${action}`] ?? OPERATION;
}

/** The statements of every policy attached to a user. */
export function statementsOfUser(cam: CamStateData, uin: number): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const a of cam.attachments) {
    if (a.kind !== "user" || a.principal !== String(uin)) continue;
    const policy = cam.policies[String(a.PolicyId)];
    if (!policy) continue;
    const parsed = parsePolicyDocument(policy.PolicyDocument);
    if (parsed.ok) out.push(...parsed.statements);
  }
  return out;
}

/** The refusal Tencent answers with, in the shape quoted from real responses (docs/cam.md §4). */
export function unauthorizedOperation(action: string, resource: string | undefined, requestId: string = randomUUID()): CloudApiError {
  return new CloudApiError(
    "AuthFailure.UnauthorizedOperation",
    "You are not authorized to perform this operation. Check your CAM policies, and ensure that you are using the correct access keys. " +
      `[[request id:${requestId}]you are not authorized to perform operation (${action})\nresource (${resource ?? "*"}) has no permission\n]`,
  );
}

/** Whether a statement grants every action of a service on every resource (`vod:*`, `name/vod:*` or `*`, resource `*`). */
function grantsWholeService(s: PolicyStatement, service: string): boolean {
  return (
    s.effect === "allow" &&
    !s.hasCondition &&
    s.resources.includes("*") &&
    s.actions.some((a) => a === "*" || a === `${service}:*` || a === `name/${service}:*`)
  );
}

/** Decides a CAM user's call. Returns the refusal, or undefined when allowed. */
export function authorizeUserCall(
  cam: CamStateData,
  uin: number,
  service: string,
  action: string,
  body: Readonly<Record<string, unknown>>,
  requestId: string,
  ownerUin: string = DEFAULT_OWNER_UIN,
): CloudApiError | undefined {
  const scope = accessScopeOf(service, action);
  const statements = statementsOfUser(cam, uin);
  const camAction = `${service}:${action}`;
  let resource: string | undefined;
  if (scope.kind === "resource") {
    resource = scope.resourceOf(body, ownerUin);
    // No derivable resource: the action's own validation refuses the malformed request.
    if (resource === undefined) return undefined;
  }
  const req: AccessRequest = { action: camAction, resource, ownerUin };
  const decision = evaluatePolicies(statements, req);
  if (decision.effect === "deny") return unauthorizedOperation(camAction, resource, requestId);
  switch (scope.kind) {
    case "open":
      return undefined;
    case "fullAccess":
      // "Available to only subusers with full VOD permissions (QcloudVODFullAccess)": our reading is an unconditional
      // allow of every action of the service on every resource.
      return statements.some((s) => grantsWholeService(s, service)) ? undefined : unauthorizedOperation(camAction, resource, requestId);
    default:
      return decision.effect === "allow" ? undefined : unauthorizedOperation(camAction, resource, requestId);
  }
}
