/**
 * A local, signature-checking emulator of the Tencent Cloud VOD, TRTC, CAM and Live APIs that simulates recording.
 * See emulator/README.md for what is emulated, what is simulated and what is not.
 */
export {
  startEmulator,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  DEFAULT_SDK_APP_ID,
  DEFAULT_SDK_SECRET_KEY,
  DEFAULT_ADMIN_IDENTIFIER,
} from "./emulator";
export type { Emulator } from "./emulator";
export type { EmulatorOptions, EmulatorCredential, EmulatorApp } from "./core";
export { EmulatorAdmin, AdminError, ADMIN_ROUTES } from "./admin";
export type { EmulatorAdminApi, RegisterAppInput, AppSummary, StateDump, ConsoleHistoryItem } from "./admin-types";
export { EmulatorAdminClient, EmulatorAdminError } from "./admin-client";
export type { EmulatorAdminClientOptions } from "./admin-client";
export { loopbackAgent, loopbackLookup, sdkClientConfig, liveBaseUrl } from "./client";
export type { SdkCredentials, SdkClientConfigOptions, EmulatorTarget } from "./client";
export { CallLog, WRITE_ACTIONS, isWriteAction, summarize } from "./call-log";
export type { CallLogEntry, CallLogSummary, CallLogSnapshot, ActionCount, CallService } from "./call-log";
export { FAULT_KINDS, validateFaultConfig } from "./faults";
export type { FaultConfig, FaultKind } from "./faults";
export { DEFAULT_RATE_LIMIT, rateLimitOf } from "./rate-limit";
export type { CallbackDelivery, CallbackKind } from "./deliver";
export {
  decideLiveRecording,
  decideGlobalAutoRecording,
  splitRecording,
  SEAT_TEMPLATES,
  DEFAULT_UNLIMITED_ROOM,
  MAX_FILE_SECONDS,
  RESUME_GAP_SECONDS,
} from "./recording";
export type { SeatTemplate, LiveRecordingInput, LiveRecordingDecision, GlobalAutoRecordingDecision, FileSegment } from "./recording";
export { RESOLUTIONS } from "./session";
export type { SimulateSessionInput, SessionReport, RecordingTaskReport, RecordedFileReport, Resolution } from "./session";
export { genUserSig, verifyUserSig, decodeUserSig } from "./usersig";
export type { GenUserSigInput, VerifyUserSigInput, VerifyUserSigResult, DecodedUserSig } from "./usersig";
export { signTc3, verifyTc3, parseAuthorization, buildCanonicalRequest } from "./tc3";
export type { SignTc3Input, VerifyTc3Input, Tc3VerifyResult } from "./tc3";
export { NEVER_EXPIRES } from "./params";
export { VOD_VERSION } from "./vod";
export { CAM_VERSION, CAM_ACTIONS } from "./cam";
export { CamAdmin, CamAdminClient, CAM_ADMIN_ROUTES } from "./cam-admin";
export type { CamAdminApi, CreateCamUserInput, CreatedCamUser, CamUserSummary, CreateCamRoleInput, CamRoleSummary } from "./cam-admin";
export { ACCESS_SCOPES, DEFAULT_APP_ID, DEFAULT_OWNER_UIN, accessScopeOf, unauthorizedOperation, vodResource, trtcResource } from "./cam-access";
export type { AccessScope } from "./cam-access";
export { parsePolicyDocument, evaluatePolicies, actionMatches, resourceMatches, MAX_POLICY_DOCUMENT_CHARS } from "./cam-policy";
export type { PolicyStatement, AccessRequest, PolicyDecision } from "./cam-policy";
export { TRTC_VERSION } from "./trtc";
