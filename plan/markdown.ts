/**
 * The recording plan as Markdown, for a pull-request comment: per environment a heading, a short table, the rooms,
 * the Mermaid flow and the findings. Deterministic: no dates of the run, no paths.
 */
import { formatYuan, formatYuanRange } from "./cost";
import { ROOM_DEFAULTS_READING, describeCallback, findingTag } from "./describe";
import { renderMermaid } from "./mermaid";
import type { AppPlan, EnvironmentPlan, RecordingPlan, RoomPlan } from "./model";

/** First line of the comment: lets CI find and update its previous comment. */
export const PLAN_MARKER = "<!-- trtc-live-recording:recording-plan -->";

/** Escapes text for a Markdown table cell (pipes, line breaks, HTML). */
export function escapeCell(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** Escapes inline text outside tables (HTML and emphasis characters). */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*[\]])/g, "\\$1");
}

export function renderPlanMarkdown(plan: RecordingPlan): string {
  const out: string[] = [PLAN_MARKER, "# Recording plan", ""];
  out.push("What Live records (fixed by Tencent, not configuration; for other parameters see TRTC Cloud Recording, `ManualRecording`):", "");
  for (const fact of plan.liveRecording.facts) out.push(`- ${escapeText(fact)}`);
  out.push("", "Console Room Recording:", "");
  for (const note of plan.liveRecording.consoleNotes) out.push(`- ${escapeText(note)}`);
  out.push("");
  if (plan.environments.length === 0) {
    out.push("No environment declares Live recording.", "");
  }
  for (const env of plan.environments) out.push(...environmentSection(env));
  out.push(
    `<sub>Estimates: list prices of ${plan.pricing.asOf} in CNY, from declared usage (expectedUsage); ` +
      `see lib/pricing.ts for the unit prices and their sources.</sub>`,
    "",
  );
  return out.join("\n");
}

function environmentSection(env: EnvironmentPlan): string[] {
  const out = [`## ${escapeText(env.name)}`, ""];
  if (env.apps.length === 0) return [...out, "No Live recording declared.", ""];
  for (const app of env.apps) {
    if (env.apps.length > 1) out.push(`### SDKAppID ${app.sdkAppId}`, "");
    out.push(...appSection(env, app));
  }
  return out;
}

