/**
 * The one table of the Tencent Cloud actions this package knows (one definition per fact):
 *
 * - every action's **documented rate**, read by the post-deploy step's client-side limiter
 *   (`postdeploy/rate-limit.ts`) and by the emulator's service-side limits (`emulator/rate-limit.ts`);
 * - for the actions the **post-deploy step** calls: read or write, in which modes (`plan`/`check` or `apply`), for
 *   which declared feature, which step and why, and how **CAM** authorizes it. `postdeploy/cloud.ts` calls an action
 *   only through its row (an action missing here cannot be called), and the CAM policies of `PostDeployPolicies` and
 *   the recording plan's permissions are derived from these rows (lib/post-deploy-permissions.ts).
 *
 * It imports nothing, so constructs may use it without pulling in the post-deploy step. Facts and sources: the rows'
 * `source` fields, docs/cam.md (CAM) and the reference notes (rates).
 */

export const CLOUD_SERVICES = ["vod", "trtc", "cam", "live"] as const;
/** `live` is the Live REST API (`v4/live_engine_http_srv/*`, `v4/live_config/*`): UserSig, not Cloud API 3.0. */
export type CloudService = (typeof CLOUD_SERVICES)[number];

export const POST_DEPLOY_MODES = ["plan", "check", "apply"] as const;
export type PostDeployMode = (typeof POST_DEPLOY_MODES)[number];

/**
 * What a declaration has that makes the post-deploy step call an action:
 * - `vod-application`: a VOD application (the vod-application and conflict-check steps run);
 * - `vod-event-callback`: a VOD event callback (`callbacks.vodEvents`);
 * - `vod-sign-key`: its `signKey`;
 * - `global-auto-recording-off`: Global Auto-Recording declared `"off"` (the console step searches the evidence before
 *   turning it off, or telling a person to).
 */
export const POST_DEPLOY_FEATURES = ["vod-application", "vod-event-callback", "vod-sign-key", "global-auto-recording-off"] as const;
export type PostDeployFeature = (typeof POST_DEPLOY_FEATURES)[number];

/** How CAM authorizes a call of the action. */
export type CamAuthorization =
  /** Resource-level: a statement may name the VOD sub-application, `qcs::vod:::subAppId/<SubAppId>`. */
  | { readonly kind: "vod-sub-application"; readonly source: string }
  /** Only `resource: *` is sure to grant it: `reason` says why (a documented exception, or what is not documented). */
  | { readonly kind: "any-resource"; readonly reason: string }
  /** Documented as needing no grant: left out of the policies (a policy cannot prove it needed), with `reason`. */
  | { readonly kind: "no-grant-needed"; readonly reason: string };

/** How the post-deploy step uses an action. */
export interface PostDeployUse {
  readonly modes: readonly PostDeployMode[];
  /** Any of these declared makes the step call it. */
  readonly features: readonly PostDeployFeature[];
  /** Which step calls it, and for what (the plan shows it). */
  readonly purpose: string;
  readonly cam: CamAuthorization;
}

export interface DocumentedRate {
  /** Requests per second. */
  readonly perSecond: number;
  readonly source: string;
}

export interface CloudActionRow {
  readonly service: CloudService;
  /** The API action; for `live`, `*` (every command of the Live REST API). */
  readonly action: string;
  readonly access: "read" | "write";
  /** The documented limit; null when none is documented ({@link DEFAULT_RATE} applies). */
  readonly rate: DocumentedRate | null;
  /** Null: the post-deploy step never calls it (rate only: the emulator serves it to Terraform or to apps). */
  readonly postDeploy: PostDeployUse | null;
}

/**
 * Requests per second for an action whose limit is not documented (DescribeSubAppIds, DescribeEventConfig,
 * SearchMedia, DescribeMediaInfos, ModifyMediaInfo...): 20, the most common documented VOD limit. An assumption,
 * stated as such in the README.
 */
export const DEFAULT_RATE = 20;

