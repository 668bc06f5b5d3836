import { Construct, IConstruct } from "constructs";
import { CamPolicy } from "../.gen/providers/tencentcloud/cam-policy";
import { CamRolePolicyAttachment } from "../.gen/providers/tencentcloud/cam-role-policy-attachment";
import { CamUserPolicyAttachment } from "../.gen/providers/tencentcloud/cam-user-policy-attachment";
import { Fn, Token } from "../lib/cdktf";
import type { DesiredAccessPolicies, DesiredAccessPolicy, DesiredApp } from "../lib/desired-state";
import {
  AccessPolicyKind,
  AllowStatement,
  RequiredPermissions,
  declaredFeatures,
  policyStatements,
  requiredPermissions,
  vodSubApplicationResource,
} from "../lib/post-deploy-permissions";
import { checkKnownKeys, checkObject, checkOptionalObject, checkString, fail, isUnresolved, keysOf, validateAt } from "../lib/validation";
import type { IVodApplication } from "./vod-application";

/**
 * What the policies need of a LiveRecording: its declared state and its VOD application. An interface, so this file
 * does not import the composite that declares it (LiveRecording creates PostDeployPolicies for `accessPolicies`).
 */
export interface IPostDeployRecording extends IConstruct {
  toDesiredApp(): DesiredApp;
  readonly vodApplication?: IVodApplication;
}

/** Where a policy is attached: an existing CAM user, an existing CAM role, or both. */
export interface PolicyAttachmentOptions {
  /**
   * Name of an existing CAM user (sub-account) the policy is attached to (`tencentcloud_cam_user_policy_attachment`):
   * the provider looks the user up by name (GetUser) and attaches the policy to its UIN.
   * @default - not attached to a user
   */
  readonly userName?: string;
  /**
   * ID of an existing CAM role the policy is attached to (`tencentcloud_cam_role_policy_attachment`), e.g.
   * `"4611686018427922725"`: the role's **ID, not its name**. Provider 1.82.101 sends `role_id` to CAM as
   * `AttachRoleId` without looking anything up, and the provider schema this package is built on has neither the
   * by-name attachment nor the role data source that could resolve a name. The CAM console shows the ID on the role's
   * page; `tccli cam GetRole --RoleName <name>` returns it. May be a Terraform reference (e.g. a role created in the
   * same stack).
   * @default - not attached to a role
   */
  readonly roleId?: string;
}

/** How a LiveRecording declares the CAM policies of its post-deploy step (`accessPolicies`). */
export interface PostDeployPoliciesOptions {
  /**
   * Prefix of the two policy names, `<prefix>-apply` and `<prefix>-read-only`. CAM policy names are unique in an
   * account: 1 to 118 letters, digits and `+=,.@-_` (CreatePolicy allows 128 for the whole name).
   * @default "trtc-live-recording-<SDKAppID>"
   */
  readonly namePrefix?: string;
  /** Where the apply policy (what `post-deploy apply` calls) is attached, e.g. the deploy job's CI user. @default - not attached */
  readonly apply?: PolicyAttachmentOptions;
  /** Where the read-only policy (what `plan` and `check` call) is attached, e.g. the scheduled check's user. @default - not attached */
  readonly readOnly?: PolicyAttachmentOptions;
}

export interface PostDeployPoliciesProps extends PostDeployPoliciesOptions {
  /** The Live recording whose post-deploy step the policies are for (one pair of policies per LiveRecording). */
  readonly recording: IPostDeployRecording;
}

/** One policy of the pair and its attachments. */
/** The keys of the props (`keysOf`: a prop added to the interface without its key here fails to compile). */
const POST_DEPLOY_POLICIES_PROP_KEYS = keysOf<PostDeployPoliciesProps>()({ recording: true, namePrefix: true, apply: true, readOnly: true });
/** The keys of the options a LiveRecording's `accessPolicies` takes (its `recording` is the LiveRecording itself). */
export const POST_DEPLOY_POLICIES_OPTION_KEYS = keysOf<PostDeployPoliciesOptions>()({ namePrefix: true, apply: true, readOnly: true });
const ATTACHMENT_KEYS = keysOf<PolicyAttachmentOptions>()({ userName: true, roleId: true });

