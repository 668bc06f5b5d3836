/**
 * Every write of the emulator is all-or-nothing: a refused request (bad value, unknown resource, failed
 * authentication, conflicting fields, injected fault) leaves the emulated cloud byte-identical, however many of its
 * other fields were valid. The core is built here directly so the whole state document can be compared.
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator, genUserSig, sdkClientConfig } from "../../emulator/public-api";
import { EmulatorAdmin } from "../../emulator/admin";
import { EmulatorCore } from "../../emulator/core";
import { EmulatorHttpServer } from "../../emulator/server";
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { LiveResponse, liveCall } from "./helpers";
import { CamClient, camClient, policyDocument } from "./cam-helpers";

const credentials = [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }];
const apps = [{ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, adminIdentifier: "administrator" }];

let core: EmulatorCore;
let http: EmulatorHttpServer;
let admin: EmulatorAdmin;
let target: Emulator;
let vodApi: InstanceType<typeof vod.v20180717.Client>;
let trtcApi: InstanceType<typeof trtc.v20190722.Client>;
let live: (command: string, body: unknown, userSig?: string) => Promise<LiveResponse>;
let camApi: CamClient;
const ids = { app: 0, destroying: 0, fileId: "", taskId: "", policy: 0, otherPolicy: 0, uin: 0, roleId: "" };

const robotSig = (userId: string) => genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: userId });

function recording(overrides: Record<string, unknown> = {}) {
  return {
    SdkAppId: DEFAULT_SDK_APP_ID,
    RoomId: "12345",
    UserId: "bot",
    UserSig: robotSig("bot"),
    RecordParams: { RecordMode: 1 },
    StorageParams: { CloudVod: { TencentVod: { SubAppId: ids.app } } },
    ...overrides,
  };
}

beforeAll(async () => {
  core = new EmulatorCore({ rateLimits: false, destroyingSeconds: 86400 }, credentials, apps, () => undefined);
  http = new EmulatorHttpServer(core);
  admin = http.admin;
  const { port, url } = await http.listen(0, "127.0.0.1");
  target = { port, url, credentials } as unknown as Emulator;
  vodApi = new vod.v20180717.Client(sdkClientConfig(target, "vod"));
  trtcApi = new trtc.v20190722.Client(sdkClientConfig(target, "trtc"));
  live = (command, body, userSig) => liveCall(target, command, body, { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, userSig });

  // A cloud with something of everything in it.
  ids.app = (await vodApi.CreateSubAppId({ Name: "recordings", Tags: [{ TagKey: "env", TagValue: "test" }] })).SubAppId as number;
  ids.destroying = (await vodApi.CreateSubAppId({ Name: "going" })).SubAppId as number;
  await vodApi.ModifySubAppIdStatus({ SubAppId: ids.destroying, Status: "Destroyed" });
  await vodApi.ModifyEventConfig({ SubAppId: ids.app, Mode: "PUSH", NotificationUrl: "http://127.0.0.1:9/vod", UploadMediaCompleteEventSwitch: "ON", SignKey: "key1" });
  await admin.setConsoleState(DEFAULT_SDK_APP_ID, {
    globalAutoRecording: { enabled: true, vodSubAppId: ids.app, storageSeconds: 0 },
    trtcCallbacks: { recordingCallbackUrl: "http://127.0.0.1:9/trtc", callbackKey: "cbKey1" },
  });
  // A room is decided when it is created: the session starts after the console change.
  await admin.advanceClock(600);
  await admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "100", roomKind: "trtc", hosts: ["alice"], minutes: 5 });
  ids.fileId = Object.keys(core.state.media)[0];
  await vodApi.ModifyMediaInfo({ SubAppId: ids.app, FileId: ids.fileId, AddTags: Array.from({ length: 10 }, (_, i) => `t${i}`) });
  ids.taskId = (await trtcApi.CreateCloudRecording(recording() as never)).TaskId as string;
  expect((await live("live_engine_http_srv/create_room", { RoomInfo: { RoomId: "room1", RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats" } })).ActionStatus).toBe("OK");
  expect((await live("live_config/set_callback", { Url: "http://127.0.0.1:9/live", CallbackCommandList: ["Live.CallbackAfterCreateRoom"] })).ActionStatus).toBe("OK");
  expect((await live("live_config/set_callback_token", { Token: "tok1", IsTokenEnable: true })).ActionStatus).toBe("OK");
  camApi = camClient(target);
  ids.uin = (await http.cam.createUser({ name: "ci-deployer" })).uin;
  ids.roleId = (await http.cam.createRole({ name: "ci-role" })).roleId;
  const allow = policyDocument({ effect: "allow", action: ["name/vod:SearchMedia"], resource: ["*"] });
  ids.policy = (await camApi.CreatePolicy({ PolicyName: "apply", PolicyDocument: allow, Description: "first" })).PolicyId as number;
  ids.otherPolicy = (await camApi.CreatePolicy({ PolicyName: "read-only", PolicyDocument: allow })).PolicyId as number;
  await camApi.AttachUserPolicy({ PolicyId: ids.policy, AttachUin: ids.uin });
  await admin.settle();
});
afterAll(async () => {
  await core.callbacks.settle();
  await http.close();
});

/** The whole emulated cloud, as one string. */
const snapshot = () => JSON.stringify(core.state);