const ALL_MODES: readonly PostDeployMode[] = POST_DEPLOY_MODES;
const VOD_RESOURCE_LEVEL = {
  kind: "vod-sub-application",
  source:
    'VOD access management: "the resource granularity is subapplication", "all its APIs, except those with special limits, support authorization at ' +
    'resource level" (https://intl.cloud.tencent.com/document/product/266/33970)',
} as const;
const VOD_CAM_SOURCE = "https://intl.cloud.tencent.com/document/product/266/33970";
const TRTC_RATES = "https://tencentcloud.com/document/product/647/34260; https://cloud.tencent.com/document/api/647/49981";

/** Keys are `<service>:<Action>`, CAM's spelling of an action. */
export const CLOUD_ACTIONS = {
  // VOD 2018-07-17
  "vod:CreateSubAppId": { service: "vod", action: "CreateSubAppId", access: "write", rate: { perSecond: 20, source: "https://www.tencentcloud.com/document/api/266/37569" }, postDeploy: null },
  "vod:ModifySubAppIdInfo": { service: "vod", action: "ModifySubAppIdInfo", access: "write", rate: { perSecond: 100, source: "https://tencentcloud.com/document/api/266/34174" }, postDeploy: null },
  "vod:ModifySubAppIdStatus": { service: "vod", action: "ModifySubAppIdStatus", access: "write", rate: { perSecond: 100, source: "https://tencentcloud.com/document/api/266/34173" }, postDeploy: null },
  "vod:DescribeSubAppIds": {
    service: "vod",
    action: "DescribeSubAppIds",
    access: "read",
    rate: null,
    postDeploy: {
      modes: ALL_MODES,
      features: ["vod-application"],
      purpose: "vod-application: lists the account's sub-applications once per run, to compare Terraform's name, description, status and tags",
      cam: {
        kind: "no-grant-needed",
        reason: `VOD documents that "all subusers have permission to call this API with no authorization required, and subapplications do not need to be specified" (${VOD_CAM_SOURCE})`,
      },
    },
  },
  "vod:DescribeEventConfig": {
    service: "vod",
    action: "DescribeEventConfig",
    access: "read",
    rate: null,
    postDeploy: {
      modes: ALL_MODES,
      features: ["vod-event-callback"],
      purpose: "vod-event-config: reads Terraform's event callback to report drift (and vod-sign-key's precondition read)",
      cam: VOD_RESOURCE_LEVEL,
    },
  },
  "vod:ModifyEventConfig": {
    service: "vod",
    action: "ModifyEventConfig",
    access: "write",
    rate: { perSecond: 20, source: "https://www.tencentcloud.com/document/api/266/57589" },
    postDeploy: {
      modes: ["apply"],
      features: ["vod-sign-key"],
      purpose: "vod-sign-key: sends the callback SignKey (SubAppId and SignKey only; nothing Terraform owns)",
      cam: VOD_RESOURCE_LEVEL,
    },
  },
  "vod:SearchMedia": {
    service: "vod",
    action: "SearchMedia",
    access: "read",
    rate: null,
    postDeploy: {
      modes: ALL_MODES,
      features: ["vod-application"],
      purpose: "conflict-check and console (before turning Global Auto-Recording off): the TRTC recordings in Live's VOD application",
      cam: VOD_RESOURCE_LEVEL,
    },
  },
  "vod:DescribeMediaInfos": { service: "vod", action: "DescribeMediaInfos", access: "read", rate: null, postDeploy: null },
  "vod:ModifyMediaInfo": { service: "vod", action: "ModifyMediaInfo", access: "write", rate: null, postDeploy: null },
  // TRTC 2019-07-22
  "trtc:CreateCloudRecording": { service: "trtc", action: "CreateCloudRecording", access: "write", rate: { perSecond: 20, source: TRTC_RATES }, postDeploy: null },
  "trtc:DescribeCloudRecording": { service: "trtc", action: "DescribeCloudRecording", access: "read", rate: { perSecond: 20, source: TRTC_RATES }, postDeploy: null },
  "trtc:DeleteCloudRecording": { service: "trtc", action: "DeleteCloudRecording", access: "write", rate: { perSecond: 20, source: TRTC_RATES }, postDeploy: null },
  "trtc:DescribeRecordingUsage": {
    service: "trtc",
    action: "DescribeRecordingUsage",
    access: "read",
    rate: { perSecond: 5, source: TRTC_RATES },
    postDeploy: {
      modes: ALL_MODES,
      features: ["vod-application", "global-auto-recording-off"],
      purpose:
        "conflict-check (recorded minutes, asked once for the whole account, then per app when needed) and console (before turning Global Auto-Recording off)",
      cam: {
        kind: "any-resource",
        // docs/cam.md §2 (TRTC): the action is in neither documented list; the account-wide query names no SDKAppID.
        reason:
          "TRTC's CAM documentation lists DescribeRecordingUsage neither among the APIs with resource-level authorization nor among those without " +
          "(https://intl.cloud.tencent.com/document/product/647/39549), and the step also asks it for the whole account (no SdkAppId): `*` is the reading sure to work",
      },
    },
  },
  // CAM 2019-01-16 (what the Terraform provider calls for the policies; only CreatePolicy has a documented rate)
  "cam:CreatePolicy": { service: "cam", action: "CreatePolicy", access: "write", rate: { perSecond: 10, source: "https://intl.cloud.tencent.com/document/api/598/32248" }, postDeploy: null },
  // Live REST API: 200 requests per second for each room and live_config command, per SDKAppID
  "live:*": { service: "live", action: "*", access: "read", rate: { perSecond: 200, source: "https://trtc.io/document/64418 (and each command's page)" }, postDeploy: null },
} as const satisfies Readonly<Record<string, CloudActionRow>>;

