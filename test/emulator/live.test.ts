import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, genUserSig, startEmulator } from "../../emulator/public-api";
import { LiveCallOptions, liveCall, rawPost } from "./helpers";

let emu: Emulator;
const admin: LiveCallOptions = { sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY };
const call = (command: string, body: unknown, o: Partial<LiveCallOptions> = {}) => liveCall(emu, command, body, { ...admin, ...o });

beforeAll(async () => {
  emu = await startEmulator({ apps: [{ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY }, { sdkAppId: 1400000002, sdkSecretKey: "second-key" }] });
});
afterAll(() => emu.stop());

describe("authentication", () => {
  test("a good admin UserSig is accepted, in the documented envelope", async () => {
    const r = await call("live_config/get_callback", {});
    expect(r).toEqual({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", RequestId: expect.stringMatching(/^Id-[0-9a-f]{32}-O-Seq-\d+$/), Response: { Url: "", CallbackCommandList: [] } });
  });

  test.each([
    ["expired", { userSig: genUserSig({ ...{ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY }, identifier: "administrator", expireSeconds: 10, timeSeconds: Math.floor(Date.now() / 1000) - 60 }) }, 70001],
    ["forged", { userSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: "guess", identifier: "administrator" }) }, 70009],
    ["signed for another app", { userSig: genUserSig({ sdkAppId: 1400000002, sdkSecretKey: "second-key", identifier: "administrator" }) }, 70014],
    ["identifier mismatch", { userSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: "bob" }) }, 70013],
    ["not an administrator", { identifier: "bob" }, 60010],
    ["unknown SDKAppID", { sdkAppId: 1400099999 }, 70020],
    ["not a UserSig", { userSig: "abc" }, 70003],
  ])("%s", async (_n, o, code) => {
    const r = await call("live_config/get_callback", {}, o);
    expect(r).toMatchObject({ ActionStatus: "FAIL", ErrorCode: code });
  });

  test("missing URL parameters and bad JSON", async () => {
    const noSig = await rawPost(`${emu.url}/v4/live_config/get_callback?sdkappid=${DEFAULT_SDK_APP_ID}&identifier=administrator`, "{}");
    expect(JSON.parse(noSig.body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60002 });
    const sig = genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: "administrator" });
    const badJson = await rawPost(`${emu.url}/v4/live_config/get_callback?sdkappid=${DEFAULT_SDK_APP_ID}&identifier=administrator&usersig=${sig}&random=1&contenttype=json`, "{x");
    expect(JSON.parse(badJson.body)).toMatchObject({ ErrorCode: 60003 });
    expect(await call("live_engine_http_srv/teleport", {})).toMatchObject({ ErrorCode: 60002 });
  });
});

