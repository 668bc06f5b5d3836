/**
 * CAM enforcement: a CAM user's VOD/TRTC/CAM calls are allowed only by its attached policies (docs/cam.md §2–4);
 * the root account, the Live REST API and the admin interface are outside it.
 */
import { DEFAULT_APP_ID, DEFAULT_OWNER_UIN } from "../../emulator/cam-access";
import { CamAdminClient, CreatedCamUser } from "../../emulator/cam-admin";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, startEmulator } from "../../emulator/public-api";
import { CamClient, camClient, policyDocument } from "./cam-helpers";
import { liveCall, rejectionOf, trtcClient, vodClient } from "./helpers";

let emu: Emulator;
let root: CamClient;
let appA: number;
let appB: number;

beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false, camEnforcement: true });
});
afterAll(() => emu.stop());
beforeEach(async () => {
  await emu.admin.reset();
  await emu.cam.setEnforcement(true);
  root = camClient(emu);
  appA = (await vodClient(emu).CreateSubAppId({ Name: "a" })).SubAppId as number;
  appB = (await vodClient(emu).CreateSubAppId({ Name: "b" })).SubAppId as number;
});

const vodRes = (id: number): string => `qcs::vod::uin/${DEFAULT_OWNER_UIN}:subAppId/${id}`;

/** A CAM user with the given statements attached as one policy (none: no policy). */
async function userWith(...statement: Array<Record<string, unknown>>): Promise<CreatedCamUser> {
  const user = await emu.cam.createUser({ name: `u${Math.random().toString(36).slice(2, 10)}` });
  if (statement.length > 0) {
    const id = (await root.CreatePolicy({ PolicyName: `p-${user.name}`, PolicyDocument: policyDocument(...statement) })).PolicyId as number;
    await root.AttachUserPolicy({ AttachUin: user.uin, PolicyId: id });
  }
  return user;
}

const keyOf = (u: CreatedCamUser) => ({ secretId: u.secretId, secretKey: u.secretKey });

function refusalMessage(requestId: string, action: string, resource: string): string {
  return (
    "You are not authorized to perform this operation. Check your CAM policies, and ensure that you are using the correct access keys. " +
    `[[request id:${requestId}]you are not authorized to perform operation (${action})\nresource (${resource}) has no permission\n]`
  );
}

describe("who is checked", () => {
  test("off by default: a CAM user without any policy may call everything", async () => {
    const plain = await startEmulator({ rateLimits: false });
    try {
      const user = await plain.cam.createUser({ name: "ci" });
      expect(await plain.cam.getEnforcement()).toEqual({ enabled: false });
      await expect(vodClient(plain, {}, keyOf(user)).SearchMedia({})).resolves.toHaveProperty("TotalCount", 0);
    } finally {
      await plain.stop();
    }
  });

  test("the root account (the emulator's credential) is always allowed", async () => {
    await expect(vodClient(emu).ModifyEventConfig({ SubAppId: appA, Mode: "PUSH" })).resolves.toBeDefined();
    await expect(trtcClient(emu).DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-01", MixType: "single" })).resolves.toBeDefined();
  });

  test("the call log names the CAM user whose key signed a call (callerUin), refused or not; none for the root account", async () => {
    const user = await userWith({ effect: "allow", action: ["name/vod:SearchMedia"], resource: [vodRes(appA)] });
    const mark = emu.callLog.mark();
    await vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA });
    await rejectionOf(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appB }));
    await vodClient(emu).SearchMedia({ SubAppId: appB });
    expect(emu.callLog.entries(mark).map((e) => [e.action, e.outcome, e.callerUin])).toEqual([
      ["SearchMedia", "ok", user.uin],
      ["SearchMedia", "AuthFailure.UnauthorizedOperation", user.uin],
      ["SearchMedia", "ok", undefined],
    ]);
  });

  test("the admin route switches it; reset restores the camEnforcement option", async () => {
    const admin = new CamAdminClient(emu.url);
    try {
      const user = await userWith();
      expect(await admin.setEnforcement(false)).toEqual({ enabled: false });
      await expect(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA })).resolves.toBeDefined();
      await admin.setEnforcement(true);
      expect(await admin.getEnforcement()).toEqual({ enabled: true });
      expect((await rejectionOf(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA }))).code).toBe("AuthFailure.UnauthorizedOperation");
      await admin.setEnforcement(false);
      await emu.admin.reset();
      expect(await admin.getEnforcement()).toEqual({ enabled: true });
    } finally {
      admin.close();
    }
  });

  test("the Live REST API (UserSig) and the admin interface are never checked", async () => {
    const r = await liveCall(emu, "live_config/get_callback", {}, { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY });
    expect(r.ErrorCode).toBe(0);
    await expect(emu.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { fullRoomRecording: true } })).resolves.toBeDefined();
  });
});

