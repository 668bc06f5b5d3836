/**
 * The recording flow of one app as a Mermaid flowchart (GitHub renders it in comments): room templates, recorded or
 * not, single- or mixed-stream, the VOD application with its retention, and the callbacks. When Global Auto-Recording
 * is declared on (or is undeclared while Live records rooms), the per-host duplicate recording is drawn in red
 * (dashed when undeclared).
 *
 * Deterministic: node ids come from positions and fixed names, never from user text; labels are escaped.
 */
import type { RoomScopeReason } from "../lib/room-scope";
import { CALLBACK_LABELS } from "./describe";
import { AppPlan, ROOM_CONTENTS, RoomContent } from "./model";

const RED = "#d62728";

const CONTENT_NODES: Readonly<Record<RoomContent, { id: string; lines: readonly string[] }>> = {
  "single-stream": { id: "rec_single", lines: ["single-stream", "one file of the host"] },
  "mixed-stream": { id: "rec_mixed", lines: ["mixed-stream", "one file of all hosts"] },
  "single-or-mixed": { id: "rec_either", lines: ["single-stream with one host,", "one mixed-stream file with several"] },
};

/** Short edge labels for the room-scope reasons. */
const REASON_LABELS: Readonly<Record<RoomScopeReason, string>> = {
  "not-created-via-live": "not created via Live",
  "unlimited-room-disabled": "isUnlimitedRoomEnabled false",
  "voice-room-default": "voice room: not recorded by default",
  "rest-api-default": "REST create_room: isUnlimitedRoomEnabled defaults to false",
  "cloud-record-disabled-for-room": "IsCloudRecordEnabled false",
  "full-room-recording-off": "Full Room Recording off",
  "storage-not-configured": "no VOD application or retention",
  "cloud-record-enabled-for-room": "IsCloudRecordEnabled true",
  "full-room-recording-on": "Full Room Recording on",
};

/** Escapes text for a quoted Mermaid label: entity codes for the characters Mermaid or Markdown would interpret. */
export function escapeMermaidLabel(text: string): string {
  return text.replace(/[#&"<>`|\r\n]/g, (ch) => {
    switch (ch) {
      case "#":
        return "#35;";
      case "&":
        return "#amp;";
      case '"':
        return "#quot;";
      case "<":
        return "#lt;";
      case ">":
        return "#gt;";
      case "`":
        return "#96;";
      case "|":
        return "#124;";
      default:
        return " ";
    }
  });
}

/** A quoted label from lines of plain text (each escaped, joined with line breaks). */
function label(...lines: string[]): string {
  return `"${lines.map(escapeMermaidLabel).join("<br/>")}"`;
}