/** Sends `request`, expects it refused with `code`, and the state unchanged to the byte. */
async function refusedAndUnchanged(request: () => Promise<unknown>, code: string | number): Promise<void> {
  const before = snapshot();
  let outcome: unknown;
  try {
    outcome = await request();
  } catch (e) {
    outcome = e;
  }
  const got = (outcome as { code?: unknown; ErrorCode?: unknown; status?: unknown }) ?? {};
  expect(got.code ?? got.ErrorCode ?? got.status).toBe(code);
  expect(snapshot()).toBe(before);
}

const longText = (n: number) => "x".repeat(n);

describe("VOD writes", () => {
  test.each<[string, () => Record<string, unknown>, string]>([
    ["bad tag after a valid name", () => ({ Name: "new", Description: "d", Tags: [{ TagKey: "k" }] }), "MissingParameter"],
    ["fileid+path without StorageRegion", () => ({ Name: "new", Mode: "fileid+path" }), "MissingParameter"],
    ["description of 301 characters", () => ({ Name: "new", Description: longText(301) }), "InvalidParameterValue.Description"],
    ["an unknown field", () => ({ Name: "new", Region: "ap-guangzhou" }), "UnknownParameter"],
  ])("CreateSubAppId refused (%s): no app, no id used", async (_n, body, code) => {
    await refusedAndUnchanged(() => vodApi.CreateSubAppId(body() as never), code);
  });

  test.each<[string, () => Record<string, unknown>, string]>([
    ["valid name, description too long", () => ({ SubAppId: ids.app, Name: "renamed", Description: longText(301) }), "InvalidParameterValue.Description"],
    ["an application being destroyed", () => ({ SubAppId: ids.destroying, Name: "renamed" }), "FailedOperation"],
    ["an unknown application", () => ({ SubAppId: 1599999999, Name: "renamed" }), "InvalidParameterValue.SubAppId"],
  ])("ModifySubAppIdInfo refused (%s)", async (_n, body, code) => {
    await refusedAndUnchanged(() => vodApi.ModifySubAppIdInfo(body() as never), code);
  });

  test.each<[string, () => Record<string, unknown>, string]>([
    ["On while Destroying", () => ({ SubAppId: ids.destroying, Status: "On" }), "FailedOperation"],
    ["an unknown status", () => ({ SubAppId: ids.app, Status: "Paused" }), "InvalidParameterValue"],
  ])("ModifySubAppIdStatus refused (%s)", async (_n, body, code) => {
    await refusedAndUnchanged(() => vodApi.ModifySubAppIdStatus(body() as never), code);
  });

  test.each<[string, () => Record<string, unknown>, string]>([
    ["valid mode and URL, bad SignKey", () => ({ SubAppId: ids.app, Mode: "PULL", NotificationUrl: "", SignKey: "not a key" }), "InvalidParameter"],
    ["valid SignKey, bad switch", () => ({ SubAppId: ids.app, SignKey: "key2", DeleteMediaCompleteEventSwitch: "MAYBE" }), "InvalidParameter"],
    ["valid fields, bad URL", () => ({ SubAppId: ids.app, SignKey: "key2", Mode: "PULL", NotificationUrl: "ftp://x" }), "InvalidParameter"],
    ["an unknown application", () => ({ SubAppId: 1599999999, SignKey: "key2" }), "InvalidParameterValue.SubAppId"],
  ])("ModifyEventConfig refused (%s)", async (_n, body, code) => {
    await refusedAndUnchanged(() => vodApi.ModifyEventConfig(body() as never), code);
  });

  const allFields = () => ({ SubAppId: ids.app, FileId: ids.fileId, Name: "renamed", Description: "changed", ClassId: 7, ExpireTime: "2100-01-01T00:00:00Z" });
  test.each<[string, () => Record<string, unknown>, string]>([
    ["17 tags: name, description, class and expiry are not written either", () => ({ ...allFields(), AddTags: Array.from({ length: 7 }, (_, i) => `n${i}`) }), "LimitExceeded.TagCountReachMax"],
    ["a tag of 33 characters", () => ({ ...allFields(), AddTags: [longText(33)] }), "InvalidParameterValue.TagTooLong"],
    ["AddTags and DeleteTags share a tag", () => ({ ...allFields(), AddTags: ["a"], DeleteTags: ["a", "t0"] }), "InvalidParameterValue.AddTagsAndDeleteTagsConflict"],
    ["AddTags with ClearTags", () => ({ ...allFields(), AddTags: ["a"], ClearTags: 1 }), "InvalidParameterValue.AddTagsAndClearTagsConflict"],
    ["a bad ExpireTime", () => ({ ...allFields(), ExpireTime: "next week" }), "InvalidParameterValue.ExpireTime"],
    ["a name of 65 characters", () => ({ ...allFields(), Name: longText(65) }), "InvalidParameterValue.Name"],
    ["an unknown file", () => ({ ...allFields(), FileId: "5285890784999999999" }), "ResourceNotFound.FileNotExist"],
  ])("ModifyMediaInfo refused (%s)", async (_n, body, code) => {
    await refusedAndUnchanged(() => vodApi.ModifyMediaInfo(body() as never), code);
  });

  test("ModifyMediaInfo up to the limit: 6 more tags make 16, with every other field, all written", async () => {
    await vodApi.ModifyMediaInfo({ ...allFields(), AddTags: Array.from({ length: 6 }, (_, i) => `n${i}`) } as never);
    const b = core.state.media[ids.fileId].BasicInfo;
    expect({ tags: b.TagSet.length, name: b.Name, description: b.Description, classId: b.ClassId, expire: b.ExpireTime }).toEqual({
      tags: 16,
      name: "renamed",
      description: "changed",
      classId: 7,
      expire: "2100-01-01T00:00:00Z",
    });
    // One more is refused and leaves the 16.
    await refusedAndUnchanged(() => vodApi.ModifyMediaInfo({ SubAppId: ids.app, FileId: ids.fileId, Name: "again", AddTags: ["one-more"] }), "LimitExceeded.TagCountReachMax");
    // Deleting and adding in one request counts the result: 16 - 1 + 1.
    await vodApi.ModifyMediaInfo({ SubAppId: ids.app, FileId: ids.fileId, DeleteTags: ["t0"], AddTags: ["swap"] });
    expect(core.state.media[ids.fileId].BasicInfo.TagSet).toHaveLength(16);
  });
});