describe("a refused call", () => {
  test("AuthFailure.UnauthorizedOperation with Tencent's message, naming the action and the resource; the call is not executed", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:DescribeEventConfig"], resource: [vodRes(appA)] });
    const e = (await rejectionOf(vodClient(emu, {}, keyOf(user)).ModifyEventConfig({ SubAppId: appA, Mode: "PUSH" }))) as { code?: string; message: string; requestId?: string };
    expect(e.code).toBe("AuthFailure.UnauthorizedOperation");
    expect(e.message).toBe(refusalMessage(e.requestId as string, "vod:ModifyEventConfig", vodRes(appA)));
    expect((await vodClient(emu).DescribeEventConfig({ SubAppId: appA })).Mode).toBe("PULL");
    const refused = (await emu.admin.getCallLog()).entries.find((x) => x.action === "ModifyEventConfig");
    expect(refused).toMatchObject({ service: "vod", action: "ModifyEventConfig", outcome: "AuthFailure.UnauthorizedOperation", write: true });
  });

  test("an operation-level action names resource (*)", async () => {
    const user = await userWith();
    const e = (await rejectionOf(trtcClient(emu, {}, keyOf(user)).DescribeRecordingUsage({ StartTime: "2030-01-01", EndTime: "2030-01-01", MixType: "single" }))) as {
      code?: string;
      message: string;
      requestId?: string;
    };
    expect(e.message).toBe(refusalMessage(e.requestId as string, "trtc:DescribeRecordingUsage", "*"));
  });
});

describe("allowed only by an attached policy", () => {
  test("no policy: refused; the exact action on the app: allowed; another action: refused", async () => {
    expect((await rejectionOf(vodClient(emu, {}, keyOf(await userWith())).SearchMedia({ SubAppId: appA }))).code).toBe("AuthFailure.UnauthorizedOperation");
    const user = await userWith({ effect: "allow", action: ["name/vod:SearchMedia"], resource: [vodRes(appA)] });
    await expect(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA })).resolves.toHaveProperty("TotalCount", 0);
    expect((await rejectionOf(vodClient(emu, {}, keyOf(user)).DescribeEventConfig({ SubAppId: appA }))).code).toBe("AuthFailure.UnauthorizedOperation");
  });

  test("scoped by SubAppId: app A allowed, app B and the primary application (no SubAppId = APPID) refused", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:*"], resource: [vodRes(appA)] });
    const client = vodClient(emu, {}, keyOf(user));
    await expect(client.DescribeEventConfig({ SubAppId: appA })).resolves.toBeDefined();
    const b = (await rejectionOf(client.DescribeEventConfig({ SubAppId: appB }))) as { message: string };
    expect(b.message).toContain(`resource (${vodRes(appB)}) has no permission`);
    const primary = (await rejectionOf(client.DescribeEventConfig({}))) as { message: string };
    expect(primary.message).toContain(`resource (${vodRes(DEFAULT_APP_ID)}) has no permission`);
  });

  test("an empty account segment means the owner: qcs::vod:::subAppId/<id>", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:SearchMedia"], resource: [`qcs::vod:::subAppId/${appA}`] });
    await expect(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA })).resolves.toBeDefined();
  });

  test("wildcards: vod:Describe* and subAppId/*", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:Describe*"], resource: [`qcs::vod::uin/${DEFAULT_OWNER_UIN}:subAppId/*`] });
    const client = vodClient(emu, {}, keyOf(user));
    await expect(client.DescribeEventConfig({ SubAppId: appB })).resolves.toBeDefined();
    await expect(client.DescribeMediaInfos({ SubAppId: appA, FileIds: ["5285890784000000001"] })).resolves.toBeDefined();
    expect((await rejectionOf(client.ModifyEventConfig({ SubAppId: appA, Mode: "PUSH" }))).code).toBe("AuthFailure.UnauthorizedOperation");
  });

  test("explicit deny wins over an allow of everything", async () => {
    const user = await userWith({ effect: "allow", action: ["*"], resource: ["*"] }, { effect: "deny", action: ["vod:ModifyEventConfig"], resource: [vodRes(appA)] });
    const client = vodClient(emu, {}, keyOf(user));
    expect((await rejectionOf(client.ModifyEventConfig({ SubAppId: appA, Mode: "PUSH" }))).code).toBe("AuthFailure.UnauthorizedOperation");
    await expect(client.ModifyEventConfig({ SubAppId: appB, Mode: "PUSH" })).resolves.toBeDefined();
  });

  test("a deny in a second attached policy also wins", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:*"], resource: ["*"] });
    const deny = (await root.CreatePolicy({ PolicyName: "deny-search", PolicyDocument: policyDocument({ effect: "deny", action: ["vod:SearchMedia"], resource: ["*"] }) })).PolicyId as number;
    await root.AttachUserPolicy({ AttachUin: user.uin, PolicyId: deny });
    expect((await rejectionOf(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA }))).code).toBe("AuthFailure.UnauthorizedOperation");
    await root.DetachUserPolicy({ DetachUin: user.uin, PolicyId: deny });
    await expect(vodClient(emu, {}, keyOf(user)).SearchMedia({ SubAppId: appA })).resolves.toBeDefined();
  });
});

