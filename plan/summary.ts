import type { DesiredApp, DesiredState } from "../lib/desired-state";
import {
  callbackEndpoints,
  decideDeclaredRoom,
  describeCallback,
  describeFileLimits,
  describeRecordingMode,
  describeRetention,
  describeVodApplication,
  findingTag,
} from "./describe";

/** A short, readable summary of one environment's declared Live recording (for `npm start` and logs). */
export function summarizeEnvironment(state: DesiredState): string {
  return state.apps.map((app) => summarizeApp(state, app)).join("\n");
}

function summarizeApp(state: DesiredState, app: DesiredApp): string {
  const r = app.recording;
  const lines = [
    `${state.environment}  (SDKAppID ${app.sdkAppId}, ${state.region ?? "region not set"})`,
    `  VOD application      ${describeVodApplication(app.vodApplication)}`,
    `  Retention            ${describeRetention(app.retention)}`,
    `  Recording            ${r.format.toUpperCase()}, ${describeRecordingMode(r.mode)}; ${describeFileLimits(r)}`,
    `  Full Room Recording  ${app.fullRoomRecording ? "on" : "off"}   Global Auto-Recording (declared): ${app.globalAutoRecording}`,
    `  Callbacks            ${callbackList(app)}`,
  ];
  for (const room of app.rooms) {
    const d = decideDeclaredRoom(app, room);
    lines.push(`  Room ${room.name.padEnd(16)} ${room.seatTemplate}: ${d.recorded ? "recorded" : "not recorded"} (${d.explanation})`);
  }
  const findings = app.findings.map((f) => `  ${findingTag({ severity: f.severity, acknowledged: f.acknowledgedReason !== null }).padEnd(5)} ${f.ruleId} ${f.message}`);
  lines.push(...(findings.length > 0 ? findings : ["  Findings             none"]));
  return lines.join("\n");
}

function callbackList(app: DesiredApp): string {
  const parts = callbackEndpoints(app.callbacks).map((c) => describeCallback({ ...c, label: c.kind === "vodEvents" ? "VOD" : c.label }));
  return parts.length > 0 ? parts.join("\n                       ") : "none";
}
