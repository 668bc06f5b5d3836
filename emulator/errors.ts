/**
 * Errors the emulated services answer with.
 *
 * Cloud API 3.0 errors are HTTP 200 `{"Response":{"Error":{"Code","Message"},"RequestId"}}`; Live REST errors are
 * HTTP 200 `{"ActionStatus":"FAIL","ErrorCode":<n>,"ErrorInfo":"…","RequestId":"…"}`.
 */

/** A Cloud API 3.0 error (`Response.Error`). */
export class CloudApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CloudApiError";
  }
}

/** A Live (Chat-style) REST error. */
export class LiveApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly errorInfo: string,
  ) {
    super(errorInfo);
    this.name = "LiveApiError";
  }
}

/** Tencent's wording for a missing parameter. */
export function missingParameter(name: string, code = "MissingParameter"): CloudApiError {
  return new CloudApiError(code, `The request is missing a required parameter \`${name}\`.`);
}

/** Live REST error codes used by the emulator (reference §5.1, §5.2). */
export const LiveErrorCode = {
  /** Bad HTTP request or URL (missing query parameters, unknown command). */
  BadHttpRequest: 60002,
  /** Body is not valid JSON. */
  BadJson: 60003,
  /** REST call frequency limit. */
  RateLimited: 60007,
  /** `identifier` is not an app administrator. */
  AdminRequired: 60010,
  UserSigExpired: 70001,
  UserSigParseFailed: 70003,
  UserSigVerifyFailed: 70009,
  UserIdMismatch: 70013,
  SdkAppIdMismatch: 70014,
  SdkAppIdNotFound: 70020,
  /** Internal error, retry. */
  Internal: 100001,
  InvalidParams: 100002,
  RoomIdExists: 100003,
  /**
   * Room does not exist (or was destroyed). Not in our reference: taken from the Conference
   * (`room_engine_http_srv/destroy_room`) error table, https://tencentcloud.com/document/product/647/60706.
   */
  RoomNotFound: 100004,
  RoomIdExistsSameOwner: 100010,
} as const;
