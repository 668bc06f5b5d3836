/**
 * The desired console-only state of one app (no public API: Live Room Recording, Global Auto-Recording, the TRTC
 * recording callback), derived from the desired state in one place, hashed for attestations, and compared with what a
 * console driver reads.
 */
import { canonicalHash } from "../lib/canonical-json";
import type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
import { retentionSeconds } from "../lib/desired-state";
import type { DesiredApp, SecretSourceSpec } from "../lib/desired-state";
import { secretFingerprint } from "../lib/fingerprint";

/** What the console should look like for one SDKAppID. Holds no secret: the callback key is named by its source. */
export interface DesiredConsole {
  readonly sdkAppId: number;
  /** Live Configuration > Room Recording. Null parts are not declared and left as they are. */
  readonly liveRoomRecording: {
    readonly vodSubAppId: number | null;
    /** 0 = keep forever. */
    readonly saveDurationSeconds: number | null;
    readonly fullRoomRecording: boolean;
  };
  /** Global Auto-Recording: `false` = declared off; null = never changed (declared on, or undeclared). */
  readonly globalAutoRecordingEnabled: false | null;
  /** Why Global Auto-Recording is left alone, when it is. */
  readonly globalAutoRecordingNote: string | null;
  /** The written acceptance that turning it off stops recordings only it makes (`acceptStoppingOtherRecordings`). */
  readonly stopOtherRecordingsAccepted: string | null;
  /** The TRTC cloud recording callback, when declared. */
  readonly recordingCallback: { readonly url: string; readonly key: SecretSourceSpec | null } | null;
}

/** The written reason of an LR001 (double recording) acknowledgement, if the declaration has one. */
export function lr001Acknowledgement(app: DesiredApp): string | undefined {
  return app.acknowledgements.find((a) => a.ruleId === "LR001")?.reason;
}

/** Save Duration in seconds from the declared retention (0 = forever), null when none is declared. */
export function saveDurationSeconds(app: DesiredApp): number | null {
  if (app.retention === null) return null;
  return retentionSeconds(app.retention);
}

/**
 * The one definition of "desired console state" (hashed by {@link desiredConsoleHash}).
 *
 * Global Auto-Recording is desired off only when declared `"off"`: it records every TRTC room of the SDKAppID, so
 * turning it off is never inferred (not from Full Room Recording, not from a missing LR001 acknowledgement), and it
 * is never turned on (that would start recording and billing every room; our reading: a declaration of "on" describes
 * the console, it does not ask for a change).
 */
export function desiredConsoleState(app: DesiredApp, vodSubAppId: number | null): DesiredConsole {
  const ack = lr001Acknowledgement(app);
  let note: string | null = null;
  if (app.globalAutoRecording === "on") {
    note = `declared on: never changed (turning it on would start recording and billing every TRTC room of the SDKAppID)${ack !== undefined ? `; double recording acknowledged (LR001): ${ack}` : ""}`;
  } else if (app.globalAutoRecording === "unknown") {
    note = `undeclared: never changed; post-deploy reports the evidence${ack !== undefined ? `; double recording acknowledged (LR001): ${ack}` : ""}`;
  }
  return {
    sdkAppId: app.sdkAppId,
    liveRoomRecording: {
      vodSubAppId: app.vodApplication !== null ? vodSubAppId : null,
      saveDurationSeconds: saveDurationSeconds(app),
      fullRoomRecording: app.fullRoomRecording,
    },
    globalAutoRecordingEnabled: app.globalAutoRecording === "off" ? false : null,
    globalAutoRecordingNote: note,
    stopOtherRecordingsAccepted: app.acceptStoppingOtherRecordings?.reason ?? null,
    recordingCallback: app.callbacks.trtcRecording ? { url: app.callbacks.trtcRecording.url, key: app.callbacks.trtcRecording.key } : null,
  };
}

/** SHA-256 of the desired console state: what an operator's attestation is bound to. */
export function desiredConsoleHash(d: DesiredConsole): string {
  return canonicalHash(d);
}

/** The console settings an operator confirms by attesting `d` (the key only as "set", never its fingerprint). */
export function attestedConsoleState(d: DesiredConsole, declaredGlobalAutoRecordingOn: boolean): ConsoleState {
  return {
    sdkAppId: d.sdkAppId,
    globalAutoRecording: { enabled: d.globalAutoRecordingEnabled === false ? false : declaredGlobalAutoRecordingOn },
    liveRoomRecording: {
      ...(d.liveRoomRecording.vodSubAppId !== null ? { vodSubAppId: d.liveRoomRecording.vodSubAppId } : {}),
      ...(d.liveRoomRecording.saveDurationSeconds !== null ? { saveDurationSeconds: d.liveRoomRecording.saveDurationSeconds } : {}),
      fullRoomRecording: d.liveRoomRecording.fullRoomRecording,
    },
    trtcCallbacks: d.recordingCallback ? { recordingCallbackUrl: d.recordingCallback.url } : {},
  };
}

