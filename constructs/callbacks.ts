import { Construct } from "constructs";
import { LIVE_CALLBACK_COMMANDS, LiveCallbackCommand } from "../lib/callbacks/live";
import type { DesiredCallbacks } from "../lib/desired-state";
import { Aspects } from "../lib/cdktf";
import { checkBoolean, checkCallbackUrl, checkKnownKeys, checkOptionalObject, fail, keysOf, validateAt } from "../lib/validation";
import { StandaloneCallbackChecks, coverCallbacks } from "../rules/standalone-callbacks";
import { CallbackSecret } from "./callback-secret";
import { checkOptionalSecret, checkVodApplicationRef } from "./checks";
import { IVodApplication } from "./vod-application";
import { VodEventCallback } from "./vod-event-callback";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
export const RECORDING_CALLBACKS_PROP_KEYS = keysOf<RecordingCallbacksProps>()({ vodApplication: true, vodEvents: true, trtcRecording: true, liveWebhook: true });
/** LiveRecordingProps.callbacks: RecordingCallbacksProps without vodApplication (the LiveRecording's own is used). */
export const CALLBACK_KEYS = RECORDING_CALLBACKS_PROP_KEYS.filter((k) => k !== "vodApplication");
export const VOD_EVENTS_KEYS = keysOf<VodEventCallbackOptions>()({ url: true, deleteEvents: true, signKey: true });
export const TRTC_RECORDING_KEYS = keysOf<TrtcRecordingCallbackOptions>()({ url: true, key: true });
export const LIVE_WEBHOOK_KEYS = keysOf<LiveWebhookOptions>()({ url: true, commands: true, token: true });

/** Live (TUILiveKit) webhook commands (`live_config/set_callback` `CallbackCommandList`), one list for the package. */
export const LIVE_WEBHOOK_COMMANDS = LIVE_CALLBACK_COMMANDS;
export type LiveWebhookCommand = LiveCallbackCommand;

/** What a recording setup needs to hear about: room lifecycle and recording status. */
export const DEFAULT_LIVE_WEBHOOK_COMMANDS: readonly LiveWebhookCommand[] = [
  "Live.CallbackAfterCreateRoom",
  "Live.CallbackAfterDestroyRoom",
  "Follow.CallbackAfterCloudRecordingChanged",
];

export interface VodEventCallbackOptions {
  /** Receives `NewFileUpload` for every recording uploaded to the VOD application. */
  readonly url: string;
  /** Also send `FileDeleted` events. @default false */
  readonly deleteEvents?: boolean;
  /**
   * Key VOD signs callbacks with (`Sign = MD5(SignKey + T)`). Terraform cannot set it; the post-deploy step does.
   * @default - callbacks are not signed
   */
  readonly signKey?: CallbackSecret;
}

export interface TrtcRecordingCallbackOptions {
  /** Receives TRTC cloud recording events (301 start, 311 file uploaded to VOD, 312 done, ...). */
  readonly url: string;
  /**
   * The TRTC callback key (`Sign = base64(HMAC-SHA256(key, body))`). One key serves every TRTC callback URL.
   * @default - callbacks are not signed
   */
  readonly key?: CallbackSecret;
}

export interface LiveWebhookOptions {
  /** Receives Live webhooks (`live_config/set_callback`; one URL per SDKAppID). */
  readonly url: string;
  /**
   * Which webhooks are sent.
   * @default - room created, room destroyed, and cloud recording status changed
   */
  readonly commands?: readonly LiveWebhookCommand[];
  /**
   * Token that signs webhooks (`Sign = hex(SHA256(Token + RequestTime))`, `live_config/set_callback_token`).
   * @default - webhooks are not signed
   */
  readonly token?: CallbackSecret;
}

export interface RecordingCallbacksProps {
  /** VOD application whose event callbacks are configured (needed with `vodEvents`). */
  readonly vodApplication?: IVodApplication;
  /** VOD event callbacks, managed by Terraform. @default - none */
  readonly vodEvents?: VodEventCallbackOptions;
  /** TRTC recording callbacks: console-only, applied by the post-deploy step's console driver. @default - none */
  readonly trtcRecording?: TrtcRecordingCallbackOptions;
  /** Live webhooks, applied by the post-deploy step through the Live REST API. @default - none */
  readonly liveWebhook?: LiveWebhookOptions;
}

/**
 * The callback endpoints a Live recording setup reports to. Only the VOD event callback has a Terraform resource;
 * the others are written to the desired state for the post-deploy step. Signing keys are referenced, never held.
 */
export class RecordingCallbacks extends Construct {
  /** The Terraform-managed VOD event callback, when configured. */
  public readonly vodEventCallback?: VodEventCallback;
  private readonly spec: DesiredCallbacks;

