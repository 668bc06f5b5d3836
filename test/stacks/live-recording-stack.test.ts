import { Retention } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { LiveRecordingStack, LiveRecordingStackProps, StateBackend } from "../../stacks";
import { synth } from "../support/synth";

const PROPS: LiveRecordingStackProps = {
  region: "ap-singapore",
  sdkAppId: 1400000005,
  vodApplication: { name: "rec" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
};

describe("LiveRecordingStack", () => {
  test("provider with the region and no credentials; local backend relative to the project", () => {
    const json = synth(new LiveRecordingStack(Testing.app(), "dev", PROPS));
    expect(json.provider).toEqual({ tencentcloud: [{ region: "ap-singapore" }] });
    expect(json.terraform).toEqual({
      backend: { local: { path: "../../../terraform.dev.tfstate" } },
      required_providers: { tencentcloud: { source: "tencentcloudstack/tencentcloud", version: "1.82.101" } },
    });
  });

  test("COS backend for teams, encrypted by default, with no credentials in the configuration", () => {
    const backend = StateBackend.cos({ bucket: "tfstate-1250000000", region: "ap-guangzhou", prefix: "live-recording" });
    const json = synth(new LiveRecordingStack(Testing.app(), "dev", { ...PROPS, backend }));
    expect((json.terraform as Record<string, unknown>).backend).toEqual({
      cos: { bucket: "tfstate-1250000000", region: "ap-guangzhou", prefix: "live-recording", encrypt: true },
    });
    expect(backend.describe()).toBe("COS bucket tfstate-1250000000 (ap-guangzhou)");
  });

  test("outputs the post-deploy step reads, with fixed ids", () => {
    const stack = new LiveRecordingStack(Testing.app(), "dev", PROPS);
    const json = synth(stack);
    expect(Object.keys(json.output ?? {}).sort()).toEqual(["desired_state_sha256", "region", "sdk_app_id", "vod_sub_app_id", "vod_sub_app_name"]);
    expect(json.output?.region.value).toBe("ap-singapore");
    expect(json.output?.sdk_app_id.value).toBe(1400000005);
    expect(json.output?.desired_state_sha256.value).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the desired-state hash output changes when the declaration changes", () => {
    const hash = (props: LiveRecordingStackProps) => synth(new LiveRecordingStack(Testing.app(), "dev", props)).output?.desired_state_sha256.value;
    expect(hash(PROPS)).toBe(hash(PROPS));
    expect(hash({ ...PROPS, retention: Retention.days(31) })).not.toBe(hash(PROPS));
  });

  describe("validation", () => {
    test.each([
      [{ region: "Singapore" }, '[dev] `region` must be a Tencent Cloud region, one of ap-bangkok, ap-beijing, ap-beijing-fsi, ap-chengdu, ap-chongqing, ap-guangzhou, ap-guangzhou-open, ap-hongkong, ap-jakarta, ap-mumbai, ap-nanjing, ap-seoul, ap-shanghai, ap-shanghai-fsi, ap-shenzhen-fsi, ap-singapore, ap-tokyo, eu-frankfurt, eu-moscow, na-ashburn, na-siliconvalley, na-toronto, sa-saopaulo, got "Singapore" (did you mean "ap-singapore"?)'],
      [{ region: "" }, '[dev] `region` must be a Tencent Cloud region, one of ap-bangkok, ap-beijing, ap-beijing-fsi, ap-chengdu, ap-chongqing, ap-guangzhou, ap-guangzhou-open, ap-hongkong, ap-jakarta, ap-mumbai, ap-nanjing, ap-seoul, ap-shanghai, ap-shanghai-fsi, ap-shenzhen-fsi, ap-singapore, ap-tokyo, eu-frankfurt, eu-moscow, na-ashburn, na-siliconvalley, na-toronto, sa-saopaulo, got ""'],
    ])("%j is rejected", (props, message) => {
      expect(() => new LiveRecordingStack(Testing.app(), "dev", { ...PROPS, ...props })).toThrow(message);
    });

    test.each([
      [{ bucket: "Bucket", region: "ap-guangzhou" }, '[StateBackend.cos] `options.bucket` must be a string of lowercase letters, digits and - ending in -<APPID>, 1 to 63 characters, got "Bucket"'],
      [{ bucket: "tf-1250000000", region: "guangzhou" }, '[StateBackend.cos] `options.region` must be a Tencent Cloud region, one of ap-bangkok, ap-beijing, ap-beijing-fsi, ap-chengdu, ap-chongqing, ap-guangzhou, ap-guangzhou-open, ap-hongkong, ap-jakarta, ap-mumbai, ap-nanjing, ap-seoul, ap-shanghai, ap-shanghai-fsi, ap-shenzhen-fsi, ap-singapore, ap-tokyo, eu-frankfurt, eu-moscow, na-ashburn, na-siliconvalley, na-toronto, sa-saopaulo, got "guangzhou" (did you mean "ap-guangzhou"?)'],
      [{ bucket: "tf-1250000000", region: "ap-guangzhou", prefix: "" }, '[StateBackend.cos] `options.prefix` must be a string of 1 to 255 characters, got ""'],
    ])("COS backend %j is rejected", (options, message) => {
      expect(() => StateBackend.cos(options)).toThrow(message);
    });

    test("an empty local backend path is rejected", () => {
      expect(() => StateBackend.local("")).toThrow('[StateBackend.local] `path` must be a string of 1 to 4096 characters, got ""');
    });
  });
});
