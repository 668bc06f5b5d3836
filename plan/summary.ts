import type { DesiredApp, DesiredState } from "../lib/desired-state";
import { decideRoomRecording } from "../lib/room-scope";

/** A short, readable summary of one environment's declared Live recording (for `npm start` and logs). */
export function summarizeEnvironment(state: DesiredState): string {
  return state.apps.map((app) => summarizeApp(state, app)).join("\n");
}

function summarizeApp(state: DesiredState, app: DesiredApp): string {
  const vod = app.vodApplication;
  const retention = app.retention === null ? "none" : "forever" in app.retention ? "forever" : `${app.retention.days} days`;
  const r = app.recording;
  const mode =
    r.mode === "as-live" ? "single-stream with one host, one mixed-stream file with several" : r.mode;
  const storageConfigured = vod !== null && app.retention !== null;
  const lines = [
    `${state.environment}  (SDKAppID ${app.sdkAppId}, ${state.region ?? "region not set"})`,
    `  VOD application      ${vod === null ? "none" : `${vod.name ?? "(name known at deploy)"}${vod.managed ? " (managed by Terraform)" : ` (existing, SubAppId ${vod.subAppId})`}`}`,
    `  Retention            ${retention}`,
    `  Recording            ${r.format.toUpperCase()}, ${mode}; files up to ${r.maxFileDurationMinutes} min, resumed after ${r.resumeWaitSeconds} s`,
    `  Full Room Recording  ${app.fullRoomRecording ? "on" : "off"}   Global Auto-Recording (declared): ${app.globalAutoRecording}`,
    `  Callbacks            ${callbackList(app)}`,
  ];
  for (const room of app.rooms) {
    const d = decideRoomRecording(
      {
        seatTemplate: room.seatTemplate,
        isUnlimitedRoomEnabled: room.isUnlimitedRoomEnabled ?? undefined,
        isCloudRecordEnabled: room.isCloudRecordEnabled ?? undefined,
        hostCount: room.typicalHosts ?? undefined,
      },
      { fullRoomRecording: app.fullRoomRecording, storageConfigured },
    );
    lines.push(`  Room ${room.name.padEnd(16)} ${room.seatTemplate}: ${d.recorded ? "recorded" : "not recorded"} (${d.explanation})`);
  }
  const findings = app.findings.map(
    (f) => `  ${f.acknowledgedReason !== null ? "ACK " : f.severity === "error" ? "ERROR" : f.severity === "warning" ? "WARN " : "INFO "} ${f.ruleId} ${f.message}`,
  );
  lines.push(...(findings.length > 0 ? findings : ["  Findings             none"]));
  return lines.join("\n");
}

function callbackList(app: DesiredApp): string {
  const c = app.callbacks;
  const parts = [
    c.vodEvents ? `VOD ${c.vodEvents.url}${c.vodEvents.signKey ? " (signed)" : ""}` : "",
    c.trtcRecording ? `TRTC recording ${c.trtcRecording.url}${c.trtcRecording.key ? " (signed)" : ""}` : "",
    c.liveWebhook ? `Live webhook ${c.liveWebhook.url}${c.liveWebhook.token ? " (signed)" : ""}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("\n                       ") : "none";
}
