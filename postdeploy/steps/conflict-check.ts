/**
 * The Global Auto-Recording conflict check, from live evidence (see ../conflict.ts for how it decides), compared with
 * the declaration. With Live recording wanted: `confirmed` is a conflict (exit 3) unless LR001 is acknowledged in the
 * desired state (the reason is printed); `suspected` is a warning (exit 2).
 *
 * The window is the last `--evidence-days` days (default 7, at most 31), shortened to start when Global
 * Auto-Recording was last turned off by this tool (or attested by an operator): recordings made before the fix are
 * history, not evidence.
 */
import { analyzeEvidence, ConflictEvidence, EvidenceInput } from "../conflict";
import { liveRecordingWanted } from "../../lib/desired-state";
import { GLOBAL_AUTO_RECORDING_OFF_STOPS } from "../../lib/global-auto-recording";
import { isoSeconds } from "../../lib/times";
import { desiredConsoleHash, desiredConsoleState, lr001Acknowledgement } from "../desired-console";
import { usageMinutes } from "../usage-screen";
import { evidenceWindowStart, liveAppRecordings } from "./evidence";
import { Printable, Step, StepContext, StepReport, StepStatus, report } from "./types";

function evidenceLines(e: ConflictEvidence, settleMinutes: number, usageNote: string): string[] {
  const lines = [
    `${e.files} recording(s) in ${e.rooms} room(s) (${e.mixedFiles} mixed, ${e.singleUserFiles} single-user); ${e.roomsRecordedTwice} room(s) recorded twice, ${e.roomsWithPerHostFiles} with per-host files`,
  ];
  if (e.roomIds.length > 0) lines.push(`rooms: ${e.roomIds.join(", ")}${e.roomsWithEvidence > e.roomIds.length ? `, ... (${e.roomsWithEvidence} in all)` : ""}`);
  if (e.duplicateMinutes > 0) {
    const c = e.estimatedDoubleCost;
    lines.push(
      `${e.duplicatePairs} duplicate recording pair(s), ${e.duplicateMinutes} minute(s) recorded twice: estimated double cost ${c.cny} CNY in the window` +
        `${c.cnyPer30Days !== null ? ` (about ${c.cnyPer30Days} CNY per 30 days)` : ""}, at ${c.cnyPer1000Minutes} CNY per 1,000 ${c.resolution} minutes (prices as of ${c.pricesAsOf})`,
    );
  }
  if (usageNote !== "") {
    lines.push(usageNote);
  } else if (e.usageMinutes !== null) {
    lines.push(
      `usage (DescribeRecordingUsage): ${e.usageMinutes.single} min single + ${e.usageMinutes.multi} min multi; files in Live's VOD application: ${e.explainedMinutes} min`,
    );
  } else {
    lines.push(`usage not compared: the window is shorter than the ${settleMinutes} minutes recordings need to reach VOD`);
  }
  return lines;
}

