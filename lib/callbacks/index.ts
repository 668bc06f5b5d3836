/**
 * Callback verification kit: typed payloads and signature checks for the three callback kinds a TRTC Live recording
 * setup receives. The emulator signs with these functions; receivers verify with them.
 *
 * - TRTC room/media/recording events: {@link verifyTrtcCallback} (`Sign` header, HMAC-SHA256 of the raw body).
 * - Live webhooks: {@link verifyLiveWebhook} (`Sign` + `RequestTime` query parameters, SHA-256 with the token).
 * - VOD event notifications: {@link verifyVodCallback} (`Sign` + `T`, MD5 with the SignKey, expiry).
 */
export type { VerifyResult } from "./result";
export { constantTimeEqual } from "./result";
export * from "./trtc";
export * from "./live";
export * from "./vod";
