/**
 * Console-only settings (no public API), through the console driver: Live Room Recording (VOD application, Save
 * Duration, Full Room Recording), the TRTC cloud recording callback URL and key, and Global Auto-Recording.
 *
 * - A driver that can read (emulator): field-by-field comparison; apply writes the difference.
 * - The guided driver cannot read: the latest attestation stands for the console. In sync when its hash equals the
 *   hash of the current desired console state; otherwise apply prints the console change (`manual`) and check fails
 *   (`would-change`, exit 2) until someone re-attests.
 *
 * Global Auto-Recording is changed only when declared `"off"`, and never blindly: before turning it off (or telling a
 * person to), the evidence is searched for rooms it may be the only recorder of (gar-only.ts). When some are found
 * and the declaration does not accept stopping them (`acceptStoppingOtherRecordings`), it is left on: status
 * `refused` (exit 4), with the rooms and the guide's options. Declared `"on"` or undeclared, it is never written.
 */
import { consoleInstructions } from "../drivers/guided";
import { compareConsole, desiredConsoleHash, desiredConsoleState, fullConsoleChange, DesiredConsole } from "../desired-console";
import { ACCEPT_STOPPING_PROP, GLOBAL_AUTO_RECORDING_OFF_STOPS, GLOBAL_AUTO_RECORDING_OPTIONS } from "../../lib/global-auto-recording";
import type { ConsoleStateChange } from "../../lib/console-state";
import { isoSeconds } from "../../lib/times";
import { findGarOnlyRooms, garOnlyLines, GarOnlyEvidence } from "../gar-only";
import { scanRecordings } from "../media-scan";
import { evidenceWindowStart, liveAppRecordings } from "./evidence";
import { usageMinutes } from "../usage-screen";
import { resolveSecret, secretVariable } from "../secrets";
import type { RecordingMedia } from "../cloud";
import { Printable, Step, StepContext, StepReport, StepStatus, report, worstStatus } from "./types";

/**
 * Our reading of the guide ("the entire session from room creation to dissolution is recorded ... starting or stopping
 * recording mid-session is not supported"): a console change takes effect for rooms created after it.
 */
export const CONSOLE_TIMING =
  "console changes apply to rooms created after them (our reading of the guide: Live records a room's session whole, from creation to " +
  "dissolution, or not at all, and starting or stopping recording mid-session is not supported); rooms already live keep how they started";

/** What the search cannot see when the driver cannot read Global Auto-Recording (guided): this package's reading, said. */
const GUIDED_NOT_COUNTED =
  "not counted: rooms with one host's file and no other recording of it (Live's single-stream file of a one-host room looks the same, " +
  "and this driver cannot read whether Global Auto-Recording is on): check that no one-host call or voice room relies on it";

interface GarDecision {
  /** Leave Global Auto-Recording as it is: evidence found and stopping it not accepted. */
  readonly refuse: boolean;
  readonly lines: readonly string[];
  readonly evidence: GarOnlyEvidence;
}

/**
 * Searches the evidence for rooms that only Global Auto-Recording may record, before it is turned off (or a person is
 * told to). `readOn`: the driver reads it on (true), or cannot read it (false: guided).
 */
