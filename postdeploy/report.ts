/**
 * The post-deploy report, for people (text) and machines (`--json`). Neither form ever contains a secret: steps
 * describe keys by the variable they are read from, and the report holds no request parameters.
 */
import type { AppReport, CallCounts, RunReport } from "./run";
import type { StepReport, StepStatus } from "./steps/types";

const STATUS_WIDTH = 12;
const ID_WIDTH = 17;

const MARK: Readonly<Record<StepStatus, string>> = {
  "in-sync": " ",
  unverified: "?",
  drift: "~",
  refused: "X",
  changed: "+",
  "would-change": "~",
  manual: "!",
  warning: "!",
  conflict: "X",
  failed: "X",
  blocked: "X",
  skipped: "-",
};

function stepLines(s: StepReport): string[] {
  const lines = [`  ${MARK[s.status]} ${s.status.padEnd(STATUS_WIDTH)} ${s.id.padEnd(ID_WIDTH)} ${s.detail[0] ?? s.title}`];
  const more = s.status === "in-sync" || s.status === "skipped" ? [] : s.detail.slice(1);
  for (const d of more) lines.push(`${" ".repeat(4 + STATUS_WIDTH + 1 + ID_WIDTH)}${d}`);
  if (s.instructions && s.instructions.length > 0) {
    lines.push(`${" ".repeat(4 + STATUS_WIDTH + 1 + ID_WIDTH)}In the console:`);
    for (const i of s.instructions) lines.push(`${" ".repeat(6 + STATUS_WIDTH + 1 + ID_WIDTH)}- ${i}`);
  }
  return lines;
}

function appLines(a: AppReport): string[] {
  const head = `${a.environment} (SDKAppID ${a.sdkAppId}${a.vodSubAppId !== null ? `, VOD SubAppId ${a.vodSubAppId}` : ""}): ${a.status}`;
  const lines = [head];
  if (a.error) lines.push(`  X ${a.error}`);
  for (const w of a.warnings) lines.push(`  note: ${w}`);
  for (const s of a.steps) lines.push(...stepLines(s));
  if (a.failed.length > 0 || a.notAttempted.length > 0) {
    lines.push(`  done: ${a.done.join(", ") || "none"}`);
    lines.push(`  failed: ${a.failed.join(", ") || "none"}`);
    lines.push(`  not attempted: ${a.notAttempted.join(", ") || "none"}`);
  }
  lines.push(`  calls: ${a.calls.reads} read(s), ${a.calls.writes} write(s)${a.calls.retries > 0 ? `, ${a.calls.retries} retr${a.calls.retries === 1 ? "y" : "ies"}` : ""}`);
  return lines;
}

export function formatCalls(c: CallCounts): string {
  const actions = Object.entries(c.byAction)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return `${c.reads} read(s), ${c.writes} write(s)${c.retries > 0 ? `, ${c.retries} retries` : ""}${actions ? ` (${actions})` : ""}`;
}

/** The human report (stdout). */
export function renderText(r: RunReport, context: { consoleDriver: string }): string {
  const lines = [`post-deploy ${r.mode}: ${r.apps.length} app(s), console driver: ${context.consoleDriver}`, ""];
  for (const a of r.apps) lines.push(...appLines(a), "");
  if (r.runCalls.reads + r.runCalls.writes > 0) lines.push(`calls shared by all apps: ${formatCalls(r.runCalls)}`);
  lines.push(`calls: ${formatCalls(r.calls)}`);
  lines.push(`exit ${r.exitCode}: ${r.exitReason}`);
  return lines.join("\n") + "\n";
}

/** The machine report (stdout with --json): a stable shape, see `RunReport`. */
export function renderJson(r: RunReport): string {
  return JSON.stringify(r, null, 2) + "\n";
}
