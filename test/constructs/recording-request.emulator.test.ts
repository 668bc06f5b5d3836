/**
 * The CreateCloudRecording request ManualRecording renders is accepted, as is, by TRTC's API (emulated) through the
 * real tencentcloud-sdk-nodejs client, single-stream and mixed-stream; a request past the API's limits is refused by
 * the emulator as by ManualRecording.
 */
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { ManualRecording, ManualRecordMode, VodApplication } from "../../constructs";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, genUserSig, sdkClientConfig, startEmulator } from "../../emulator/public-api";
import { testStack } from "../support/synth";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(async () => {
  await emu.stop();
});

function manual(recordMode: ManualRecordMode): ManualRecording {
  const stack = testStack();
  return new ManualRecording(stack, "Manual", {
    sdkAppId: DEFAULT_SDK_APP_ID,
    recordMode,
    vodApplication: VodApplication.fromSubAppId(stack, "Vod", 1500000001),
    maxMediaFileDurationMinutes: 1440,
    ...(recordMode === "mixed-stream" ? { mixLayout: "grid" as const } : {}),
  });
}

test.each([
  ["single-stream", 1],
  ["mixed-stream", 2],
] as const)("%s: the rendered request starts a recording task (RecordMode %i)", async (recordMode, code) => {
  const client = new trtc.v20190722.Client(sdkClientConfig(emu, "trtc"));
  const robot = `recorder_${recordMode}`;
  const request = manual(recordMode).toCreateCloudRecordingRequest({
    roomId: `room-${recordMode}`,
    roomIdType: "string",
    robotUserId: robot,
    robotUserSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: robot }),
  });
  expect(request.RecordParams.RecordMode).toBe(code);

  const created = await client.CreateCloudRecording(request);
  expect(created.TaskId).toMatch(/.+/);
  const described = await client.DescribeCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: created.TaskId! });
  expect(described.Status).toBe("InProgress");
});

test("the 1440-minute limit ManualRecording enforces is TRTC's: 1441 is refused by the API too", async () => {
  const client = new trtc.v20190722.Client(sdkClientConfig(emu, "trtc"));
  const request = manual("single-stream").toCreateCloudRecordingRequest({
    roomId: "room-limit",
    roomIdType: "string",
    robotUserId: "recorder_limit",
    robotUserSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: "recorder_limit" }),
  });
  await expect(client.CreateCloudRecording({ ...request, RecordParams: { ...request.RecordParams, MaxMediaFileDuration: 1441 } })).rejects.toMatchObject({
    code: "InvalidParameter.OutOfRange",
  });
});
