import type { CreateCloudRecordingRequest } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models";
import { RecordingConfiguration, Retention, VodApplication } from "../../constructs";
import { testStack } from "../support/synth";

const target = { sdkAppId: 1400000001, roomId: "show-1", roomIdType: "string" as const, robotUserId: "recorder_show-1", robotUserSig: "sig", vodSubAppId: 1500000001 };

describe("RecordingConfiguration", () => {
  describe("defaults: what Live records", () => {
    test("as-live, MP4, 1440-minute files with a 30 s resume, 30 s idle, audio and video, grid", () => {
      const c = new RecordingConfiguration();
      expect(c.toSettings()).toEqual({
        mode: "as-live",
        format: "mp4",
        maxFileDurationMinutes: 1440,
        resumeWaitSeconds: 30,
        maxIdleTimeSeconds: 30,
        streamType: "audio-and-video",
        mixedStreamLayout: "grid",
        storage: { vodClassId: 0 },
      });
    });

    test("as-live records one host single-stream and several hosts mixed", () => {
      const c = new RecordingConfiguration();
      expect(c.recordModeFor(1)).toBe(1);
      expect(c.recordModeFor(2)).toBe(2);
      expect(new RecordingConfiguration({ mode: "single-stream" }).recordModeFor(5)).toBe(1);
      expect(new RecordingConfiguration({ mode: "mixed-stream" }).recordModeFor(1)).toBe(2);
    });
  });

  describe("CreateCloudRecording request (tencentcloud-sdk-nodejs model)", () => {
    test("one host: single-stream to VOD with the retention as ExpireTime and MP4 media", () => {
      const c = new RecordingConfiguration({ retention: Retention.days(30), vodProcedure: "transcode", vodClassId: 7 });
      const request: CreateCloudRecordingRequest = c.toCreateCloudRecordingRequest({ ...target, hostCount: 1 });
      expect(request).toEqual({
        SdkAppId: 1400000001,
        RoomId: "show-1",
        RoomIdType: 0,
        UserId: "recorder_show-1",
        UserSig: "sig",
        RecordParams: { RecordMode: 1, MaxIdleTime: 30, StreamType: 0, MaxMediaFileDuration: 1440, AvMerge: 1 },
        StorageParams: { CloudVod: { TencentVod: { SubAppId: 1500000001, ExpireTime: 2592000, ClassId: 7, MediaType: 0, Procedure: "transcode" } } },
      });
    });

    test("several hosts: mixed-stream with the layout; forever retention is ExpireTime 0", () => {
      const c = new RecordingConfiguration({ retention: Retention.forever(), mixedStreamLayout: "floating", streamType: "audio-only", maxFileDurationMinutes: 60 });
      const request = c.toCreateCloudRecordingRequest({ ...target, roomIdType: undefined, hostCount: 3 });
      expect(request.RoomIdType).toBe(1);
      expect(request.RecordParams).toEqual({ RecordMode: 2, MaxIdleTime: 30, StreamType: 1, MaxMediaFileDuration: 60 });
      expect(request.MixLayoutParams).toEqual({ MixLayoutMode: 1 });
      expect(request.StorageParams.CloudVod?.TencentVod?.ExpireTime).toBe(0);
    });

    test("uses the configured application's id when it is a literal", () => {
      const stack = testStack();
      const vod = VodApplication.fromSubAppId(stack, "Vod", 1500000042);
      const c = new RecordingConfiguration({ vodApplication: vod, retention: Retention.days(1) });
      const { vodSubAppId: _unused, ...rest } = target;
      expect(c.toCreateCloudRecordingRequest({ ...rest, hostCount: 1 }).StorageParams.CloudVod?.TencentVod?.SubAppId).toBe(1500000042);
    });

    test("refuses when the sub-app id is only known after deploy and none is given", () => {
      const stack = testStack();
      const vod = new VodApplication(stack, "Vod", { name: "x" });
      const c = new RecordingConfiguration({ vodApplication: vod, retention: Retention.days(1) });
      const { vodSubAppId: _unused, ...rest } = target;
      expect(() => c.toCreateCloudRecordingRequest({ ...rest, hostCount: 1 })).toThrow(
        /^`vodSubAppId` must be the numeric VOD SubAppId \(the configured application's id is only known after deploy\), got -?\d/,
      );
    });

    test("refuses without a retention (Live needs a Save Duration)", () => {
      expect(() => new RecordingConfiguration().toCreateCloudRecordingRequest({ ...target, hostCount: 1 })).toThrow(
        "`retention` must be set before recording (Live needs a Save Duration), got undefined",
      );
    });

    test("rejects more than 25 hosts (the most a recording covers)", () => {
      const c = new RecordingConfiguration({ retention: Retention.days(1) });
      expect(() => c.toCreateCloudRecordingRequest({ ...target, hostCount: 26 })).toThrow("`hostCount` must be a whole number from 1 to 25, got 26");
    });

    test("round trips through the desired-state settings", () => {
      const c = new RecordingConfiguration({ mode: "mixed-stream", maxIdleTimeSeconds: 120, vodStorageRegion: "ap-singapore" });
      const back = RecordingConfiguration.fromSettings(c.toSettings(), { retention: Retention.days(3) });
      expect(back.toSettings()).toEqual(c.toSettings());
      expect(back.retention?.retentionDays).toBe(3);
    });
  });

  describe("validation", () => {
    test.each([
      [{ mode: "hybrid" }, '`mode` must be one of "as-live", "single-stream", "mixed-stream", got "hybrid"'],
      [{ format: "hls" }, '`format` must be "mp4" (Live records MP4 only; use TRTC Cloud Recording for HLS or AAC), got "hls"'],
      [{ maxFileDurationMinutes: 0 }, "`maxFileDurationMinutes` must be a whole number of minutes, at least 1 (Tencent allows up to 1440), got 0"],
      [{ maxFileDurationMinutes: 2.5 }, "`maxFileDurationMinutes` must be a whole number of minutes, at least 1 (Tencent allows up to 1440), got 2.5"],
      [{ maxIdleTimeSeconds: 4 }, "`maxIdleTimeSeconds` must be a whole number from 5 to 86400 seconds, got 4"],
      [{ maxIdleTimeSeconds: 86401 }, "`maxIdleTimeSeconds` must be a whole number from 5 to 86400 seconds, got 86401"],
      [{ streamType: "video" }, '`streamType` must be one of "audio-and-video", "audio-only", "video-only", got "video"'],
      [{ mixedStreamLayout: "mosaic" }, '`mixedStreamLayout` must be one of "grid", "floating", got "mosaic"'],
      [{ vodClassId: -1 }, "`vodClassId` must be a whole number from 0 to 9007199254740991, got -1"],
      [{ vodProcedure: "p".repeat(21) }, `\`vodProcedure\` must be a string of 1 to 20 characters, got "${"p".repeat(21)}"`],
      [{ vodStorageRegion: "Guangzhou" }, '`vodStorageRegion` must be a string of a region name like ap-guangzhou, 1 to 64 characters, got "Guangzhou"'],
      [{ retention: 30 }, "`retention` must be a Retention (Retention.days(n) or Retention.forever()), got 30"],
    ])("%j is rejected", (props, message) => {
      expect(() => new RecordingConfiguration(props as never)).toThrow(message);
    });

    test("above 1440 minutes is accepted here and reported by rule LR006 at synth", () => {
      expect(new RecordingConfiguration({ maxFileDurationMinutes: 2000 }).maxFileDurationMinutes).toBe(2000);
    });
  });
});
