/**
 * What changed between the plan of the base branch and the current one, in reviewer terms:
 * `production: retention 30 → 90 days; estimated storage +¥123/month`, `new environment qa`, ...
 * Only differences are listed; `changed` is false when there are none.
 */
import { canonicalJson } from "../lib/canonical-json";
import { formatYuanRange, formatYuanRangeDelta } from "./cost";
import type { AppPlan, CallbacksPlan, CostEstimate, EnvironmentPlan, FindingPlan, PermissionPlan, PermissionsPlan, RecordingPlan, RoomPlan } from "./model";

export interface EnvironmentChange {
  readonly environment: string;
  readonly kind: "added" | "removed" | "changed";
  /** One phrase per change, in a fixed order; for `added` and `removed`, a summary. */
  readonly changes: readonly string[];
}

export interface PlanDiff {
  readonly changed: boolean;
  /** Changes that concern every environment (the price table). */
  readonly general: readonly string[];
  /** Sorted by environment name. */
  readonly environments: readonly EnvironmentChange[];
}

export function diffPlans(base: RecordingPlan, current: RecordingPlan): PlanDiff {
  const general: string[] = [];
  if (canonicalJson(base.pricing) !== canonicalJson(current.pricing)) {
    general.push(
      base.pricing.asOf === current.pricing.asOf
        ? `unit prices changed (table of ${current.pricing.asOf})`
        : `unit prices: table of ${base.pricing.asOf} → ${current.pricing.asOf}`,
    );
  }
  if (canonicalJson(base.liveRecording) !== canonicalJson(current.liveRecording)) {
    general.push("what Live records (fixed by Tencent), as this package states it, changed: see the plan's first section");
  }
  const names = [...new Set([...base.environments, ...current.environments].map((e) => e.name))].sort();
  const environments: EnvironmentChange[] = [];
  for (const name of names) {
    const before = base.environments.find((e) => e.name === name);
    const after = current.environments.find((e) => e.name === name);
    if (!before && after) environments.push({ environment: name, kind: "added", changes: [summarizeEnvironment(after)] });
    else if (before && !after) environments.push({ environment: name, kind: "removed", changes: [] });
    else if (before && after) {
      const changes = environmentChanges(before, after);
      if (changes.length > 0) environments.push({ environment: name, kind: "changed", changes });
    }
  }
  return { changed: general.length > 0 || environments.length > 0, general, environments };
}

/** The changes as a Markdown list (one line per environment), or a sentence saying there are none. */
export function renderDiffMarkdown(diff: PlanDiff): string {
  const lines = [CHANGES_MARKER, "## Recording plan: changes", ""];
  if (!diff.changed) return [...lines, "No change to recording.", ""].join("\n");
  for (const g of diff.general) lines.push(`- ${g}`);
  for (const e of diff.environments) lines.push(`- ${diffLine(e)}`);
  lines.push("");
  return lines.join("\n");
}

export const CHANGES_MARKER = "<!-- trtc-live-recording:recording-plan-changes -->";

/** `production: retention 30 → 90 days; ...`, `new environment qa (...)`, `environment dev removed`. */
export function diffLine(e: EnvironmentChange): string {
  switch (e.kind) {
    case "added":
      return `new environment ${e.environment}${e.changes.length > 0 ? ` (${e.changes.join("; ")})` : ""}`;
    case "removed":
      return `environment ${e.environment} removed`;
    case "changed":
      return `${e.environment}: ${e.changes.join("; ")}`;
  }
}

function summarizeEnvironment(env: EnvironmentPlan): string {
  if (env.apps.length === 0) return "no Live recording";
  return env.apps
    .map((app) => {
      const recorded = app.rooms.filter((r) => r.recorded).length;
      return [
        `SDKAppID ${app.sdkAppId}`,
        `retention ${app.retentionText}`,
        `Full Room Recording ${onOff(app.fullRoomRecording)}`,
        `${recorded} of ${app.rooms.length} room templates recorded`,
        costText(app.estimatedCost),
      ].join(", ");
    })
    .join("; ");
}