describe("TRTC writes", () => {
  test.each<[string, () => Record<string, unknown>, string]>([
    ["a bad UserSig for the same robot: the running task is not kicked", () => recording({ UserSig: robotSig("other") }), "InvalidParameter.UserSig"],
    ["bad mix parameters for the same robot", () => recording({ MixTranscodeParams: { VideoParams: { Width: 1920, Height: 1920, Fps: 15, BitRate: 64000, Gop: 2 } } }), "InvalidParameter.OutOfRange"],
    ["an unknown SDKAppID", () => recording({ SdkAppId: 1400099999 }), "InvalidParameter.SdkAppId"],
  ])("CreateCloudRecording refused (%s)", async (_n, body, code) => {
    await refusedAndUnchanged(() => trtcApi.CreateCloudRecording(body() as never), code);
    expect(core.state.tasks[ids.taskId].Status).toBe("InProgress");
  });

  test("CreateCloudRecording in an unsupported region", async () => {
    const elsewhere = new trtc.v20190722.Client(sdkClientConfig(target, "trtc", undefined, { region: "eu-frankfurt" }));
    await refusedAndUnchanged(() => elsewhere.CreateCloudRecording(recording() as never), "UnsupportedRegion");
  });

  test("DeleteCloudRecording of an unknown task", async () => {
    await refusedAndUnchanged(() => trtcApi.DeleteCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: "nope" }), "FailedOperation.TaskNotExist");
  });
});

