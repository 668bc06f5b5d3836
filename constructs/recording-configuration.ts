import type {
  CreateCloudRecordingRequest,
  RecordParams,
  TencentVod,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models";
import { MAX_FILE_DURATION_MINUTES, MAX_IDLE_TIME_SECONDS, RESUME_WAIT_SECONDS } from "../lib/limits";
import { checkInteger, checkOneOf, checkOptionalObject, checkString, fail, isUnresolved } from "../lib/validation";
import { Retention } from "./retention";
import { IVodApplication } from "./vod-application";

/** How rooms are recorded. */
export const RECORDING_MODES = ["as-live", "single-stream", "mixed-stream"] as const;
/**
 * - `as-live`: what Live records: single-stream with one host, one mixed-stream file with several.
 * - `single-stream`: every host to its own file (`RecordMode` 1).
 * - `mixed-stream`: all hosts into one file (`RecordMode` 2).
 */
export type RecordingMode = (typeof RECORDING_MODES)[number];

export const STREAM_TYPES = ["audio-and-video", "audio-only", "video-only"] as const;
/** What is recorded of each stream (`RecordParams.StreamType` 0, 1, 2). */
export type StreamType = (typeof STREAM_TYPES)[number];

export const MIXED_STREAM_LAYOUTS = ["grid", "floating"] as const;
/** Picture layout of a mixed-stream file (`MixLayoutMode` 3 grid, 1 floating). */
export type MixedStreamLayout = (typeof MIXED_STREAM_LAYOUTS)[number];

/** Output format. Live records MP4 only. */
export type RecordingFormat = "mp4";

export interface RecordingConfigurationProps {
  /**
   * How rooms are recorded.
   * @default "as-live" - single-stream with one host, one mixed-stream file with several hosts
   */
  readonly mode?: RecordingMode;
  /**
   * File format. Live records MP4 only, so this is the only value accepted.
   * @default "mp4"
   */
  readonly format?: RecordingFormat;
  /**
   * Longest recording file, in minutes. A longer session is cut; recording resumes after 30 seconds in a new file.
   * Tencent's limit is 1440 (rule LR006 reports more as an error).
   * @default 1440
   */
  readonly maxFileDurationMinutes?: number;
  /**
   * Stop recording after this many seconds with no host in the room (`MaxIdleTime`, 5 to 86400).
   * @default 30
   */
  readonly maxIdleTimeSeconds?: number;
  /**
   * Which media are recorded.
   * @default "audio-and-video"
   */
  readonly streamType?: StreamType;
  /**
   * Layout of mixed-stream files.
   * @default "grid"
   */
  readonly mixedStreamLayout?: MixedStreamLayout;
  /**
   * VOD application the files are stored in (`TencentVod.SubAppId`). Live recording stores to VOD only.
   * @default - none: recording cannot be enabled without one (rule LR002)
   */
  readonly vodApplication?: IVodApplication;
  /**
   * How long files are kept (`TencentVod.ExpireTime`).
   * @default - none: recording cannot be enabled without one (rule LR002)
   */
  readonly retention?: Retention;
  /**
   * VOD category of the files (`TencentVod.ClassId`).
   * @default 0 - the built-in "Other" category
   */
  readonly vodClassId?: number;
  /**
   * VOD task flow run on every uploaded file (`TencentVod.Procedure`), e.g. to transcode.
   * @default - no task flow
   */
  readonly vodProcedure?: string;
  /**
   * Storage region of the files (`TencentVod.StorageRegion`), only for special needs.
   * @default - the VOD application's default storage region
   */
  readonly vodStorageRegion?: string;
}

/** The recording template, in plain data, as written to the desired state. */
export interface RecordingSettings {
  readonly mode: RecordingMode;
  readonly format: RecordingFormat;
  readonly maxFileDurationMinutes: number;
  readonly resumeWaitSeconds: number;
  readonly maxIdleTimeSeconds: number;
  readonly streamType: StreamType;
  readonly mixedStreamLayout: MixedStreamLayout;
  readonly storage: {
    readonly vodClassId: number;
    readonly vodProcedure?: string;
    readonly vodStorageRegion?: string;
  };
}

/** A room to record manually with `CreateCloudRecording`, and the recording robot that joins it. */
export interface ManualRecordingTarget {
  readonly sdkAppId: number;
  readonly roomId: string;
  /** `string` for string room ids (`RoomIdType` 0). @default "integer" */
  readonly roomIdType?: "string" | "integer";
  /** The recording robot's UserId: unique in the room, never a real user's. */
  readonly robotUserId: string;
  /** UserSig of the robot. */
  readonly robotUserSig: string;
  /** Hosts on seats, decides single- vs mixed-stream in `as-live` mode. */
  readonly hostCount: number;
  /** The VOD `SubAppId` to store to, required when the configured application's id is only known after deploy. */
  readonly vodSubAppId?: number;
}

const STREAM_TYPE_CODE: Readonly<Record<StreamType, number>> = { "audio-and-video": 0, "audio-only": 1, "video-only": 2 };
const LAYOUT_CODE: Readonly<Record<MixedStreamLayout, number>> = { grid: 3, floating: 1 };

/**
 * The TRTC application's recording template: what Live records, stated as code.
 *
 * TRTC has no Terraform resource and no public API for the Live recording template, so this is a value, not a
 * resource: it goes into the desired state (for the plan and the post-deploy step) and renders the exact
 * `CreateCloudRecording` request an app backend would send to record a room manually with the same settings.
 */
export class RecordingConfiguration {
  /**
   * Builds the configuration back from the desired state (for app backends that record manually):
   * `RecordingConfiguration.fromSettings(app.recording, { retention: Retention.fromSpec(app.retention) })`.
   */
  public static fromSettings(
    settings: RecordingSettings,
    storage: { readonly vodApplication?: IVodApplication; readonly retention?: Retention } = {},
  ): RecordingConfiguration {
    return new RecordingConfiguration({
      mode: settings.mode,
      format: settings.format,
      maxFileDurationMinutes: settings.maxFileDurationMinutes,
      maxIdleTimeSeconds: settings.maxIdleTimeSeconds,
      streamType: settings.streamType,
      mixedStreamLayout: settings.mixedStreamLayout,
      vodApplication: storage.vodApplication,
      retention: storage.retention,
      vodClassId: settings.storage.vodClassId,
      vodProcedure: settings.storage.vodProcedure,
      vodStorageRegion: settings.storage.vodStorageRegion,
    });
  }

  public readonly mode: RecordingMode;
  public readonly format: RecordingFormat;
  public readonly maxFileDurationMinutes: number;
  /** Seconds between a file cut at the limit and the next file (fixed by Live). */
  public readonly resumeWaitSeconds = RESUME_WAIT_SECONDS;
  public readonly maxIdleTimeSeconds: number;
  public readonly streamType: StreamType;
  public readonly mixedStreamLayout: MixedStreamLayout;
  public readonly vodApplication?: IVodApplication;
  public readonly retention?: Retention;
  public readonly vodClassId: number;
  public readonly vodProcedure?: string;
  public readonly vodStorageRegion?: string;

  constructor(props: RecordingConfigurationProps = {}) {
    checkOptionalObject("recording", props);
    if (props.mode !== undefined) checkOneOf("mode", props.mode, RECORDING_MODES);
    if (props.format !== undefined && props.format !== "mp4") {
      fail("format", '"mp4" (Live records MP4 only; use TRTC Cloud Recording for HLS or AAC)', props.format);
    }
    if (props.maxFileDurationMinutes !== undefined && !isUnresolved(props.maxFileDurationMinutes)) {
      const v = props.maxFileDurationMinutes;
      // Above 1440 is the service limit, reported by rule LR006 with an explanation; here only what is never a duration.
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail("maxFileDurationMinutes", "a whole number of minutes, at least 1 (Tencent allows up to 1440)", v);
    }
    if (props.maxIdleTimeSeconds !== undefined) {
      checkInteger("maxIdleTimeSeconds", props.maxIdleTimeSeconds, MAX_IDLE_TIME_SECONDS.min, MAX_IDLE_TIME_SECONDS.max, "seconds");
    }
    if (props.streamType !== undefined) checkOneOf("streamType", props.streamType, STREAM_TYPES);
    if (props.mixedStreamLayout !== undefined) checkOneOf("mixedStreamLayout", props.mixedStreamLayout, MIXED_STREAM_LAYOUTS);
    if (props.retention !== undefined && !(props.retention instanceof Retention)) {
      fail("retention", "a Retention (Retention.days(n) or Retention.forever())", props.retention);
    }
    if (props.vodClassId !== undefined) checkInteger("vodClassId", props.vodClassId, 0, Number.MAX_SAFE_INTEGER);
    if (props.vodProcedure !== undefined) checkString("vodProcedure", props.vodProcedure, { min: 1, max: 20 });
    if (props.vodStorageRegion !== undefined) {
      checkString("vodStorageRegion", props.vodStorageRegion, { min: 1, max: 64, pattern: /^[a-z]{2,4}-[a-z]+(-[a-z0-9]+)?$/, patternText: "a region name like ap-guangzhou" });
    }

    this.mode = props.mode ?? "as-live";
    this.format = props.format ?? "mp4";
    this.maxFileDurationMinutes = props.maxFileDurationMinutes ?? MAX_FILE_DURATION_MINUTES;
    this.maxIdleTimeSeconds = props.maxIdleTimeSeconds ?? MAX_IDLE_TIME_SECONDS.default;
    this.streamType = props.streamType ?? "audio-and-video";
    this.mixedStreamLayout = props.mixedStreamLayout ?? "grid";
    this.vodApplication = props.vodApplication;
    this.retention = props.retention;
    this.vodClassId = props.vodClassId ?? 0;
    this.vodProcedure = props.vodProcedure;
    this.vodStorageRegion = props.vodStorageRegion;
  }

  /** The settings as plain data (the VOD application and the retention are written beside them, by the composite). */
  public toSettings(): RecordingSettings {
    return {
      mode: this.mode,
      format: this.format,
      maxFileDurationMinutes: this.maxFileDurationMinutes,
      resumeWaitSeconds: this.resumeWaitSeconds,
      maxIdleTimeSeconds: this.maxIdleTimeSeconds,
      streamType: this.streamType,
      mixedStreamLayout: this.mixedStreamLayout,
      storage: {
        vodClassId: this.vodClassId,
        ...(this.vodProcedure !== undefined ? { vodProcedure: this.vodProcedure } : {}),
        ...(this.vodStorageRegion !== undefined ? { vodStorageRegion: this.vodStorageRegion } : {}),
      },
    };
  }

  /** `RecordMode` for a room with `hostCount` hosts: 1 single-stream, 2 mixed-stream. */
  public recordModeFor(hostCount: number): 1 | 2 {
    if (this.mode === "single-stream") return 1;
    if (this.mode === "mixed-stream") return 2;
    return hostCount > 1 ? 2 : 1;
  }

  /**
   * The `CreateCloudRecording` request (typed with tencentcloud-sdk-nodejs's own model) that records `target` with
   * these settings, so a backend that records manually stores exactly what Live would.
   */
  public toCreateCloudRecordingRequest(target: ManualRecordingTarget): CreateCloudRecordingRequest {
    checkInteger("sdkAppId", target.sdkAppId, 1, 4294967295);
    checkString("roomId", target.roomId, { min: 1, max: 64 });
    checkString("robotUserId", target.robotUserId, { min: 1, max: 32 });
    checkString("robotUserSig", target.robotUserSig, { min: 1, max: 4096 });
    checkInteger("hostCount", target.hostCount, 1, 25);
    const subAppId = target.vodSubAppId ?? this.vodApplication?.subAppId;
    if (subAppId === undefined || isUnresolved(subAppId)) {
      fail("vodSubAppId", "the numeric VOD SubAppId (the configured application's id is only known after deploy)", subAppId);
    }
    checkInteger("vodSubAppId", subAppId, 1, Number.MAX_SAFE_INTEGER);
    if (this.retention === undefined) fail("retention", "set before recording (Live needs a Save Duration)", undefined);

    const recordMode = this.recordModeFor(target.hostCount);
    const recordParams: RecordParams = {
      RecordMode: recordMode,
      MaxIdleTime: this.maxIdleTimeSeconds,
      StreamType: STREAM_TYPE_CODE[this.streamType],
      MaxMediaFileDuration: this.maxFileDurationMinutes,
      // With VOD storage the format is TencentVod.MediaType; OutputFormat is ignored, so it is not sent.
      ...(recordMode === 1 ? { AvMerge: 1 } : {}),
    };
    const tencentVod: TencentVod = {
      SubAppId: subAppId,
      ExpireTime: this.retention.expireSeconds,
      ClassId: this.vodClassId,
      MediaType: 0, // mp4
      ...(this.vodProcedure !== undefined ? { Procedure: this.vodProcedure } : {}),
      ...(this.vodStorageRegion !== undefined ? { StorageRegion: this.vodStorageRegion } : {}),
    };
    return {
      SdkAppId: target.sdkAppId,
      RoomId: target.roomId,
      RoomIdType: target.roomIdType === "string" ? 0 : 1,
      UserId: target.robotUserId,
      UserSig: target.robotUserSig,
      RecordParams: recordParams,
      StorageParams: { CloudVod: { TencentVod: tencentVod } },
      ...(recordMode === 2 ? { MixLayoutParams: { MixLayoutMode: LAYOUT_CODE[this.mixedStreamLayout] } } : {}),
    };
  }
}
