/**
 * The recording plan: what each environment will record, how, where it is kept, what it is estimated to cost and
 * what the synth-time checks found, for CI review. Versioned like the desired state it is built from; `plan --base`
 * reads an older plan back through `parseRecordingPlan`.
 *
 * It holds no secret: callbacks appear as their URL (credentials and query values masked) and whether a signing key
 * source is declared (`signed`), never a key nor the name of the variable that holds it.
 */
import { z } from "zod";
import { GLOBAL_AUTO_RECORDING_DECLARATIONS, RESOLUTIONS } from "../lib/desired-state";
import { ROOM_CREATION_METHODS, SEAT_TEMPLATES } from "../lib/room-scope";

export const RECORDING_PLAN_SCHEMA = "trtc-live-recording/recording-plan";
/**
 * 2: Live's recording behaviour is one fixed, plan-wide statement (`liveRecording`), no longer per-app settings; rooms
 * say how they are created and carry a caveat; the cost is a range with its basis and the double-recording cost.
 * 3: each app lists the CAM permissions its post-deploy step needs (`permissions`).
 */
export const RECORDING_PLAN_VERSION = 3;

const retention = z.union([z.object({ days: z.number().int().positive() }).strict(), z.object({ forever: z.literal(true) }).strict()]);

const vodApplication = z
  .object({
    /** Null when the name is a Terraform reference known only at deploy. */
    name: z.string().nullable(),
    /** True: created and managed by Terraform; false: an existing application. */
    managed: z.boolean(),
    subAppId: z.number().int().positive().nullable(),
  })
  .strict();

/** What Live records: fixed by Tencent, the same for every app, shown as a fact and never as configuration. */
const liveRecording = z
  .object({
    configurable: z.literal(false),
    format: z.literal("MP4"),
    maxFileDurationMinutes: z.number().int().positive(),
    resumeWaitSeconds: z.number().int().nonnegative(),
    /** The guide's statements of what Live records, in words. */
    facts: z.array(z.string()),
    /** What to know before and when changing the console settings (VOD activation, when a change applies, Save Duration). */
    consoleNotes: z.array(z.string()),
  })
  .strict();

export const CONFLICT_STATUSES = ["none", "double-recording", "acknowledged", "unverified"] as const;

const globalAutoRecording = z
  .object({
    /** What the stack declares (the setting is console-only). */
    declared: z.enum(GLOBAL_AUTO_RECORDING_DECLARATIONS),
    /**
     * From the declaration: `double-recording` (on while Live records declared rooms: they may be recorded twice, with extra charges),
     * `acknowledged` (the same, accepted with a written reason), `unverified` (undeclared while Live records), `none`.
     */
    conflict: z.enum(CONFLICT_STATUSES),
    /** Rule that reports the conflict (LR001, LR007), null when none applies. */
    ruleId: z.string().nullable(),
    acknowledgedReason: z.string().nullable(),
    text: z.string(),
  })
  .strict();

const callback = z.object({ url: z.string(), signed: z.boolean() }).strict();
const callbacks = z
  .object({
    vodEvents: callback.extend({ deleteEvents: z.boolean() }).strict().nullable(),
    trtcRecording: callback.nullable(),
    liveWebhook: callback.nullable(),
  })
  .strict();

export const ROOM_CONTENTS = ["single-stream", "mixed-stream", "single-or-mixed"] as const;

const room = z
  .object({
    name: z.string(),
    seatTemplate: z.enum(SEAT_TEMPLATES),
    createdWith: z.enum(ROOM_CREATION_METHODS),
    recorded: z.boolean(),
    /** What Live records, null when the room is not recorded; `single-or-mixed` when the host count is not declared. */
    content: z.enum(ROOM_CONTENTS).nullable(),
    /** Stable code from the room-scope function (`full-room-recording-on`, `unlimited-room-disabled`, ...). */
    reason: z.string(),
    explanation: z.string(),
    /** What must also hold outside this package's sight (Tencent's enablement of voice-room recording), null when nothing. */
    caveat: z.string().nullable(),
    expectRecorded: z.boolean(),
    typicalHosts: z.number().int().positive().nullable(),
  })
  .strict();

