/**
 * `trtc-live-recording/emulator`: the local Tencent Cloud (VOD, TRTC, Live REST, console admin, recording
 * simulation) as a testing helper for a consumer's own tests, e.g. of its callback receivers or its configuration
 * with the post-deploy step. The emulator's one entry point: semver covers what this file exports (pinned by
 * test/package/exports.test.ts); this repository's own tests and tools import the emulator's other modules directly,
 * which makes them no part of the public API.
 */
export { startEmulator, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, DEFAULT_ADMIN_IDENTIFIER } from "./emulator";
export type { Emulator } from "./emulator";
export type { EmulatorOptions, EmulatorCredential, EmulatorApp } from "./core";
export type { EmulatorAdmin } from "./admin";
export type { CamAdmin, CamAdminApi, CamRoleSummary, CamUserSummary, CreateCamRoleInput, CreateCamUserInput, CreatedCamUser } from "./cam-admin";
export type { EmulatorAdminApi, RegisterAppInput, AppSummary, StateDump } from "./admin-types";
export type { ConsoleState, ConsoleStateChange } from "../lib/console-state";
export { sdkClientConfig, liveBaseUrl } from "./client";
export type { SdkCredentials, SdkClientConfigOptions, EmulatorTarget } from "./client";
export { genUserSig } from "./usersig";
export type { GenUserSigInput } from "./usersig";
export { RESOLUTIONS } from "./session";
export type { SimulateSessionInput, SessionReport, RecordingTaskReport, RecordedFileReport, Resolution } from "./session";
export type { CallbackDelivery, CallbackKind } from "./deliver";
export { FAULT_KINDS } from "./faults";
export type { FaultConfig, FaultKind } from "./faults";
export type { CallLog, CallLogEntry, CallLogSnapshot, CallLogSummary } from "./call-log";