describe("Live REST writes", () => {
  const refused = async (command: string, body: unknown, code: number, userSig?: string) => {
    await refusedAndUnchanged(async () => {
      const r = await live(command, body, userSig);
      if (r.ActionStatus !== "FAIL") throw new Error(`expected FAIL, got ${JSON.stringify(r)}`);
      return Promise.reject(r);
    }, code);
  };

  test.each<[string, string, unknown, number]>([
    ["create_room: the room exists", "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "room1", RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats" } }, 100010],
    ["create_room: MaxSeatCount on a video room", "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "room2", RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats", MaxSeatCount: 4 } }, 100002],
    ["create_room: no SeatTemplate", "live_engine_http_srv/create_room", { RoomInfo: { RoomId: "room2", RoomType: "Live" } }, 100002],
    ["destroy_room: unknown room", "live_engine_http_srv/destroy_room", { RoomId: "nope" }, 100004],
    ["set_callback: valid URL, unknown command", "live_config/set_callback", { Url: "http://127.0.0.1:9/new", CallbackCommandList: ["Live.CallbackAfterCreateRoom", "Nope"] }, 100002],
    ["update_callback: bad URL", "live_config/update_callback", { Url: "ftp://x", CallbackCommandList: [] }, 100002],
    ["set_callback_token: valid token, no IsTokenEnable", "live_config/set_callback_token", { Token: "tok2" }, 100002],
    ["set_callback_token: token too long", "live_config/set_callback_token", { Token: longText(129), IsTokenEnable: false }, 100002],
  ])("%s", async (_n, command, body, code) => {
    await refused(command, body, code);
  });

  test("a write with a forged UserSig changes nothing", async () => {
    const forged = genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: "wrong", identifier: "administrator" });
    await refused("live_config/delete_callback_token", {}, 70009, forged);
  });
});