const finding = z
  .object({
    ruleId: z.string(),
    severity: z.enum(["error", "warning", "info"]),
    message: z.string(),
    acknowledged: z.boolean(),
    acknowledgedReason: z.string().nullable(),
  })
  .strict();

/** A whole-yuan amount that may be a range (`min` = `max` when exact). */
const cnyRange = z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).strict();
const countRange = z.object({ min: z.number().int().positive(), max: z.number().int().positive() }).strict();

const estimatedCost = z
  .object({
    status: z.literal("estimated"),
    currency: z.literal("CNY"),
    /** How Live recording is billed, as the guide says, and what the estimate counts. */
    basis: z.string(),
    recordedHoursPerMonth: z.number().nonnegative(),
    resolution: z.enum(RESOLUTIONS),
    recording: z
      .object({
        /** Room-minutes of Live recording. */
        minutesPerMonth: z.number().int().nonnegative(),
        unitPriceCnyPer1000Minutes: z.number().nonnegative(),
        /** Billed streams per recorded room: 1, up to one per host for multi-host rooms (see `rangeReason`). */
        streamsPerRoom: countRange,
        monthlyCny: cnyRange,
        /** Why the amount is a range, null when it is exact. */
        rangeReason: z.string().nullable(),
      })
      .strict(),
    storage: z
      .object({
        averageBitrateKbps: z.number().positive(),
        /** True when the bitrate is the default for the resolution (no `averageBitrateKbps` declared). */
        bitrateAssumed: z.boolean(),
        /** GB added per month, one decimal. */
        gbPerMonth: z.number().nonnegative(),
        /** Months of recordings kept at once: retention in months, capped at the horizon. */
        storedMonths: z.number().positive(),
        /** True when retention is longer than the horizon (or forever): storage still grows after it. */
        horizonApplied: z.boolean(),
        /** GB stored at steady state (or at the horizon), one decimal. */
        storedGb: z.number().nonnegative(),
        unitPriceCnyPerGbMonth: z.number().nonnegative(),
        unitPriceAssumed: z.boolean(),
        monthlyCny: z.number().int().nonnegative(),
      })
      .strict(),
    /**
     * The same rooms recorded again by Global Auto-Recording (each host to its own file), when it is declared on
     * (`included`) or undeclared ("if on", not included); null when it does not record the rooms Live records.
     */
    doubleRecording: z
      .object({
        globalAutoRecording: z.enum(["on", "unknown"]),
        included: z.boolean(),
        hostsPerRoom: countRange,
        monthlyCny: cnyRange,
      })
      .strict()
      .nullable(),
    /** Recording + storage (+ the double recording when included), whole yuan per month. */
    totalMonthlyCny: cnyRange,
    /** Assumptions and caveats, in words (assumed prices with where to verify them, defaulted bitrate, horizon). */
    notes: z.array(z.string()),
  })
  .strict();

/** One action a post-deploy policy allows. */
const permission = z
  .object({
    /** `<service>:<Action>`, e.g. `vod:SearchMedia`. */
    action: z.string(),
    access: z.enum(["read", "write"]),
    /** What the statement names: the VOD sub-application (`qcs::vod:::subAppId/...`) or `*`. */
    resource: z.string(),
    /** Why the statement names `*` (CAM documents no resource-level permission for it, ...); null when scoped. */
    anyResourceReason: z.string().nullable(),
    /** Which step calls it, and for what. */
    purpose: z.string(),
  })
  .strict();

const declaredPolicy = z
  .object({
    name: z.string(),
    /** `CAM user <name>`, `CAM role <id>`: the existing identities it is attached to. */
    attachedTo: z.array(z.string()),
  })
  .strict();

