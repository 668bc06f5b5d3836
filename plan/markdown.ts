/**
 * The recording plan as Markdown, for a pull-request comment: per environment a heading, a short table, the rooms,
 * the Mermaid flow and the findings. Deterministic: no dates of the run, no paths.
 */
import { formatYuan } from "./cost";
import { describeCallback, findingTag } from "./describe";
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
  if (plan.environments.length === 0) {
    out.push("No environment declares Live recording.", "");
  }
  for (const env of plan.environments) out.push(...environmentSection(env));
  out.push(
    `<sub>Estimates: list prices of ${plan.pricing.asOf} in CNY, from declared usage (expectedUsage); ` +
      `see plan/pricing.ts for the unit prices and their sources.</sub>`,
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
    ["SDKAppID", `${app.sdkAppId} (${env.region ?? "region not set"})`],
    [
      "VOD application",
      vod === null ? "none" : `${vod.name ?? "(name known at deploy)"} (${vod.managed ? "managed by Terraform" : `existing, SubAppId ${vod.subAppId ?? "known at deploy"}`})`,
    ],
    ["Retention", app.retentionText],
    ["Recording", `${app.recording.format.toUpperCase()}, ${app.recording.modeText}`],
    ["File limits", app.recording.fileLimitsText],
    ["Full Room Recording", app.fullRoomRecording ? "on" : "off"],
    ["Global Auto-Recording", app.globalAutoRecording.text],
    ["Callbacks", callbacks.length > 0 ? callbacks.join("\n") : "none"],
    ["Estimated cost", costCell(app)],
  ];
  const out = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`), ""];
  if (app.rooms.length > 0) {
    out.push("| Room | Template | Recorded | How | Why |", "|---|---|---|---|---|");
    for (const room of app.rooms) out.push(roomRow(room));
    out.push("");
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
  if (app.estimatedCost.status === "estimated" && app.estimatedCost.notes.length > 0) {
    out.push("<details><summary>Estimate notes</summary>", "");
    for (const note of app.estimatedCost.notes) out.push(`- ${escapeText(note)}`);
    out.push("", "</details>", "");
  }
  return out;
}

function costCell(app: AppPlan): string {
  const c = app.estimatedCost;
  if (c.status === "not-estimated") return `not estimated: ${c.reason}`;
  const assumed = c.storage.unitPriceAssumed || c.notes.some((n) => n.startsWith("estimate uses assumed unit price")) ? " (uses an assumed unit price, see notes)" : "";
  return (
    `${formatYuan(c.totalMonthlyCny)}/month: recording ${formatYuan(c.recording.monthlyCny)} ` +
    `(${formatNumber(c.recordedHoursPerMonth)} h ${c.resolution}), storage ${formatYuan(c.storage.monthlyCny)} ` +
    `(${formatNumber(c.storage.storedGb >= 10 ? Math.round(c.storage.storedGb) : c.storage.storedGb)} GB kept)${assumed}`
  );
}

function roomRow(room: RoomPlan): string {
  const how = room.content === null ? "" : room.content === "single-or-mixed" ? "single-stream with one host, mixed with several" : room.content;
  const recorded = room.recorded ? "yes" : "no";
  const expected = room.recorded !== room.expectRecorded ? (room.expectRecorded ? " (expected: yes)" : " (expected: no)") : "";
  return `| ${escapeCell(room.name)} | ${room.seatTemplate} | ${recorded}${expected} | ${how} | ${escapeCell(room.explanation)} |`;
}

function formatNumber(n: number): string {
  const [int, frac] = String(n).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