export interface PostDeployPolicy {
  readonly kind: AccessPolicyKind;
  readonly name: string;
  readonly resource: CamPolicy;
  /** What it allows (and what the step calls that no policy needs to allow). */
  readonly permissions: RequiredPermissions;
  /** The policy document's statements, before Terraform resolves the SubAppId. */
  readonly statements: readonly AllowStatement[];
}

const POLICY_NAME_PREFIX = /^[A-Za-z0-9+=,.@_-]{1,118}$/;
/** Every role ID in Tencent's documentation is a decimal number (e.g. 4611686018427922725): our reading of the format. */
const ROLE_ID = /^[0-9]{1,32}$/;

const policiesByRecording = new WeakMap<object, PostDeployPolicies>();

/**
 * The CAM policies the post-deploy step of one LiveRecording needs, as `tencentcloud_cam_policy` resources: an
 * **apply** policy allowing exactly the Cloud API actions `post-deploy apply` calls for the declared features, and a
 * **read-only** policy allowing exactly what `plan` and `check` call. Both are derived from the action table the
 * post-deploy clients call through (lib/cloud-actions.ts), never kept by hand.
 *
 * Each statement names the declared VOD sub-application (`qcs::vod:::subAppId/<SubAppId>`, a Terraform reference
 * when the application is created in the same deploy) where CAM supports resource-level permission; an action that
 * only `*` is sure to grant (TRTC's DescribeRecordingUsage: undocumented, and asked for the whole account) has a
 * statement of its own on `*`. DescribeSubAppIds needs no grant (documented) and is left out. Outside CAM: the Live
 * REST API (UserSig from the SDKAppID's secret key) and the console-only settings.
 *
 * Optionally attaches each policy to an existing CAM user (by name) or role (by ID). Use it through
 * `LiveRecording`'s `accessPolicies` (or `defineEnvironments`), or on its own with `recording`.
 */
export class PostDeployPolicies extends Construct {
  /** The policies declared for a LiveRecording, undefined when it has none. */
  public static of(recording: IPostDeployRecording): PostDeployPolicies | undefined {
    return policiesByRecording.get(recording);
  }

  public readonly apply: PostDeployPolicy;
  public readonly readOnly: PostDeployPolicy;
  private readonly attachments: Readonly<Record<AccessPolicyKind, DesiredAccessPolicy["attachedTo"]>>;

  constructor(scope: Construct, id: string, props: PostDeployPoliciesProps) {
    super(scope, id);
    const recording = validateAt(this, () => {
      checkObject("props", props, "a PostDeployPoliciesProps object");
      checkKnownKeys(props, POST_DEPLOY_POLICIES_PROP_KEYS, "PostDeployPoliciesProps");
      const r = props.recording as unknown;
      if (r === null || typeof r !== "object" || typeof (r as { toDesiredApp?: unknown }).toDesiredApp !== "function") {
        fail("recording", "a LiveRecording", r);
      }
      const existing = policiesByRecording.get(props.recording);
      if (existing !== undefined) {
        fail("recording", `a LiveRecording without access policies (${existing.node.path} already declares them for it)`, props.recording.node.path);
      }
      validateOptions(props);
      return props.recording;
    });
    const app = recording.toDesiredApp();
    const features = declaredFeatures(app);
    const prefix = props.namePrefix ?? `trtc-live-recording-${app.sdkAppId}`;
    const subAppId = recording.vodApplication?.subAppId;
    const vodResource = subAppId === undefined ? undefined : vodSubApplicationResource(Token.isUnresolved(subAppId) ? Token.asString(subAppId) : subAppId);

    const make = (kind: AccessPolicyKind, resourceId: string): PostDeployPolicy => {
      const permissions = requiredPermissions(features, kind);
      if (permissions.granted.length === 0) {
        validateAt(this, () =>
          fail(
            "recording",
            'a LiveRecording with a VOD application or with Global Auto-Recording declared "off" (without either, its post-deploy step calls no Cloud API action that CAM governs, and a policy cannot be empty)',
            { vodApplication: app.vodApplication === null ? "none" : "declared", globalAutoRecording: app.globalAutoRecording },
          ),
        );
      }
      const statements = policyStatements(permissions.granted, vodResource);
      const name = `${prefix}-${kind}`;
      const resource = new CamPolicy(this, resourceId, {
        name,
        // Built by Terraform's jsonencode, so the SubAppId of an application created in the same deploy is filled in;
        // `action` and `resource` are always arrays (provider 1.82.101 refuses a resource given as a string).
        document: Fn.jsonencode({ version: "2.0", statement: statements }),
        description: `Least privilege for trtc-live-recording post-deploy ${kind === "apply" ? "apply" : "plan and check"} on SDKAppID ${app.sdkAppId} (generated)`,
      });
      return { kind, name, resource, permissions, statements };
    };
    this.apply = make("apply", "ApplyPolicy");
    this.readOnly = make("read-only", "ReadOnlyPolicy");
    this.attachments = {
      apply: this.attach(this.apply, "ApplyPolicy", props.apply),
      "read-only": this.attach(this.readOnly, "ReadOnlyPolicy", props.readOnly),
    };
    policiesByRecording.set(recording, this);
  }

