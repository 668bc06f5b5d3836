import { readFileSync } from "fs";
import { CallbackSecret, LiveRecording, Retention, VodApplication } from "../../constructs";
import { TencentcloudProvider } from "../../.gen/providers/tencentcloud/provider";
import { TerraformStack, Testing } from "../../lib/cdktf";
import { parseDesiredState } from "../../lib/desired-state";
import { onlyResource, onlyResourceId, resourcesOf, synth, testStack } from "../support/synth";

describe("LiveRecording", () => {
  test("creates the VOD application and its event callback, and outputs with fixed ids", () => {
    const stack = testStack();
    new LiveRecording(stack, "Rec", {
      sdkAppId: 1400000009,
      vodApplication: { name: "rec-app", tags: { env: "t" } },
      retention: Retention.days(7),
      fullRoomRecording: true,
      globalAutoRecording: "off",
      callbacks: { vodEvents: { url: "https://h.example.com/vod" } },
    });
    const json = synth(stack);
    const appId = onlyResourceId(json, "tencentcloud_vod_sub_application");
    const subAppIdRef = `\${tonumber(element(split("#", tencentcloud_vod_sub_application.${appId}.id), 1))}`;
    expect(onlyResource(json, "tencentcloud_vod_sub_application")).toEqual({ name: "rec-app", status: "On", tags: { env: "t" } });
    expect(onlyResource(json, "tencentcloud_vod_event_config")).toMatchObject({ sub_app_id: subAppIdRef });
    expect(json.output).toEqual({
      sdk_app_id: { value: 1400000009, description: "TRTC SDKAppID whose Live rooms are recorded" },
      vod_sub_app_id: { value: subAppIdRef, description: "VOD SubAppId that receives the recordings" },
      vod_sub_app_name: { value: "rec-app", description: "VOD sub-application name" },
    });
  });

  test("an existing VOD application is referenced, not created; outputPrefix renames outputs", () => {
    const stack = testStack();
    const vod = VodApplication.fromSubAppId(stack, "Vod", 1500000077, "old");
    new LiveRecording(stack, "Rec", { sdkAppId: 1400000009, vodApplication: vod, retention: Retention.forever(), outputPrefix: "eu_" });
    const json = synth(stack);
    expect(resourcesOf(json, "tencentcloud_vod_sub_application")).toEqual({});
    expect(Object.keys(json.output ?? {}).sort()).toEqual(["eu_sdk_app_id", "eu_vod_sub_app_id", "eu_vod_sub_app_name"]);
    expect(json.output?.eu_vod_sub_app_id.value).toBe(1500000077);
  });

  test("two LiveRecordings in one stack, each with its own outputPrefix, write their own outputs and desired-state output ids", () => {
    const stack = testStack();
    new LiveRecording(stack, "Shows", { sdkAppId: 1400000011, outputPrefix: "shows_" });
    new LiveRecording(stack, "Calls", { sdkAppId: 1400000012, vodApplication: VodApplication.fromSubAppId(stack, "Vod", 1500000012), retention: Retention.days(3), outputPrefix: "calls_" });
    const json = synth(stack);
    expect(Object.keys(json.output ?? {}).sort()).toEqual(["calls_sdk_app_id", "calls_vod_sub_app_id", "calls_vod_sub_app_name", "shows_sdk_app_id"]);
    expect(json.output?.shows_sdk_app_id.value).toBe(1400000011);
    expect(json.output?.calls_sdk_app_id.value).toBe(1400000012);
  });

  test("one LiveRecording without outputPrefix beside one with a prefix keeps the default output ids (public API)", () => {
    const stack = testStack();
    new LiveRecording(stack, "Main", { sdkAppId: 1400000011 });
    new LiveRecording(stack, "Other", { sdkAppId: 1400000012, outputPrefix: "other_" });
    expect(Object.keys(synth(stack).output ?? {}).sort()).toEqual(["other_sdk_app_id", "sdk_app_id"]);
  });

  test("writes a versioned desired-state document per stack, with no secret and a stable hash", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "env");
    new TencentcloudProvider(stack, "tc", { region: "ap-guangzhou" });
    process.env.TEST_TRTC_KEY = "NeverWrittenAnywhere42";
    new LiveRecording(stack, "Rec", {
      sdkAppId: 1400000009,
      vodApplication: { name: "rec-app", description: "desc" },
      retention: Retention.days(7),
      fullRoomRecording: true,
      globalAutoRecording: "unknown",
      callbacks: { trtcRecording: { url: "https://h.example.com/trtc", key: CallbackSecret.fromEnvironment("TEST_TRTC_KEY") } },
      rooms: [{ name: "shows", seatTemplate: ".videoDynamicFloat7Seats", typicalHosts: 2 }],
      expectedUsage: { recordedHoursPerMonth: 10 },
    });
    app.synth();
    const text = readFileSync(`${app.outdir}/stacks/env/live-recording.json`, "utf8");
    expect(text).not.toContain("NeverWrittenAnywhere42");
    const doc = parseDesiredState(JSON.parse(text));
    expect(doc).toMatchObject({ schema: "trtc-live-recording/desired-state", version: 2, environment: "env", region: null });
    // Live's recording parameters are fixed by Tencent: not configuration, so not in the desired state.
    expect(Object.keys(doc.apps[0])).not.toContain("recording");
    expect(doc.apps).toHaveLength(1);
    expect(doc.apps[0]).toMatchObject({
      path: "env/Rec",
      sdkAppId: 1400000009,
      account: null,
      sdkAppIdOutput: "sdk_app_id",
      vodApplication: {
        managed: true,
        name: "rec-app",
        description: "desc",
        enabled: true,
        tags: {},
        subAppId: null,
        subAppIdOutput: "vod_sub_app_id",
        resourceAddress: expect.stringMatching(/^tencentcloud_vod_sub_application\.Rec_VodApplication_[0-9A-F]{8}$/),
      },
      retention: { days: 7 },
      fullRoomRecording: true,
      globalAutoRecording: "unknown",
      acceptStoppingOtherRecordings: null,
      callbacks: { vodEvents: null, liveWebhook: null, trtcRecording: { url: "https://h.example.com/trtc", key: { source: "environment", variable: "TEST_TRTC_KEY" } } },
      rooms: [{ name: "shows", seatTemplate: "VideoDynamicFloat7Seats", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: true, typicalHosts: 2 }],
      expectedUsage: { peakConcurrentRecordings: null, recordedHoursPerMonth: 10, resolution: "HD", averageBitrateKbps: null },
    });
    expect(doc.apps[0].findings.map((f) => f.ruleId)).toEqual(["LR007"]);
    // Keys sorted, so the same declaration always gives the same bytes.
    expect(text.indexOf('"apps"')).toBeLessThan(text.indexOf('"environment"'));
  });

  test("acceptStoppingOtherRecordings (with globalAutoRecording off) reaches the desired state with its reason trimmed", () => {
    const stack = testStack();
    const rec = new LiveRecording(stack, "Rec", {
      sdkAppId: 1400000001,
      globalAutoRecording: "off",
      acceptStoppingOtherRecordings: { reason: "  calls move to manual recording (ticket 77)  " },
    });
    expect(rec.toDesiredApp().acceptStoppingOtherRecordings).toEqual({ reason: "calls move to manual recording (ticket 77)" });
  });

  describe("validation", () => {
    const make = (props: Record<string, unknown>) => () => new LiveRecording(testStack(), "Rec", { sdkAppId: 1400000001, ...props } as never);
    test.each([
      [{ sdkAppId: 0 }, "`sdkAppId` must be a whole number from 1 to 4294967295, got 0"],
      [{ sdkAppId: "1400000001" }, '`sdkAppId` must be a whole number from 1 to 4294967295, got "1400000001"'],
      [{ fullRoomRecording: "on" }, '`fullRoomRecording` must be true or false, got "on"'],
      [{ globalAutoRecording: "maybe" }, '`globalAutoRecording` must be one of "off", "on", "unknown", got "maybe"'],
      [{ retention: { days: 30 } }, '`retention` must be a Retention (Retention.days(n) or Retention.forever()), got {"days":30}'],
      [{ rooms: [{ name: "r", seatTemplate: "Theatre" }] }, /^\[test\/Rec\] `rooms\[0\].seatTemplate` must be one of VideoDynamicGrid9Seats, .*AudioSalon, got "Theatre"$/],
      [{ rooms: [{ name: "r", seatTemplate: "Karaoke" }, { name: "r", seatTemplate: "Karaoke" }] }, '`rooms[1].name` must be unique among rooms, got "r"'],
      [{ rooms: [{ name: "", seatTemplate: "Karaoke" }] }, '`rooms[0].name` must be a string of 1 to 64 characters, got ""'],
      [{ rooms: [{ name: "r", seatTemplate: "Karaoke", isCloudRecordEnabled: "true" }] }, '`rooms[0].isCloudRecordEnabled` must be true or false, got "true"'],
      [{ rooms: [{ name: "r", seatTemplate: "Karaoke", typicalHosts: 0 }] }, "`rooms[0].typicalHosts` must be a whole number from 1 to 25, got 0"],
      [{ rooms: [{ name: "r", seatTemplate: "Karaoke", createdWith: "rest" }] }, '[test/Rec] `rooms[0].createdWith` must be one of "client-sdk", "rest-api", got "rest"'],
      [{ rooms: [{ name: "r", seatTemplate: "Karaoke", createdWith: null }] }, '[test/Rec] `rooms[0].createdWith` must be one of "client-sdk", "rest-api", got null'],
      [{ expectedUsage: { peakConcurrentRecordings: -1 } }, "`expectedUsage.peakConcurrentRecordings` must be a whole number from 0 to 1000000, got -1"],
      [{ expectedUsage: { recordedHoursPerMonth: -5 } }, "`expectedUsage.recordedHoursPerMonth` must be a number of at least 0, got -5"],
      [{ expectedUsage: { resolution: "8K" } }, '`expectedUsage.resolution` must be one of "Audio", "SD", "HD", "FullHD", "2K", "4K", got "8K"'],
      [{ expectedUsage: { averageBitrateKbps: 0 } }, "`expectedUsage.averageBitrateKbps` must be a number above 0, got 0"],
      [{ outputPrefix: "Bad-" }, '`outputPrefix` must be a string of lowercase letters, digits or _ starting with a letter, 0 to 40 characters, got "Bad-"'],
      [{ vodApplication: { name: "bad name" } }, '`name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "bad name"'],
      [
        { acceptStoppingOtherRecordings: { reason: "calls move to manual recording" } },
        '[test/Rec] `globalAutoRecording` must be "off" when acceptStoppingOtherRecordings is set (it accepts what turning Global Auto-Recording off stops), got "unknown"',
      ],
      [
        { globalAutoRecording: "off", acceptStoppingOtherRecordings: { reason: "ok" } },
        '[test/Rec] `acceptStoppingOtherRecordings.reason` must be a reason of at least 10 characters saying who decided and why stopping those recordings is acceptable, got "ok"',
      ],
      [{ globalAutoRecording: "off", acceptStoppingOtherRecordings: "yes" }, '[test/Rec] `acceptStoppingOtherRecordings` must be an object { reason }, got "yes"'],
    ])("%j is rejected", (props, message) => {
      expect(make(props)).toThrow(message);
    });
  });
});