/** The CAM permissions the post-deploy step needs for this app, derived from the action table (lib/cloud-actions.ts). */
const permissions = z
  .object({
    /** The CAM policies the stack declares with them (`accessPolicies`), null when it declares none. */
    policies: z.object({ apply: declaredPolicy, readOnly: declaredPolicy }).strict().nullable(),
    /** What `post-deploy apply` calls. */
    apply: z.array(permission),
    /** What `post-deploy plan` and `check` call. */
    readOnly: z.array(permission),
    /** Actions the step calls that need no grant, with the documented reason. */
    notGranted: z.array(z.object({ action: z.string(), reason: z.string() }).strict()),
    /** What the step does outside CAM (Live REST API, console-only settings). */
    outsideCam: z.array(z.string()),
  })
  .strict();

const notEstimatedCost = z.object({ status: z.literal("not-estimated"), reason: z.string() }).strict();

const recordingPlanApp = z
  .object({
    /** Construct path of the LiveRecording (stable id of the app within its environment). */
    path: z.string(),
    sdkAppId: z.number().int().positive(),
    /** The Tencent Cloud account the environment names, null when it names none. */
    account: z.string().nullable(),
    vodApplication: vodApplication.nullable(),
    retention: retention.nullable(),
    retentionText: z.string(),
    fullRoomRecording: z.boolean(),
    globalAutoRecording,
    callbacks,
    rooms: z.array(room),
    findings: z.array(finding),
    estimatedCost: z.discriminatedUnion("status", [estimatedCost, notEstimatedCost]),
    /** Null only in a plan read from version 1 or 2, which did not list them. */
    permissions: permissions.nullable(),
  })
  .strict();

const environment = z
  .object({
    name: z.string(),
    region: z.string().nullable(),
    apps: z.array(recordingPlanApp),
  })
  .strict();

const unitPrice = z.object({ cny: z.number().nonnegative(), unit: z.string(), source: z.string(), assumed: z.boolean(), verifyAt: z.string() }).strict();

const pricing = z
  .object({
    asOf: z.string(),
    currency: z.literal("CNY"),
    recordingPer1000Minutes: z.record(z.enum(RESOLUTIONS), unitPrice),
    vodStandardStoragePerGbMonth: unitPrice,
    defaultBitrateKbps: z.record(z.enum(RESOLUTIONS), z.number().positive()),
    storageHorizonMonths: z.number().int().positive(),
  })
  .strict();

export const recordingPlanSchema = z
  .object({
    schema: z.literal(RECORDING_PLAN_SCHEMA),
    version: z.literal(RECORDING_PLAN_VERSION),
    /** The unit prices and defaults the estimates use. */
    pricing,
    liveRecording,
    /** Sorted by name. */
    environments: z.array(environment),
  })
  .strict();

export type RecordingPlan = z.infer<typeof recordingPlanSchema>;
export type EnvironmentPlan = z.infer<typeof environment>;
export type AppPlan = z.infer<typeof recordingPlanApp>;
export type RoomPlan = z.infer<typeof room>;
export type FindingPlan = z.infer<typeof finding>;
export type CallbacksPlan = z.infer<typeof callbacks>;
export type GlobalAutoRecordingPlan = z.infer<typeof globalAutoRecording>;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export type RoomContent = (typeof ROOM_CONTENTS)[number];
export type CostEstimate = z.infer<typeof recordingPlanApp>["estimatedCost"];
export type EstimatedCost = z.infer<typeof estimatedCost>;
export type PricingPlan = z.infer<typeof pricing>;
export type LiveRecordingPlan = z.infer<typeof liveRecording>;
export type CnyRange = z.infer<typeof cnyRange>;
export type PermissionsPlan = z.infer<typeof permissions>;
export type PermissionPlan = z.infer<typeof permission>;

