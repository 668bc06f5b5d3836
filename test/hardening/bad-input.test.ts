/**
 * A corpus of malformed input to every public entry (defineEnvironments, each construct's props, StateBackend,
 * Retention, CallbackSecret, Acknowledgements, VodApplication.fromSubAppId, ManualRecording's request), as typed
 * TypeScript, plain JavaScript or parsed JSON may give it. Each is refused before anything is deployed with a
 * ValidationError whose exact message names where (construct path or call), the property, what is allowed and what
 * was received, or says that a required value is missing.
 */
import { Construct } from "constructs";
import {
  CallbackSecret,
  DesiredStateDocument,
  LiveRecording,
  LiveRecordingProps,
  ManualRecording,
  ManualRecordingProps,
  PostDeployHook,
  PostDeployPolicies,
  RecordingCallbacks,
  Retention,
  VodApplication,
  VodEventCallback,
} from "../../constructs";
import { checkCreateCloudRecordingRequest } from "../../constructs/manual-recording";
import { App, TerraformOutput, TerraformStack, Testing } from "../../lib/cdktf";
import { decideRoomRecording } from "../../lib/room-scope";
import { ValidationError } from "../../lib/validation";
import { Acknowledgements } from "../../rules";
import { EnvironmentConfig, LiveRecordingStack, StateBackend, defineEnvironments } from "../../stacks";
import { synth, testStack } from "../support/synth";

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
const RECORDING: LiveRecordingProps = {
  sdkAppId: 1400000002,
  vodApplication: { name: "live-rec" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
};

const REGIONS =
  "ap-bangkok, ap-beijing, ap-beijing-fsi, ap-chengdu, ap-chongqing, ap-guangzhou, ap-guangzhou-open, ap-hongkong, ap-jakarta, ap-mumbai, " +
  "ap-nanjing, ap-seoul, ap-shanghai, ap-shanghai-fsi, ap-shenzhen-fsi, ap-singapore, ap-tokyo, eu-frankfurt, eu-moscow, na-ashburn, " +
  "na-siliconvalley, na-toronto, sa-saopaulo";
const REGION = `a Tencent Cloud region, one of ${REGIONS}`;
const URL_ALLOWED = "an absolute http(s) URL of at most 2083 characters, without user:password, #fragment or whitespace";
const TAG_CHARS = "letters, digits, spaces (not first or last) and + - = . _ : / @ ( ) [ ] , ; > <";
const RESERVED_TAGS = 'a record whose keys do not start with "qcs:", "project", "qcloud", "tencent", "项目" (reserved by Tencent Cloud)';
const SECRET = "a CallbackSecret (CallbackSecret.fromEnvironment(name) or CallbackSecret.fromTerraformVariable(name)); never the key itself";
const RULES = "one of LR001, LR003, LR004, LR005, LR007, LR008";
const LR_KEYS =
  "sdkAppId, account, vodApplication, retention, callbacks, fullRoomRecording, globalAutoRecording, acceptStoppingOtherRecordings, rooms, expectedUsage, outputPrefix, accessPolicies";
const STORAGE = "Live recording stores only to VOD and cannot be enabled without a VOD Application and a Save Duration";
const REASON = "a reason of at least 10 characters saying who decided and why the";

type Case = [label: string, run: () => unknown, message: string];

/** defineEnvironments in a given app. */
const envsIn = (app: App, list: unknown) => () => defineEnvironments(app, list as EnvironmentConfig[]);
/** defineEnvironments in a fresh app. */
const envs = (list: unknown) => () => defineEnvironments(Testing.app(), list as EnvironmentConfig[]);
/** One environment: GOOD with some props replaced (undefined removes nothing: the key stays, as from JavaScript). */
const env = (over: Record<string, unknown>) => envs([{ ...GOOD, ...over }]);
/** Builds something in a bare stack ("test") with the tencentcloud provider. */
const inStack = (build: (stack: TerraformStack) => unknown) => () => build(testStack());
const recording = (over: Record<string, unknown>) => inStack((s) => new LiveRecording(s, "Rec", { ...RECORDING, ...over } as LiveRecordingProps));
const imported = (s: Construct) => VodApplication.fromSubAppId(s, "Vod", 1500000001);
const manual = (over: Record<string, unknown>) =>
  inStack((s) => new ManualRecording(s, "Manual", { sdkAppId: 1400000002, recordMode: "mixed-stream", vodApplication: imported(s), ...over } as ManualRecordingProps));
const TARGET = { roomId: "1234", robotUserId: "recorder", robotUserSig: "sig" };
const request = (target: unknown) =>
  inStack((s) => new ManualRecording(s, "Manual", { sdkAppId: 1400000002, recordMode: "mixed-stream", vodApplication: imported(s) }).toCreateCloudRecordingRequest(target as never));
/** An acknowledgement added to the LiveRecording of environment "env" (rooms "shows" and "ktv", a Live webhook). */
const ackOnRecording = (ack: unknown) => () => {
  const stack = new LiveRecordingStack(Testing.app(), "env", {
    ...RECORDING,
    region: "ap-guangzhou",
    rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats" }, { name: "ktv", seatTemplate: "Karaoke" }],
    callbacks: { liveWebhook: { url: "https://h.example.com/live" } },
  });
  return Acknowledgements.of(stack.recording).add(ack as never);
};
const ackOnStack = (ack: unknown) => () => {
  const stack = new LiveRecordingStack(Testing.app(), "env", { ...RECORDING, region: "ap-guangzhou", rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats" }] });
  Acknowledgements.of(stack).add(ack as never);
  return synth(stack);
};

const CORPUS: Case[] = [
  // defineEnvironments and the environment list
  ["no environments", envs([]), "[defineEnvironments] `environments` must be a non-empty list of environments, got []"],
  ["environments not a list", envs("prod"), '[defineEnvironments] `environments` must be a non-empty list of environments, got "prod"'],
  [
    "a callback key given literally is not shown inside a value shown whole",
    envs({ name: "prod", callbacks: { trtcRecording: { url: "https://h.example.com/t", key: "S3cretKey" }, liveWebhook: { url: "https://h.example.com/l", token: "T0ken" } } }),
    '[defineEnvironments] `environments` must be a non-empty list of environments, got {"name":"prod","callbacks":{"trtcRecording":{"url":"https://h.example.com/t","key":"***"},"liveWebhook":{"url":"https://h.example.com/l","token":"***"}}}',
  ],
  ["environments as one object instead of a list", envs({ name: "prod", sdkAppId: 1400000002 }), '[defineEnvironments] `environments` must be a non-empty list of environments, got {"name":"prod","sdkAppId":1400000002}'],
  [
    "a long value is shown cut",
    envs(GOOD),
    '[defineEnvironments] `environments` must be a non-empty list of environments, got {"name":"prod","sdkAppId":1400000002,"region":"ap-singapore","vodApplication":{"name":"live-rec"},"retention":{"retentionDays":30},"fullRoomRecording":true,"globalAutoRecording":"o... (246 characters of JSON)',
  ],
  ["environments as a Map", envs(new Map([["prod", GOOD]])), "[defineEnvironments] `environments` must be a non-empty list of environments, got a Map of 1 entry"],
  ["no environments argument at all", () => (defineEnvironments as (s: Construct) => unknown)(Testing.app()), "[defineEnvironments] `environments` is missing: it must be a non-empty list of environments"],
  ["a scope that is not a construct", () => defineEnvironments({} as never, [GOOD]), "[defineEnvironments] `scope` must be a construct (the cdktf App), got {}"],
  ["an environment that is not an object", envs([GOOD, 42]), "[defineEnvironments] `environments[1]` must be an EnvironmentConfig object, got 42"],
  ["an environment that is a list", envs([[{ name: "prod" }]]), '[defineEnvironments] `environments[0]` must be an EnvironmentConfig object, got [{"name":"prod"}]'],
  ["duplicate environment name", envs([GOOD, { ...GOOD, sdkAppId: 1400000003 }]), '[defineEnvironments] `environments[1].name` must be unique (environments[0] has the same name), got "prod"'],
  ["duplicate SDKAppID across environments", envs([GOOD, { ...GOOD, name: "prod2" }]), "[defineEnvironments] `environments[1].sdkAppId` must be unique across environments (prod already uses it; two stacks would fight over one app's settings), got 1400000002"],
  [
    "duplicate environment name across two defineEnvironments calls",
    () => {
      const app = Testing.app();
      defineEnvironments(app, [GOOD]);
      defineEnvironments(app, [{ ...GOOD, sdkAppId: 1400000003 }]);
    },
    '[defineEnvironments] `environments[0].name` must be a name no construct of the app has yet (prod exists already, e.g. from an earlier defineEnvironments call), got "prod"',
  ],
  [
    "duplicate SDKAppID across two defineEnvironments calls",
    () => {
      const app = Testing.app();
      defineEnvironments(app, [GOOD]);
      defineEnvironments(app, [{ ...GOOD, name: "prod2" }]);
    },
    "[defineEnvironments] `environments[0].sdkAppId` must be unique in the app (prod/LiveRecording already declares it; two stacks would fight over one app's settings), got 1400000002",
  ],
  [
    "an SDKAppID declared by a LiveRecording in a stack of the app's own",
    () => {
      const app = Testing.app();
      new LiveRecording(new TerraformStack(app, "media"), "Recording", { sdkAppId: 1400000002 });
      defineEnvironments(app, [GOOD]);
    },
    "[defineEnvironments] `environments[0].sdkAppId` must be unique in the app (media/Recording already declares it; two stacks would fight over one app's settings), got 1400000002",
  ],
  [
    "two environments without sdkAppId say missing, not unique",
    envs([{ ...GOOD, sdkAppId: undefined }, { ...GOOD, name: "prod2", sdkAppId: undefined }]),
    "[prod/LiveRecording] `sdkAppId` is missing: it must be a whole number from 1 to 4294967295",
  ],
  ["environment name missing", env({ name: undefined }), "[defineEnvironments] `environments[0].name` is missing: it must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters"],
  ["uppercase environment name", env({ name: "Prod" }), '[defineEnvironments] `environments[0].name` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "Prod"'],
  ["environment name too long", env({ name: "p".repeat(41) }), `[defineEnvironments] \`environments[0].name\` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "${"p".repeat(41)}"`],
  ["misspelt environment key", env({ regoin: "ap-singapore" }), `[defineEnvironments] \`environments[0].regoin\` is not a property of EnvironmentConfig: did you mean \`environments[0].region\`? EnvironmentConfig has name, region, backend, postDeployHook, ${LR_KEYS}`],
  ["misspelt SDKAppID key", env({ sdkAppID: 1400000002 }), `[defineEnvironments] \`environments[0].sdkAppID\` is not a property of EnvironmentConfig: did you mean \`environments[0].sdkAppId\`? EnvironmentConfig has name, region, backend, postDeployHook, ${LR_KEYS}`],

  // sdkAppId, region
  ["sdkAppId as a string", env({ sdkAppId: "1400000002" }), '[prod/LiveRecording] `sdkAppId` must be a whole number from 1 to 4294967295, got "1400000002"'],
  ["sdkAppId negative", env({ sdkAppId: -5 }), "[prod/LiveRecording] `sdkAppId` must be a whole number from 1 to 4294967295, got -5"],
  ["sdkAppId fractional", env({ sdkAppId: 1.5 }), "[prod/LiveRecording] `sdkAppId` must be a whole number from 1 to 4294967295, got 1.5"],
  ["sdkAppId too large", env({ sdkAppId: 2 ** 32 }), "[prod/LiveRecording] `sdkAppId` must be a whole number from 1 to 4294967295, got 4294967296"],
  ["sdkAppId missing", env({ sdkAppId: undefined }), "[prod/LiveRecording] `sdkAppId` is missing: it must be a whole number from 1 to 4294967295"],
  ["region not a region", env({ region: "singapore" }), `[prod] \`region\` must be ${REGION}, got "singapore" (did you mean "ap-singapore"?)`],
  ["region missing", env({ region: undefined }), `[prod] \`region\` is missing: it must be ${REGION}`],
  ["an availability zone as the region", env({ region: "ap-guangzhou-3" }), `[prod] \`region\` must be ${REGION}, got "ap-guangzhou-3" (an availability zone of ap-guangzhou, not a region)`],
  ["a misspelt region", env({ region: "ap-guangzou" }), `[prod] \`region\` must be ${REGION}, got "ap-guangzou" (did you mean "ap-guangzhou"?)`],
  ["a region in capitals", env({ region: "AP-SINGAPORE" }), `[prod] \`region\` must be ${REGION}, got "AP-SINGAPORE" (did you mean "ap-singapore"?)`],
  ["a region of another cloud", env({ region: "us-east-1" }), `[prod] \`region\` must be ${REGION}, got "us-east-1"`],
  ["a region as a number", env({ region: 1 }), `[prod] \`region\` must be ${REGION}, got 1`],

  // constructs called with no props object, or with the wrong kind of object
  ["LiveRecording without props", inStack((s) => new LiveRecording(s, "Rec", undefined as never)), "[test/Rec] `props` is missing: it must be a LiveRecordingProps object"],
  ["LiveRecording with a list of props", inStack((s) => new LiveRecording(s, "Rec", [RECORDING] as never)), `[test/Rec] \`props\` must be a LiveRecordingProps object, got [{"sdkAppId":1400000002,"vodApplication":{"name":"live-rec"},"retention":{"retentionDays":30},"fullRoomRecording":true,"globalAutoRecording":"off"}]`],
  ["LiveRecording with a Map of props", inStack((s) => new LiveRecording(s, "Rec", new Map(Object.entries(RECORDING)) as never)), "[test/Rec] `props` must be a LiveRecordingProps object, got a Map of 5 entries"],
  ["LiveRecordingStack without props", () => new LiveRecordingStack(Testing.app(), "dev", undefined as never), "[dev] `props` is missing: it must be a LiveRecordingStackProps object"],
  ["VodApplication without props", inStack((s) => new VodApplication(s, "Vod", undefined as never)), "[test/Vod] `props` is missing: it must be a VodApplicationProps object"],
  ["VodEventCallback without props", inStack((s) => new VodEventCallback(s, "Events", undefined as never)), "[test/Events] `props` is missing: it must be a VodEventCallbackProps object"],
  ["RecordingCallbacks with null props", inStack((s) => new RecordingCallbacks(s, "Cb", null as never)), "[test/Cb] `callbacks` must be a callbacks object, got null"],
  ["ManualRecording with a list of props", inStack((s) => new ManualRecording(s, "Manual", [] as never)), "[test/Manual] `props` must be a ManualRecordingProps object, got []"],
  ["PostDeployHook without props", inStack((s) => new PostDeployHook(s, "Hook", undefined as never)), "[test/Hook] `props` is missing: it must be a PostDeployHookProps object"],
  ["PostDeployHook with a recording that is not a LiveRecording", inStack((s) => new PostDeployHook(s, "Hook", { recording: {} as never })), "[test/Hook] `recording` must be a LiveRecording, got {}"],
  ["retention as a number", env({ retention: 30 }), "[prod/LiveRecording] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got 30"],
  ["retention as its JSON form", env({ retention: { days: 30 } }), '[prod/LiveRecording] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got {"days":30}'],
  ["Retention.forever without ()", env({ retention: Retention.forever }), "[prod/LiveRecording] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got the function forever (not called) (call it: Retention.forever())"],
  ["a StateBackend where a retention goes", env({ retention: StateBackend.local() }), "[prod/LiveRecording] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got a LocalStateBackend"],
  ["backend as a plain object", env({ backend: { bucket: "tfstate-1250000000", region: "ap-guangzhou" } }), '[prod] `backend` must be a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region })), got {"bucket":"tfstate-1250000000","region":"ap-guangzhou"}'],
  ["StateBackend.local without ()", env({ backend: StateBackend.local }), "[prod] `backend` must be a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region })), got the function local (not called) (call it: StateBackend.local(...))"],
  ["a Retention where a backend goes", env({ backend: Retention.days(3) }), "[prod] `backend` must be a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region })), got a Retention"],
  ["CallbackSecret.fromEnvironment without a call", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod", signKey: CallbackSecret.fromEnvironment } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.signKey\` must be ${SECRET}, got the function fromEnvironment (not called) (call it: CallbackSecret.fromEnvironment(...))`],
  ["a Retention where a callback key goes", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod", signKey: Retention.forever() } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.signKey\` must be ${SECRET}, got a Retention`],
  ["callback key given as a literal", env({ callbacks: { trtcRecording: { url: "https://h.example.com", key: "abc123" } } }), `[prod/LiveRecording/Callbacks] \`trtcRecording.key\` must be ${SECRET}, got a string of 6 characters (not shown: it may be the key itself)`],
  ["callback key given as its JSON form", env({ callbacks: { liveWebhook: { url: "https://h.example.com", token: { source: "environment", variable: "T" } } } }), `[prod/LiveRecording/Callbacks] \`liveWebhook.token\` must be ${SECRET}, got an object literal (not shown)`],
  ["a Retention where a VOD application goes", env({ vodApplication: Retention.days(1) }), "[prod/LiveRecording] `vodApplication` must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)) or the VodApplicationProps of one to create, got a Retention"],
  ["VodEventCallback with VOD application props instead of an application", inStack((s) => new VodEventCallback(s, "Events", { application: { name: "x" } as never, url: "https://h.example.com" })), '[test/Events] `application` must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)), got {"name":"x"}'],
  ["VodEventCallback without an application", inStack((s) => new VodEventCallback(s, "Events", { url: "https://h.example.com" } as never)), "[test/Events] `application` is missing: it must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...))"],
  ["ManualRecording with a SubAppId object instead of an application", manual({ vodApplication: { subAppId: 1 } }), '[test/Manual] `vodApplication` must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)): manual recording here uploads to VOD, got {"subAppId":1}'],

  // objects of the right class not made by its factories (plain JavaScript can call `new` on them)
  ["new Retention() from JavaScript (it would read as forever)", () => new (Retention as unknown as new () => Retention)(), '[new Retention] `Retention` must be made by Retention.days(n) or Retention.forever() (its constructor is private), got "new Retention(undefined)"'],
  ["new Retention(-3) from JavaScript (it would skip the range check)", () => new (Retention as unknown as new (d: number) => Retention)(-3), '[new Retention] `Retention` must be made by Retention.days(n) or Retention.forever() (its constructor is private), got "new Retention(-3)"'],
  ["a Retention made by Object.create", env({ retention: Object.create(Retention.prototype) }), "[prod/LiveRecording] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got a Retention (not made by Retention.days(n) or Retention.forever())"],
  ["new StateBackend() from JavaScript as the backend", env({ backend: new (StateBackend as unknown as new () => StateBackend)() }), "[prod] `backend` must be a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region })), got a StateBackend (not made by StateBackend.local() or StateBackend.cos(...): it has no bind() or describe())"],
  ["new CallbackSecret() from JavaScript as a callback key", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod", signKey: new (CallbackSecret as unknown as new () => CallbackSecret)() } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.signKey\` must be ${SECRET}, got a CallbackSecret (not made by CallbackSecret.fromEnvironment or CallbackSecret.fromTerraformVariable: it has no bind())`],
  ["a CallbackSecret where a backend goes", env({ backend: CallbackSecret.fromEnvironment("KEY") }), "[prod] `backend` must be a StateBackend (StateBackend.local() or StateBackend.cos({ bucket, region })), got an EnvironmentSecret"],

  // a Map where a record is expected, an array where an object is expected
  ["VOD application tags as a Map", env({ vodApplication: { name: "ok", tags: new Map([["env", "prod"]]) } }), "[prod/LiveRecording/VodApplication] `tags` must be a record of tag keys to string values (an object literal), got a Map of 1 entry"],
  ["VOD application tags as a list of pairs", env({ vodApplication: { name: "ok", tags: [["env", "prod"]] } }), '[prod/LiveRecording/VodApplication] `tags` must be a record of tag keys to string values (an object literal), got [["env","prod"]]'],
  ["callbacks as a Map", env({ callbacks: new Map() }), "[prod/LiveRecording] `callbacks` must be a callbacks object, got a Map of 0 entries"],
  ["callbacks as a list", env({ callbacks: [{ url: "https://h.example.com/vod" }] }), '[prod/LiveRecording] `callbacks` must be a callbacks object, got [{"url":"https://h.example.com/vod"}]'],
  ["VOD callbacks as a list", env({ callbacks: { vodEvents: ["https://h.example.com/vod"] } }), '[prod/LiveRecording/Callbacks] `vodEvents` must be a VodEventCallbackOptions object, got ["https://h.example.com/vod"]'],
  ["VOD callbacks null", env({ callbacks: { vodEvents: null } }), "[prod/LiveRecording/Callbacks] `vodEvents` must be a VodEventCallbackOptions object, got null"],
  ["VOD application props as a list", env({ vodApplication: [{ name: "ok" }] }), '[prod/LiveRecording] `vodApplication` must be a VOD application (a VodApplication, or VodApplication.fromSubAppId(...)) or the VodApplicationProps of one to create, got [{"name":"ok"}]'],
  ["rooms as a Map", env({ rooms: new Map([["shows", { seatTemplate: "Karaoke" }]]) }), "[prod/LiveRecording] `rooms` must be a list of RoomUsage, got a Map of 1 entry"],
  ["rooms as one object", env({ rooms: { name: "r", seatTemplate: "Karaoke" } }), '[prod/LiveRecording] `rooms` must be a list of RoomUsage, got {"name":"r","seatTemplate":"Karaoke"}'],
  ["expected usage as a list", env({ expectedUsage: [{ peakConcurrentRecordings: 3 }] }), '[prod/LiveRecording] `expectedUsage` must be an ExpectedUsage object, got [{"peakConcurrentRecordings":3}]'],
  ["accepting to stop other recordings as a list", env({ acceptStoppingOtherRecordings: ["because"] }), '[prod/LiveRecording] `acceptStoppingOtherRecordings` must be an object { reason }, got ["because"]'],
  ["COS backend options as a list", () => StateBackend.cos([] as never), "[StateBackend.cos] `options` must be a CosStateBackendOptions object, got []"],
  ["Retention.fromSpec of a Map", () => Retention.fromSpec(new Map() as never), "[Retention.fromSpec] `spec` must be { days: n } or { forever: true }, got a Map of 0 entries"],
  ["a manual recording target as a list", request([TARGET]), '[test/Manual] `target` must be a ManualRecordingTarget object, got [{"roomId":"1234","robotUserId":"recorder","robotUserSig":"***"}]'],

  ["PostDeployPolicies with a Map of props", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", { ...RECORDING, region: "ap-guangzhou" });
    new PostDeployPolicies(stack, "Policies", new Map([["recording", stack.recording]]) as never);
  }, "[env/Policies] `props` must be a PostDeployPoliciesProps object, got a Map of 1 entry"],
  ["access policies attachment as a Map", env({ accessPolicies: { apply: new Map([["userName", "ci"]]) } }), "[prod/LiveRecording/AccessPolicies] `apply` must be a PolicyAttachmentOptions object { userName?, roleId? }, got a Map of 1 entry"],

  // unknown or misspelt keys, with the nearest known one
  ["misspelt LiveRecording prop", recording({ fullRoomRecordings: true }), `[test/Rec] \`fullRoomRecordings\` is not a property of LiveRecordingProps: did you mean \`fullRoomRecording\`? LiveRecordingProps has ${LR_KEYS}`],
  ["unknown LiveRecording prop", recording({ recordingFormat: "mp4" }), `[test/Rec] \`recordingFormat\` is not a property of LiveRecordingProps: LiveRecordingProps has ${LR_KEYS}`],
  ["misspelt VOD application prop", env({ vodApplication: { nmae: "ok" } }), "[prod/LiveRecording/VodApplication] `nmae` is not a property of VodApplicationProps: did you mean `name`? VodApplicationProps has name, description, tags, enabled"],
  ["misspelt callback kind", env({ callbacks: { vodEvent: { url: "https://h.example.com/vod" } } }), "[prod/LiveRecording] `callbacks.vodEvent` is not a property of LiveRecordingProps.callbacks: did you mean `callbacks.vodEvents`? LiveRecordingProps.callbacks has vodEvents, trtcRecording, liveWebhook"],
  ["a VOD application inside callbacks (the LiveRecording's own is used)", env({ callbacks: { vodApplication: { name: "x" } } }), "[prod/LiveRecording] `callbacks.vodApplication` is not a property of LiveRecordingProps.callbacks: LiveRecordingProps.callbacks has vodEvents, trtcRecording, liveWebhook"],
  ["misspelt callback option", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod", deleteEvent: true } } }), "[prod/LiveRecording/Callbacks] `vodEvents.deleteEvent` is not a property of VodEventCallbackOptions: did you mean `vodEvents.deleteEvents`? VodEventCallbackOptions has url, deleteEvents, signKey"],
  ["misspelt room prop", env({ rooms: [{ name: "r", seatTemplate: "Karaoke", isCloudRecordingEnabled: true }] }), "[prod/LiveRecording] `rooms[0].isCloudRecordingEnabled` is not a property of RoomUsage: did you mean `rooms[0].isCloudRecordEnabled`? RoomUsage has name, seatTemplate, createdWith, isUnlimitedRoomEnabled, isCloudRecordEnabled, expectRecorded, typicalHosts"],
  ["misspelt usage prop", env({ expectedUsage: { resolutoin: "HD" } }), "[prod/LiveRecording] `expectedUsage.resolutoin` is not a property of ExpectedUsage: did you mean `expectedUsage.resolution`? ExpectedUsage has peakConcurrentRecordings, recordedHoursPerMonth, resolution, averageBitrateKbps"],
  ["misspelt acceptance prop", env({ acceptStoppingOtherRecordings: { reasons: "the calls team agreed in ticket 7" } }), "[prod/LiveRecording] `acceptStoppingOtherRecordings.reasons` is not a property of StopOtherRecordingsAcceptance: did you mean `acceptStoppingOtherRecordings.reason`? StopOtherRecordingsAcceptance has reason"],
  ["misspelt COS option", () => StateBackend.cos({ bucket: "tf-1250000000", region: "ap-guangzhou", encrypted: true } as never), "[StateBackend.cos] `options.encrypted` is not a property of CosStateBackendOptions: did you mean `options.encrypt`? CosStateBackendOptions has bucket, region, prefix, key, encrypt"],
  ["misspelt ManualRecording prop", manual({ maxIdleTime: 30 }), "[test/Manual] `maxIdleTime` is not a property of ManualRecordingProps: ManualRecordingProps has sdkAppId, recordMode, streamType, maxIdleTimeSeconds, maxMediaFileDurationMinutes, mergeAudioAndVideo, mixLayout, vodApplication, retention, vodMediaType, vodClassId, vodProcedure, vodStorageRegion, resourceExpiredHours"],
  ["misspelt manual recording target key", request({ ...TARGET, roomID: "5" }), "[test/Manual] `target.roomID` is not a property of ManualRecordingTarget: did you mean `target.roomId`? ManualRecordingTarget has roomId, roomIdType, robotUserId, robotUserSig, vodSubAppId"],
  ["misspelt VodEventCallback prop", inStack((s) => new VodEventCallback(s, "Events", { application: imported(s), url: "https://h.example.com", deleteEvent: true } as never)), "[test/Events] `deleteEvent` is not a property of VodEventCallbackProps: did you mean `deleteEvents`? VodEventCallbackProps has application, url, deleteEvents"],
  ["misspelt PostDeployHook prop", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", { ...RECORDING, region: "ap-guangzhou" });
    new PostDeployHook(stack, "Hook", { recording: stack.recording, extraArg: ["--verbose"] } as never);
  }, "[env/Hook] `extraArg` is not a property of PostDeployHookProps: did you mean `extraArgs`? PostDeployHookProps has recording, projectDir, extraArgs"],
  ["misspelt retention spec key", () => Retention.fromSpec({ day: 3 } as never), "[Retention.fromSpec] `spec.day` is not a property of RetentionSpec: did you mean `spec.days`? RetentionSpec has days, forever"],
  ["misspelt access policy attachment key", env({ accessPolicies: { readOnly: { username: "ci-reader" } } }), "[prod/LiveRecording/AccessPolicies] `readOnly.username` is not a property of PolicyAttachmentOptions: did you mean `readOnly.userName`? PolicyAttachmentOptions has userName, roleId"],
  ["misspelt accessPolicies key", env({ accessPolicies: { namePrefx: "ci" } }), "[prod/LiveRecording] `accessPolicies.namePrefx` is not a property of PostDeployPoliciesOptions: did you mean `accessPolicies.namePrefix`? PostDeployPoliciesOptions has namePrefix, apply, readOnly"],
  ["a recording inside accessPolicies (the LiveRecording is the recording)", env({ accessPolicies: { recording: {} } }), "[prod/LiveRecording] `accessPolicies.recording` is not a property of PostDeployPoliciesOptions: PostDeployPoliciesOptions has namePrefix, apply, readOnly"],
  ["misspelt PostDeployPolicies prop", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", { ...RECORDING, region: "ap-guangzhou" });
    new PostDeployPolicies(stack, "Policies", { recordng: stack.recording } as never);
  }, "[env/Policies] `recordng` is not a property of PostDeployPoliciesProps: did you mean `recording`? PostDeployPoliciesProps has recording, namePrefix, apply, readOnly"],
  ["misspelt acknowledgement key", ackOnRecording({ id: "LR001", reasons: "kept by the calls team" }), "[env/LiveRecording] `reasons` is not a property of Acknowledgement: did you mean `reason`? Acknowledgement has id, reason, appliesTo, applyToChildren"],

  // VOD application, tags
  ["VOD app name with a space", env({ vodApplication: { name: "live rec" } }), '[prod/LiveRecording/VodApplication] `name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "live rec"'],
  ["VOD app name too long", env({ vodApplication: { name: "x".repeat(41) } }), `[prod/LiveRecording/VodApplication] \`name\` must be a string of letters, digits, _ or -, 1 to 40 characters, got "${"x".repeat(41)}"`],
  ["VOD app name missing", env({ vodApplication: {} }), "[prod/LiveRecording/VodApplication] `name` is missing: it must be a string of letters, digits, _ or -, 1 to 40 characters"],
  ["VOD app description too long", env({ vodApplication: { name: "ok", description: "d".repeat(301) } }), `[prod/LiveRecording/VodApplication] \`description\` must be a string of 0 to 300 characters, got "${"d".repeat(100)}"... (301 characters)`],
  ["11 VOD app tags", env({ vodApplication: { name: "ok", tags: Object.fromEntries([...Array(11).keys()].map((i) => [`t${i}`, "v"])) } }), "[prod/LiveRecording/VodApplication] `tags` must be at most 10 tags, got 11 (keys t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10)"],
  ["VOD app enabled as a string", env({ vodApplication: { name: "ok", enabled: "On" } }), '[prod/LiveRecording/VodApplication] `enabled` must be true or false, got "On"'],
  ["reserved tag key qcs:", env({ vodApplication: { name: "ok", tags: { "qcs:owner": "me" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be ${RESERVED_TAGS}, got "qcs:owner"`],
  ["reserved tag key project", env({ vodApplication: { name: "ok", tags: { project: "live" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be ${RESERVED_TAGS}, got "project"`],
  ["reserved tag key tencent...", env({ vodApplication: { name: "ok", tags: { "tencent-team": "live" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be ${RESERVED_TAGS}, got "tencent-team"`],
  ["reserved tag key qcloud...", env({ vodApplication: { name: "ok", tags: { "qcloud:app": "x" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be ${RESERVED_TAGS}, got "qcloud:app"`],
  ["tag key of 128 characters", env({ vodApplication: { name: "ok", tags: { ["k".repeat(128)]: "v" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be a record whose keys are 1 to 127 characters of ${TAG_CHARS}, got "${"k".repeat(100)}"... (128 characters)`],
  ["tag key with #", env({ vodApplication: { name: "ok", tags: { "team#1": "v" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be a record whose keys are 1 to 127 characters of ${TAG_CHARS}, got "team#1"`],
  ["tag key with a leading space", env({ vodApplication: { name: "ok", tags: { " team": "v" } } }), `[prod/LiveRecording/VodApplication] \`tags\` must be a record whose keys are 1 to 127 characters of ${TAG_CHARS}, got " team"`],
  ["empty tag value", env({ vodApplication: { name: "ok", tags: { team: "" } } }), `[prod/LiveRecording/VodApplication] \`tags.team\` must be a string of 1 to 255 characters of ${TAG_CHARS}, got ""`],
  ["tag value of 256 characters", env({ vodApplication: { name: "ok", tags: { team: "v".repeat(256) } } }), `[prod/LiveRecording/VodApplication] \`tags.team\` must be a string of 1 to 255 characters of ${TAG_CHARS}, got "${"v".repeat(100)}"... (256 characters)`],
  ["tag value with a trailing space", env({ vodApplication: { name: "ok", tags: { team: "live " } } }), `[prod/LiveRecording/VodApplication] \`tags.team\` must be a string of 1 to 255 characters of ${TAG_CHARS}, got "live "`],
  ["VodApplication.fromSubAppId with 0", inStack((s) => VodApplication.fromSubAppId(s, "Existing", 0)), "[test/Existing] `subAppId` must be a whole number from 1 to 9007199254740991, got 0"],
  ["VodApplication.fromSubAppId with a bad name", inStack((s) => VodApplication.fromSubAppId(s, "Existing", 7, "a b")), '[test/Existing] `name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "a b"'],
  ["VodApplication.fromSubAppId without a SubAppId", inStack((s) => (VodApplication.fromSubAppId as (s: Construct, id: string) => unknown)(s, "Existing")), "[test/Existing] `subAppId` is missing: it must be a whole number from 1 to 9007199254740991"],

  // retention, secrets, backends
  ["retention zero days", () => env({ retention: Retention.days(0) })(), "[Retention.days] `days` must be a whole number of days from 1 to 24855 (or Retention.forever()), got 0"],
  ["Retention.days without a number", () => (Retention.days as () => unknown)(), "[Retention.days] `days` is missing: it must be a whole number of days from 1 to 24855 (or Retention.forever())"],
  ["Retention.fromSpec with both forms", () => Retention.fromSpec({ days: 3, forever: true } as never), '[Retention.fromSpec] `spec` must be { days: n } or { forever: true }, not both, got {"days":3,"forever":true}'],
  ["Retention.fromSpec forever false", () => Retention.fromSpec({ forever: false } as never), "[Retention.fromSpec] `spec.forever` must be true (or use { days: n }), got false"],
  ["Retention.fromSpec with days out of range", () => Retention.fromSpec({ days: 0 }), "[Retention.fromSpec] `spec.days` must be a whole number of days from 1 to 24855 (or Retention.forever()), got 0"],
  ["callback key variable name invalid", () => CallbackSecret.fromEnvironment("MY-KEY"), '[CallbackSecret.fromEnvironment] `variable` must be an environment variable name (letters, digits, _; not starting with a digit), got "MY-KEY"'],
  ["a Terraform variable named like an output of the stack", env({ callbacks: { liveWebhook: { url: "https://h.example.com/l", token: CallbackSecret.fromTerraformVariable("region") } } }), '[prod] `variable` must be a Terraform variable name other than region, desired_state_sha256 (the names of this stack\'s own outputs and hook), got "region"'],
  ["a Terraform variable named like the provider", env({ callbacks: { liveWebhook: { url: "https://h.example.com/l", token: CallbackSecret.fromTerraformVariable("tencentcloud") } } }), '[prod/LiveRecording/Callbacks] `variable` must be a Terraform variable name that no other construct of stack prod has (prod/tencentcloud exists), got "tencentcloud"'],
  ["Terraform variable name missing", () => (CallbackSecret.fromTerraformVariable as () => unknown)(), "[CallbackSecret.fromTerraformVariable] `variable` is missing: it must be a Terraform variable name (letters, digits, _; not starting with a digit)"],
  ["COS backend bucket without APPID", () => StateBackend.cos({ bucket: "tfstate", region: "ap-guangzhou" }), '[StateBackend.cos] `options.bucket` must be a string of lowercase letters, digits and - ending in -<APPID>, 1 to 63 characters, got "tfstate"'],
  ["COS backend without options", () => (StateBackend.cos as () => unknown)(), "[StateBackend.cos] `options` is missing: it must be a CosStateBackendOptions object"],
  ["COS backend in a zone", () => StateBackend.cos({ bucket: "tf-1250000000", region: "ap-shanghai-2" }), `[StateBackend.cos] \`options.region\` must be ${REGION}, got "ap-shanghai-2" (an availability zone of ap-shanghai, not a region)`],
  ["COS backend encrypt as a string", () => StateBackend.cos({ bucket: "tf-1250000000", region: "ap-guangzhou", encrypt: "yes" } as never), '[StateBackend.cos] `options.encrypt` must be true or false, got "yes"'],
  ["local backend path empty", () => StateBackend.local(""), '[StateBackend.local] `path` must be a string of 1 to 4096 characters, got ""'],

  // the LiveRecording's own props
  ["fullRoomRecording as a string", env({ fullRoomRecording: "true" }), '[prod/LiveRecording] `fullRoomRecording` must be true or false, got "true"'],
  ["unknown Global Auto-Recording declaration", env({ globalAutoRecording: "enabled" }), '[prod/LiveRecording] `globalAutoRecording` must be one of "off", "on", "unknown", got "enabled"'],
  ["misspelt Global Auto-Recording declaration", env({ globalAutoRecording: "of" }), '[prod/LiveRecording] `globalAutoRecording` must be one of "off", "on", "unknown", got "of" (did you mean "off"?)'],
  ["Live's recording parameters (fixed by Tencent) as a prop", env({ recording: { format: "hls" } }), `[prod/LiveRecording] \`recording\` must be absent: Live's recording parameters are fixed by Tencent (MP4, files of at most 1440 minutes, single-stream for one host, one mixed-stream file for several) and nothing here changes them; for TRTC Cloud Recording's own parameters use ManualRecording, got {"format":"hls"}`],
  ["recording options as a string", env({ recording: "mp4" }), `[prod/LiveRecording] \`recording\` must be absent: Live's recording parameters are fixed by Tencent (MP4, files of at most 1440 minutes, single-stream for one host, one mixed-stream file for several) and nothing here changes them; for TRTC Cloud Recording's own parameters use ManualRecording, got "mp4"`],
  ["Full Room Recording without a retention", env({ retention: undefined }), `[prod/LiveRecording] \`retention\` is missing: it must be set when Live recording is wanted (fullRoomRecording is true): ${STORAGE}`],
  ["a room with IsCloudRecordEnabled true without a VOD application", env({ fullRoomRecording: false, vodApplication: undefined, callbacks: {}, rooms: [{ name: "r", seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: true }] }), `[prod/LiveRecording] \`vodApplication\` is missing: it must be set when Live recording is wanted (rooms[0] ("r") sets isCloudRecordEnabled: true): ${STORAGE}`],
  ["unknown way of creating a room", env({ rooms: [{ name: "r", seatTemplate: "Karaoke", createdWith: "sdk" }] }), '[prod/LiveRecording] `rooms[0].createdWith` must be one of "client-sdk", "rest-api", got "sdk"'],
  ["account with a space", env({ account: "my account" }), '[prod/LiveRecording] `account` must be a string of letters, digits, _ . @ or - starting with a letter or digit, 1 to 64 characters, got "my account"'],
  ["unknown room template", env({ rooms: [{ name: "r", seatTemplate: "videoGrid16Seats" }] }), '[prod/LiveRecording] `rooms[0].seatTemplate` must be one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seats, Karaoke, AudioSalon, got "videoGrid16Seats"'],
  ["misspelt room template", env({ rooms: [{ name: "r", seatTemplate: "Karoke" }] }), '[prod/LiveRecording] `rooms[0].seatTemplate` must be one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seats, Karaoke, AudioSalon, got "Karoke" (did you mean "Karaoke"?)'],
  ["room template missing", env({ rooms: [{ name: "r" }] }), "[prod/LiveRecording] `rooms[0].seatTemplate` is missing: it must be one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seats, Karaoke, AudioSalon"],
  ["room name missing", env({ rooms: [{ seatTemplate: "Karaoke" }] }), "[prod/LiveRecording] `rooms[0].name` is missing: it must be a string of 1 to 64 characters"],
  ["duplicate room names", env({ rooms: [{ name: "r", seatTemplate: "Karaoke" }, { name: "r", seatTemplate: "AudioSalon" }] }), '[prod/LiveRecording] `rooms[1].name` must be unique among rooms, got "r"'],
  ["IsCloudRecordEnabled as a string", env({ rooms: [{ name: "r", seatTemplate: "Karaoke", isCloudRecordEnabled: "false" }] }), '[prod/LiveRecording] `rooms[0].isCloudRecordEnabled` must be true or false, got "false"'],
  ["26 hosts in a room", env({ rooms: [{ name: "r", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 26 }] }), "[prod/LiveRecording] `rooms[0].typicalHosts` must be a whole number from 1 to 25, got 26"],
  ["a room that is null", env({ rooms: [null] }), "[prod/LiveRecording] `rooms[0]` must be a RoomUsage object, got null"],
  ["negative recorded hours", env({ expectedUsage: { recordedHoursPerMonth: -1 } }), "[prod/LiveRecording] `expectedUsage.recordedHoursPerMonth` must be a number of at least 0, got -1"],
  ["unknown resolution", env({ expectedUsage: { resolution: "UHD" } }), '[prod/LiveRecording] `expectedUsage.resolution` must be one of "Audio", "SD", "HD", "FullHD", "2K", "4K", got "UHD" (did you mean "HD"?)'],
  ["accepting to stop other recordings without a reason", env({ acceptStoppingOtherRecordings: {} }), "[prod/LiveRecording] `acceptStoppingOtherRecordings.reason` is missing: it must be a reason of at least 10 characters saying who decided and why stopping those recordings is acceptable"],
  ["outputPrefix with capitals", env({ outputPrefix: "EU_" }), '[prod/LiveRecording] `outputPrefix` must be a string of lowercase letters, digits or _ starting with a letter, 0 to 40 characters, got "EU_"'],

  // output ids: one LiveRecording's outputs must not overwrite another's
  [
    "two LiveRecordings in one stack without outputPrefix",
    inStack((s) => {
      new LiveRecording(s, "Shows", { sdkAppId: 1400000002 });
      new LiveRecording(s, "Calls", { sdkAppId: 1400000003 });
    }),
    "[test/Calls] `outputPrefix` is missing: it must be a prefix that keeps this LiveRecording's outputs apart from the other outputs of stack test (the LiveRecording test/Shows already writes sdk_app_id: one would overwrite the other, and the post-deploy step would read the wrong app's), e.g. \"calls_\"",
  ],
  [
    "two LiveRecordings in one stack with the same outputPrefix",
    inStack((s) => {
      new LiveRecording(s, "Shows", { ...RECORDING, outputPrefix: "x_" });
      new LiveRecording(s, "Calls", { ...RECORDING, sdkAppId: 1400000003, outputPrefix: "x_" });
    }),
    "[test/Calls] `outputPrefix` must be a prefix that keeps this LiveRecording's outputs apart from the other outputs of stack test (the LiveRecording test/Shows already writes x_sdk_app_id, x_vod_sub_app_id, x_vod_sub_app_name: one would overwrite the other, and the post-deploy step would read the wrong app's), e.g. \"calls_\", got \"x_\"",
  ],
  [
    "an output of the stack's own with a LiveRecording's id",
    inStack((s) => {
      new TerraformOutput(s, "sdk_app_id", { value: 1, staticId: true });
      new LiveRecording(s, "Shows", { sdkAppId: 1400000002 });
    }),
    "[test/Shows] `outputPrefix` is missing: it must be a prefix that keeps this LiveRecording's outputs apart from the other outputs of stack test (the output test/sdk_app_id already writes sdk_app_id: one would overwrite the other, and the post-deploy step would read the wrong app's), e.g. \"shows_\"",
  ],
  [
    "one SDKAppID declared by two LiveRecordings of the app",
    () => {
      const app: App = Testing.app();
      new LiveRecording(new TerraformStack(app, "a"), "Rec", { sdkAppId: 1400000002 });
      new LiveRecording(new TerraformStack(app, "b"), "Rec", { sdkAppId: 1400000002 });
    },
    "[b/Rec] `sdkAppId` must be unique among the LiveRecordings of the app (a/Rec already declares it; two declarations of one SDKAppID would fight over its console settings), got 1400000002",
  ],

  // callback URLs
  ["VOD callback URL not a URL", env({ callbacks: { vodEvents: { url: "hooks.example.com/vod" } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.url\` must be ${URL_ALLOWED}, got "hooks.example.com/vod" (not an absolute URL)`],
  ["VOD callback URL missing", env({ callbacks: { vodEvents: {} } }), `[prod/LiveRecording/Callbacks] \`vodEvents.url\` is missing: it must be ${URL_ALLOWED}`],
  ["Live webhook with credentials in the URL", env({ callbacks: { liveWebhook: { url: "https://u:p@h.example.com" } } }), `[prod/LiveRecording/Callbacks] \`liveWebhook.url\` must be ${URL_ALLOWED}, got "https://***@h.example.com" (credentials in a URL end up in Terraform state and logs; they are not shown here)`],
  ["a user name without password in the URL", env({ callbacks: { liveWebhook: { url: "https://ops@h.example.com/live" } } }), `[prod/LiveRecording/Callbacks] \`liveWebhook.url\` must be ${URL_ALLOWED}, got "https://***@h.example.com/live" (credentials in a URL end up in Terraform state and logs; they are not shown here)`],
  ["credentials are not shown even when another fault is named first", env({ callbacks: { trtcRecording: { url: "https://bot:S3cret@h.example.com/t#x" } } }), `[prod/LiveRecording/Callbacks] \`trtcRecording.url\` must be ${URL_ALLOWED}, got "https://***@h.example.com/t#x" (a #fragment is never sent to the receiver)`],
  ["a URL with a fragment", env({ callbacks: { trtcRecording: { url: "https://h.example.com/trtc#events" } } }), `[prod/LiveRecording/Callbacks] \`trtcRecording.url\` must be ${URL_ALLOWED}, got "https://h.example.com/trtc#events" (a #fragment is never sent to the receiver)`],
  ["a URL with a space inside", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod events" } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.url\` must be ${URL_ALLOWED}, got "https://h.example.com/vod events" (it contains whitespace or a control character)`],
  ["a URL with a trailing newline", env({ callbacks: { vodEvents: { url: "https://h.example.com/vod\n" } } }), `[prod/LiveRecording/Callbacks] \`vodEvents.url\` must be ${URL_ALLOWED}, got "https://h.example.com/vod\\n" (it contains whitespace or a control character)`],
  ["a URL with a leading space", env({ callbacks: { liveWebhook: { url: " https://h.example.com/live" } } }), `[prod/LiveRecording/Callbacks] \`liveWebhook.url\` must be ${URL_ALLOWED}, got " https://h.example.com/live" (it contains whitespace or a control character)`],
  ["a data: URL", env({ callbacks: { liveWebhook: { url: "data:text/plain,hi" } } }), `[prod/LiveRecording/Callbacks] \`liveWebhook.url\` must be ${URL_ALLOWED}, got "data:text/plain,hi" (scheme data)`],
  ["a standalone VodEventCallback URL with a fragment", inStack((s) => new VodEventCallback(s, "Events", { application: imported(s), url: "https://h.example.com/vod#x" })), `[test/Events] \`url\` must be ${URL_ALLOWED}, got "https://h.example.com/vod#x" (a #fragment is never sent to the receiver)`],
  ["unknown Live webhook command", env({ callbacks: { liveWebhook: { url: "https://h.example.com", commands: ["Live.Nope"] } } }), expectedCommandMessage("Live.Nope")],
  ["Live webhook commands as a string", env({ callbacks: { liveWebhook: { url: "https://h.example.com", commands: "Live.CallbackAfterCreateRoom" } } }), '[prod/LiveRecording/Callbacks] `liveWebhook.commands` must be a non-empty list of Live webhook commands, got "Live.CallbackAfterCreateRoom"'],
  ["VOD callbacks without a VOD application", env({ vodApplication: undefined }), "[prod/LiveRecording/Callbacks] `vodApplication` is missing: it must be set when vodEvents is set (VOD callbacks belong to a VOD application)"],

  // ManualRecording and its request
  ["ManualRecording without a record mode", manual({ recordMode: undefined }), '[test/Manual] `recordMode` is missing: it must be one of "single-stream", "mixed-stream"'],
  ["ManualRecording storage region that is a zone", manual({ vodStorageRegion: "ap-guangzhou-3" }), `[test/Manual] \`vodStorageRegion\` must be ${REGION}, got "ap-guangzhou-3" (an availability zone of ap-guangzhou, not a region)`],
  ["ManualRecording retention not called", manual({ retention: Retention.forever }), "[test/Manual] `retention` must be a Retention (Retention.days(n) or Retention.forever()), got the function forever (not called) (call it: Retention.forever())"],
  ["a manual recording request without a target", request(undefined), "[test/Manual] `target` is missing: it must be a ManualRecordingTarget object"],
  ["a manual recording target without a room", request({ robotUserId: "recorder", robotUserSig: "sig" }), '[test/Manual] `roomId` is missing: it must be an integer room id from 1 to 4294967295, as a string (or set roomIdType: "string")'],
  ["checkCreateCloudRecordingRequest without a request", () => checkCreateCloudRecordingRequest(null as never), "[checkCreateCloudRecordingRequest] `request` must be a CreateCloudRecording request object, got null"],
  ["Acknowledgements.of something that is not a construct", () => Acknowledgements.of(undefined as never), "[Acknowledgements.of] `scope` is missing: it must be a construct (the LiveRecording, its stack or the app)"],
  ["DesiredStateDocument.of something that is not a construct", () => DesiredStateDocument.of({ node: {} } as never), '[DesiredStateDocument.of] `scope` must be a construct in a stack, got {"node":{}}'],
  ["a manual recording target without a robot", request({ roomId: "1234", robotUserSig: "sig" }), "[test/Manual] `robotUserId` is missing: it must be a string of 1 to 32 characters"],

  // decideRoomRecording (exported: plain JavaScript may call it)
  ["decideRoomRecording without settings", () => decideRoomRecording({ seatTemplate: "Karaoke" }, undefined as never), "[decideRoomRecording] `settings` is missing: it must be a RoomRecordingSettings object"],
  ["decideRoomRecording with a client-spelt template", () => decideRoomRecording({ seatTemplate: ".karaoke" as never }, { fullRoomRecording: true, storageConfigured: true }), '[decideRoomRecording] `room.seatTemplate` must be one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seats, Karaoke, AudioSalon, got ".karaoke"'],
  ["decideRoomRecording with a misspelt room key", () => decideRoomRecording({ seatTemplate: "Karaoke", isCloudRecordingEnabled: true } as never, { fullRoomRecording: true, storageConfigured: true }), "[decideRoomRecording] `room.isCloudRecordingEnabled` is not a property of LiveRoom: did you mean `room.isCloudRecordEnabled`? LiveRoom has seatTemplate, createdWith, isUnlimitedRoomEnabled, isCloudRecordEnabled, hostCount, createdViaLive"],
  ["decideRoomRecording with a string for a switch", () => decideRoomRecording({ seatTemplate: "Karaoke" }, { fullRoomRecording: "on", storageConfigured: true } as never), '[decideRoomRecording] `settings.fullRoomRecording` must be true or false, got "on"'],

  // acknowledgements
  ["acknowledgement of an unknown rule", ackOnRecording({ id: "LR999", reason: "a long enough reason" }), `[env/LiveRecording] \`id\` must be ${RULES}, got "LR999"`],
  ["acknowledgement with a lowercase rule id", ackOnRecording({ id: "lr001", reason: "a long enough reason" }), `[env/LiveRecording] \`id\` must be ${RULES}, got "lr001" (did you mean "LR001"?)`],
  ["acknowledgement of a retired rule", ackOnRecording({ id: "LR002", reason: "a long enough reason" }), `[env/LiveRecording] \`id\` must be ${RULES}, got "LR002" (LR002 is retired: a VOD application and a retention are required by the LiveRecording constructor whenever Live recording is wanted; remove this acknowledgement)`],
  ["acknowledgement with a too short reason", ackOnRecording({ id: "LR001", reason: "ok" }), `[env/LiveRecording] \`reason\` must be ${REASON} LR001 finding is acceptable, got "ok"`],
  ["acknowledgement without a reason", ackOnRecording({ id: "LR007" }), `[env/LiveRecording] \`reason\` is missing: it must be ${REASON} LR007 finding is acceptable`],
  ["acknowledgement that is a string", ackOnRecording("LR001"), '[env/LiveRecording] `acknowledgement` must be an Acknowledgement { id, reason }, got "LR001"'],
  ["acknowledgement of the app itself", () => Acknowledgements.of(Testing.app()).add({ id: "LR000", reason: "a long enough reason" }), `[Acknowledgements.of(app).add] \`id\` must be ${RULES}, got "LR000" (did you mean "LR001"?)`],
  ["appliesTo on a rule whose findings are per app", ackOnRecording({ id: "LR001", reason: "GAR records our calls", appliesTo: ["Room::shows"] }), '[env/LiveRecording] `appliesTo` must be absent for LR001, whose findings are not per room or callback (appliesTo narrows LR004 (Room::...), LR005 (Callback::...), LR008 (Room::...)), got ["Room::shows"]'],
  ["appliesTo naming a room that is not declared", ackOnRecording({ id: "LR008", reason: "recorded by our backend", appliesTo: ["Room::show"] }), '[env/LiveRecording] `appliesTo[0]` must name a room or declared callback of env/LiveRecording (Room::shows, Room::ktv, Callback::liveWebhook), got "Room::show" (did you mean "Room::shows"?)'],
  ["appliesTo with a misspelt callback", ackOnRecording({ id: "LR005", reason: "internal network only", appliesTo: ["Callback::liveWebhooks"] }), '[env/LiveRecording] `appliesTo[0]` must be one of Callback::vodEvents, Callback::trtcRecording, Callback::liveWebhook, got "Callback::liveWebhooks" (did you mean "Callback::liveWebhook"?)'],
  ["appliesTo of the wrong kind", ackOnRecording({ id: "LR004", reason: "Tencent enabled it, ticket 12", appliesTo: ["Callback::liveWebhook"] }), '[env/LiveRecording] `appliesTo[0]` must be Room::<room name>, got "Callback::liveWebhook"'],
  ["appliesTo as an empty list", ackOnRecording({ id: "LR008", reason: "recorded by our backend", appliesTo: [] }), "[env/LiveRecording] `appliesTo` must be a non-empty list of Room::<name> entries, got []"],
  ["applyToChildren false on a stack", ackOnStack({ id: "LR007", reason: "checked in the console in May", applyToChildren: false }), "[env] `applyToChildren` must be true (the default) on env, which findings are never reported on (they are reported on each LiveRecording, and on callback constructs used without one); to narrow it to one LiveRecording, add it to that LiveRecording, got false"],
  ["applyToChildren as a string", ackOnRecording({ id: "LR007", reason: "checked in the console in May", applyToChildren: "no" }), '[env/LiveRecording] `applyToChildren` must be true or false, got "no"'],
  ["appliesTo on a stack naming no room of its recordings (found at synth)", ackOnStack({ id: "LR008", reason: "recorded by our backend", appliesTo: ["Room::api"] }), '[env] `appliesTo[0]` must name a room or declared callback of the constructs under env (Room::shows), got "Room::api"'],
];

function expectedCommandMessage(got: string): string {
  const commands =
    "Live.CallbackAfterCreateRoom, Live.CallbackAfterDestroyRoom, Live.CallbackAfterUpdateRoomInfo, Live.CallbackAfterSetMetadata, Live.CallbackAfterDelMetadata, " +
    "Live.CallbackAfterCreateRoomReachingThreshold, Live.CallbackAfterMemberStateChanged, Live.CallbackAfterChangeOwner, Live.CallbackAfterModifyAdmin, " +
    "Mic.CallbackAfterSeatInfoChanged, Live.CallbackAfterCreateBattle, Live.CallbackAfterStartBattle, Live.CallbackAfterEndBattle, Live.CallbackBeforeSendGift, " +
    "Group.CallbackAfterSendMsg, Group.CallbackBeforeSendMsg, Follow.CallbackAfterFollowAdd, Follow.CallbackAfterFollowDelete, Follow.CallbackAfterCloudRecordingChanged";
  return `[prod/LiveRecording/Callbacks] \`liveWebhook.commands[0]\` must be a Live webhook command (${commands}), got "${got}"`;
}

describe("bad input corpus", () => {
  test("has at least 100 malformed inputs, each with its own label", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CORPUS.map(([label]) => label)).size).toBe(CORPUS.length);
  });

  test.each(CORPUS)("%s is refused with its exact message", (_label, run, message) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(message);
  });
});

describe("found at synth: what a constructor cannot see yet", () => {
  test("an output added to the stack after a LiveRecording, with one of its ids, is refused (it would replace the recording's)", () => {
    const stack = testStack();
    new LiveRecording(stack, "Shows", { sdkAppId: 1400000002 });
    new TerraformOutput(stack, "sdk_app_id", { value: 1, staticId: true });
    expect(() => Testing.synth(stack, true)).toThrow(
      "[test/Shows] `outputPrefix` is missing: it must be a prefix that keeps this LiveRecording's outputs apart from the other outputs of stack test (the output test/sdk_app_id already writes sdk_app_id: one would overwrite the other, and the post-deploy step would read the wrong app's), e.g. \"shows_\"",
    );
  });

  test("outputs of their own, added later, and a second LiveRecording with its prefix synthesize", () => {
    const stack = testStack();
    new LiveRecording(stack, "Shows", { sdkAppId: 1400000002 });
    new LiveRecording(stack, "Calls", { sdkAppId: 1400000003, outputPrefix: "calls_" });
    new TerraformOutput(stack, "room_count", { value: 1, staticId: true });
    expect(Object.keys(JSON.parse(Testing.synth(stack, true)).output).sort()).toEqual(["calls_sdk_app_id", "room_count", "sdk_app_id"]);
  });
});

describe("a refused defineEnvironments call leaves the app as it was", () => {
  test("an environment refused after others were created: they are removed again, and the corrected call succeeds", () => {
    const app = Testing.app();
    expect(envsIn(app, [GOOD, { ...GOOD, name: "staging", sdkAppId: 1400000003, region: "ap-guangzhou-3" }])).toThrow(
      `[staging] \`region\` must be ${REGION}, got "ap-guangzhou-3" (an availability zone of ap-guangzhou, not a region)`,
    );
    expect(app.node.children.map((c) => c.node.id)).toEqual([]);
    const stacks = defineEnvironments(app, [GOOD, { ...GOOD, name: "staging", sdkAppId: 1400000003, region: "ap-guangzhou" }]);
    expect(stacks.map((s) => s.node.path)).toEqual(["prod", "staging"]);
    expect(JSON.parse(Testing.synth(stacks[0], true)).output.sdk_app_id.value).toBe(1400000002);
  });

  test("the SDKAppIDs of removed stacks are free again; those of an earlier successful call are not", () => {
    const app = Testing.app();
    defineEnvironments(app, [{ ...GOOD, name: "first", sdkAppId: 1400000009 }]);
    expect(envsIn(app, [GOOD, { ...GOOD, name: "second", sdkAppId: 1400000004, retention: 30 }])).toThrow(ValidationError);
    expect(app.node.children.map((c) => c.node.id)).toEqual(["first"]);
    expect(envsIn(app, [{ ...GOOD, name: "third", sdkAppId: 1400000009 }])).toThrow(
      "[defineEnvironments] `environments[0].sdkAppId` must be unique in the app (first/LiveRecording already declares it; two stacks would fight over one app's settings), got 1400000009",
    );
    expect(defineEnvironments(app, [GOOD]).map((s) => s.node.path)).toEqual(["prod"]);
  });
});