export type CloudActionKey = keyof typeof CLOUD_ACTIONS;

/** The rows the post-deploy step calls. */
export type PostDeployActionKey = { [K in CloudActionKey]: (typeof CLOUD_ACTIONS)[K]["postDeploy"] extends null ? never : K }[CloudActionKey];

/** Every row, typed as the general shape. */
export function cloudActionRows(): ReadonlyArray<readonly [CloudActionKey, CloudActionRow]> {
  return Object.entries(CLOUD_ACTIONS) as unknown as ReadonlyArray<readonly [CloudActionKey, CloudActionRow]>;
}

/** The row of `<service>:<Action>`, undefined when the table does not have it. */
export function cloudActionRow(key: string): CloudActionRow | undefined {
  return Object.prototype.hasOwnProperty.call(CLOUD_ACTIONS, key) ? (CLOUD_ACTIONS as Readonly<Record<string, CloudActionRow>>)[key] : undefined;
}

/** The rows the post-deploy step calls, in table order. */
export function postDeployActions(): ReadonlyArray<readonly [PostDeployActionKey, CloudActionRow & { readonly postDeploy: PostDeployUse }]> {
  return cloudActionRows().filter(([, row]) => row.postDeploy !== null) as unknown as ReadonlyArray<
    readonly [PostDeployActionKey, CloudActionRow & { readonly postDeploy: PostDeployUse }]
  >;
}

/**
 * Requests per second allowed for an action: its documented rate, the service-wide one (`live:*`), or
 * {@link DEFAULT_RATE}.
 */
export function documentedRate(service: string, action: string): number {
  return (cloudActionRow(`${service}:${action}`) ?? cloudActionRow(`${service}:*`))?.rate?.perSecond ?? DEFAULT_RATE;
}

/** Every documented rate, by `<service>:<Action>` (`live:*` for the Live REST API). */
export function documentedRates(): Readonly<Record<string, number>> {
  return Object.fromEntries(cloudActionRows().flatMap(([key, row]) => (row.rate !== null ? [[key, row.rate.perSecond]] : [])));
}