function environmentChanges(before: EnvironmentPlan, after: EnvironmentPlan): string[] {
  const changes: string[] = [];
  if (before.region !== after.region) changes.push(`region ${before.region ?? "not set"} → ${after.region ?? "not set"}`);
  const single = before.apps.length === 1 && after.apps.length === 1;
  const paths = [...new Set([...before.apps, ...after.apps].map((a) => a.path))];
  for (const path of paths) {
    const a = before.apps.find((x) => x.path === path);
    const b = after.apps.find((x) => x.path === path);
    if (!a && b) changes.push(`new Live recording for SDKAppID ${b.sdkAppId} (${costText(b.estimatedCost)})`);
    else if (a && !b) changes.push(`Live recording for SDKAppID ${a.sdkAppId} removed`);
    else if (a && b) {
      const prefix = single ? "" : `SDKAppID ${b.sdkAppId}: `;
      changes.push(...appChanges(a, b).map((c) => prefix + c));
    }
  }
  return changes;
}

function appChanges(a: AppPlan, b: AppPlan): string[] {
  const out: string[] = [];
  if (a.sdkAppId !== b.sdkAppId) out.push(`SDKAppID ${a.sdkAppId} → ${b.sdkAppId}`);
  if (a.account !== b.account) out.push(`account ${a.account ?? "not named"} → ${b.account ?? "not named"}`);
  out.push(...vodChanges(a, b));
  if (a.retentionText !== b.retentionText) out.push(`retention ${retentionChange(a.retentionText, b.retentionText)}`);
  if (a.fullRoomRecording !== b.fullRoomRecording) {
    out.push(`Full Room Recording ${onOff(a.fullRoomRecording)} → ${onOff(b.fullRoomRecording)} (for rooms created after the change)`);
  }
  if (a.globalAutoRecording.declared !== b.globalAutoRecording.declared) {
    out.push(`Global Auto-Recording (declared) ${a.globalAutoRecording.declared} → ${b.globalAutoRecording.declared}`);
  }
  if (a.globalAutoRecording.conflict !== b.globalAutoRecording.conflict) {
    out.push(`double recording ${CONFLICT_NAMES[a.globalAutoRecording.conflict]} → ${CONFLICT_NAMES[b.globalAutoRecording.conflict]}`);
  }
  out.push(...callbackChanges(a.callbacks, b.callbacks));
  out.push(...roomChanges(a.rooms, b.rooms));
  out.push(...findingChanges(a.findings, b.findings));
  out.push(...costChanges(a.estimatedCost, b.estimatedCost));
  out.push(...permissionChanges(a.permissions, b.permissions));
  return out;
}

/**
 * What changed in the post-deploy step's CAM permissions, so that a pull request that widens a policy says so: an
 * action added, or a resource that becomes `*`, is "widened"; an action removed or scoped again, "narrowed".
 */
function permissionChanges(a: PermissionsPlan | null, b: PermissionsPlan | null): string[] {
  if (b === null) return [];
  if (a === null) {
    const n = (ps: readonly PermissionPlan[]) => `${ps.length} action${ps.length === 1 ? "" : "s"}`;
    return [`post-deploy permissions listed for the first time (the base plan predates them): apply policy ${n(b.apply)}, read-only policy ${n(b.readOnly)}`];
  }
  const out: string[] = [];
  const policyName = (p: PermissionsPlan["policies"]) => (p === null ? null : `${p.apply.name}, ${p.readOnly.name}`);
  if (a.policies === null && b.policies !== null) out.push(`CAM policies now declared: ${policyName(b.policies)}`);
  else if (a.policies !== null && b.policies === null) out.push(`CAM policies no longer declared (${policyName(a.policies)})`);
  for (const [label, x, y] of [
    ["apply policy", a.apply, b.apply],
    ["read-only policy", a.readOnly, b.readOnly],
  ] as const) {
    for (const p of y) {
      const before = x.find((q) => q.action === p.action);
      if (before === undefined) out.push(`${label} widened: + ${p.action} on ${p.resource}`);
      else if (before.resource !== p.resource) {
        const wider = p.resource === "*" ? "widened" : before.resource === "*" ? "narrowed" : "changed";
        out.push(`${label} ${wider}: ${p.action} on ${before.resource} → ${p.resource}`);
      }
    }
    for (const p of x) if (!y.some((q) => q.action === p.action)) out.push(`${label} narrowed: - ${p.action}`);
    const pa = label === "apply policy" ? a.policies?.apply : a.policies?.readOnly;
    const pb = label === "apply policy" ? b.policies?.apply : b.policies?.readOnly;
    if (pa !== undefined && pb !== undefined) {
      if (pa.name !== pb.name) out.push(`${label} renamed ${pa.name} → ${pb.name}`);
      for (const t of pb.attachedTo) if (!pa.attachedTo.includes(t)) out.push(`${label} now attached to ${t}`);
      for (const t of pa.attachedTo) if (!pb.attachedTo.includes(t)) out.push(`${label} no longer attached to ${t}`);
    }
  }
  return out;
}