  /** The policies as the desired state shows them (names, attachments; the permissions follow from the declaration). */
  public toSpec(): DesiredAccessPolicies {
    return {
      apply: { name: this.apply.name, attachedTo: this.attachments.apply },
      readOnly: { name: this.readOnly.name, attachedTo: this.attachments["read-only"] },
    };
  }

  private attach(policy: PostDeployPolicy, id: string, where: PolicyAttachmentOptions | undefined): DesiredAccessPolicy["attachedTo"] {
    const out: Array<DesiredAccessPolicy["attachedTo"][number]> = [];
    if (where?.userName !== undefined) {
      new CamUserPolicyAttachment(this, `${id}UserAttachment`, { userName: where.userName, policyId: policy.resource.id });
      out.push({ kind: "user", name: isUnresolved(where.userName) ? null : where.userName });
    }
    if (where?.roleId !== undefined) {
      new CamRolePolicyAttachment(this, `${id}RoleAttachment`, { roleId: where.roleId, policyId: policy.resource.id });
      out.push({ kind: "role", id: isUnresolved(where.roleId) ? null : where.roleId });
    }
    return out;
  }
}

function validateOptions(options: PostDeployPoliciesOptions): void {
  if (options.namePrefix !== undefined) {
    checkString("namePrefix", options.namePrefix, { min: 1, max: 118, pattern: POLICY_NAME_PREFIX, patternText: "letters, digits and +=,.@-_" });
    if (isUnresolved(options.namePrefix)) fail("namePrefix", "a literal string (the plan shows the policy names)", "a Terraform reference");
  }
  for (const key of ["apply", "readOnly"] as const) {
    const where = options[key];
    checkOptionalObject(key, where, "a PolicyAttachmentOptions object { userName?, roleId? }");
    if (where === undefined) continue;
    checkKnownKeys(where, ATTACHMENT_KEYS, "PolicyAttachmentOptions", `${key}.`);
    const { userName, roleId } = where;
    if (userName !== undefined && !isUnresolved(userName) && (typeof userName !== "string" || userName.trim() === "" || userName !== userName.trim())) {
      fail(`${key}.userName`, "the name of an existing CAM user (a non-empty string without surrounding spaces)", userName);
    }
    if (roleId !== undefined && !isUnresolved(roleId) && (typeof roleId !== "string" || !ROLE_ID.test(roleId))) {
      fail(
        `${key}.roleId`,
        "the ID of an existing CAM role, a decimal number like \"4611686018427922725\" (provider 1.82.101 sends it to CAM as AttachRoleId and cannot attach by role name)",
        roleId,
      );
    }
  }
}