async function decideGlobalAutoRecordingOff(ctx: StepContext, d: DesiredConsole, readOn: boolean, templateSubAppId: number | undefined): Promise<GarDecision> {
  const now = ctx.now().getTime();
  const screenSince = evidenceWindowStart(now, ctx.options.evidenceDays);
  let since = screenSince;
  const why = [`last ${ctx.options.evidenceDays} day(s)`];
  const later = (iso: string | undefined, label: string) => {
    const t = iso === undefined ? NaN : Math.ceil(Date.parse(iso) / 1000) * 1000;
    if (Number.isFinite(t) && t > since && t <= now) {
      since = t;
      why.push(label);
    }
  };
  later(ctx.options.evidenceSince, `--evidence-since ${ctx.options.evidenceSince}`);
  // What this tool turned off before was weighed then; only what was recorded after that is new evidence.
  if (ctx.console.kind !== "guided") later(ctx.state.eventTime(ctx.app.sdkAppId, "globalAutoRecordingOff"), "since post-deploy last turned it off");

  const scanned: number[] = [];
  let files: RecordingMedia[] = [];
  if (ctx.shared.subApp !== undefined) {
    scanned.push(ctx.shared.subApp.subAppId);
    files = [...(await liveAppRecordings(ctx, screenSince))];
  }
  if (templateSubAppId !== undefined && !scanned.includes(templateSubAppId)) {
    // The template stores into another VOD application: its files are scanned too.
    scanned.push(templateSubAppId);
    files.push(...(await scanRecordings(ctx.cloud, { subAppId: templateSubAppId, sdkAppId: ctx.app.sdkAppId, createdAfter: isoSeconds(since), pageSize: ctx.options.pageSize, cap: ctx.options.searchCap })));
  }
  const usage = await usageMinutes(ctx.cloud, ctx.app.sdkAppId, since, now);
  const windowStart = isoSeconds(since);
  const windowEnd = isoSeconds(Math.max(now, since));
  const evidence = findGarOnlyRooms({
    files: files.filter((f) => Date.parse(f.createTime) >= since),
    globalAutoRecordingReadOn: readOn,
    usage,
    windowStart,
    windowEnd,
  });
  const where = `VOD application(s) ${scanned.join(", ") || "(none)"}, and DescribeRecordingUsage, between ${windowStart} and ${windowEnd} (${why.join(", ")})`;
  const accepted = d.stopOtherRecordingsAccepted;
  if (!evidence.found) {
    // Without a reading of the switch, a lone one-host file is not counted (gar-only.ts): say so rather than over-claim.
    const notCounted = readOn ? [] : [GUIDED_NOT_COUNTED];
    return { refuse: false, evidence, lines: [`no room that only Global Auto-Recording may record found in ${where}`, ...notCounted, GLOBAL_AUTO_RECORDING_OFF_STOPS] };
  }
  const found = garOnlyLines(evidence);
  if (accepted !== null) {
    return {
      refuse: false,
      evidence,
      lines: [`Global Auto-Recording may be the only recorder of these (${where}):`, ...found, `stopping them is accepted (${ACCEPT_STOPPING_PROP}): ${accepted}`, GLOBAL_AUTO_RECORDING_OFF_STOPS],
    };
  }
  return {
    refuse: true,
    evidence,
    lines: [
      `Global Auto-Recording is declared off but NOT turned off: it may be the only recorder of these (${where}):`,
      ...found,
      GLOBAL_AUTO_RECORDING_OFF_STOPS,
      `options: ${GLOBAL_AUTO_RECORDING_OPTIONS.map((o, i) => `(${i + 1}) ${o}`).join("; ")}`,
      `to turn it off anyway, accept stopping them in the declaration: ${ACCEPT_STOPPING_PROP}: { reason: "<who decided, and why>" } on the LiveRecording (at least 10 characters)`,
    ],
  };
}

function withoutGlobalAutoRecording(change: ConsoleStateChange): ConsoleStateChange {
  const { globalAutoRecording: _gar, ...rest } = change;
  return rest;
}

const isEmpty = (change: ConsoleStateChange): boolean => Object.keys(change).length === 0;

