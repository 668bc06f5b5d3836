/**
 * The package's public API: `import { ... } from "trtc-live-recording"`. Semver covers what this file exports (and
 * the `trtc-live-recording/emulator` and `trtc-live-recording/callbacks` entries); anything reached by a deeper path
 * is internal.
 *
 * Every construct of `constructs/` and every stack helper of `stacks/` is exported, so a new construct is public as
 * soon as its folder's index exports it.
 */
export * from "./constructs";
export * from "./stacks";
export { Acknowledgements, MIN_REASON_LENGTH } from "./rules";
export type { Acknowledgement, Finding, Severity } from "./rules";
export { decideRoomRecording, SEAT_TEMPLATES } from "./lib/room-scope";
export { ValidationError } from "./lib/validation-core";
export type { LiveRoom, RecordedContent, RoomRecordingDecision, RoomRecordingSettings, RoomScopeReason, SeatTemplate } from "./lib/room-scope";
export type { GlobalAutoRecordingDeclaration, Resolution } from "./lib/desired-state";
/**
 * The tencentcloud provider of the bindings this package was built with (provider 1.82.101, generated from
 * `schema/`): a stack that holds these constructs needs one instance of it, as `LiveRecordingStack` creates.
 */
export { TencentcloudProvider } from "./.gen/providers/tencentcloud/provider";
export type { TencentcloudProviderConfig } from "./.gen/providers/tencentcloud/provider";
