/**
 * The desired state: what the stacks declare about Live recording, written at synth as one versioned JSON document
 * per stack (`cdktf.out/stacks/<stack>/live-recording.json`) and read by the post-deploy step and the plan.
 *
 * It holds no secret: callback keys appear only as the name of the variable they are read from.
 */
import { existsSync } from "fs";
import * as path from "path";
import { z } from "zod";
import { LIVE_CALLBACK_COMMANDS } from "./callbacks/live";
import { canonicalHash, canonicalJson } from "./canonical-json";
import { DocumentError, DocumentFileError, readDocumentFile, readJsonFile, zodProblems } from "./documents";
import { RETENTION_DAYS, SECONDS_PER_DAY } from "./limits";
import { LiveRoom, ROOM_CREATION_METHODS, SEAT_TEMPLATES, decideRoomRecording } from "./room-scope";

export const DESIRED_STATE_SCHEMA = "trtc-live-recording/desired-state";
/**
 * 2: Live's recording parameters left the document (they are fixed by Tencent, not configuration); rooms say how they
 * are created (`createdWith`); apps may name their Tencent Cloud `account`; `vodApplication.resourceAddress` and
 * `acceptStoppingOtherRecordings` (post-deploy ownership and Global Auto-Recording).
 */
export const DESIRED_STATE_VERSION = 2;
/** File name of the document inside each stack's synth folder. */
export const DESIRED_STATE_FILE = "live-recording.json";

export const GLOBAL_AUTO_RECORDING_DECLARATIONS = ["off", "on", "unknown"] as const;
export type GlobalAutoRecordingDeclaration = (typeof GLOBAL_AUTO_RECORDING_DECLARATIONS)[number];

/** Recording price classes, as `DescribeRecordingUsage` names them (`UsageKey`, in its order). */
export const RESOLUTIONS = ["Audio", "SD", "HD", "FullHD", "2K", "4K"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** How serious a rule's finding is. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

const secretSource = z.discriminatedUnion("source", [
  z.object({ source: z.literal("environment"), variable: z.string() }).strict(),
  z.object({ source: z.literal("terraform-variable"), variable: z.string(), environment: z.string() }).strict(),
]);

const retention = z.union([
  z.object({ days: z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max) }).strict(),
  z.object({ forever: z.literal(true) }).strict(),
]);

const vodApplication = z
  .object({
    /** True when Terraform creates and manages it (`tencentcloud_vod_sub_application`). */
    managed: z.boolean(),
    /** Null when the name is a Terraform reference known only at deploy. */
    name: z.string().nullable(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    tags: z.record(z.string()),
    /** Known at synth only for an existing (imported) application. */
    subAppId: z.number().int().positive().nullable(),
    /** Terraform output that gives the `SubAppId` after deploy. */
    subAppIdOutput: z.string().nullable(),
    /** Terraform address of the managed resource (`tencentcloud_vod_sub_application.<name>`), for remedies; null when imported. */
    resourceAddress: z.string().nullable(),
  })
  .strict();

const callbacks = z
  .object({
    vodEvents: z.object({ url: z.string(), deleteEvents: z.boolean(), signKey: secretSource.nullable() }).strict().nullable(),
    trtcRecording: z.object({ url: z.string(), key: secretSource.nullable() }).strict().nullable(),
    liveWebhook: z
      .object({ url: z.string(), commands: z.array(z.enum(LIVE_CALLBACK_COMMANDS)), token: secretSource.nullable() })
      .strict()
      .nullable(),
  })
  .strict();

const room = z
  .object({
    name: z.string(),
    seatTemplate: z.enum(SEAT_TEMPLATES),
    /** How the app creates these rooms (the default of isUnlimitedRoomEnabled depends on it). */
    createdWith: z.enum(ROOM_CREATION_METHODS),
    isUnlimitedRoomEnabled: z.boolean().nullable(),
    isCloudRecordEnabled: z.boolean().nullable(),
    expectRecorded: z.boolean(),
    typicalHosts: z.number().int().positive().nullable(),
  })
  .strict();

const expectedUsage = z
  .object({
    peakConcurrentRecordings: z.number().nonnegative().nullable(),
    recordedHoursPerMonth: z.number().nonnegative().nullable(),
    resolution: z.enum(RESOLUTIONS),
    averageBitrateKbps: z.number().positive().nullable(),
  })
  .strict();

/** `appliesTo` (optional, written only when set): the findings it is narrowed to, e.g. `Room::shows`. */
const acknowledgement = z.object({ ruleId: z.string(), reason: z.string(), appliesTo: z.array(z.string()).min(1).optional() }).strict();

/** A written acceptance that turning Global Auto-Recording off stops the recordings only it makes. */
const stopAcceptance = z.object({ reason: z.string().min(10) }).strict();

/** The CAM policies of the post-deploy step (PostDeployPolicies), when declared; their permissions follow from the rest. */
const accessPolicy = z
  .object({
    name: z.string(),
    /** Existing CAM identities it is attached to; null when given as a Terraform reference. */
    attachedTo: z.array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("user"), name: z.string().nullable() }).strict(),
        z.object({ kind: z.literal("role"), id: z.string().nullable() }).strict(),
      ]),
    ),
  })
  .strict();
