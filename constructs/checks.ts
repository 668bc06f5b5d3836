/**
 * Checks shared by the constructs, and the keys of every props type (internal: not exported by constructs/index.ts).
 *
 * Each key list is built with `keysOf<Props>()`, whose argument must name every key of the interface: a prop added to
 * an interface without its list fails to compile, instead of being refused at run time as unknown.
 */
import { Construct } from "constructs";
import { ValidationError, describeValue, fail, keysOf } from "../lib/validation";
import { CallbackSecret } from "./callback-secret";
import type { RecordingCallbacksProps, LiveWebhookOptions, TrtcRecordingCallbackOptions, VodEventCallbackOptions } from "./callbacks";
import type { ExpectedUsage, LiveRecordingProps, RoomUsage, StopOtherRecordingsAcceptance } from "./live-recording";
import type { ManualRecordingProps, ManualRecordingTarget } from "./manual-recording";
import type { PostDeployHookProps } from "./post-deploy-hook";
import { Retention } from "./retention";
import type { IVodApplication, VodApplicationProps } from "./vod-application";
import type { VodEventCallbackProps } from "./vod-event-callback";

export const LIVE_RECORDING_PROP_KEYS = keysOf<LiveRecordingProps>()({
  sdkAppId: true,
  account: true,
  vodApplication: true,
  retention: true,
  callbacks: true,
  fullRoomRecording: true,
  globalAutoRecording: true,
  acceptStoppingOtherRecordings: true,
  rooms: true,
  expectedUsage: true,
  outputPrefix: true,
  accessPolicies: true,
});
/** Props that were removed: an outer level lets them through so the LiveRecording can say why they went. */
export const RETIRED_LIVE_RECORDING_PROP_KEYS = ["recording"] as const;
export const ROOM_USAGE_KEYS = keysOf<RoomUsage>()({
  name: true,
  seatTemplate: true,
  createdWith: true,
  isUnlimitedRoomEnabled: true,
  isCloudRecordEnabled: true,
  expectRecorded: true,
  typicalHosts: true,
});
export const EXPECTED_USAGE_KEYS = keysOf<ExpectedUsage>()({
  peakConcurrentRecordings: true,
  recordedHoursPerMonth: true,
  resolution: true,
  averageBitrateKbps: true,
});
export const STOP_ACCEPTANCE_KEYS = keysOf<StopOtherRecordingsAcceptance>()({ reason: true });
export const VOD_APPLICATION_PROP_KEYS = keysOf<VodApplicationProps>()({ name: true, description: true, tags: true, enabled: true });
export const VOD_EVENT_CALLBACK_PROP_KEYS = keysOf<VodEventCallbackProps>()({ application: true, url: true, deleteEvents: true });
export const RECORDING_CALLBACKS_PROP_KEYS = keysOf<RecordingCallbacksProps>()({ vodApplication: true, vodEvents: true, trtcRecording: true, liveWebhook: true });
/** LiveRecordingProps.callbacks: RecordingCallbacksProps without vodApplication (the LiveRecording's own is used). */
export const CALLBACK_KEYS = RECORDING_CALLBACKS_PROP_KEYS.filter((k) => k !== "vodApplication");
export const VOD_EVENTS_KEYS = keysOf<VodEventCallbackOptions>()({ url: true, deleteEvents: true, signKey: true });
export const TRTC_RECORDING_KEYS = keysOf<TrtcRecordingCallbackOptions>()({ url: true, key: true });
export const LIVE_WEBHOOK_KEYS = keysOf<LiveWebhookOptions>()({ url: true, commands: true, token: true });
export const MANUAL_RECORDING_PROP_KEYS = keysOf<ManualRecordingProps>()({
  sdkAppId: true,
  recordMode: true,
  streamType: true,
  maxIdleTimeSeconds: true,
  maxMediaFileDurationMinutes: true,
  mergeAudioAndVideo: true,
  mixLayout: true,
  vodApplication: true,
  retention: true,
  vodMediaType: true,
  vodClassId: true,
  vodProcedure: true,
  vodStorageRegion: true,
  resourceExpiredHours: true,
});
export const MANUAL_RECORDING_TARGET_KEYS = keysOf<ManualRecordingTarget>()({ roomId: true, roomIdType: true, robotUserId: true, robotUserSig: true, vodSubAppId: true });
export const POST_DEPLOY_HOOK_PROP_KEYS = keysOf<PostDeployHookProps>()({ recording: true, projectDir: true, extraArgs: true });

/** For a function passed where its result was meant (`Retention.forever` without `()`): how to call it. */
export function callHint(value: unknown, owner: string): string | undefined {
  if (typeof value !== "function") return undefined;
  return `call it: ${owner}.${value.name || "<method>"}(${value.length > 0 ? "..." : ""})`;
}

export const RETENTION_ALLOWED = "a Retention (Retention.days(n) or Retention.forever())";

/** A Retention, made by `Retention.days(n)` or `Retention.forever()`; absent is fine. */
export function checkOptionalRetention(property: string, value: unknown): void {
  if (value !== undefined && !(value instanceof Retention)) fail(property, RETENTION_ALLOWED, value, callHint(value, "Retention"));
}

/**
 * A CallbackSecret; absent is fine. What was received is described by its kind only, never shown: a string here may
 * be the key itself.
 */
export function checkOptionalSecret(property: string, value: unknown): void {
  if (value === undefined || value instanceof CallbackSecret) return;
  const received =
    typeof value === "string"
      ? `a string of ${[...value].length} characters (not shown: it may be the key itself)`
      : typeof value === "function"
        ? describeValue(value)
        : value === null
          ? "null"
          : Array.isArray(value)
            ? "a list"
            : typeof value === "object"
              ? describeValue(value).startsWith("{")
                ? "an object literal (not shown)"
                : describeValue(value)
              : `a ${typeof value} (not shown)`;
  const hint = callHint(value, "CallbackSecret");
  throw new ValidationError(
    property,
    `\`${property}\` must be a CallbackSecret (CallbackSecret.fromEnvironment(name) or CallbackSecret.fromTerraformVariable(name)); never the key itself, got ${received}${hint !== undefined ? ` (${hint})` : ""}`,
  );
}

/** An existing or created VOD application: a VodApplication, or what VodApplication.fromSubAppId returned. */
export function isVodApplication(value: unknown): value is IVodApplication {
  return value instanceof Construct && "subAppId" in value && "vodApplicationName" in value;
}

export const VOD_APPLICATION_ALLOWED = "a VOD application (a VodApplication, or VodApplication.fromSubAppId(...))";

export function checkVodApplicationRef(property: string, value: unknown, allowed = VOD_APPLICATION_ALLOWED): asserts value is IVodApplication {
  if (!isVodApplication(value)) fail(property, allowed, value, callHint(value, "VodApplication"));
}