describe("CAM writes", () => {
  const allow = () => policyDocument({ effect: "allow", action: ["name/vod:DescribeSubAppIds"], resource: ["*"] });
  const notADocument = "{ version: 2.0 }";

  test.each<[string, () => Promise<unknown>, string]>([
    ["CreatePolicy: a valid name and description, a document that is not JSON", () => camApi.CreatePolicy({ PolicyName: "third", Description: "d", PolicyDocument: notADocument }), "InvalidParameter.PolicyDocumentError"],
    ["CreatePolicy: a name in use", () => camApi.CreatePolicy({ PolicyName: "read-only", PolicyDocument: allow() }), "FailedOperation.PolicyNameInUse"],
    ["UpdatePolicy: a free new name and description, a bad document: the name is not taken", () => camApi.UpdatePolicy({ PolicyId: ids.policy, PolicyName: "renamed", Description: "changed", PolicyDocument: notADocument }), "InvalidParameter.PolicyDocumentError"],
    ["UpdatePolicy: a new name another policy has", () => camApi.UpdatePolicy({ PolicyId: ids.policy, PolicyName: "read-only", Description: "changed" }), "FailedOperation.PolicyNameInUse"],
    ["DeletePolicy: one existing policy and one unknown: neither goes", () => camApi.DeletePolicy({ PolicyId: [ids.otherPolicy, 999999] }), "ResourceNotFound.PolicyIdNotFound"],
    ["AttachUserPolicy: an unknown user", () => camApi.AttachUserPolicy({ PolicyId: ids.otherPolicy, AttachUin: 999999 }), "ResourceNotFound.UserNotExist"],
    ["DetachUserPolicy: an unknown policy", () => camApi.DetachUserPolicy({ PolicyId: 999999, DetachUin: ids.uin }), "ResourceNotFound.PolicyIdNotFound"],
    ["AttachRolePolicy: an unknown role", () => camApi.AttachRolePolicy({ PolicyId: ids.otherPolicy, AttachRoleName: "no-such-role" }), "InvalidParameter.RoleNotExist"],
    ["DetachRolePolicy: an unknown policy name", () => camApi.DetachRolePolicy({ PolicyName: "nope", DetachRoleId: ids.roleId }), "InvalidParameter.PolicyIdNotExist"],
  ])("%s", async (_n, request, code) => {
    await refusedAndUnchanged(request, code);
  });
});

describe("Cloud API requests refused before the action runs", () => {
  test("a write with a wrong signature, or with a fault injected, is not executed", async () => {
    const wrongKey = new vod.v20180717.Client(sdkClientConfig(target, "vod", { secretId: DEFAULT_SECRET_ID, secretKey: "wrong" }));
    await refusedAndUnchanged(() => wrongKey.ModifyEventConfig({ SubAppId: ids.app, SignKey: "key9" }), "AuthFailure.SignatureFailure");
    core.setFaults({ rate: 1, seed: 1, kinds: ["throttle"], actions: ["ModifySubAppIdInfo"] });
    try {
      await refusedAndUnchanged(() => vodApi.ModifySubAppIdInfo({ SubAppId: ids.app, Name: "faulted" }), "RequestLimitExceeded");
    } finally {
      core.setFaults(undefined);
    }
  });
});

describe("admin writes", () => {
  test("setConsoleState: one bad field, nothing applied", async () => {
    await refusedAndUnchanged(
      () => admin.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { enabled: false }, trtcCallbacks: { callbackKey: "not valid!" } } as never),
      400,
    );
    await refusedAndUnchanged(() => admin.setConsoleState(1400099999, { globalAutoRecording: { enabled: false } }), 404);
  });

  test("simulateSession: a bad value after valid ones creates no room, task, file or usage", async () => {
    await refusedAndUnchanged(() => admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "200", roomKind: "trtc", hosts: ["bob"], minutes: 0 }), 400);
    await refusedAndUnchanged(
      () => admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "room1", hosts: ["bob"], minutes: 5, seatTemplate: "Karaoke" }),
      400,
    );
  });

  test("registerApp, advanceClock, setFaults and setRateLimits refuse bad input without a change", async () => {
    await refusedAndUnchanged(() => admin.registerApp({ sdkAppId: 1400000009, sdkSecretKey: "" }), 400);
    await refusedAndUnchanged(() => admin.advanceClock(-5), 400);
    await refusedAndUnchanged(() => admin.setFaults({ rate: 2, seed: 1, kinds: ["throttle"] }), 400);
    expect(core.faults).toBeUndefined();
    await refusedAndUnchanged(() => admin.setRateLimits("yes" as never), 400);
    expect(core.rateLimiter.enabled).toBe(false);
  });
});