describe("VOD's documented exceptions", () => {
  test("DescribeSubAppIds needs no grant (an explicit deny still refuses it)", async () => {
    await expect(vodClient(emu, {}, keyOf(await userWith())).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount", 2);
    const denied = await userWith({ effect: "deny", action: ["vod:DescribeSubAppIds"], resource: ["*"] });
    expect((await rejectionOf(vodClient(emu, {}, keyOf(denied)).DescribeSubAppIds({}))).code).toBe("AuthFailure.UnauthorizedOperation");
  });

  test("ModifySubAppIdStatus only with full VOD permissions: the action itself on * is not enough", async () => {
    const narrow = await userWith({ effect: "allow", action: ["vod:ModifySubAppIdStatus"], resource: ["*"] });
    expect((await rejectionOf(vodClient(emu, {}, keyOf(narrow)).ModifySubAppIdStatus({ SubAppId: appA, Status: "Off" }))).code).toBe("AuthFailure.UnauthorizedOperation");
    const full = await userWith({ effect: "allow", action: ["name/vod:*"], resource: ["*"] });
    await expect(vodClient(emu, {}, keyOf(full)).ModifySubAppIdStatus({ SubAppId: appA, Status: "Off" })).resolves.toBeDefined();
  });
});

describe("TRTC and CAM calls", () => {
  test("SdkAppId scoping: the recording and usage APIs are not documented as resource-level, so only * grants them here", async () => {
    const usage = { StartTime: "2030-01-01", EndTime: "2030-01-01", MixType: "single", SdkAppId: DEFAULT_SDK_APP_ID };
    const scoped = await userWith({ effect: "allow", action: ["trtc:DescribeRecordingUsage"], resource: [`qcs::trtc::uin/${DEFAULT_OWNER_UIN}:sdkappid/${DEFAULT_SDK_APP_ID}`] });
    expect((await rejectionOf(trtcClient(emu, {}, keyOf(scoped)).DescribeRecordingUsage(usage))).code).toBe("AuthFailure.UnauthorizedOperation");
    const star = await userWith({ effect: "allow", action: ["trtc:DescribeRecordingUsage"], resource: ["*"] });
    await expect(trtcClient(emu, {}, keyOf(star)).DescribeRecordingUsage(usage)).resolves.toHaveProperty("UsageKey");
  });

  test("a CAM user's own CAM calls are checked too (cam:CreatePolicy on *)", async () => {
    const user = await userWith({ effect: "allow", action: ["vod:*"], resource: ["*"] });
    const e = (await rejectionOf(camClient(emu, keyOf(user)).CreatePolicy({ PolicyName: "escalate", PolicyDocument: policyDocument({ effect: "allow", action: ["*"], resource: ["*"] }) }))) as {
      code?: string;
      message: string;
    };
    expect(e.code).toBe("AuthFailure.UnauthorizedOperation");
    expect(e.message).toContain("you are not authorized to perform operation (cam:CreatePolicy)\nresource (*) has no permission");
  });
});
