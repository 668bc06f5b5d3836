/**
 * The CreateCloudRecording request RecordingConfiguration renders is accepted, as is, by TRTC's API (emulated) through
 * the real tencentcloud-sdk-nodejs client, for one host (single-stream) and several (mixed-stream).
 */
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { RecordingConfiguration, Retention } from "../../constructs";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, genUserSig, sdkClientConfig, startEmulator } from "../../emulator";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ rateLimits: false });
});
afterAll(async () => {
  await emu.stop();
});

test.each([
  [1, 1],
  [3, 2],
])("%i host(s): the rendered request starts a recording task (RecordMode %i)", async (hostCount, recordMode) => {
  const client = new trtc.v20190722.Client(sdkClientConfig(emu, "trtc"));
  const config = new RecordingConfiguration({ retention: Retention.days(30) });
  const request = config.toCreateCloudRecordingRequest({
    sdkAppId: DEFAULT_SDK_APP_ID,
    roomId: `room-${hostCount}`,
    roomIdType: "string",
    robotUserId: `recorder_room-${hostCount}`,
    robotUserSig: genUserSig({ sdkAppId: DEFAULT_SDK_APP_ID, sdkSecretKey: DEFAULT_SDK_SECRET_KEY, identifier: `recorder_room-${hostCount}` }),
    hostCount,
    vodSubAppId: 1500000001,
  });
  expect(request.RecordParams.RecordMode).toBe(recordMode);

  const created = await client.CreateCloudRecording(request);
  expect(created.TaskId).toMatch(/.+/);
  const described = await client.DescribeCloudRecording({ SdkAppId: DEFAULT_SDK_APP_ID, TaskId: created.TaskId! });
  expect(described.Status).toBe("InProgress");
});