const accessPolicies = z.object({ apply: accessPolicy, readOnly: accessPolicy }).strict();

const finding = z
  .object({
    ruleId: z.string(),
    severity: z.enum(SEVERITIES),
    message: z.string(),
    path: z.string(),
    acknowledgedReason: z.string().nullable(),
  })
  .strict();

const app = z
  .object({
    /** Construct path of the LiveRecording. */
    path: z.string(),
    sdkAppId: z.number().int().positive(),
    /** The Tencent Cloud account the SDKAppID belongs to, as the stack names it (for limits counted per account). */
    account: z.string().nullable(),
    sdkAppIdOutput: z.string().nullable(),
    vodApplication: vodApplication.nullable(),
    retention: retention.nullable(),
    fullRoomRecording: z.boolean(),
    globalAutoRecording: z.enum(GLOBAL_AUTO_RECORDING_DECLARATIONS),
    /** Only with globalAutoRecording "off": post-deploy may turn it off even when evidence shows rooms only it records. */
    acceptStoppingOtherRecordings: stopAcceptance.nullable(),
    callbacks,
    rooms: z.array(room),
    expectedUsage: expectedUsage.nullable(),
    acknowledgements: z.array(acknowledgement),
    findings: z.array(finding),
    /** Absent when the app declares none (documents written before it existed read the same). */
    accessPolicies: accessPolicies.optional(),
  })
  .strict();

export const desiredStateSchema = z
  .object({
    schema: z.literal(DESIRED_STATE_SCHEMA),
    version: z.literal(DESIRED_STATE_VERSION),
    /** Stack name = environment. */
    environment: z.string(),
    /** Provider region of the stack, null when not known. */
    region: z.string().nullable(),
    apps: z.array(app),
  })
  .strict();

export type SecretSourceSpec = z.infer<typeof secretSource>;
/** How a retention is written in the desired state: a number of days, or kept forever (`Retention.toSpec()`). */
export type RetentionSpec = z.infer<typeof retention>;
export type DesiredVodApplication = z.infer<typeof vodApplication>;
export type DesiredCallbacks = z.infer<typeof callbacks>;
export type DesiredRoom = z.infer<typeof room>;
export type ExpectedUsageData = z.infer<typeof expectedUsage>;
export type AcknowledgementData = z.infer<typeof acknowledgement>;
export type FindingData = z.infer<typeof finding>;
export type DesiredAccessPolicy = z.infer<typeof accessPolicy>;
export type DesiredAccessPolicies = z.infer<typeof accessPolicies>;
export type DesiredApp = z.infer<typeof app>;
export type DesiredState = z.infer<typeof desiredStateSchema>;

/** Parses and checks a desired-state document; the error (a `DocumentError`) lists every problem with its JSON path. */
export function parseDesiredState(json: unknown, source = "desired state"): DesiredState {
  const result = desiredStateSchema.safeParse(json);
  if (!result.success) throw new DocumentError(source, `is not a valid ${DESIRED_STATE_SCHEMA} v${DESIRED_STATE_VERSION} document`, zodProblems(result.error.issues));
  return result.data;
}

/** Reads a desired-state file; a file that cannot be used is a `DocumentFileError` whose reason is one line. */
export function readDesiredStateFile(file: string): DesiredState {
  return readDocumentFile(file, parseDesiredState);
}

/** The document as written to disk: canonical (sorted keys, 2-space indent), so unchanged input gives identical bytes. */
export function serializeDesiredState(state: DesiredState): string {
  return canonicalJson(state, 2) + "\n";
}