/**
 * Reads a version 1 plan (what the base branch of the first pull request after the upgrade writes) as version 2, so
 * `plan --base` still says what changed: Live's fixed behaviour was per-app settings there (dropped; the plan-wide
 * statement is left empty, so the comparison reports it), rooms were all planned as created with the client SDK, and
 * costs were single amounts (read as exact ranges).
 */
function upgradeV1(json: Record<string, unknown>): Record<string, unknown> {
  const exact = (n: unknown) => ({ min: n, max: n });
  const environments = json.environments;
  return {
    ...json,
    version: 2,
    liveRecording: { configurable: false, format: "MP4", maxFileDurationMinutes: 1440, resumeWaitSeconds: 30, facts: [], consoleNotes: [] },
    environments: Array.isArray(environments)
      ? environments.map((env: Record<string, unknown>) => ({
          ...env,
          apps: Array.isArray(env?.apps)
            ? (env.apps as Array<Record<string, unknown>>).map(({ recording: _fixedNow, ...app }) => {
                const cost = app.estimatedCost as Record<string, unknown> | undefined;
                const rec = cost?.recording as Record<string, unknown> | undefined;
                return {
                  ...app,
                  account: null,
                  rooms: Array.isArray(app.rooms) ? (app.rooms as Array<Record<string, unknown>>).map((r) => ({ ...r, createdWith: "client-sdk", caveat: null })) : app.rooms,
                  estimatedCost:
                    cost?.status === "estimated"
                      ? {
                          ...cost,
                          basis: "version 1 plan: single-stream recording price per room-minute",
                          recording: { ...rec, streamsPerRoom: { min: 1, max: 1 }, monthlyCny: exact(rec?.monthlyCny), rangeReason: null },
                          doubleRecording: null,
                          totalMonthlyCny: exact(cost.totalMonthlyCny),
                        }
                      : cost,
                };
              })
            : env?.apps,
        }))
      : environments,
  };
}

/** Reads a version 2 plan as version 3: it listed no permissions (null), so the comparison says they are new. */
function upgradeV2(json: Record<string, unknown>): Record<string, unknown> {
  const environments = json.environments;
  return {
    ...json,
    version: RECORDING_PLAN_VERSION,
    environments: Array.isArray(environments)
      ? environments.map((env: Record<string, unknown>) => ({
          ...env,
          apps: Array.isArray(env?.apps) ? (env.apps as Array<Record<string, unknown>>).map((app) => ({ ...app, permissions: null })) : env?.apps,
        }))
      : environments,
  };
}

/**
 * Checks a parsed JSON value against the plan schema; the error names `source` and lists every problem with its JSON
 * path. A version 1 plan is read as version 2 (`upgradeV1`), a version 2 plan as version 3 (`upgradeV2`); any other
 * version is rejected with the versions this tool reads.
 */
export function parseRecordingPlan(json: unknown, source = "recording plan"): RecordingPlan {
  if (json !== null && typeof json === "object" && !Array.isArray(json)) {
    const { schema, version } = json as { schema?: unknown; version?: unknown };
    if (schema !== RECORDING_PLAN_SCHEMA) {
      throw new Error(`${source} is not a recording plan: "schema" is ${JSON.stringify(schema)}, expected "${RECORDING_PLAN_SCHEMA}"`);
    }
    if (version === 1) json = upgradeV2(upgradeV1(json as Record<string, unknown>));
    else if (version === 2) json = upgradeV2(json as Record<string, unknown>);
    else if (version !== RECORDING_PLAN_VERSION) {
      throw new Error(`${source} is a version ${JSON.stringify(version)} recording plan; this tool reads versions 1, 2 and ${RECORDING_PLAN_VERSION}`);
    }
  }
  const result = recordingPlanSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`${source} is not a valid ${RECORDING_PLAN_SCHEMA} v${RECORDING_PLAN_VERSION} document:\n${problems}`);
  }
  return result.data;
}
