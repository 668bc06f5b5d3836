/**
 * Facts about TRTC Live recording and the services behind it, in one place, each with its source.
 * "Seed" is Tencent RTC's "Live Recording" guide (tencentcloud.com/document/product/647/77024, 2026-03-19);
 * API facts are from the public API references of VOD (2018-07-17) and TRTC (2019-07-22).
 */

import type { TencentCloudRegion } from "./regions";

/**
 * Longest file Live records, in minutes (Seed: "The maximum duration for a single file is 1440 minutes"); also the
 * upper bound of TRTC's `RecordParams.MaxMediaFileDuration` (1-1440, default 1440).
 */
export const MAX_FILE_DURATION_MINUTES = 1440;
/** Shortest `MaxMediaFileDuration`, in minutes (TRTC `RecordParams`). */
export const MIN_FILE_DURATION_MINUTES = 1;
/**
 * Seed: "If exceeded, recording is interrupted, and Resume Recording will wait for 30 seconds before restarting."
 * Seconds Resume Recording waits before it restarts after a file reaches the 1440-minute limit.
 */
export const RESUME_WAIT_SECONDS = 30;
/**
 * Seed: "The current maximum concurrent recording limit is 300 streams. For higher concurrency, contact sales or
 * Contact Us." The guide says neither what the limit counts over (SDKAppID or account) nor what happens above it.
 */
export const MAX_CONCURRENT_RECORDINGS = 300;
/** Live's recording file format (Seed: "Recording File Format: MP4."). */
export const LIVE_RECORDING_FORMAT = "MP4";

/** `RecordParams.MaxIdleTime` range and default, seconds (TRTC `CreateCloudRecording`). */
export const MAX_IDLE_TIME_SECONDS = { min: 5, max: 86400, default: 30 } as const;
/** `CreateCloudRecording.ResourceExpiredHour` range and default, hours (TRTC). */
export const RESOURCE_EXPIRED_HOURS = { min: 6, max: 720, default: 72 } as const;
/** TRTC integer room ids (`RoomIdType` 1) are 32-bit unsigned integers. */
export const TRTC_INTEGER_ROOM_ID_MAX = 4294967295;
/** TRTC string room ids and recording-robot UserIds: length limits this package checks (TRTC `CreateCloudRecording`). */
export const TRTC_STRING_ROOM_ID_MAX_LENGTH = 64;
export const TRTC_USER_ID_MAX_LENGTH = 32;

/** VOD sub-application name: 1 to 40 characters (`CreateSubAppId`, provider ValidateStringLengthInRange(1, 40)). */
export const VOD_APP_NAME_MAX_LENGTH = 40;
/** Characters this package allows in a VOD application name (a safe subset; the API states only the length). */
export const VOD_APP_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
/** VOD sub-application description: at most 300 characters (`CreateSubAppId`). */
export const VOD_APP_DESCRIPTION_MAX_LENGTH = 300;
/** Tags on a VOD sub-application: at most 10 (tencentcloud provider). */
export const VOD_APP_MAX_TAGS = 10;

/**
 * Tag keys and values (Tencent Cloud Tag, "Use Limits", tencentcloud.com/document/product/651/13354): a key is 1 to
 * 127 Unicode characters, a value 1 to 255; letters, digits, spaces (not at the start or end) and `+ - = . _ : / @ ( )
 * [ ] , ; > <` (in Chinese mode also `【 】` and the full-width `（ ） ：`, our reading of "( ) :" there).
 */
export const TAG_KEY_MAX_LENGTH = 127;
export const TAG_VALUE_MAX_LENGTH = 255;
export const TAG_CHARACTERS = /^[\p{L}\p{N} +\-=._:/@()\[\],;><【】（）：]+$/u;
/**
 * Tag keys reserved by Tencent Cloud, refused as prefixes. The Tag service's "Use Limits" (651/13354) reserves keys
 * starting with `qcs:` or `project:` (and, in its Chinese version, `项目`); `CreateTag`'s error
 * `InvalidParameter.ReservedTagKey` (651/33015) and product tag guides (CKafka, PTS) name `qcloud`, `tencent` and
 * `project`, as keys starting with them. Our reading: every one of these prefixes is reserved (a key refused here
 * would be refused by Tencent at deploy).
 */
export const TAG_RESERVED_KEY_PREFIXES = ["qcs:", "project", "qcloud", "tencent", "项目"] as const;

/**
 * Retention ("Save Duration") in whole days. TRTC's `TencentVod.ExpireTime` is in seconds (0 = keep forever) and
 * no upper bound is documented; we keep the seconds within a signed 32-bit integer (24,855 days, about 68 years),
 * which every SDK can carry. Longer than that is `Retention.forever()`.
 */
export const RETENTION_DAYS = { min: 1, max: 24855 } as const;
export const SECONDS_PER_DAY = 86400;
/** `ExpireTime` that VOD uses for "never expires" (`MediaBasicInfo.ExpireTime`, `ModifyMediaInfo`). */
export const VOD_NEVER_EXPIRES = "9999-12-31T23:59:59Z";

/** VOD event callback `SignKey` and TRTC callback key: letters and digits, at most 32 (VOD `ModifyEventConfig`, TRTC console). */
export const CALLBACK_KEY_PATTERN = /^[A-Za-z0-9]{1,32}$/;
/** Callback URLs: at most 2083 characters (TRTC console). */
export const CALLBACK_URL_MAX_LENGTH = 2083;

/** TRTC `CreateCloudRecording` regions (Tencent Cloud international docs): some of the Tencent Cloud regions. */
export const TRTC_RECORDING_REGIONS = ["ap-beijing", "ap-guangzhou", "ap-mumbai", "ap-shanghai", "ap-singapore"] as const satisfies readonly TencentCloudRegion[];
export type TrtcRecordingRegion = (typeof TRTC_RECORDING_REGIONS)[number];

/** TRTC SDKAppIDs are positive 32-bit integers (e.g. 1400000001; older apps are smaller). */
export const SDK_APP_ID_RANGE = { min: 1, max: 4294967295 } as const;