const CONFLICT_NAMES: Readonly<Record<AppPlan["globalAutoRecording"]["conflict"], string>> = {
  none: "none",
  "double-recording": "yes (the same content may be recorded twice, with extra charges)",
  acknowledged: "acknowledged",
  unverified: "possible (Global Auto-Recording undeclared)",
};

function onOff(v: boolean): string {
  return v ? "on" : "off";
}

/** "30 → 90 days" when both are day counts, else "30 days → forever". */
function retentionChange(before: string, after: string): string {
  const days = /^(\d+) days?$/;
  const a = days.exec(before);
  const b = days.exec(after);
  return a && b ? `${a[1]} → ${b[1]} days` : `${before} → ${after}`;
}

function vodChanges(a: AppPlan, b: AppPlan): string[] {
  const va = a.vodApplication;
  const vb = b.vodApplication;
  const name = (v: AppPlan["vodApplication"]) => (v === null ? "none" : (v.name ?? "(name known at deploy)"));
  const out: string[] = [];
  if (name(va) !== name(vb)) out.push(`VOD application ${name(va)} → ${name(vb)}`);
  if (va && vb && va.managed !== vb.managed) {
    out.push(vb.managed ? "VOD application now managed by Terraform" : `VOD application now an existing one (SubAppId ${vb.subAppId ?? "known at deploy"})`);
  } else if (va && vb && va.subAppId !== vb.subAppId) {
    out.push(`VOD SubAppId ${va.subAppId ?? "known at deploy"} → ${vb.subAppId ?? "known at deploy"}`);
  }
  return out;
}

function callbackChanges(a: CallbacksPlan, b: CallbacksPlan): string[] {
  const out: string[] = [];
  for (const [key, name] of [
    ["vodEvents", "VOD events"],
    ["trtcRecording", "TRTC recording"],
    ["liveWebhook", "Live webhook"],
  ] as const) {
    const x = a[key];
    const y = b[key];
    if (!x && y) out.push(`${name} callback added (${y.url}${y.signed ? ", signed" : ""})`);
    else if (x && !y) out.push(`${name} callback removed`);
    else if (x && y) {
      if (x.url !== y.url) out.push(`${name} callback ${x.url} → ${y.url}`);
      if (x.signed !== y.signed) out.push(`${name} callback ${y.signed ? "now signed" : "no longer signed"}`);
    }
  }
  if (a.vodEvents && b.vodEvents && a.vodEvents.deleteEvents !== b.vodEvents.deleteEvents) {
    out.push(`VOD delete events ${onOff(a.vodEvents.deleteEvents)} → ${onOff(b.vodEvents.deleteEvents)}`);
  }
  return out;
}

function roomState(r: RoomPlan): string {
  if (!r.recorded) return "not recorded";
  const how = r.content === "single-or-mixed" ? "single- or mixed-stream" : r.content;
  return `recorded (${how}${r.caveat !== null ? ", if Tencent enabled voice-room recording" : ""})`;
}

const CREATED_WITH: Readonly<Record<RoomPlan["createdWith"], string>> = { "client-sdk": "client SDK", "rest-api": "REST API" };