/** One console field that differs. Values are printable: never a key. */
export interface ConsoleFieldDiff {
  readonly field: string;
  readonly current: string | number | boolean | null;
  readonly desired: string | number | boolean | null;
}

export interface ConsoleComparison {
  readonly diffs: readonly ConsoleFieldDiff[];
  /** The write that makes the console match (empty when nothing differs). */
  readonly change: ConsoleStateChange;
  readonly changed: boolean;
}

/**
 * Compares a console reading with the desired state. `callbackKey` is the key's value when it could be read from
 * the environment (compared by its `secretFingerprint`, which is what drivers report), undefined otherwise (the key is
 * then not compared).
 */
export function compareConsole(d: DesiredConsole, current: ConsoleState, callbackKey: string | undefined): ConsoleComparison {
  const diffs: ConsoleFieldDiff[] = [];
  const live: { vodSubAppId?: number; saveDurationSeconds?: number; fullRoomRecording?: boolean } = {};
  const cur = current.liveRoomRecording;
  const want = d.liveRoomRecording;
  if (want.vodSubAppId !== null && cur.vodSubAppId !== want.vodSubAppId) {
    diffs.push({ field: "Room Recording > VOD Application", current: cur.vodSubAppId ?? null, desired: want.vodSubAppId });
    live.vodSubAppId = want.vodSubAppId;
  }
  if (want.saveDurationSeconds !== null && cur.saveDurationSeconds !== want.saveDurationSeconds) {
    diffs.push({ field: "Room Recording > Save Duration (s)", current: cur.saveDurationSeconds ?? null, desired: want.saveDurationSeconds });
    live.saveDurationSeconds = want.saveDurationSeconds;
  }
  if (cur.fullRoomRecording !== want.fullRoomRecording) {
    diffs.push({ field: "Room Recording > Full Room Recording", current: cur.fullRoomRecording, desired: want.fullRoomRecording });
    live.fullRoomRecording = want.fullRoomRecording;
  }
  let gar: { enabled: boolean } | undefined;
  if (d.globalAutoRecordingEnabled === false && current.globalAutoRecording.enabled) {
    diffs.push({ field: "Global Auto-Recording", current: true, desired: false });
    gar = { enabled: false };
  }
  const cb: { recordingCallbackUrl?: string; callbackKey?: string } = {};
  if (d.recordingCallback !== null) {
    if (current.trtcCallbacks.recordingCallbackUrl !== d.recordingCallback.url) {
      diffs.push({ field: "Callback configuration > Cloud recording callback URL", current: current.trtcCallbacks.recordingCallbackUrl ?? null, desired: d.recordingCallback.url });
      cb.recordingCallbackUrl = d.recordingCallback.url;
    }
    if (callbackKey !== undefined && current.trtcCallbacks.callbackKeyFingerprint !== secretFingerprint(callbackKey)) {
      diffs.push({
        field: "Callback configuration > Callback key",
        current: current.trtcCallbacks.callbackKeyFingerprint === undefined ? "(none)" : "(another key)",
        desired: "(the declared key)",
      });
      cb.callbackKey = callbackKey;
    }
  }
  const change: { -readonly [K in keyof ConsoleStateChange]: ConsoleStateChange[K] } = {};
  if (Object.keys(live).length > 0) change.liveRoomRecording = live;
  if (gar) change.globalAutoRecording = gar;
  if (Object.keys(cb).length > 0) change.trtcCallbacks = cb;
  return { diffs, change, changed: diffs.length > 0 };
}

/** The whole desired console as a change (for the guided driver, which cannot read the console). */
export function fullConsoleChange(d: DesiredConsole, callbackKeyDeclared: boolean): ConsoleStateChange {
  const live = d.liveRoomRecording;
  return {
    liveRoomRecording: {
      ...(live.vodSubAppId !== null ? { vodSubAppId: live.vodSubAppId } : {}),
      ...(live.saveDurationSeconds !== null ? { saveDurationSeconds: live.saveDurationSeconds } : {}),
      fullRoomRecording: live.fullRoomRecording,
    },
    ...(d.globalAutoRecordingEnabled === false ? { globalAutoRecording: { enabled: false } } : {}),
    ...(d.recordingCallback !== null
      ? { trtcCallbacks: { recordingCallbackUrl: d.recordingCallback.url, ...(callbackKeyDeclared ? { callbackKey: "(declared)" } : {}) } }
      : {}),
  };
}