export const consoleStep: Step = {
  id: "console",
  title: "Console-only settings (Room Recording, Global Auto-Recording, TRTC callback)",
  writes: true,
  needsSubApp: false,
  async run(ctx: StepContext): Promise<StepReport> {
    const app = ctx.app.app;
    if (app.vodApplication !== null && ctx.app.vodSubAppId === null) {
      return report(this, { status: "blocked", current: null, desired: null, detail: [...ctx.app.problems, "the VOD SubAppId (Room Recording's VOD Application) is unknown"] });
    }
    const d = desiredConsoleState(app, ctx.app.vodSubAppId);
    const hash = desiredConsoleHash(d);
    const keySource = d.recordingCallback?.key ?? null;
    const keyVariable = keySource !== null ? secretVariable(keySource) : undefined;
    const desired: { [k: string]: Printable } = {
      vodApplication: d.liveRoomRecording.vodSubAppId,
      saveDurationSeconds: d.liveRoomRecording.saveDurationSeconds,
      fullRoomRecording: d.liveRoomRecording.fullRoomRecording,
      globalAutoRecording: d.globalAutoRecordingEnabled === false ? false : `leave as is (${d.globalAutoRecordingNote})`,
      recordingCallbackUrl: d.recordingCallback?.url ?? null,
      callbackKey: keyVariable !== undefined ? `from ${keyVariable}` : null,
      hash,
    };
    const reading = await ctx.console.read(ctx.app.sdkAppId);
    ctx.shared.consoleReading = reading;
    const undeclared =
      app.globalAutoRecording === "unknown"
        ? [
            'Global Auto-Recording is undeclared, so post-deploy never changes it. Look in the TRTC console (Application > Advanced Features > On-cloud recording): ' +
              'if it is On, it records every Live room a second time (billed twice, rule LR001); declare "off" to have it turned off after a search for rooms only it records ' +
              `(${GLOBAL_AUTO_RECORDING_OFF_STOPS}), or "on" with LR001 acknowledged if those rooms need it`,
          ]
        : [];

    if (reading.state === null || ctx.console.kind === "guided") {
      // The guided driver: the attestation stands for the console.
      const attested = reading.attestedHash !== undefined;
      const current: Printable = attested ? { attestation: reading.source, hash: reading.attestedHash ?? null } : reading.source;
      if (reading.attestedHash === hash) {
        return report(this, { status: "in-sync", current, desired, detail: [`the console matches the declaration, ${reading.source} (hash ${hash.slice(0, 12)})`, ...undeclared] });
      }
      const why = attested
        ? `the declaration changed after the last attestation (${reading.source}, hash ${reading.attestedHash!.slice(0, 12)}; now ${hash.slice(0, 12)})`
        : "no attestation for this app yet";
      const attest = `then attest: npx trtc-live-recording post-deploy attest --sdk-app-id ${ctx.app.sdkAppId} --by "<your name>"`;
      let change = fullConsoleChange(d, keySource !== null);
      const statuses: StepStatus[] = [];
      const detail: string[] = [];
      let evidence: GarOnlyEvidence | undefined;
      if (d.globalAutoRecordingEnabled === false) {
        // The guided driver cannot read the switch: the search assumes nothing about it (lone one-host files are not counted).
        const decision = await decideGlobalAutoRecordingOff(ctx, d, false, undefined);
        evidence = decision.evidence;
        if (decision.refuse) {
          change = withoutGlobalAutoRecording(change);
          statuses.push("refused");
          detail.push(
            ...decision.lines,
            "if Global Auto-Recording is already Off in the console, there is nothing to stop: leave it Off",
            "attest only once the console matches the declaration (Global Auto-Recording Off), or after changing the declaration",
          );
        } else detail.push(...decision.lines.map((l, i) => (i === 0 ? `before turning Global Auto-Recording off: ${l}` : l)));
      }
      detail.push(...undeclared);
      if (ctx.mode !== "apply") {
        statuses.push("would-change");
        return report(this, {
          status: worstStatus(statuses),
          current,
          desired,
          detail: [`${why}: make the console changes (post-deploy apply prints them), ${attest}`, ...detail, CONSOLE_TIMING],
          ...(evidence ? { evidence: evidence as unknown as { [k: string]: Printable } } : {}),
        });
      }
      const outcome = await ctx.console.apply(ctx.app.sdkAppId, change);
      if (outcome.status === "applied") {
        statuses.push("changed");
        return report(this, { status: worstStatus(statuses), current, desired, detail: [`${why}: the ${ctx.console.kind} driver wrote the desired console state`, ...detail] });
      }
      // Our own wording, which names the environment variable the key is read from (never the key).
      const instructions = [...consoleInstructions(ctx.app.sdkAppId, change, keyVariable !== undefined ? `environment variable ${keyVariable}` : undefined)];
      statuses.push("manual");
      return report(this, {
        status: worstStatus(statuses),
        current,
        desired,
        detail: [`${why}: no public API, a person makes these changes in the console`, ...detail, CONSOLE_TIMING],
        instructions,
        ...(evidence ? { evidence: evidence as unknown as { [k: string]: Printable } } : {}),
      });
    }

    // A driver that reads the console.
    const statuses: StepStatus[] = [];
    const detail: string[] = [];
    let key: string | undefined;
    if (keySource !== null) {
      const secret = resolveSecret(keySource, ctx.env);
      if ("problem" in secret) {
        statuses.push("blocked");
        detail.push(`callback key: ${secret.problem}: set ${keyVariable} and run again (the other settings are handled)`);
      } else key = secret.value;
    }
    const state = reading.state;
    const gar = state.globalAutoRecording;
    const current: { [k: string]: Printable } = {
      vodApplication: state.liveRoomRecording.vodSubAppId ?? null,
      saveDurationSeconds: state.liveRoomRecording.saveDurationSeconds ?? null,
      fullRoomRecording: state.liveRoomRecording.fullRoomRecording,
      globalAutoRecording: gar.enabled,
      recordingCallbackUrl: state.trtcCallbacks.recordingCallbackUrl ?? null,
      callbackKey: state.trtcCallbacks.callbackKeyFingerprint === undefined ? "(none)" : key === undefined ? "(set, not compared)" : "(set)",
      source: reading.source,
    };
    const cmp = compareConsole(d, state, key);
    let change = cmp.change;
    let evidence: GarOnlyEvidence | undefined;
    for (const diff of cmp.diffs) {
      if (diff.field !== "Global Auto-Recording") detail.push(`${diff.field}: ${JSON.stringify(diff.current)} -> ${JSON.stringify(diff.desired)}`);
    }
    if (change.globalAutoRecording?.enabled === false) {
      const decision = await decideGlobalAutoRecordingOff(ctx, d, true, gar.vodSubAppId);
      evidence = decision.evidence;
      if (decision.refuse) {
        change = withoutGlobalAutoRecording(change);
        statuses.push("refused");
      } else detail.push("Global Auto-Recording: true -> false");
      detail.push(...decision.lines);
    }
    if (app.globalAutoRecording === "on" && !gar.enabled) {
      statuses.push("drift");
      detail.push(
        'Global Auto-Recording is declared on but reads off: not turned on (that starts recording and billing every TRTC room of the SDKAppID); ' +
          'if it should be on, turn it on in the TRTC console; if not, declare "off"',
      );
    }
    if (app.globalAutoRecording === "unknown") detail.push(`Global Auto-Recording reads ${gar.enabled ? "on" : "off"}; ${undeclared[0]}`);
    const others = cmp.diffs.filter((x) => x.field !== "Global Auto-Recording").length;
    if (!cmp.changed) {
      detail.unshift(`matches the declaration (${reading.source})`);
      statuses.push("in-sync");
    } else if (ctx.mode !== "apply") {
      statuses.push(isEmpty(change) ? "in-sync" : "would-change");
      if (!isEmpty(change)) detail.push(CONSOLE_TIMING);
    } else if (!isEmpty(change)) {
      const outcome = await ctx.console.apply(ctx.app.sdkAppId, change);
      if (outcome.status === "manual") {
        return report(this, { status: worstStatus([...statuses, "manual"]), current, desired, detail: [...detail, CONSOLE_TIMING], instructions: outcome.instructions });
      }
      if (change.globalAutoRecording?.enabled === false) {
        const at = ctx.now();
        ctx.state.recordEvent(ctx.app.sdkAppId, "globalAutoRecordingOff", at);
        ctx.shared.globalAutoRecordingTurnedOffAt = at.toISOString();
        detail.push("Global Auto-Recording turned off: the conflict check now weighs only recordings made after this");
      }
      if (change.trtcCallbacks?.callbackKey !== undefined && key !== undefined) {
        ctx.state.recordSecret(ctx.app.sdkAppId, "trtcCallbackKey", key, ctx.now());
      }
      detail.push(CONSOLE_TIMING);
      statuses.push("changed");
    } else if (others === 0) statuses.push("in-sync");
    return report(this, {
      status: worstStatus(statuses),
      current,
      desired,
      detail,
      ...(evidence ? { evidence: evidence as unknown as { [k: string]: Printable } } : {}),
    });
  },
};
