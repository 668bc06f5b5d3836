/**
 * Console-only settings (no public API), through the console driver: Live Room Recording (VOD application, Save
 * Duration, Full Room Recording), Global Auto-Recording (off while Live recording is wanted, unless LR001 is
 * acknowledged), and the TRTC cloud recording callback URL and key.
 *
 * - A driver that can read (emulator): field-by-field comparison; apply writes the difference.
 * - The guided driver cannot read: the latest attestation stands for the console. In sync when its hash equals the
 *   hash of the current desired console state; otherwise apply prints the console change (`manual`) and check fails
 *   (`would-change`, exit 2) until someone re-attests.
 */
import { consoleInstructions } from "../drivers/guided";
import { compareConsole, desiredConsoleHash, desiredConsoleState, fullConsoleChange } from "../desired-console";
import { resolveSecret, secretVariable } from "../secrets";
import { Printable, Step, StepContext, StepReport, StepStatus, report } from "./types";

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

    if (reading.state === null || ctx.console.kind === "guided") {
      // The guided driver: the attestation stands for the console.
      const attested = reading.attestedHash !== undefined;
      const current: Printable = attested ? { attestation: reading.source, hash: reading.attestedHash ?? null } : reading.source;
      if (reading.attestedHash === hash) {
        return report(this, { status: "in-sync", current, desired, detail: [`the console matches the declaration, ${reading.source} (hash ${hash.slice(0, 12)})`] });
      }
      const why = attested
        ? `the declaration changed after the last attestation (${reading.source}, hash ${reading.attestedHash!.slice(0, 12)}; now ${hash.slice(0, 12)})`
        : "no attestation for this app yet";
      const attest = `then attest: npx trtc-live-recording post-deploy attest --sdk-app-id ${ctx.app.sdkAppId} --by "<your name>"`;
      if (ctx.mode !== "apply") {
        return report(this, { status: "would-change", current, desired, detail: [`${why}: make the console changes (post-deploy apply prints them), ${attest}`] });
      }
      const change = fullConsoleChange(d, keySource !== null);
      const outcome = await ctx.console.apply(ctx.app.sdkAppId, change);
      if (outcome.status === "applied") {
        return report(this, { status: "changed", current, desired, detail: [`${why}: the ${ctx.console.kind} driver wrote the whole desired console state`] });
      }
      // Our own wording, which names the environment variable the key is read from (never the key).
      const instructions = consoleInstructions(ctx.app.sdkAppId, change, keyVariable !== undefined ? `environment variable ${keyVariable}` : undefined);
      return report(this, { status: "manual", current, desired, detail: [`${why}: no public API, a person makes these changes in the console`], instructions });
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
    const current: { [k: string]: Printable } = {
      vodApplication: state.liveRoomRecording.vodSubAppId ?? null,
      saveDurationSeconds: state.liveRoomRecording.saveDurationSeconds ?? null,
      fullRoomRecording: state.liveRoomRecording.fullRoomRecording,
      globalAutoRecording: state.globalAutoRecording.enabled,
      recordingCallbackUrl: state.trtcCallbacks.recordingCallbackUrl ?? null,
      callbackKey: state.trtcCallbacks.callbackKeyFingerprint === undefined ? "(none)" : key === undefined ? "(set, not compared)" : "(set)",
      source: reading.source,
    };
    const cmp = compareConsole(d, state, key);
    for (const diff of cmp.diffs) detail.push(`${diff.field}: ${JSON.stringify(diff.current)} -> ${JSON.stringify(diff.desired)}`);
    if (d.globalAutoRecordingEnabled === null) detail.push(`Global Auto-Recording left ${state.globalAutoRecording.enabled ? "on" : "off"}: ${d.globalAutoRecordingNote}`);
    if (!cmp.changed) {
      detail.unshift(`matches the declaration (${reading.source})`);
      statuses.push("in-sync");
    } else if (ctx.mode !== "apply") {
      statuses.push("would-change");
    } else {
      const outcome = await ctx.console.apply(ctx.app.sdkAppId, cmp.change);
      if (outcome.status === "manual") {
        return report(this, { status: "manual", current, desired, detail, instructions: outcome.instructions });
      }
      if (cmp.change.globalAutoRecording?.enabled === false) {
        const at = ctx.now();
        ctx.state.recordEvent(ctx.app.sdkAppId, "globalAutoRecordingOff", at);
        ctx.shared.globalAutoRecordingTurnedOffAt = at.toISOString();
        detail.push("Global Auto-Recording turned off: the conflict check now weighs only recordings made after this");
      }
      if (cmp.change.trtcCallbacks?.callbackKey !== undefined && key !== undefined) {
        ctx.state.recordSecret(ctx.app.sdkAppId, "trtcCallbackKey", key, ctx.now());
      }
      statuses.push("changed");
    }
    const order: StepStatus[] = ["blocked", "would-change", "changed", "in-sync"];
    return report(this, { status: order.find((s) => statuses.includes(s)) ?? "in-sync", current, desired, detail });
  },
};
