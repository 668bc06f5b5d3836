/**
 * Builds the recording plan from the desired-state documents of the synthesized stacks. Pure: the same documents
 * give the same plan.
 */
import type { DesiredApp, DesiredState, FindingData } from "../lib/desired-state";
import { liveRecordedRooms } from "../lib/desired-state";
import { LIVE_RECORDING_FORMAT, MAX_FILE_DURATION_MINUTES, RESUME_WAIT_SECONDS } from "../lib/limits";
import { AccessPolicyKind, declaredFeatures, outsideCam, requiredPermissions, vodSubApplicationResource } from "../lib/post-deploy-permissions";
import { estimateMonthlyCost } from "./cost";
import { CONSOLE_NOTES, LIVE_RECORDING_FACTS, decideDeclaredRoom, describeRetention } from "./describe";
import {
  AppPlan,
  CallbacksPlan,
  EnvironmentPlan,
  GlobalAutoRecordingPlan,
  LiveRecordingPlan,
  PermissionPlan,
  PermissionsPlan,
  PricingPlan,
  RECORDING_PLAN_SCHEMA,
  RECORDING_PLAN_VERSION,
  RecordingPlan,
  RoomPlan,
} from "./model";
import { DEFAULT_BITRATE_KBPS, PRICE_TABLE, STORAGE_HORIZON_MONTHS } from "./pricing";

/** The plan of every environment (sorted by name). */
export function buildRecordingPlan(states: readonly DesiredState[]): RecordingPlan {
  const environments = [...states].sort((a, b) => compare(a.environment, b.environment)).map(environmentPlan);
  return { schema: RECORDING_PLAN_SCHEMA, version: RECORDING_PLAN_VERSION, pricing: pricingPlan(), liveRecording: liveRecordingPlan(), environments };
}

/** What Live records (fixed by Tencent) and the console notes: the same for every app. */
function liveRecordingPlan(): LiveRecordingPlan {
  return {
    configurable: false,
    format: LIVE_RECORDING_FORMAT,
    maxFileDurationMinutes: MAX_FILE_DURATION_MINUTES,
    resumeWaitSeconds: RESUME_WAIT_SECONDS,
    facts: [...LIVE_RECORDING_FACTS],
    consoleNotes: [...CONSOLE_NOTES],
  };
}

function pricingPlan(): PricingPlan {
  return {
    asOf: PRICE_TABLE.asOf,
    currency: PRICE_TABLE.currency,
    recordingPer1000Minutes: { ...PRICE_TABLE.recordingPer1000Minutes },
    vodStandardStoragePerGbMonth: PRICE_TABLE.vodStandardStoragePerGbMonth,
    defaultBitrateKbps: { ...DEFAULT_BITRATE_KBPS },
    storageHorizonMonths: STORAGE_HORIZON_MONTHS,
  };
}

function environmentPlan(state: DesiredState): EnvironmentPlan {
  return { name: state.environment, region: state.region, apps: state.apps.map(appPlan) };
}

function appPlan(app: DesiredApp): AppPlan {
  const rooms = app.rooms.map((room): RoomPlan => {
    const d = decideDeclaredRoom(app, room);
    return {
      name: room.name,
      seatTemplate: room.seatTemplate,
      createdWith: room.createdWith,
      recorded: d.recorded,
      content: d.recorded ? (d.content ?? "single-or-mixed") : null,
      reason: d.reason,
      explanation: d.explanation,
      caveat: d.caveat ?? null,
      expectRecorded: room.expectRecorded,
      typicalHosts: room.typicalHosts,
    };
  });
  const globalAutoRecording = globalAutoRecordingPlan(app);
  const estimatedCost = estimateMonthlyCost(app, globalAutoRecording.conflict);
  return {
    path: app.path,
    sdkAppId: app.sdkAppId,
    account: app.account,
    vodApplication: app.vodApplication
      ? { name: app.vodApplication.name, managed: app.vodApplication.managed, subAppId: app.vodApplication.subAppId }
      : null,
    retention: app.retention,
    retentionText: describeRetention(app.retention),
    fullRoomRecording: app.fullRoomRecording,
    globalAutoRecording,
    callbacks: callbacksPlan(app),
    rooms,
    findings: app.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      acknowledged: f.acknowledgedReason !== null,
      acknowledgedReason: f.acknowledgedReason,
    })),
    estimatedCost,
    permissions: permissionsPlan(app),
  };
}

/**
 * The CAM permissions the post-deploy step needs for this declaration (lib/post-deploy-permissions.ts, from the action
 * table): the same derivation the `PostDeployPolicies` construct writes into its policy documents.
 */
