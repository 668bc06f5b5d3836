/**
 * The CAM permissions the post-deploy step needs for one declaration, derived from the one action table
 * (lib/cloud-actions.ts), never kept by hand: the `PostDeployPolicies` construct writes them as policy documents, and
 * the recording plan lists them.
 *
 * - The **apply** policy allows exactly what `post-deploy apply` calls for the declared features; the **read-only**
 *   policy exactly what `plan` and `check` call (for the scheduled drift and double-recording job).
 * - A statement names the declared VOD sub-application where CAM supports resource-level permission for the action;
 *   otherwise it allows that action alone on `*`, for the reason the table gives.
 * - Actions documented as needing no grant (DescribeSubAppIds) are left out, with their reason.
 * - Outside CAM: the Live REST API (signed with a UserSig made from the SDKAppID's secret key) and the console-only
 *   settings (no API).
 */
import {
  CamAuthorization,
  PostDeployActionKey,
  PostDeployFeature,
  PostDeployMode,
  postDeployActions,
} from "./cloud-actions";

export const ACCESS_POLICY_KINDS = ["apply", "read-only"] as const;
/** `apply`: what `post-deploy apply` calls; `read-only`: what `plan` and `check` call. */
export type AccessPolicyKind = (typeof ACCESS_POLICY_KINDS)[number];

/** The post-deploy modes each policy covers. */
export const POLICY_MODES: Readonly<Record<AccessPolicyKind, readonly PostDeployMode[]>> = { apply: ["apply"], "read-only": ["plan", "check"] };

/** What of a declaration decides the post-deploy step's calls (the desired state's app has these fields). */
export interface PermissionInputs {
  readonly vodApplication: unknown | null;
  readonly globalAutoRecording: string;
  readonly callbacks: { readonly vodEvents: { readonly signKey: unknown | null } | null };
}

/** The declared features that make the post-deploy step call Cloud API actions. */
export function declaredFeatures(app: PermissionInputs): PostDeployFeature[] {
  const out: PostDeployFeature[] = [];
  if (app.vodApplication !== null) out.push("vod-application");
  if (app.callbacks.vodEvents !== null) out.push("vod-event-callback");
  if (app.callbacks.vodEvents !== null && app.callbacks.vodEvents.signKey !== null) out.push("vod-sign-key");
  if (app.globalAutoRecording === "off") out.push("global-auto-recording-off");
  return out;
}

/** One action a policy must allow. */
export interface RequiredPermission {
  /** `<service>:<Action>`, e.g. `vod:SearchMedia`. */
  readonly action: PostDeployActionKey;
  readonly access: "read" | "write";
  readonly cam: Exclude<CamAuthorization, { kind: "no-grant-needed" }>;
  /** Which step calls it, and for what. */
  readonly purpose: string;
}

/** An action the step calls that no policy needs to allow. */
export interface UngrantedAction {
  readonly action: PostDeployActionKey;
  readonly reason: string;
}

export interface RequiredPermissions {
  /** In table order. */
  readonly granted: readonly RequiredPermission[];
  readonly notGranted: readonly UngrantedAction[];
}

/** What a policy of `kind` must allow for these declared features: the table's rows that a covered mode calls. */
export function requiredPermissions(features: readonly PostDeployFeature[], kind: AccessPolicyKind): RequiredPermissions {
  const granted: RequiredPermission[] = [];
  const notGranted: UngrantedAction[] = [];
  for (const [action, row] of postDeployActions()) {
    const use = row.postDeploy;
    if (!use.modes.some((m) => POLICY_MODES[kind].includes(m)) || !use.features.some((f) => features.includes(f))) continue;
    if (use.cam.kind === "no-grant-needed") notGranted.push({ action, reason: use.cam.reason });
    else granted.push({ action, access: row.access, cam: use.cam, purpose: use.purpose });
  }
  return { granted, notGranted };
}

/**
 * The resource description of a VOD sub-application: `qcs::vod:::subAppId/<SubAppId>` (VOD's documented format
 * `qcs::vod::uin/${uin}:subAppId/${subAppId}` with the account segment left empty, which CAM documents as "the root
 * account of the user that created the policy": the policy needs no UIN). `subAppId` may be a Terraform token.
 */
export function vodSubApplicationResource(subAppId: string | number): string {
  return `qcs::vod:::subAppId/${subAppId}`;
}

/** An allow statement as the provider accepts it: `action` and `resource` always arrays (a string resource is refused). */
export interface AllowStatement {
  readonly effect: "allow";
  readonly action: string[];
  readonly resource: string[];
}

/** The action as a policy spells it: `name/<service>:<Action>` (the form of VOD's and TRTC's custom-policy examples). */
export function policyAction(action: string): string {
  return `name/${action}`;
}

/**
 * The statements of a policy: one for every resource-level action together, on the VOD sub-application
 * (`vodResource`), and one per action that only `*` grants, on `*` alone.
 */
export function policyStatements(granted: readonly RequiredPermission[], vodResource: string | undefined): AllowStatement[] {
  const scoped = granted.filter((p) => p.cam.kind === "vod-sub-application");
  const statements: AllowStatement[] = [];
  if (scoped.length > 0) {
    if (vodResource === undefined) throw new Error(`${scoped.map((p) => p.action).join(", ")} need the VOD sub-application's resource`);
    statements.push({ effect: "allow", action: scoped.map((p) => policyAction(p.action)), resource: [vodResource] });
  }
  for (const p of granted) if (p.cam.kind === "any-resource") statements.push({ effect: "allow", action: [policyAction(p.action)], resource: ["*"] });
  return statements;
}

/** What the step does outside CAM, for the plan and the README: no policy can grant or refuse it. */
export function outsideCam(app: { readonly callbacks: { readonly liveWebhook: unknown | null } }): string[] {
  const out = [
    "console-only settings (Room Recording, Global Auto-Recording, the TRTC recording callback): no public API, so no CAM action; the console driver (guided: a person) does them",
  ];
  if (app.callbacks.liveWebhook !== null) {
    out.unshift(
      "Live REST API (live_config/*: the Live webhook): signed with a UserSig made from the SDKAppID's secret key (TRTC_SDK_SECRET_KEY_<SDKAppID>), not with the CAM credentials; no CAM policy grants or limits it",
    );
  }
  return out;
}
