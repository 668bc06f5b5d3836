import type { CreateCloudRecordingRequest } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_models";
import { ManualRecording, ManualRecordingProps, Retention, VodApplication } from "../../constructs";
import { checkCreateCloudRecordingRequest } from "../../constructs/manual-recording";
import { TerraformStack } from "../../lib/cdktf";
import { ValidationError } from "../../lib/validation";
import { synth, testStack } from "../support/synth";

const target = { roomId: "show-1", roomIdType: "string" as const, robotUserId: "recorder_show-1", robotUserSig: "sig" };

function make(props: Partial<ManualRecordingProps> = {}, stack: TerraformStack = testStack()): ManualRecording {
  const vod = VodApplication.fromSubAppId(stack, `Vod${stack.node.children.length}`, 1500000001);
  return new ManualRecording(stack, "Manual", { sdkAppId: 1400000001, recordMode: "single-stream", vodApplication: vod, ...props });
}

describe("ManualRecording (TRTC Cloud Recording's CreateCloudRecording)", () => {
  test("defaults are the API's own: 30 s idle, audio and video, 1440-minute files, MP4, kept forever; nothing in Terraform", () => {
    const stack = testStack();
    const m = make({}, stack);
    expect(m.toCreateCloudRecordingRequest(target)).toEqual({
      SdkAppId: 1400000001,
      RoomId: "show-1",
      RoomIdType: 0,
      UserId: "recorder_show-1",
      UserSig: "sig",
      RecordParams: { RecordMode: 1, MaxIdleTime: 30, StreamType: 0, MaxMediaFileDuration: 1440, AvMerge: 0 },
      StorageParams: { CloudVod: { TencentVod: { SubAppId: 1500000001, ExpireTime: 0, ClassId: 0, MediaType: 0 } } },
    } satisfies CreateCloudRecordingRequest);
    // A request renderer, not a resource: the synthesized configuration has no resource for it.
    expect(synth(stack).resource ?? {}).toEqual({});
  });

  test("declared values reach the request: mixed-stream with a layout, retention, task flow, class, resource hours", () => {
    const m = make({
      recordMode: "mixed-stream",
      mixLayout: "floating",
      streamType: "audio-only",
      maxIdleTimeSeconds: 120,
      maxMediaFileDurationMinutes: 60,
      retention: Retention.days(30),
      vodMediaType: "aac",
      vodClassId: 7,
      vodProcedure: "transcode",
      vodStorageRegion: "ap-singapore",
      resourceExpiredHours: 6,
    });
    const request = m.toCreateCloudRecordingRequest({ ...target, roomIdType: undefined, roomId: "4242" });
    expect(request).toEqual({
      SdkAppId: 1400000001,
      RoomId: "4242",
      RoomIdType: 1,
      UserId: "recorder_show-1",
      UserSig: "sig",
      RecordParams: { RecordMode: 2, MaxIdleTime: 120, StreamType: 1, MaxMediaFileDuration: 60 },
      StorageParams: {
        CloudVod: { TencentVod: { SubAppId: 1500000001, ExpireTime: 2592000, ClassId: 7, MediaType: 2, Procedure: "transcode", StorageRegion: "ap-singapore" } },
      },
      MixLayoutParams: { MixLayoutMode: 1 },
      ResourceExpiredHour: 6,
    });
  });

  test("mixed-stream without a layout sends no MixLayoutParams (TRTC's own layout); HLS sends no file duration", () => {
    expect(make({ recordMode: "mixed-stream" }).toCreateCloudRecordingRequest(target).MixLayoutParams).toBeUndefined();
    expect(make({ vodMediaType: "hls" }).toCreateCloudRecordingRequest(target).RecordParams.MaxMediaFileDuration).toBeUndefined();
  });

  test("a VOD application known only after deploy needs vodSubAppId at request time", () => {
    const stack = testStack();
    const vod = new VodApplication(stack, "App", { name: "manual-rec" });
    const m = new ManualRecording(stack, "Manual", { sdkAppId: 1400000001, recordMode: "single-stream", vodApplication: vod });
    expect(() => m.toCreateCloudRecordingRequest(target)).toThrow(
      /^\[test\/Manual\] `vodSubAppId` must be the numeric VOD SubAppId \(the VOD application's id is known only after deploy\), got -?\d[\d.e+-]*$/,
    );
    expect(m.toCreateCloudRecordingRequest({ ...target, vodSubAppId: 1500000077 }).StorageParams.CloudVod?.TencentVod?.SubAppId).toBe(1500000077);
  });

  describe("the API's limits, refused in the constructor with the construct path", () => {
    test.each<[string, Partial<ManualRecordingProps>, string]>([
      ["file duration above 1440", { maxMediaFileDurationMinutes: 1441 }, "[test/Manual] `maxMediaFileDurationMinutes` must be a whole number from 1 to 1440 minutes, got 1441"],
      ["file duration zero", { maxMediaFileDurationMinutes: 0 }, "[test/Manual] `maxMediaFileDurationMinutes` must be a whole number from 1 to 1440 minutes, got 0"],
      ["file duration fractional", { maxMediaFileDurationMinutes: 2.5 }, "[test/Manual] `maxMediaFileDurationMinutes` must be a whole number from 1 to 1440 minutes, got 2.5"],
      ["idle time below 5", { maxIdleTimeSeconds: 4 }, "[test/Manual] `maxIdleTimeSeconds` must be a whole number from 5 to 86400 seconds, got 4"],
      ["idle time above 86400", { maxIdleTimeSeconds: 86401 }, "[test/Manual] `maxIdleTimeSeconds` must be a whole number from 5 to 86400 seconds, got 86401"],
      ["resource hours below 6", { resourceExpiredHours: 5 }, "[test/Manual] `resourceExpiredHours` must be a whole number from 6 to 720 hours, got 5"],
      ["resource hours above 720", { resourceExpiredHours: 721 }, "[test/Manual] `resourceExpiredHours` must be a whole number from 6 to 720 hours, got 721"],
      ["no record mode", { recordMode: undefined }, '[test/Manual] `recordMode` is missing: it must be one of "single-stream", "mixed-stream"'],
      ["Live's as-live mode", { recordMode: "as-live" as never }, '[test/Manual] `recordMode` must be one of "single-stream", "mixed-stream", got "as-live"'],
      ["unknown stream type", { streamType: "none" as never }, '[test/Manual] `streamType` must be one of "audio-and-video", "audio-only", "video-only", got "none"'],
      ["layout with single-stream", { mixLayout: "grid" }, '[test/Manual] `mixLayout` must be unset with recordMode "single-stream" (a layout applies to mixed-stream files only), got "grid"'],
      ["merge with mixed-stream", { recordMode: "mixed-stream", mergeAudioAndVideo: true }, '[test/Manual] `mergeAudioAndVideo` must be unset with recordMode "mixed-stream" (a mixed-stream file always merges audio and video), got true'],
      ["file duration with HLS", { vodMediaType: "hls", maxMediaFileDurationMinutes: 60 }, '[test/Manual] `maxMediaFileDurationMinutes` must be unset with vodMediaType "hls" (it splits MP4 and AAC files only), got 60'],
      ["AAC with video", { vodMediaType: "aac" }, '[test/Manual] `vodMediaType` must be "mp4", "hls" or "hls+mp4" unless streamType is "audio-only" (AAC files hold audio only), got "aac"'],
      ["retention as days", { retention: { days: 30 } as never }, '[test/Manual] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got {"days":30}'],
      ["no VOD application", { vodApplication: undefined as never }, "[test/Manual] `vodApplication` is missing: it must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)): manual recording here uploads to VOD"],
      ["bad SDKAppID", { sdkAppId: 0 }, "[test/Manual] `sdkAppId` must be a whole number from 1 to 4294967295, got 0"],
      ["bad storage region", { vodStorageRegion: "Guangzhou" }, '[test/Manual] `vodStorageRegion` must be a Tencent Cloud region, one of ap-bangkok, ap-beijing, ap-beijing-fsi, ap-chengdu, ap-chongqing, ap-guangzhou, ap-guangzhou-open, ap-hongkong, ap-jakarta, ap-mumbai, ap-nanjing, ap-seoul, ap-shanghai, ap-shanghai-fsi, ap-shenzhen-fsi, ap-singapore, ap-tokyo, eu-frankfurt, eu-moscow, na-ashburn, na-siliconvalley, na-toronto, sa-saopaulo, got "Guangzhou" (did you mean "ap-guangzhou"?)'],
    ])("%s", (_label, props, message) => {
      let error: unknown;
      try {
        make(props);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toBe(message);
    });

    test("no props object at all", () => {
      expect(() => new ManualRecording(testStack(), "Manual", undefined as never)).toThrow("[test/Manual] `props` is missing: it must be a ManualRecordingProps object");
    });
  });

  describe("the request method checks its target and the rendered request", () => {
    test.each<[string, Record<string, unknown>, string]>([
      ["integer room id that is not a number", { roomIdType: undefined, roomId: "show-1" }, '[test/Manual] `roomId` must be an integer room id from 1 to 4294967295, as a string (or set roomIdType: "string"), got "show-1"'],
      ["integer room id too large", { roomIdType: "integer", roomId: "4294967296" }, '[test/Manual] `roomId` must be an integer room id from 1 to 4294967295, as a string (or set roomIdType: "string"), got "4294967296"'],
      ["string room id too long", { roomId: "r".repeat(65) }, `[test/Manual] \`roomId\` must be a string of 1 to 64 characters, got "${"r".repeat(65)}"`],
      ["robot UserId too long", { robotUserId: "u".repeat(33) }, `[test/Manual] \`robotUserId\` must be a string of 1 to 32 characters, got "${"u".repeat(33)}"`],
      ["empty UserSig", { robotUserSig: "" }, '[test/Manual] `robotUserSig` must be a string of 1 to 4096 characters, got ""'],
    ])("%s", (_label, change, message) => {
      expect(() => make().toCreateCloudRecordingRequest({ ...target, ...change } as never)).toThrow(message);
    });

    test("the request method re-checks the limits on what it renders (a value changed after construction is refused)", () => {
      const m = make();
      (m as unknown as { maxIdleTimeSeconds: number }).maxIdleTimeSeconds = 2;
      expect(() => m.toCreateCloudRecordingRequest(target)).toThrow("[test/Manual] `RecordParams.MaxIdleTime` must be a whole number from 5 to 86400 seconds, got 2");
      const n = make();
      (n as unknown as { maxMediaFileDurationMinutes: number }).maxMediaFileDurationMinutes = 1441;
      expect(() => n.toCreateCloudRecordingRequest(target)).toThrow("[test/Manual] `RecordParams.MaxMediaFileDuration` must be a whole number from 1 to 1440 minutes, got 1441");
    });

    test("a request altered past the limits is refused by the same checks", () => {
      const request = make().toCreateCloudRecordingRequest(target);
      expect(() => checkCreateCloudRecordingRequest({ ...request, RecordParams: { ...request.RecordParams, MaxMediaFileDuration: 1441 } })).toThrow(
        "[checkCreateCloudRecordingRequest] `RecordParams.MaxMediaFileDuration` must be a whole number from 1 to 1440 minutes, got 1441",
      );
      expect(() => checkCreateCloudRecordingRequest({ ...request, RecordParams: { ...request.RecordParams, MaxIdleTime: 2 } })).toThrow(
        "[checkCreateCloudRecordingRequest] `RecordParams.MaxIdleTime` must be a whole number from 5 to 86400 seconds, got 2",
      );
      expect(() => checkCreateCloudRecordingRequest({ ...request, ResourceExpiredHour: 1000 })).toThrow("[checkCreateCloudRecordingRequest] `ResourceExpiredHour` must be a whole number from 6 to 720 hours, got 1000");
      expect(() => checkCreateCloudRecordingRequest({ ...request, RecordParams: undefined } as never)).toThrow(
        "[checkCreateCloudRecordingRequest] `RecordParams` is missing: it must be a RecordParams object",
      );
      expect(() => checkCreateCloudRecordingRequest({ ...request, MixLayoutParams: { MixLayoutMode: 3 } })).toThrow(
        '[checkCreateCloudRecordingRequest] `MixLayoutParams` must be sent only with RecordMode 2 (mixed-stream), got {"MixLayoutMode":3}',
      );
    });
  });
});