function permissionsPlan(app: DesiredApp): PermissionsPlan {
  const features = declaredFeatures(app);
  const vod = app.vodApplication;
  const vodResource =
    vod === null ? "(no VOD application)" : vodSubApplicationResource(vod.subAppId ?? `(SubAppId of ${vod.name ?? "the VOD application"}, known at deploy)`);
  const list = (kind: AccessPolicyKind): PermissionPlan[] =>
    requiredPermissions(features, kind).granted.map((p) => ({
      action: p.action,
      access: p.access,
      resource: p.cam.kind === "vod-sub-application" ? vodResource : "*",
      anyResourceReason: p.cam.kind === "any-resource" ? p.cam.reason : null,
      purpose: p.purpose,
    }));
  const attachedTo = (a: NonNullable<DesiredApp["accessPolicies"]>["apply"]) =>
    a.attachedTo.map((t) => (t.kind === "user" ? `CAM user ${t.name ?? "(name known at deploy)"}` : `CAM role ${t.id ?? "(ID known at deploy)"}`));
  const declared = app.accessPolicies;
  return {
    policies:
      declared === undefined
        ? null
        : {
            apply: { name: declared.apply.name, attachedTo: attachedTo(declared.apply) },
            readOnly: { name: declared.readOnly.name, attachedTo: attachedTo(declared.readOnly) },
          },
    apply: list("apply"),
    readOnly: list("read-only"),
    notGranted: [...requiredPermissions(features, "apply").notGranted, ...requiredPermissions(features, "read-only").notGranted]
      .filter((n, i, all) => all.findIndex((m) => m.action === n.action) === i)
      .map((n) => ({ action: n.action, reason: n.reason })),
    outsideCam: outsideCam(app),
  };
}

/**
 * Global Auto-Recording as declared, and whether it records what Live records a second time: the same definition as
 * rules LR001 and LR007 (`liveRecordedRooms`).
 */
function globalAutoRecordingPlan(app: DesiredApp): GlobalAutoRecordingPlan {
  const live = liveRecordedRooms(app);
  const rooms = live.roomsDeclared ? `rooms ${live.names.map((n) => `"${n}"`).join(", ")}` : "the Live rooms of Full Room Recording (no room declared)";
  const finding = (id: string): FindingData | undefined => app.findings.find((f) => f.ruleId === id);
  const base = { declared: app.globalAutoRecording, ruleId: null, acknowledgedReason: null };
  const twice = `it records ${rooms} again, each host to its own file: the same content may be recorded twice, resulting in extra charges`;
  switch (app.globalAutoRecording) {
    case "off":
      return { ...base, conflict: "none", text: "off (declared): nothing is recorded twice" };
    case "on": {
      if (!live.anyRecorded) {
        return { ...base, conflict: "none", text: "on (declared): Live records no declared room here, so nothing is recorded twice" };
      }
      const lr001 = finding("LR001");
      if (lr001 && lr001.acknowledgedReason !== null) {
        return {
          ...base,
          conflict: "acknowledged",
          ruleId: "LR001",
          acknowledgedReason: lr001.acknowledgedReason,
          text: `on (declared): ${twice}; LR001 acknowledged: ${lr001.acknowledgedReason}`,
        };
      }
      return { ...base, conflict: "double-recording", ruleId: lr001 ? "LR001" : null, text: `on (declared): ${twice}${lr001 ? " (LR001)" : ""}` };
    }
    case "unknown": {
      if (!live.anyRecorded) return { ...base, conflict: "none", text: "undeclared: Live records no declared room here, so nothing is recorded twice" };
      const lr007 = finding("LR007");
      return {
        ...base,
        conflict: "unverified",
        ruleId: lr007 ? "LR007" : null,
        acknowledgedReason: lr007?.acknowledgedReason ?? null,
        text: `undeclared: if it is on, ${twice} (declare it to make the plan exact)`,
      };
    }
  }
}

function callbacksPlan(app: DesiredApp): CallbacksPlan {
  const c = app.callbacks;
  return {
    vodEvents: c.vodEvents ? { url: maskUrl(c.vodEvents.url), signed: c.vodEvents.signKey !== null, deleteEvents: c.vodEvents.deleteEvents } : null,
    trtcRecording: c.trtcRecording ? { url: maskUrl(c.trtcRecording.url), signed: c.trtcRecording.key !== null } : null,
    liveWebhook: c.liveWebhook ? { url: maskUrl(c.liveWebhook.url), signed: c.liveWebhook.token !== null } : null,
  };
}

const MASK = "***";

/**
 * The URL with any user:password and every query value replaced by `***` (a token in a webhook URL is a secret too);
 * unchanged when it has neither. Not a URL: returned as is (the synth-time checks report it).
 */
export function maskUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (!u.username && !u.password && !u.search) return url;
  if (u.username) u.username = MASK;
  if (u.password) u.password = MASK;
  if (u.search) {
    const masked = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=${MASK}`);
    u.search = masked.length > 0 ? `?${masked.join("&")}` : "";
  }
  return u.toString();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