export const conflictCheckStep: Step & {
  finish(ctx: StepContext, evidence: ConflictEvidence, usageNote: string, why: readonly string[]): StepReport;
} = {
  id: "conflict-check",
  title: "Global Auto-Recording double recording (live evidence)",
  writes: false,
  needsSubApp: true,
  async run(ctx: StepContext): Promise<StepReport> {
    const app = ctx.app.app;
    const now = ctx.now().getTime();

    // The window: the last N days, from the last fix if later.
    const screenSince = evidenceWindowStart(now, ctx.options.evidenceDays);
    let since = screenSince;
    const why: string[] = [`last ${ctx.options.evidenceDays} day(s)`];
    // A fix's time is rounded up to the next whole second: VOD times have no fractions, so a file created in the
    // second of the fix may predate it.
    const later = (iso: string | undefined, label: string) => {
      const t = iso === undefined ? NaN : Math.ceil(Date.parse(iso) / 1000) * 1000;
      if (Number.isFinite(t) && t > since && t <= now + 1000) {
        since = t;
        why.push(label);
      }
    };
    later(ctx.options.evidenceSince, `--evidence-since ${ctx.options.evidenceSince}`);
    if (ctx.console.kind !== "guided") {
      later(ctx.state.eventTime(ctx.app.sdkAppId, "globalAutoRecordingOff"), "since Global Auto-Recording was turned off by post-deploy");
      later(ctx.shared.globalAutoRecordingTurnedOffAt, "since this run turned Global Auto-Recording off");
    } else {
      const reading = ctx.shared.consoleReading;
      const hash = desiredConsoleHash(desiredConsoleState(app, ctx.app.vodSubAppId));
      if (reading?.attestedHash === hash) later(reading.attestedAt, "since the console was attested");
    }
    const windowStart = isoSeconds(since);
    const windowEnd = isoSeconds(Math.max(now, since));

    // Files of the whole default window (the usage comparison covers it), from the console step's scan when it made one.
    const all = await liveAppRecordings(ctx, screenSince);
    const garState = ctx.shared.consoleReading?.state?.globalAutoRecording.enabled;
    const input: EvidenceInput = {
      files: all.filter((f) => Date.parse(f.createTime) >= since),
      usage: null,
      consoleReportsGlobalAutoRecording: ctx.console.kind === "guided" || garState === undefined ? null : garState && ctx.shared.globalAutoRecordingTurnedOffAt === undefined,
      windowStart,
      windowEnd,
      resolution: app.expectedUsage?.resolution ?? "HD",
    };
    const finish = (evidence: ConflictEvidence, usageNote: string): StepReport => this.finish(ctx, evidence, usageNote, why);

    // Usage is compared for the whole account once all apps are done (see usage-screen.ts); until then the report
    // stands on the files alone.
    const until = now - ctx.options.usageSettleMinutes * 60000;
    if (until > screenSince) {
      ctx.shared.usageFollowUp = {
        screenSinceMs: screenSince,
        untilMs: until,
        explainedMinutes: analyzeEvidence({ ...input, files: all }).explainedMinutes,
        queryOwnUsage: () => usageMinutes(ctx.cloud, ctx.app.sdkAppId, since, until),
        finish: (usage, note) => finish(analyzeEvidence({ ...input, usage }), note),
      };
    }
    return finish(analyzeEvidence(input), "");
  },

  finish(ctx: StepContext, evidence: ConflictEvidence, usageNote: string, why: readonly string[]): StepReport {
    const app = ctx.app.app;
    const wanted = liveRecordingWanted(app);
    const ack = lr001Acknowledgement(app);
    const { windowStart, windowEnd } = evidence;

    const detail: string[] = [];
    const head = { none: "no double recording found", suspected: "SUSPECTED double recording", confirmed: "CONFIRMED double recording" }[evidence.verdict];
    detail.push(`${head} between ${windowStart} and ${windowEnd} (${why.join(", ")})`);
    for (const r of evidence.reasons) detail.push(r);
    detail.push(...evidenceLines(evidence, ctx.options.usageSettleMinutes, usageNote));
    const declared = app.globalAutoRecording;
    if (evidence.verdict !== "none") {
      if (declared === "off") {
        // Say what the evidence is: files recorded twice, or only the console reading the switch on.
        detail.push(
          evidence.files > 0
            ? "Global Auto-Recording is declared off, but the evidence says something records these rooms a second time"
            : "Global Auto-Recording is declared off, but the console reads it on (no recording in the window yet)",
        );
      }
      else if (declared === "unknown") detail.push('Global Auto-Recording is undeclared (never changed by post-deploy): look in the TRTC console and declare it ("off" or "on")');
    }
    let status: StepStatus = "in-sync";
    if (evidence.verdict === "confirmed") {
      if (wanted && ack === undefined) {
        status = "conflict";
        const turnOff =
          declared === "off"
            ? "run post-deploy apply: it is declared off, so apply turns it off (console driver that can write; guided: the printed console change) after a search for rooms only it records"
            : 'declare globalAutoRecording "off": post-deploy apply then turns it off after a search for rooms only it records';
        detail.push(`Fix: ${turnOff}; mind that ${GLOBAL_AUTO_RECORDING_OFF_STOPS}. Or acknowledge rule LR001 with a reason if the double recording is intended`);
      } else {
        status = "warning";
        detail.push(ack !== undefined ? `acknowledged (LR001): ${ack}` : "Live recording is not wanted for this app: these recordings come from elsewhere");
      }
    } else if (evidence.verdict === "suspected") {
      status = "warning";
      if (ack !== undefined) detail.push(`acknowledged (LR001): ${ack}`);
    }
    const current: Printable = { verdict: evidence.verdict, declared, liveRecordingWanted: wanted };
    const desired: Printable = { verdict: "none", ...(ack !== undefined ? { acknowledged: "LR001" } : {}) };
    return report(this, { status, current, desired, detail, evidence: evidence as unknown as { [k: string]: Printable } });
  },
};
