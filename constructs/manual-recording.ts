import { Construct } from "constructs";
import type {
  CreateCloudRecordingRequest,
  MixLayoutParams,
  RecordParams,
  TencentVod,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models";
import {
  MAX_FILE_DURATION_MINUTES,
  MAX_IDLE_TIME_SECONDS,
  MIN_FILE_DURATION_MINUTES,
  RESOURCE_EXPIRED_HOURS,
  SDK_APP_ID_RANGE,
  TRTC_INTEGER_ROOM_ID_MAX,
  TRTC_STRING_ROOM_ID_MAX_LENGTH,
  TRTC_USER_ID_MAX_LENGTH,
} from "../lib/limits";
import { RECORDING_MODES } from "../lib/room-scope";
import { checkBoolean, checkInteger, checkKnownKeys, checkObject, checkOneOf, checkRegion, checkString, fail, isUnresolved, keysOf, validateAt, validateCall } from "../lib/validation";
import { checkOptionalRetention, checkVodApplicationRef } from "./checks";
import { Retention } from "./retention";
import { IVodApplication } from "./vod-application";

/** The keys of the props (a prop added to an interface without its key here fails to compile: `keysOf`). */
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

/** `RecordParams.RecordMode`: each subscribed host to its own files (1), or all hosts mixed into one file (2). */
export const MANUAL_RECORD_MODES = RECORDING_MODES;
export type ManualRecordMode = (typeof MANUAL_RECORD_MODES)[number];

/** `RecordParams.StreamType` 0, 1, 2. */
export const MANUAL_STREAM_TYPES = ["audio-and-video", "audio-only", "video-only"] as const;
export type ManualStreamType = (typeof MANUAL_STREAM_TYPES)[number];

/** `MixLayoutParams.MixLayoutMode` 1 floating, 2 screen sharing, 3 grid (the custom layout, 4, is not offered here). */
export const MANUAL_MIX_LAYOUTS = ["floating", "screen-sharing", "grid"] as const;
export type ManualMixLayout = (typeof MANUAL_MIX_LAYOUTS)[number];

/** `TencentVod.MediaType` 0 mp4, 1 hls, 2 aac, 3 hls+mp4, 4 hls+aac (aac ones only for audio-only recording). */
export const MANUAL_VOD_MEDIA_TYPES = ["mp4", "hls", "aac", "hls+mp4", "hls+aac"] as const;
export type ManualVodMediaType = (typeof MANUAL_VOD_MEDIA_TYPES)[number];

const RECORD_MODE_CODE: Readonly<Record<ManualRecordMode, 1 | 2>> = { "single-stream": 1, "mixed-stream": 2 };
const STREAM_TYPE_CODE: Readonly<Record<ManualStreamType, number>> = { "audio-and-video": 0, "audio-only": 1, "video-only": 2 };
const LAYOUT_CODE: Readonly<Record<ManualMixLayout, number>> = { floating: 1, "screen-sharing": 2, grid: 3 };
const MEDIA_TYPE_CODE: Readonly<Record<ManualVodMediaType, number>> = { mp4: 0, hls: 1, aac: 2, "hls+mp4": 3, "hls+aac": 4 };

export interface ManualRecordingProps {
  /** The TRTC application (SDKAppID) whose rooms this recording is started in. */
  readonly sdkAppId: number;
  /**
   * `RecordParams.RecordMode`: `single-stream` records each host to its own files, `mixed-stream` all hosts into one
   * file. The API has no default: choose.
   */
  readonly recordMode: ManualRecordMode;
  /**
   * `RecordParams.StreamType`: what is recorded.
   * @default "audio-and-video" - the API's default
   */
  readonly streamType?: ManualStreamType;
  /**
   * `RecordParams.MaxIdleTime`: the recording stops after this many seconds with no host in the room (5 to 86400).
   * @default 30 - the API's default
   */
  readonly maxIdleTimeSeconds?: number;
  /**
   * `RecordParams.MaxMediaFileDuration`: longest file, in minutes (1 to 1440); longer recordings are split (files are
   * also split at 2 GB). Applies to MP4 and AAC files, not to HLS, so it cannot be set with `vodMediaType: "hls"`.
   * @default 1440 - the API's default
   */
  readonly maxMediaFileDurationMinutes?: number;
  /**
   * `RecordParams.AvMerge` (single-stream only): merge each host's audio and video into one file.
   * @default false - the API's default (separate)
   */
  readonly mergeAudioAndVideo?: boolean;
  /**
   * `MixLayoutParams.MixLayoutMode` (mixed-stream only).
   * @default - no MixLayoutParams sent: TRTC's own layout (the API reference states no default)
   */
  readonly mixLayout?: ManualMixLayout;
  /** The VOD application the files are uploaded to (`StorageParams.CloudVod.TencentVod.SubAppId`). */
  readonly vodApplication: IVodApplication;
  /**
   * `TencentVod.ExpireTime`: how long VOD keeps each file.
   * @default Retention.forever() - the API's default (0, kept forever)
   */
  readonly retention?: Retention;
  /**
   * `TencentVod.MediaType`: the format of the uploaded files; `aac` and `hls+aac` only with `streamType: "audio-only"`.
   * @default "mp4" - the API's default
   */
  readonly vodMediaType?: ManualVodMediaType;
  /**
   * `TencentVod.ClassId`: VOD category of the files.
   * @default 0 - the built-in "Other" category
   */
  readonly vodClassId?: number;
  /**
   * `TencentVod.Procedure`: a VOD task flow run on every uploaded file, by its name (at most 20 characters).
   * @default - no task flow
   */
  readonly vodProcedure?: string;
  /**
   * `TencentVod.StorageRegion`: upload region, only for special needs.
   * @default - the VOD application's default storage region
   */
  readonly vodStorageRegion?: string;
  /**
   * `ResourceExpiredHour`: hours during which the task can be described, modified or stopped (6 to 720); the recording
   * itself goes on after it.
   * @default 72 - the API's default (not sent)
   */
  readonly resourceExpiredHours?: number;
}

/** The room a manual recording is started in, and the recording robot that joins it. */
export interface ManualRecordingTarget {
  /** The TRTC room id (a 32-bit unsigned integer unless `roomIdType` is `string`). */
  readonly roomId: string;
  /**
   * `RoomIdType`: must match how the room was created.
   * @default "integer"
   */
  readonly roomIdType?: "string" | "integer";
  /** The recording robot's UserId: unique in the room, never a real user's, nor another robot's (that would stop its task). */
  readonly robotUserId: string;
  /** UserSig of the robot. */
  readonly robotUserSig: string;
  /**
   * The VOD `SubAppId` to upload to; required when the VOD application's id is known only after deploy.
   * @default - the configured VOD application's id
   */
  readonly vodSubAppId?: number;
}

/**
 * TRTC Cloud Recording's manual recording (the REST API `CreateCloudRecording`): the guide's fallback when Live
 * recording's built-in options do not fit ("see TRTC Manual Recording for custom recording").
 *
 * It renders the typed request an app backend sends to start recording one room, with the API's documented limits
 * enforced when it is constructed and again on every rendered request. It has no Terraform resource (the API starts
 * one recording per call) and changes nothing of what Live records: Live recording and TRTC Cloud Recording are
 * independent, and a room both record is recorded (and billed) twice. Record manually only rooms Live does not.
 */
export class ManualRecording extends Construct {
  public readonly sdkAppId: number;
  public readonly recordMode: ManualRecordMode;
  public readonly streamType: ManualStreamType;
  public readonly maxIdleTimeSeconds: number;
  public readonly maxMediaFileDurationMinutes?: number;
  public readonly mergeAudioAndVideo: boolean;
  public readonly mixLayout?: ManualMixLayout;
  public readonly vodApplication: IVodApplication;
  public readonly retention: Retention;
  public readonly vodMediaType: ManualVodMediaType;
  public readonly vodClassId: number;
  public readonly vodProcedure?: string;
  public readonly vodStorageRegion?: string;
  public readonly resourceExpiredHours?: number;

  constructor(scope: Construct, id: string, props: ManualRecordingProps) {
    super(scope, id);
    validateAt(this, () => {
      checkObject("props", props, "a ManualRecordingProps object");
      checkKnownKeys(props, MANUAL_RECORDING_PROP_KEYS, "ManualRecordingProps");
      checkInteger("sdkAppId", props.sdkAppId, SDK_APP_ID_RANGE.min, SDK_APP_ID_RANGE.max);
      checkOneOf("recordMode", props.recordMode, MANUAL_RECORD_MODES);
      if (props.streamType !== undefined) checkOneOf("streamType", props.streamType, MANUAL_STREAM_TYPES);
      if (props.vodMediaType !== undefined) checkOneOf("vodMediaType", props.vodMediaType, MANUAL_VOD_MEDIA_TYPES);
      if (props.mergeAudioAndVideo !== undefined) {
        checkBoolean("mergeAudioAndVideo", props.mergeAudioAndVideo);
        if (props.recordMode !== "single-stream") fail("mergeAudioAndVideo", 'unset with recordMode "mixed-stream" (a mixed-stream file always merges audio and video)', props.mergeAudioAndVideo);
      }
      if (props.mixLayout !== undefined) {
        checkOneOf("mixLayout", props.mixLayout, MANUAL_MIX_LAYOUTS);
        if (props.recordMode !== "mixed-stream") fail("mixLayout", 'unset with recordMode "single-stream" (a layout applies to mixed-stream files only)', props.mixLayout);
      }
      if (props.maxMediaFileDurationMinutes !== undefined && props.vodMediaType === "hls") {
        fail("maxMediaFileDurationMinutes", 'unset with vodMediaType "hls" (it splits MP4 and AAC files only)', props.maxMediaFileDurationMinutes);
      }
      const media = props.vodMediaType ?? "mp4";
      if ((media === "aac" || media === "hls+aac") && props.streamType !== "audio-only") {
        fail("vodMediaType", `"mp4", "hls" or "hls+mp4" unless streamType is "audio-only" (AAC files hold audio only)`, media);
      }
      checkVodApplicationRef("vodApplication", props.vodApplication, "a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)): manual recording here uploads to VOD");
      checkOptionalRetention("retention", props.retention);
      if (props.vodClassId !== undefined) checkInteger("vodClassId", props.vodClassId, 0, Number.MAX_SAFE_INTEGER);
      // A VOD task flow's name has at most 20 characters (VOD CreateProcedureTemplate, `Name`).
      if (props.vodProcedure !== undefined) checkString("vodProcedure", props.vodProcedure, { min: 1, max: 20 });
      if (props.vodStorageRegion !== undefined) {
        checkRegion("vodStorageRegion", props.vodStorageRegion);
      }
      checkRecordParamLimits({
        maxIdleTimeSeconds: props.maxIdleTimeSeconds,
        maxMediaFileDurationMinutes: props.maxMediaFileDurationMinutes,
        resourceExpiredHours: props.resourceExpiredHours,
      });
    });
    this.sdkAppId = props.sdkAppId;
    this.recordMode = props.recordMode;
    this.streamType = props.streamType ?? "audio-and-video";
    this.maxIdleTimeSeconds = props.maxIdleTimeSeconds ?? MAX_IDLE_TIME_SECONDS.default;
    this.maxMediaFileDurationMinutes = props.maxMediaFileDurationMinutes ?? (props.vodMediaType === "hls" ? undefined : MAX_FILE_DURATION_MINUTES);
    this.mergeAudioAndVideo = props.mergeAudioAndVideo ?? false;
    this.mixLayout = props.mixLayout;
    this.vodApplication = props.vodApplication;
    this.retention = props.retention ?? Retention.forever();
    this.vodMediaType = props.vodMediaType ?? "mp4";
    this.vodClassId = props.vodClassId ?? 0;
    this.vodProcedure = props.vodProcedure;
    this.vodStorageRegion = props.vodStorageRegion;
    this.resourceExpiredHours = props.resourceExpiredHours;
  }

  /**
   * The `CreateCloudRecording` request (typed with tencentcloud-sdk-nodejs's own model) that starts this recording in
   * `target`'s room. The rendered request is checked against the API's limits before it is returned.
   */
  public toCreateCloudRecordingRequest(target: ManualRecordingTarget): CreateCloudRecordingRequest {
    return validateAt(this, () => {
      checkObject("target", target, "a ManualRecordingTarget object");
      checkKnownKeys(target, MANUAL_RECORDING_TARGET_KEYS, "ManualRecordingTarget", "target.");
      if (target.roomIdType !== undefined) checkOneOf("roomIdType", target.roomIdType, ["string", "integer"] as const);
      if (target.roomIdType === "string") {
        checkString("roomId", target.roomId, { min: 1, max: TRTC_STRING_ROOM_ID_MAX_LENGTH });
      } else if (typeof target.roomId !== "string" || !/^[1-9]\d{0,9}$/.test(target.roomId) || Number(target.roomId) > TRTC_INTEGER_ROOM_ID_MAX) {
        fail("roomId", `an integer room id from 1 to ${TRTC_INTEGER_ROOM_ID_MAX}, as a string (or set roomIdType: "string")`, target.roomId);
      }
      checkString("robotUserId", target.robotUserId, { min: 1, max: TRTC_USER_ID_MAX_LENGTH });
      // 4096: this package's bound on a pasted value (a UserSig is a few hundred characters); TRTC documents no length.
      checkString("robotUserSig", target.robotUserSig, { min: 1, max: 4096 });
      const subAppId = target.vodSubAppId ?? this.vodApplication.subAppId;
      if (subAppId === undefined || isUnresolved(subAppId)) {
        fail("vodSubAppId", "the numeric VOD SubAppId (the VOD application's id is known only after deploy)", subAppId);
      }
      checkInteger("vodSubAppId", subAppId, 1, Number.MAX_SAFE_INTEGER);

      const recordParams: RecordParams = {
        RecordMode: RECORD_MODE_CODE[this.recordMode],
        MaxIdleTime: this.maxIdleTimeSeconds,
        StreamType: STREAM_TYPE_CODE[this.streamType],
        ...(this.maxMediaFileDurationMinutes !== undefined ? { MaxMediaFileDuration: this.maxMediaFileDurationMinutes } : {}),
        // With VOD storage the format is TencentVod.MediaType; OutputFormat is ignored, so it is not sent.
        ...(this.recordMode === "single-stream" ? { AvMerge: this.mergeAudioAndVideo ? 1 : 0 } : {}),
      };
      const tencentVod: TencentVod = {
        SubAppId: subAppId,
        ExpireTime: this.retention.expireSeconds,
        ClassId: this.vodClassId,
        MediaType: MEDIA_TYPE_CODE[this.vodMediaType],
        ...(this.vodProcedure !== undefined ? { Procedure: this.vodProcedure } : {}),
        ...(this.vodStorageRegion !== undefined ? { StorageRegion: this.vodStorageRegion } : {}),
      };
      const layout: MixLayoutParams | undefined = this.mixLayout !== undefined ? { MixLayoutMode: LAYOUT_CODE[this.mixLayout] } : undefined;
      const request: CreateCloudRecordingRequest = {
        SdkAppId: this.sdkAppId,
        RoomId: target.roomId,
        RoomIdType: target.roomIdType === "string" ? 0 : 1,
        UserId: target.robotUserId,
        UserSig: target.robotUserSig,
        RecordParams: recordParams,
        StorageParams: { CloudVod: { TencentVod: tencentVod } },
        ...(layout ? { MixLayoutParams: layout } : {}),
        ...(this.resourceExpiredHours !== undefined ? { ResourceExpiredHour: this.resourceExpiredHours } : {}),
      };
      checkRequestLimits(request);
      return request;
    });
  }
}

/** The numeric limits of `CreateCloudRecording` this package enforces, named as the construct's props. */
function checkRecordParamLimits(v: { maxIdleTimeSeconds?: unknown; maxMediaFileDurationMinutes?: unknown; resourceExpiredHours?: unknown }): void {
  if (v.maxIdleTimeSeconds !== undefined) checkInteger("maxIdleTimeSeconds", v.maxIdleTimeSeconds, MAX_IDLE_TIME_SECONDS.min, MAX_IDLE_TIME_SECONDS.max, "seconds");
  if (v.maxMediaFileDurationMinutes !== undefined) {
    checkInteger("maxMediaFileDurationMinutes", v.maxMediaFileDurationMinutes, MIN_FILE_DURATION_MINUTES, MAX_FILE_DURATION_MINUTES, "minutes");
  }
  if (v.resourceExpiredHours !== undefined) checkInteger("resourceExpiredHours", v.resourceExpiredHours, RESOURCE_EXPIRED_HOURS.min, RESOURCE_EXPIRED_HOURS.max, "hours");
}

/**
 * Checks a rendered `CreateCloudRecording` request against the API's documented limits (the same ones as the props),
 * so a request is refused here rather than by TRTC. Errors name the call: `[checkCreateCloudRecordingRequest] ...`.
 */
export function checkCreateCloudRecordingRequest(request: CreateCloudRecordingRequest): void {
  validateCall("checkCreateCloudRecordingRequest", () => checkRequestLimits(request));
}

function checkRequestLimits(request: CreateCloudRecordingRequest): void {
  checkObject("request", request, "a CreateCloudRecording request object");
  checkObject("RecordParams", request.RecordParams, "a RecordParams object");
  checkObject("StorageParams", request.StorageParams, "a StorageParams object");
  const p = request.RecordParams;
  checkOneOf("RecordParams.RecordMode", p.RecordMode, [1, 2]);
  if (p.StreamType !== undefined) checkOneOf("RecordParams.StreamType", p.StreamType, [0, 1, 2]);
  if (p.MaxIdleTime !== undefined) checkInteger("RecordParams.MaxIdleTime", p.MaxIdleTime, MAX_IDLE_TIME_SECONDS.min, MAX_IDLE_TIME_SECONDS.max, "seconds");
  if (p.MaxMediaFileDuration !== undefined) {
    checkInteger("RecordParams.MaxMediaFileDuration", p.MaxMediaFileDuration, MIN_FILE_DURATION_MINUTES, MAX_FILE_DURATION_MINUTES, "minutes");
  }
  if (request.ResourceExpiredHour !== undefined) {
    checkInteger("ResourceExpiredHour", request.ResourceExpiredHour, RESOURCE_EXPIRED_HOURS.min, RESOURCE_EXPIRED_HOURS.max, "hours");
  }
  const vod = request.StorageParams.CloudVod?.TencentVod;
  if (vod?.ExpireTime !== undefined) checkInteger("StorageParams.CloudVod.TencentVod.ExpireTime", vod.ExpireTime, 0, 2147483647, "seconds");
  if (vod?.MediaType !== undefined) checkOneOf("StorageParams.CloudVod.TencentVod.MediaType", vod.MediaType, [0, 1, 2, 3, 4]);
  if (request.MixLayoutParams !== undefined && p.RecordMode !== 2) fail("MixLayoutParams", "sent only with RecordMode 2 (mixed-stream)", request.MixLayoutParams);
}