function roomChanges(a: readonly RoomPlan[], b: readonly RoomPlan[]): string[] {
  const out: string[] = [];
  for (const r of b) {
    const before = a.find((x) => x.name === r.name);
    if (!before) {
      out.push(`room ${r.name} added: ${roomState(r)}`);
      continue;
    }
    if (before.seatTemplate !== r.seatTemplate) out.push(`room ${r.name}: template ${before.seatTemplate} → ${r.seatTemplate}`);
    if (before.createdWith !== r.createdWith) out.push(`room ${r.name}: created with ${CREATED_WITH[before.createdWith]} → ${CREATED_WITH[r.createdWith]}`);
    if (roomState(before) !== roomState(r)) out.push(`room ${r.name}: ${roomState(before)} → ${roomState(r)} (${r.explanation})`);
  }
  for (const r of a) if (!b.some((x) => x.name === r.name)) out.push(`room ${r.name} removed`);
  return out;
}

function findingChanges(a: readonly FindingPlan[], b: readonly FindingPlan[]): string[] {
  const key = (f: FindingPlan) => `${f.ruleId}\u0000${f.message}`;
  const out: string[] = [];
  for (const f of b) {
    const before = a.find((x) => key(x) === key(f));
    if (!before) out.push(`new finding ${f.ruleId} (${f.acknowledged ? "acknowledged " : ""}${f.severity}): ${f.message}`);
    else if (before.acknowledgedReason !== f.acknowledgedReason) {
      out.push(f.acknowledgedReason === null ? `${f.ruleId} no longer acknowledged` : `${f.ruleId} acknowledged: ${f.acknowledgedReason}`);
    }
  }
  for (const f of a) if (!b.some((x) => key(x) === key(f))) out.push(`finding ${f.ruleId} cleared`);
  return out;
}

function costText(c: CostEstimate): string {
  return c.status === "estimated" ? `estimated ${formatYuanRange(c.totalMonthlyCny)}/month` : `cost not estimated: ${c.reason}`;
}

const same = (x: { min: number; max: number }, y: { min: number; max: number }): boolean => x.min === y.min && x.max === y.max;

function costChanges(a: CostEstimate, b: CostEstimate): string[] {
  if (a.status === "estimated" && b.status === "estimated") {
    const out: string[] = [];
    if (a.recordedHoursPerMonth !== b.recordedHoursPerMonth) out.push(`declared usage ${a.recordedHoursPerMonth} → ${b.recordedHoursPerMonth} h/month`);
    if (a.resolution !== b.resolution) out.push(`resolution ${a.resolution} → ${b.resolution}`);
    if (a.storage.averageBitrateKbps !== b.storage.averageBitrateKbps) {
      out.push(`average bitrate ${a.storage.averageBitrateKbps} → ${b.storage.averageBitrateKbps} kbps`);
    }
    if (!same(a.recording.streamsPerRoom, b.recording.streamsPerRoom)) {
      const s = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min} to ${r.max}`);
      out.push(`billed streams per room ${s(a.recording.streamsPerRoom)} → ${s(b.recording.streamsPerRoom)}`);
    }
    if (!same(a.recording.monthlyCny, b.recording.monthlyCny)) out.push(`estimated recording ${formatYuanRangeDelta(a.recording.monthlyCny, b.recording.monthlyCny)}/month`);
    const sto = b.storage.monthlyCny - a.storage.monthlyCny;
    if (sto !== 0) out.push(`estimated storage ${formatYuanRangeDelta({ min: a.storage.monthlyCny, max: a.storage.monthlyCny }, { min: b.storage.monthlyCny, max: b.storage.monthlyCny })}/month`);
    const da = a.doubleRecording;
    const db = b.doubleRecording;
    const doubleText = (d: NonNullable<typeof da>) => `${d.included ? "" : "if Global Auto-Recording is on, "}${formatYuanRange(d.monthlyCny)}/month`;
    if (da === null && db !== null) out.push(`estimated double recording by Global Auto-Recording: ${doubleText(db)}`);
    else if (da !== null && db === null) out.push("estimated double recording by Global Auto-Recording: none");
    else if (da !== null && db !== null && (da.included !== db.included || !same(da.monthlyCny, db.monthlyCny))) {
      out.push(`estimated double recording by Global Auto-Recording ${doubleText(da)} → ${doubleText(db)}`);
    }
    return out;
  }
  if (a.status === b.status) return a.status === "not-estimated" && b.status === "not-estimated" && a.reason !== b.reason ? [`cost not estimated: ${b.reason}`] : [];
  return [`${costText(a)} → ${costText(b)}`];
}