describe("rooms", () => {
  const room = (over: Record<string, unknown> = {}) => ({ RoomInfo: { RoomId: "room-1", RoomType: "Live", SeatTemplate: "VideoDynamicGrid9Seats", ...over } });

  test("create → get → destroy", async () => {
    expect(await call("live_engine_http_srv/create_room", room({ RoomName: "Hello", IsCloudRecordEnabled: false }))).toMatchObject({ ActionStatus: "OK", Response: { RoomId: "room-1" } });
    const info = await call("live_engine_http_srv/get_room_info", { RoomId: "room-1" });
    expect(info.Response?.RoomInfo).toMatchObject({ RoomId: "room-1", RoomName: "Hello", RoomType: "Live", Owner_Account: "administrator", TakeSeatMode: "FreeToTake", IsPublicVisible: true });
    expect(await call("live_engine_http_srv/create_room", room())).toMatchObject({ ErrorCode: 100010 });
    expect(await call("live_engine_http_srv/create_room", room({ Owner_Account: "carol" }))).toMatchObject({ ErrorCode: 100003 });
    expect(await call("live_engine_http_srv/destroy_room", { RoomId: "room-1" })).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
    expect(await call("live_engine_http_srv/get_room_info", { RoomId: "room-1" })).toMatchObject({ ErrorCode: 100004 });
    expect(await call("live_engine_http_srv/destroy_room", { RoomId: "room-1" })).toMatchObject({ ErrorCode: 100004 });
  });

  test("rooms are per SDKAppID", async () => {
    await call("live_engine_http_srv/create_room", room({ RoomId: "shared" }));
    const other = { sdkAppId: 1400000002, sdkSecretKey: "second-key" };
    expect(await call("live_engine_http_srv/get_room_info", { RoomId: "shared" }, other)).toMatchObject({ ErrorCode: 100004 });
    expect(await call("live_engine_http_srv/create_room", room({ RoomId: "shared" }), other)).toMatchObject({ ActionStatus: "OK" });
  });

  test.each([
    ["no RoomInfo", {}],
    ["no SeatTemplate", room({ SeatTemplate: undefined })],
    ["unknown SeatTemplate", room({ RoomId: "r2", SeatTemplate: "Video12Seats" })],
    ["RoomType other than Live", room({ RoomId: "r3", RoomType: "Conference" })],
    ["RoomId over 48 bytes", room({ RoomId: "r".repeat(49) })],
    ["IsCloudRecordEnabled not boolean", room({ RoomId: "r4", IsCloudRecordEnabled: "yes" })],
    ["IsUnlimitedRoomEnabled not boolean", room({ RoomId: "r5", IsUnlimitedRoomEnabled: 1 })],
    ["MaxSeatCount on a video template", room({ RoomId: "r6", MaxSeatCount: 4 })],
    ["Category of 4", room({ RoomId: "r7", Category: [1, 2, 3, 4] })],
    ["RoomName over 100 bytes", room({ RoomId: "r8", RoomName: "名".repeat(34) })],
  ])("create_room: %s → 100002", async (_n, body) => {
    expect(await call("live_engine_http_srv/create_room", body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 100002 });
  });

  test("every seat template is accepted; MaxSeatCount for voice rooms", async () => {
    for (const t of ["VideoDynamicGrid9Seats", "VideoDynamicFloat7Seats", "VideoFixedGrid9Seats", "VideoFixedFloat7Seats", "VideoLandscape4Seats", "Karaoke", "AudioSalon"]) {
      expect(await call("live_engine_http_srv/create_room", room({ RoomId: `t-${t}`, SeatTemplate: t }))).toMatchObject({ ActionStatus: "OK" });
    }
    expect(await call("live_engine_http_srv/create_room", room({ RoomId: "salon-8", SeatTemplate: "AudioSalon", MaxSeatCount: 8 }))).toMatchObject({ ActionStatus: "OK" });
  });

  test("IsCloudRecordEnabled is kept tri-state (null = unset)", async () => {
    await call("live_engine_http_srv/create_room", room({ RoomId: "tri-null", IsCloudRecordEnabled: null }));
    await call("live_engine_http_srv/create_room", room({ RoomId: "tri-true", IsCloudRecordEnabled: true }));
    const rooms = (await emu.admin.dumpState()).liveRooms;
    expect(rooms.find((r) => r.RoomId === "tri-null")?.IsCloudRecordEnabled).toBeUndefined();
    expect(rooms.find((r) => r.RoomId === "tri-true")?.IsCloudRecordEnabled).toBe(true);
  });
});

describe("webhook configuration", () => {
  test("set / get / update / delete callback", async () => {
    const body = { Url: "https://hooks.example.com/live", CallbackCommandList: ["Live.CallbackAfterCreateRoom", "Follow.CallbackAfterCloudRecordingChanged"] };
    expect(await call("live_config/set_callback", body)).toMatchObject({ ActionStatus: "OK" });
    expect((await call("live_config/get_callback", {})).Response).toEqual(body);
    await call("live_config/update_callback", { Url: "https://hooks.example.com/v2", CallbackCommandList: ["Live.CallbackAfterDestroyRoom"] });
    expect((await call("live_config/get_callback", {})).Response).toEqual({ Url: "https://hooks.example.com/v2", CallbackCommandList: ["Live.CallbackAfterDestroyRoom"] });
    await call("live_config/delete_callback", {});
    expect((await call("live_config/get_callback", {})).Response).toEqual({ Url: "", CallbackCommandList: [] });
  });

  test("invalid callback configurations → 100002", async () => {
    expect(await call("live_config/set_callback", { Url: "mailto:x", CallbackCommandList: [] })).toMatchObject({ ErrorCode: 100002 });
    expect(await call("live_config/set_callback", { Url: "https://x", CallbackCommandList: ["Live.CallbackAfterEverything"] })).toMatchObject({ ErrorCode: 100002 });
    expect(await call("live_config/set_callback", { Url: "https://x" })).toMatchObject({ ErrorCode: 100002 });
  });

  test("set / get / delete callback token", async () => {
    await call("live_config/set_callback_token", { Token: "tok3n", IsTokenEnable: true });
    expect((await call("live_config/get_callback_token", {})).Response).toEqual({ Token: "tok3n", IsTokenEnable: true });
    await call("live_config/set_callback_token", { Token: "tok3n", IsTokenEnable: false });
    expect((await call("live_config/get_callback_token", {})).Response).toEqual({ Token: "tok3n", IsTokenEnable: false });
    await call("live_config/delete_callback_token", {});
    expect((await call("live_config/get_callback_token", {})).Response).toEqual({ Token: "", IsTokenEnable: false });
    expect(await call("live_config/set_callback_token", { Token: "t" })).toMatchObject({ ErrorCode: 100002 });
  });

  test("the call log marks Live writes", async () => {
    const mark = emu.callLog.mark();
    await call("live_config/get_callback", {});
    await call("live_config/set_callback", { Url: "https://x.example", CallbackCommandList: [] });
    expect(emu.callLog.summary(mark)).toMatchObject({ total: 2, reads: 1, writes: 1, okWrites: 1 });
  });
});
