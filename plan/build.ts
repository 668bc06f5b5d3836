/**
 * Builds the recording plan from the desired-state documents of the synthesized stacks. Pure: the same documents
 * give the same plan.
 */
import type { DesiredApp, DesiredState, FindingData } from "../lib/desired-state";
import { estimateMonthlyCost } from "./cost";
import { decideDeclaredRoom, describeFileLimits, describeRecordingMode, describeRetention } from "./describe";
import {
  AppPlan,
  CallbacksPlan,
  EnvironmentPlan,
  GlobalAutoRecordingPlan,
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
  return { schema: RECORDING_PLAN_SCHEMA, version: RECORDING_PLAN_VERSION, pricing: pricingPlan(), environments };
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
      recorded: d.recorded,
      content: d.recorded ? (d.content ?? "single-or-mixed") : null,
      reason: d.reason,
      explanation: d.explanation,
      expectRecorded: room.expectRecorded,
      typicalHosts: room.typicalHosts,
    };
  });
  const r = app.recording;
  const globalAutoRecording = globalAutoRecordingPlan(app, rooms);
  const estimatedCost = estimateMonthlyCost(app);
  if (estimatedCost.status === "estimated" && globalAutoRecording.conflict !== "none") {
    estimatedCost.notes.push(
      `not included: ${globalAutoRecording.declared === "on" ? "" : "if Global Auto-Recording is on, "}its second recording of the same rooms (one file per host, billed again)`,
    );
  }
  return {
    path: app.path,
    sdkAppId: app.sdkAppId,
    vodApplication: app.vodApplication
      ? { name: app.vodApplication.name, managed: app.vodApplication.managed, subAppId: app.vodApplication.subAppId }
      : null,
    retention: app.retention,
    retentionText: describeRetention(app.retention),
    recording: {
      mode: r.mode,
      modeText: describeRecordingMode(r.mode),
      format: r.format,
      maxFileDurationMinutes: r.maxFileDurationMinutes,
      resumeWaitSeconds: r.resumeWaitSeconds,
      fileLimitsText: fileLimitsText(app),
    },
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
  };
}

function fileLimitsText(app: DesiredApp): string {
  const r = app.recording;
  return (
    `${describeFileLimits(r)}: a session longer than ${r.maxFileDurationMinutes} min is cut into several files, ` +
    `with about ${r.resumeWaitSeconds} s missing between them`
  );
}

/** Global Auto-Recording as declared, and whether it records what Live records a second time. */
function globalAutoRecordingPlan(app: DesiredApp, rooms: readonly RoomPlan[]): GlobalAutoRecordingPlan {
  const liveRecords = app.fullRoomRecording || rooms.some((r) => r.recorded);
  const finding = (id: string): FindingData | undefined => app.findings.find((f) => f.ruleId === id);
  const base = { declared: app.globalAutoRecording, ruleId: null, acknowledgedReason: null };
  switch (app.globalAutoRecording) {
    case "off":
      return { ...base, conflict: "none", text: "off (declared): nothing is recorded twice" };
    case "on": {
      const lr001 = finding("LR001");
      if (lr001 && lr001.acknowledgedReason !== null) {
        return {
          ...base,
          conflict: "acknowledged",
          ruleId: "LR001",
          acknowledgedReason: lr001.acknowledgedReason,
          text: `on (declared) with Full Room Recording: every host is recorded and billed twice, LR001 acknowledged: ${lr001.acknowledgedReason}`,
        };
      }
      if (lr001) {
        return { ...base, conflict: "double-recording", ruleId: "LR001", text: "on (declared) with Full Room Recording: every host is recorded and billed twice (LR001)" };
      }
      if (liveRecords) {
        return { ...base, conflict: "double-recording", text: "on (declared): the rooms Live records are recorded again, one file per host, and billed twice" };
      }
      return { ...base, conflict: "none", text: "on (declared): Live records no room here, so nothing is recorded twice" };
    }
    case "unknown": {
      if (!liveRecords) return { ...base, conflict: "none", text: "undeclared: Live records no room here, so nothing is recorded twice" };
      const lr007 = finding("LR007");
      return {
        ...base,
        conflict: "unverified",
        ruleId: lr007 ? "LR007" : null,
        acknowledgedReason: lr007?.acknowledgedReason ?? null,
        text: "undeclared: if it is on, the rooms Live records are recorded again, one file per host (declare it to make the plan exact)",
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
