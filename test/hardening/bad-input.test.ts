/**
 * A corpus of malformed environment configurations, each rejected before anything is synthesized with a message
 * that names the property, what is allowed and what was received.
 */
import { CallbackSecret, Retention } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { ValidationError } from "../../lib/validation";
import { EnvironmentConfig, StateBackend, defineEnvironments } from "../../stacks";

const GOOD: EnvironmentConfig = {
  name: "prod",
  sdkAppId: 1400000002,
  region: "ap-singapore",
  vodApplication: { name: "live-rec" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
  callbacks: { vodEvents: { url: "https://h.example.com/vod" } },
};

type Bad = [label: string, build: () => unknown, message: RegExp];
const env = (over: Record<string, unknown>) => [{ ...GOOD, ...over }];

const CORPUS: Bad[] = [
  ["no environments", () => [], /^`environments` must be a non-empty list/],
  ["environments not a list", () => "prod", /^`environments` must be a non-empty list of environments, got "prod"$/],
  ["duplicate environment name", () => [GOOD, { ...GOOD, sdkAppId: 1400000003 }], /^`environments\[1\]\.name` must be unique \(environments\[0\] has the same name\), got "prod"$/],
  ["duplicate SDKAppID across environments", () => [GOOD, { ...GOOD, name: "prod2" }], /^`environments\[1\]\.sdkAppId` must be unique across environments \(prod already uses it/],
  ["uppercase environment name", () => env({ name: "Prod" }), /^`environments\[0\]\.name` must be a string of lowercase letters/],
  ["environment name too long", () => env({ name: "p".repeat(41) }), /^`environments\[0\]\.name` must be .* 1 to 40 characters/],
  ["sdkAppId as a string", () => env({ sdkAppId: "1400000002" }), /^\[prod\/LiveRecording\] `sdkAppId` must be a whole number from 1 to 4294967295, got "1400000002"$/],
  ["sdkAppId negative", () => env({ sdkAppId: -5 }), /^\[prod\/LiveRecording\] `sdkAppId` must be a whole number from 1 to 4294967295, got -5$/],
  ["sdkAppId fractional", () => env({ sdkAppId: 1.5 }), /^\[prod\/LiveRecording\] `sdkAppId` must be a whole number from 1 to 4294967295, got 1.5$/],
  ["sdkAppId too large", () => env({ sdkAppId: 2 ** 32 }), /^\[prod\/LiveRecording\] `sdkAppId` must be a whole number from 1 to 4294967295, got 4294967296$/],
  ["region not a region", () => env({ region: "singapore" }), /^\[prod\] `region` must be a string of a Tencent Cloud region like ap-guangzhou/],
  ["region missing", () => env({ region: undefined }), /^\[prod\] `region` must be a string of a Tencent Cloud region like ap-guangzhou, 1 to 64 characters, got undefined$/],
  ["VOD app name with a space", () => env({ vodApplication: { name: "live rec" } }), /^\[prod\/LiveRecording\/VodApplication\] `name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "live rec"$/],
  ["VOD app name too long", () => env({ vodApplication: { name: "x".repeat(41) } }), /^\[prod\/LiveRecording\/VodApplication\] `name` must be a string of letters, digits, _ or -, 1 to 40 characters/],
  ["VOD app description too long", () => env({ vodApplication: { name: "ok", description: "d".repeat(301) } }), /^\[prod\/LiveRecording\/VodApplication\] `description` must be a string of 0 to 300 characters/],
  ["11 VOD app tags", () => env({ vodApplication: { name: "ok", tags: Object.fromEntries([...Array(11).keys()].map((i) => [`t${i}`, "v"])) } }), /^\[prod\/LiveRecording\/VodApplication\] `tags` must be at most 10 tags/],
  ["VOD app enabled as a string", () => env({ vodApplication: { name: "ok", enabled: "On" } }), /^\[prod\/LiveRecording\/VodApplication\] `enabled` must be true or false, got "On"$/],
  ["retention as a number", () => env({ retention: 30 }), /^\[prod\/LiveRecording\] `retention` must be a Retention \(Retention.days\(n\) or Retention.forever\(\)\), got 30$/],
  ["retention zero days", () => env({ retention: (() => Retention.days(0))() }), /^`retentionDays` must be a whole number of days from 1 to 24855/],
  ["fullRoomRecording as a string", () => env({ fullRoomRecording: "true" }), /^\[prod\/LiveRecording\] `fullRoomRecording` must be true or false, got "true"$/],
  ["unknown Global Auto-Recording declaration", () => env({ globalAutoRecording: "enabled" }), /^\[prod\/LiveRecording\] `globalAutoRecording` must be one of "off", "on", "unknown", got "enabled"$/],
  ["Live's recording parameters (fixed by Tencent) as a prop", () => env({ recording: { format: "hls" } }), /^\[prod\/LiveRecording\] `recording` must be absent: Live's recording parameters are fixed by Tencent/],
  ["Full Room Recording without a retention", () => env({ retention: undefined }), /^\[prod\/LiveRecording\] `retention` must be set when Live recording is wanted \(fullRoomRecording is true\)/],
  ["a room with IsCloudRecordEnabled true without a VOD application", () => env({ fullRoomRecording: false, vodApplication: undefined, callbacks: {}, rooms: [{ name: "r", seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: true }] }), /^\[prod\/LiveRecording\] `vodApplication` must be set when Live recording is wanted \(rooms\[0\] \("r"\) sets isCloudRecordEnabled: true\)/],
  ["unknown way of creating a room", () => env({ rooms: [{ name: "r", seatTemplate: "Karaoke", createdWith: "sdk" }] }), /^\[prod\/LiveRecording\] `rooms\[0\].createdWith` must be one of "client-sdk", "rest-api", got "sdk"$/],
  ["account with a space", () => env({ account: "my account" }), /^\[prod\/LiveRecording\] `account` must be a string of letters, digits, _ \. @ or - starting with a letter or digit, 1 to 64 characters, got "my account"$/],
  ["VOD callback URL not a URL", () => env({ callbacks: { vodEvents: { url: "hooks.example.com/vod" } } }), /^\[prod\/LiveRecording\/Callbacks\] `vodEvents.url` must be an absolute http\(s\) URL/],
  ["Live webhook with credentials in the URL", () => env({ callbacks: { liveWebhook: { url: "https://u:p@h.example.com" } } }), /^\[prod\/LiveRecording\/Callbacks\] `liveWebhook.url` must be an absolute http\(s\) URL .* without user:password/],
  ["unknown Live webhook command", () => env({ callbacks: { liveWebhook: { url: "https://h.example.com", commands: ["Live.Nope"] } } }), /^\[prod\/LiveRecording\/Callbacks\] `liveWebhook.commands` must be Live webhook commands/],
  ["callback key given as a literal", () => env({ callbacks: { trtcRecording: { url: "https://h.example.com", key: "abc123" } } }), /^\[prod\/LiveRecording\/Callbacks\] `trtcRecording.key` must be a CallbackSecret .*, got "a string"$/],
  ["callback key variable name invalid", () => env({ callbacks: { trtcRecording: { url: "https://h.example.com", key: CallbackSecret.fromEnvironment("MY-KEY") } } }), /^`CallbackSecret.fromEnvironment\(variable\)` must be an environment variable name/],
  ["VOD callbacks without a VOD application", () => env({ vodApplication: undefined }), /^\[prod\/LiveRecording\/Callbacks\] `vodApplication` must be set when vodEvents is set/],
  ["unknown room template", () => env({ rooms: [{ name: "r", seatTemplate: "videoGrid16Seats" }] }), /^\[prod\/LiveRecording\] `rooms\[0\].seatTemplate` must be one of VideoDynamicGrid9Seats/],
  ["duplicate room names", () => env({ rooms: [{ name: "r", seatTemplate: "Karaoke" }, { name: "r", seatTemplate: "AudioSalon" }] }), /^\[prod\/LiveRecording\] `rooms\[1\].name` must be unique among rooms, got "r"$/],
  ["IsCloudRecordEnabled as a string", () => env({ rooms: [{ name: "r", seatTemplate: "Karaoke", isCloudRecordEnabled: "false" }] }), /^\[prod\/LiveRecording\] `rooms\[0\].isCloudRecordEnabled` must be true or false, got "false"$/],
  ["26 hosts in a room", () => env({ rooms: [{ name: "r", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 26 }] }), /^\[prod\/LiveRecording\] `rooms\[0\].typicalHosts` must be a whole number from 1 to 25, got 26$/],
  ["negative recorded hours", () => env({ expectedUsage: { recordedHoursPerMonth: -1 } }), /^\[prod\/LiveRecording\] `expectedUsage.recordedHoursPerMonth` must be a number of at least 0, got -1$/],
  ["unknown resolution", () => env({ expectedUsage: { resolution: "UHD" } }), /^\[prod\/LiveRecording\] `expectedUsage.resolution` must be one of "Audio", "SD", "HD", "FullHD", "2K", "4K", got "UHD"$/],
  ["COS backend bucket without APPID", () => env({ backend: (() => StateBackend.cos({ bucket: "tfstate", region: "ap-guangzhou" }))() }), /^`backend.bucket` must be a string of lowercase letters, digits and - ending in -<APPID>/],
  ["VOD callbacks null", () => env({ callbacks: { vodEvents: null } }), /^\[prod\/LiveRecording\/Callbacks\] `vodEvents` must be an object, got null$/],
  ["recording options as a string", () => env({ recording: "mp4" }), /^\[prod\/LiveRecording\] `recording` must be absent: .*, got "mp4"$/],
  ["an environment that is not an object", () => [GOOD, 42], /^`environments\[1\]` must be an environment object, got 42$/],
  ["a room that is null", () => env({ rooms: [null] }), /^\[prod\/LiveRecording\] `rooms\[0\]` must be a RoomUsage object, got null$/],
];

describe("bad input corpus", () => {
  test("has at least 30 malformed configurations", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CORPUS)("%s is rejected with a clear message", (_label, build, message) => {
    let error: unknown;
    try {
      defineEnvironments(Testing.app(), build() as EnvironmentConfig[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
  });
});