function appSection(env: EnvironmentPlan, app: AppPlan): string[] {
  const vod = app.vodApplication;
  const callbacks = (
    [
      ["VOD events", app.callbacks.vodEvents],
      ["TRTC recording", app.callbacks.trtcRecording],
      ["Live webhook", app.callbacks.liveWebhook],
    ] as const
  )
    .filter(([, c]) => c !== null)
    .map(([name, c]) => describeCallback({ label: name, url: c!.url, signed: c!.signed }));
  const rows: Array<[string, string]> = [
    ["SDKAppID", `${app.sdkAppId} (${env.region ?? "region not set"})${app.account !== null ? `, account ${app.account}` : ""}`],
    [
      "VOD application",
      vod === null ? "none" : `${vod.name ?? "(name known at deploy)"} (${vod.managed ? "managed by Terraform" : `existing, SubAppId ${vod.subAppId ?? "known at deploy"}`})`,
    ],
    ["Retention (Save Duration)", app.retentionText],
    ["Full Room Recording", `${app.fullRoomRecording ? "on" : "off"} (applies to rooms created after the change)`],
    ["Global Auto-Recording", app.globalAutoRecording.text],
    ["Callbacks", callbacks.length > 0 ? callbacks.join("\n") : "none"],
    ["Estimated cost", costCell(app)],
  ];
  const out = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`), ""];
  if (app.rooms.length > 0) {
    out.push("| Room | Template | Created with | Recorded | How | Why |", "|---|---|---|---|---|---|");
    for (const room of app.rooms) out.push(roomRow(room));
    out.push("", escapeText(ROOM_DEFAULTS_READING), "");
  } else {
    out.push("No room template declared.", "");
  }
  out.push("```mermaid", renderMermaid(app), "```", "");
  if (app.findings.length === 0) {
    out.push("Findings: none", "");
  } else {
    out.push("Findings:", "");
    for (const f of app.findings) {
      const ack = f.acknowledgedReason !== null ? ` (acknowledged: ${escapeText(f.acknowledgedReason)})` : "";
      out.push(`- **${findingTag(f)}** ${f.ruleId}: ${escapeText(f.message)}${ack}`);
    }
    out.push("");
  }
  out.push(...permissionsSection(app));
  if (app.estimatedCost.status === "estimated") {
    const c = app.estimatedCost;
    out.push("<details><summary>Estimate notes</summary>", "");
    out.push(`- basis: ${escapeText(c.basis)}`);
    if (c.recording.rangeReason !== null) out.push(`- range: ${escapeText(c.recording.rangeReason)}`);
    for (const note of c.notes) out.push(`- ${escapeText(note)}`);
    out.push("", "</details>", "");
  }
  return out;
}

/** The CAM permissions of the post-deploy step: what each policy allows, on what, and why `*` where it is. */
function permissionsSection(app: AppPlan): string[] {
  const p = app.permissions;
  if (p === null) return [];
  const out = ["Post-deploy permissions (CAM):", ""];
  const attached = (d: { name: string; attachedTo: readonly string[] }) => `\`${d.name}\`${d.attachedTo.length > 0 ? ` (attached to ${d.attachedTo.join(", ")})` : " (not attached)"}`;
  out.push(
    p.policies === null
      ? "- not declared as CAM policies: `accessPolicies` on the LiveRecording declares them"
      : `- declared as CAM policies ${attached(p.policies.apply)} and ${attached(p.policies.readOnly)}`,
    "",
  );
  const rows = [...p.apply.map((x) => ["apply", x] as const), ...p.readOnly.map((x) => ["read-only (plan, check)", x] as const)];
  if (rows.length > 0) {
    out.push("| Policy | Action | Access | Resource | Why |", "|---|---|---|---|---|");
    for (const [policy, x] of rows) {
      const why = x.anyResourceReason !== null ? `\`*\`: ${x.anyResourceReason}` : x.purpose;
      out.push(`| ${policy} | \`${x.action}\` | ${x.access} | \`${escapeCell(x.resource)}\` | ${escapeCell(why)} |`);
    }
    out.push("");
  } else {
    out.push("The post-deploy step calls no Cloud API action that CAM governs for this declaration.", "");
  }
  for (const n of p.notGranted) out.push(`- not in the policies: \`${n.action}\`: ${escapeText(n.reason)}`);
  for (const o of p.outsideCam) out.push(`- outside CAM: ${escapeText(o)}`);
  out.push("");
  return out;
}

function costCell(app: AppPlan): string {
  const c = app.estimatedCost;
  if (c.status === "not-estimated") return `not estimated: ${c.reason}`;
  const assumed = c.storage.unitPriceAssumed || c.notes.some((n) => n.startsWith("estimate uses assumed unit price")) ? " (uses an assumed unit price, see notes)" : "";
  const streams = c.recording.streamsPerRoom.max > 1 ? `, ${c.recording.streamsPerRoom.min} to ${c.recording.streamsPerRoom.max} streams per room` : "";
  const d = c.doubleRecording;
  const double =
    d === null
      ? ""
      : d.included
        ? `; with Global Auto-Recording's second recording (declared on) ${formatYuanRange(d.monthlyCny)}`
        : `; if Global Auto-Recording is on (undeclared), +${formatYuanRange(d.monthlyCny)}, in the total's upper end`;
  return (
    `${formatYuanRange(c.totalMonthlyCny)}/month: recording ${formatYuanRange(c.recording.monthlyCny)} ` +
    `(${formatNumber(c.recordedHoursPerMonth)} h ${c.resolution}${streams}), storage ${formatYuan(c.storage.monthlyCny)} ` +
    `(${formatNumber(c.storage.storedGb >= 10 ? Math.round(c.storage.storedGb) : c.storage.storedGb)} GB kept)${double}${assumed}`
  );
}

const CREATED_WITH: Readonly<Record<RoomPlan["createdWith"], string>> = { "client-sdk": "client SDK", "rest-api": "REST API" };

function roomRow(room: RoomPlan): string {
  const how = room.content === null ? "" : room.content === "single-or-mixed" ? "single-stream with one host, mixed with several" : room.content;
  const recorded = room.recorded ? (room.caveat !== null ? "yes, if Tencent enabled it" : "yes") : "no";
  const expected = room.recorded !== room.expectRecorded ? (room.expectRecorded ? " (expected: yes)" : " (expected: no)") : "";
  return `| ${escapeCell(room.name)} | ${room.seatTemplate} | ${CREATED_WITH[room.createdWith]} | ${recorded}${expected} | ${how} | ${escapeCell(room.explanation)} |`;
}

function formatNumber(n: number): string {
  const [int, frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