  constructor(scope: Construct, id: string, props: RecordingCallbacksProps = {}) {
    super(scope, id);
    const { vodEvents, trtcRecording, liveWebhook } = validateAt(this, () => {
      checkOptionalObject("callbacks", props, "a callbacks object");
      checkKnownKeys(props, RECORDING_CALLBACKS_PROP_KEYS, "RecordingCallbacksProps");
      if (props.vodApplication !== undefined) checkVodApplicationRef("vodApplication", props.vodApplication);
      checkOptionalObject("vodEvents", props.vodEvents, "a VodEventCallbackOptions object");
      checkOptionalObject("trtcRecording", props.trtcRecording, "a TrtcRecordingCallbackOptions object");
      checkOptionalObject("liveWebhook", props.liveWebhook, "a LiveWebhookOptions object");
      if (props.vodEvents !== undefined) checkKnownKeys(props.vodEvents, VOD_EVENTS_KEYS, "VodEventCallbackOptions", "vodEvents.");
      if (props.trtcRecording !== undefined) checkKnownKeys(props.trtcRecording, TRTC_RECORDING_KEYS, "TrtcRecordingCallbackOptions", "trtcRecording.");
      if (props.liveWebhook !== undefined) checkKnownKeys(props.liveWebhook, LIVE_WEBHOOK_KEYS, "LiveWebhookOptions", "liveWebhook.");
      validateCallbacks(props);
      return props;
    });
    if (vodEvents !== undefined && props.vodApplication !== undefined) {
      this.vodEventCallback = new VodEventCallback(this, "VodEvents", {
        application: props.vodApplication,
        url: vodEvents.url,
        deleteEvents: vodEvents.deleteEvents,
      });
      coverCallbacks(this.vodEventCallback);
    }

    this.spec = validateAt(this, () => ({
      vodEvents: vodEvents
        ? { url: vodEvents.url, deleteEvents: vodEvents.deleteEvents ?? false, signKey: vodEvents.signKey?.bind(this) ?? null }
        : null,
      trtcRecording: trtcRecording ? { url: trtcRecording.url, key: trtcRecording.key?.bind(this) ?? null } : null,
      liveWebhook: liveWebhook
        ? {
            url: liveWebhook.url,
            // Sorted and unique: the order of commands carries no meaning, so it must not show up as a change.
            commands: [...new Set(liveWebhook.commands ?? DEFAULT_LIVE_WEBHOOK_COMMANDS)].sort(),
            token: liveWebhook.token?.bind(this) ?? null,
          }
        : null,
    }));
    Aspects.of(this).add(
      new StandaloneCallbackChecks(this, () => [
        ...(this.spec.vodEvents ? [{ kind: "vodEvents" as const, url: this.spec.vodEvents.url }] : []),
        ...(this.spec.trtcRecording ? [{ kind: "trtcRecording" as const, url: this.spec.trtcRecording.url }] : []),
        ...(this.spec.liveWebhook ? [{ kind: "liveWebhook" as const, url: this.spec.liveWebhook.url }] : []),
      ]),
    );
  }

  /** The endpoints as plain data (keys as references only). */
  public toSpec(): DesiredCallbacks {
    return this.spec;
  }
}

function validateCallbacks(props: RecordingCallbacksProps): void {
  const { vodEvents, trtcRecording, liveWebhook } = props;
  if (vodEvents !== undefined) {
    checkCallbackUrl("vodEvents.url", vodEvents.url);
    if (vodEvents.deleteEvents !== undefined) checkBoolean("vodEvents.deleteEvents", vodEvents.deleteEvents);
    checkOptionalSecret("vodEvents.signKey", vodEvents.signKey);
    if (props.vodApplication === undefined) {
      fail("vodApplication", "set when vodEvents is set (VOD callbacks belong to a VOD application)", undefined);
    }
  }
  if (trtcRecording !== undefined) {
    checkCallbackUrl("trtcRecording.url", trtcRecording.url);
    checkOptionalSecret("trtcRecording.key", trtcRecording.key);
  }
  if (liveWebhook !== undefined) {
    checkCallbackUrl("liveWebhook.url", liveWebhook.url);
    checkOptionalSecret("liveWebhook.token", liveWebhook.token);
    if (liveWebhook.commands !== undefined) {
      if (!Array.isArray(liveWebhook.commands) || liveWebhook.commands.length === 0) {
        fail("liveWebhook.commands", "a non-empty list of Live webhook commands", liveWebhook.commands);
      }
      liveWebhook.commands.forEach((c, i) => {
        if (!(LIVE_WEBHOOK_COMMANDS as readonly string[]).includes(c)) {
          fail(`liveWebhook.commands[${i}]`, `a Live webhook command (${LIVE_WEBHOOK_COMMANDS.join(", ")})`, c);
        }
      });
    }
  }
}