/** The flowchart source (without the ```mermaid fence). */
export function renderMermaid(app: AppPlan): string {
  const nodes: string[] = [];
  const edges: string[] = [];
  const dupEdges: number[] = [];
  const classes: string[] = [];
  const edge = (line: string): number => edges.push(line) - 1;

  // Room templates.
  const roomIds: Array<{ id: string; recorded: boolean; content: RoomContent | null; reason: string }> = [];
  if (app.rooms.length === 0) {
    const frr = app.fullRoomRecording && app.vodApplication !== null && app.retention !== null;
    nodes.push(`  room_any[${label("Live rooms", "(no room template declared)")}]`);
    roomIds.push({
      id: "room_any",
      recorded: frr,
      content: frr ? "single-or-mixed" : null,
      reason: frr ? "full-room-recording-on" : app.fullRoomRecording ? "storage-not-configured" : "full-room-recording-off",
    });
  }
  app.rooms.forEach((room, i) => {
    nodes.push(`  room_${i}[${label(room.name, room.seatTemplate, ...(room.caveat !== null ? ["if Tencent enabled voice-room recording"] : []))}]`);
    roomIds.push({ id: `room_${i}`, recorded: room.recorded, content: room.content, reason: room.reason });
  });

  // Recorded or not, and how.
  const usedContents = new Set<RoomContent>();
  let anyNotRecorded = false;
  for (const r of roomIds) {
    const why = label(REASON_LABELS[r.reason as RoomScopeReason] ?? r.reason);
    if (r.recorded && r.content !== null) {
      usedContents.add(r.content);
      edge(`  ${r.id} -->|${why}| ${CONTENT_NODES[r.content].id}`);
    } else {
      anyNotRecorded = true;
      edge(`  ${r.id} -.->|${why}| not_recorded`);
    }
  }
  for (const content of ROOM_CONTENTS) {
    if (usedContents.has(content)) nodes.push(`  ${CONTENT_NODES[content].id}([${label(...CONTENT_NODES[content].lines)}])`);
  }
  if (anyNotRecorded) {
    nodes.push(`  not_recorded[${label("not recorded")}]`);
    classes.push("  class not_recorded off");
  }

  // VOD application (retention).
  const vod = app.vodApplication;
  const vodName = vod === null ? "no VOD application" : `VOD ${vod.name ?? "(name known at deploy)"}`;
  nodes.push(`  vod[(${label(vodName, `kept ${app.retentionText}`)})]`);
  for (const content of ROOM_CONTENTS) {
    if (usedContents.has(content)) edge(`  ${CONTENT_NODES[content].id} --> vod`);
  }

  // Callbacks.
  const callbacks = [
    ["cb_vod", CALLBACK_LABELS.vodEvents, app.callbacks.vodEvents],
    ["cb_trtc", CALLBACK_LABELS.trtcRecording, app.callbacks.trtcRecording],
    ["cb_live", CALLBACK_LABELS.liveWebhook, app.callbacks.liveWebhook],
  ] as const;
  for (const [id, name, cb] of callbacks) {
    if (cb === null) continue;
    nodes.push(`  ${id}[${label(`${name} callback`, cb.url, cb.signed ? "signed" : "unsigned")}]`);
    edge(`  vod -.-> ${id}`);
  }

  // Global Auto-Recording: the per-host duplicate path.
  const gar = app.globalAutoRecording;
  if (gar.conflict !== "none") {
    const undeclared = gar.declared === "unknown";
    const arrow = undeclared ? "-.->" : "==>";
    const title = undeclared ? "Global Auto-Recording (undeclared)" : "Global Auto-Recording on";
    const note = gar.conflict === "acknowledged" ? `${gar.ruleId} acknowledged` : gar.ruleId ?? "double recording";
    nodes.push(`  gar{{${label(title, note)}}}`);
    nodes.push(`  gar_files[${label(undeclared ? "if on: one more file per host" : "one more file per host", "may be recorded twice: extra charges")}]`);
    for (const r of roomIds) {
      if (r.recorded) dupEdges.push(edge(`  ${r.id} ${arrow}|${label(undeclared ? "if on: again, per host" : "again, per host")}| gar`));
    }
    dupEdges.push(edge(`  gar ${arrow} gar_files`));
    classes.push(`  class gar,gar_files ${undeclared ? "duplicateUnverified" : "duplicate"}`);
  }

  const lines = ["flowchart LR", ...nodes, ...edges];
  lines.push("  classDef off fill:#f2f2f2,stroke:#999999,color:#666666");
  lines.push(`  classDef duplicate fill:#fde2e2,stroke:${RED},stroke-width:2px,color:#8b0000`);
  lines.push(`  classDef duplicateUnverified fill:#fff0f0,stroke:${RED},stroke-width:2px,stroke-dasharray:5 5,color:#8b0000`);
  lines.push(...classes);
  if (dupEdges.length > 0) {
    const dashed = gar.declared === "unknown" ? ",stroke-dasharray:5 5" : "";
    lines.push(`  linkStyle ${dupEdges.join(",")} stroke:${RED},stroke-width:2px${dashed}`);
  }
  return lines.join("\n");
}