/** SHA-256 of the whole document: the post-deploy hook re-runs when it changes. */
export function desiredStateHash(state: DesiredState): string {
  return canonicalHash(state);
}

/** Live recording is wanted: Full Room Recording on, or a room that sets IsCloudRecordEnabled=true. */
export function liveRecordingWanted(app: Pick<DesiredApp, "fullRoomRecording" | "rooms">): boolean {
  return app.fullRoomRecording || app.rooms.some((r) => r.isCloudRecordEnabled === true);
}

/**
 * The declared rooms Live records, by name (`decideRoomRecording` with the app's console settings). When no room is
 * declared, Live is taken to record rooms whenever Full Room Recording is on with storage configured: our reading
 * (the harmless one for double-recording and cost checks), since every in-scope Live room of the app is then recorded.
 */
export function liveRecordedRooms(app: Pick<DesiredApp, "fullRoomRecording" | "rooms" | "vodApplication" | "retention">): {
  readonly names: readonly string[];
  readonly anyRecorded: boolean;
  readonly roomsDeclared: boolean;
} {
  const settings = { fullRoomRecording: app.fullRoomRecording, storageConfigured: isStorageConfigured(app) };
  if (app.rooms.length === 0) return { names: [], anyRecorded: settings.fullRoomRecording && settings.storageConfigured, roomsDeclared: false };
  const names = app.rooms.filter((r) => decideRoomRecording(liveRoomOf(r), settings).recorded).map((r) => r.name);
  return { names, anyRecorded: names.length > 0, roomsDeclared: true };
}

/** Whether Room Recording would have both a VOD application and a Save Duration (retention). */
export function isStorageConfigured(app: Pick<DesiredApp, "vodApplication" | "retention">): boolean {
  return app.vodApplication !== null && app.retention !== null;
}

/** A declared room as `decideRoomRecording` takes it (unset values from the JSON's nulls). */
export function liveRoomOf(room: DesiredRoom): LiveRoom {
  return {
    seatTemplate: room.seatTemplate,
    createdWith: room.createdWith,
    isUnlimitedRoomEnabled: room.isUnlimitedRoomEnabled ?? undefined,
    isCloudRecordEnabled: room.isCloudRecordEnabled ?? undefined,
    hostCount: room.typicalHosts ?? undefined,
  };
}

/** Seconds a retention keeps a recording (TRTC's `TencentVod.ExpireTime`, the console's Save Duration): 0 = forever. */
export function retentionSeconds(retention: RetentionSpec): number {
  return "forever" in retention ? 0 : retention.days * SECONDS_PER_DAY;
}

/** "90 days", "1 day" or "forever". */
export function formatRetention(retention: RetentionSpec): string {
  if ("forever" in retention) return "forever";
  return retention.days === 1 ? "1 day" : `${retention.days} days`;
}

/** Desired states of a cdktf output folder. */
export interface SynthesizedDesiredStates {
  /** One per stack with a desired-state document, by stack name. */
  readonly states: DesiredState[];
  /** Stacks listed in the manifest without a desired-state document (no LiveRecording in them). */
  readonly skipped: string[];
}

/**
 * Reads the desired state of every stack listed in `<synthDir>/manifest.json` (cdktf's output folder). A manifest or
 * stack document that cannot be used is a `DocumentFileError` naming that file.
 */
export function readSynthesizedDesiredStates(synthDir: string): SynthesizedDesiredStates {
  const manifestFile = path.join(synthDir, "manifest.json");
  if (!existsSync(manifestFile)) throw new DocumentFileError(manifestFile, "it does not exist");
  const manifest = readJsonFile(manifestFile) as { stacks?: unknown } | null;
  if (manifest === null || typeof manifest !== "object" || typeof manifest.stacks !== "object" || manifest.stacks === null) {
    throw new DocumentFileError(manifestFile, "it lists no stacks (not a cdktf manifest)");
  }
  const stacks = manifest.stacks as Record<string, { readonly workingDirectory?: string }>;
  const states: DesiredState[] = [];
  const skipped: string[] = [];
  for (const name of Object.keys(stacks).sort()) {
    const file = path.join(synthDir, stacks[name].workingDirectory ?? "", DESIRED_STATE_FILE);
    if (existsSync(file)) states.push(readDesiredStateFile(file));
    else skipped.push(name);
  }
  return { states, skipped };
}
