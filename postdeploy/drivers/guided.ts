import type { ConsoleStateChange } from "../../lib/console-state";
import { GLOBAL_AUTO_RECORDING_OFF_STOPS } from "../../lib/global-auto-recording";
import { AttestationStore } from "../attestations";
import { ConsoleApplyOutcome, ConsoleDriver, ConsoleReading } from "../console-driver";

/**
 * The default driver for real accounts. Tencent publishes no API for these settings, so it cannot write them: it
 * prints the exact console change, and reads back what an operator attested with `post-deploy attest`.
 */
export class GuidedConsoleDriver implements ConsoleDriver {
  public readonly kind = "guided";

  constructor(private readonly attestations: AttestationStore) {}

  public async read(sdkAppId: number): Promise<ConsoleReading> {
    const a = this.attestations.latest(sdkAppId);
    if (a === undefined) return { state: null, source: "no attestation yet (guided driver cannot read the console)" };
    return { state: a.console, source: `attested by ${a.attestedBy} at ${a.attestedAt}`, attestedHash: a.hash, attestedAt: a.attestedAt };
  }

  public async apply(sdkAppId: number, change: ConsoleStateChange): Promise<ConsoleApplyOutcome> {
    return { status: "manual", instructions: consoleInstructions(sdkAppId, change) };
  }
}

const onOff = (b: boolean) => (b ? "On" : "Off");

/** The console changes, in the console's own words, for a person to make. Keys are named by where to read them, never shown. */
export function consoleInstructions(sdkAppId: number, change: ConsoleStateChange, keyOrigin?: string): string[] {
  const out: string[] = [];
  const g = change.globalAutoRecording;
  if (g?.enabled === false) {
    // Never proposed without saying what else it stops.
    out.push(`TRTC console > Application ${sdkAppId} > Advanced Features > On-cloud recording > Global Auto-Recording: Off (${GLOBAL_AUTO_RECORDING_OFF_STOPS})`);
  } else if (g?.enabled === true) {
    out.push(`TRTC console > Application ${sdkAppId} > Advanced Features > On-cloud recording > Global Auto-Recording: On`);
  }
  const l = change.liveRoomRecording;
  if (l !== undefined) {
    const parts: string[] = [];
    if (l.vodSubAppId !== undefined) parts.push(`VOD Application = ${l.vodSubAppId}`);
    if (l.saveDurationSeconds !== undefined) {
      parts.push(`Save Duration = ${l.saveDurationSeconds === 0 ? "permanent" : `${Math.round(l.saveDurationSeconds / 86400)} days`}`);
    }
    if (l.fullRoomRecording !== undefined) parts.push(`Full Room Recording = ${onOff(l.fullRoomRecording)}`);
    if (parts.length > 0) out.push(`TRTC console (SDKAppID ${sdkAppId}) > Live Configuration > Room Recording > Configure: ${parts.join(", ")}`);
    if (parts.length > 0) {
      const saveDuration = l.saveDurationSeconds !== undefined ? " The guide does not list Save Duration's options or unit: choose the declared duration." : "";
      out.push(
        "  (Video on Demand must be activated first: if it is not, Configure Now prompts to enable VOD. A change applies to rooms created after it; " +
          `rooms already live keep what was decided when they were created (our reading of "starting or stopping recording mid-session is not supported").${saveDuration})`,
      );
    }
  }
  const t = change.trtcCallbacks;
  if (t !== undefined) {
    const parts: string[] = [];
    if (t.recordingCallbackUrl !== undefined) parts.push(`Cloud recording callback URL = ${t.recordingCallbackUrl}`);
    if (t.roomCallbackUrl !== undefined) parts.push(`Room and media callback URL = ${t.roomCallbackUrl}`);
    if (t.callbackKey !== undefined) parts.push(`Callback key = the value of ${keyOrigin ?? "the declared key"} (not shown)`);
    if (parts.length > 0) out.push(`TRTC console > Application ${sdkAppId} > Advanced Features > Callback configuration: ${parts.join(", ")}`);
  }
  if (out.length > 0) out.push(`Then record it: npx trtc-live-recording post-deploy attest --sdk-app-id ${sdkAppId} --by "<your name>"`);
  return out;
}
