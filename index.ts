/**
 * The package's public API: `import { ... } from "trtc-live-recording"`. Semver covers what this file exports (and
 * the `trtc-live-recording/emulator` and `trtc-live-recording/callbacks` entries, emulator/public-api.ts and
 * lib/callbacks/index.ts); anything reached by a deeper path is internal.
 *
 * Every name is listed on purpose (no `export *`): a construct, prop type or constant becomes public only when it is
 * added here, and test/package/exports.test.ts pins the list. Left out on purpose: the output-id constants (the ids
 * themselves are the contract, documented in the README, and read by CI with `cdktf output`), `DesiredStateDocument`
 * (written by `LiveRecording` itself), the option lists behind `ManualRecording`'s union types and the minimum reason
 * length of acknowledgements (the types and the error messages say them).
 */

// Constructs: one concept each.
export { VodApplication } from "./constructs/vod-application";
export type { IVodApplication, VodApplicationProps } from "./constructs/vod-application";
export { VodEventCallback } from "./constructs/vod-event-callback";
export type { VodEventCallbackProps } from "./constructs/vod-event-callback";
export { Retention } from "./constructs/retention";
export type { RetentionSpec } from "./constructs/retention";
export { CallbackSecret } from "./constructs/callback-secret";
export type { SecretSource } from "./constructs/callback-secret";
export { DEFAULT_LIVE_WEBHOOK_COMMANDS, LIVE_WEBHOOK_COMMANDS, RecordingCallbacks } from "./constructs/callbacks";
export type { LiveWebhookCommand, LiveWebhookOptions, RecordingCallbacksProps, TrtcRecordingCallbackOptions, VodEventCallbackOptions } from "./constructs/callbacks";
export { LiveRecording } from "./constructs/live-recording";
export type { ExpectedUsage, LiveRecordingProps, RoomUsage, StopOtherRecordingsAcceptance } from "./constructs/live-recording";
export { ManualRecording, checkCreateCloudRecordingRequest } from "./constructs/manual-recording";
export type { ManualMixLayout, ManualRecordMode, ManualRecordingProps, ManualRecordingTarget, ManualStreamType, ManualVodMediaType } from "./constructs/manual-recording";
export { PostDeployHook } from "./constructs/post-deploy-hook";
export type { PostDeployHookProps } from "./constructs/post-deploy-hook";
export { PostDeployPolicies } from "./constructs/post-deploy-policies";
export type { IPostDeployRecording, PolicyAttachmentOptions, PostDeployPoliciesOptions, PostDeployPoliciesProps, PostDeployPolicy } from "./constructs/post-deploy-policies";

// Stacks: a whole environment per SDKAppID, its state backend, several at once.
export { LiveRecordingStack } from "./stacks/live-recording-stack";
export type { LiveRecordingStackProps } from "./stacks/live-recording-stack";
export { StateBackend } from "./stacks/state-backend";
export type { CosStateBackendOptions } from "./stacks/state-backend";
export { defineEnvironments } from "./stacks/environments";
export type { EnvironmentConfig } from "./stacks/environments";

// Synth-time checks: acknowledging a finding, and what a finding is.
export { Acknowledgements } from "./rules/acknowledgements";
export type { Acknowledgement } from "./rules/acknowledgements";
export type { Finding, Severity } from "./rules/rule";

// Which Live rooms are recorded, how and why (the guide's rules, usable without synthesizing).
export { SEAT_TEMPLATES, decideRoomRecording } from "./lib/room-scope";
export type { LiveRoom, RecordedContent, RoomCreationMethod, RoomRecordingDecision, RoomRecordingSettings, RoomScopeReason, SeatTemplate } from "./lib/room-scope";

// A bad value given to the package: its construct path (or call), property, what is allowed and what was received.
export { ValidationError } from "./lib/validation-core";
export type { GlobalAutoRecordingDeclaration, Resolution } from "./lib/desired-state";

/**
 * The tencentcloud provider of the bindings this package was built with (provider 1.82.101, generated from
 * `schema/`): a stack that holds these constructs needs one instance of it, as `LiveRecordingStack` creates.
 */
export { TencentcloudProvider } from "./.gen/providers/tencentcloud/provider";
export type { TencentcloudProviderConfig } from "./.gen/providers/tencentcloud/provider";
