/**
 * The public API is deliberate: the values each entry point exports are listed here, so adding or removing one is a
 * visible change (and, once released, a semver decision recorded in the CHANGELOG). Types are checked by the
 * consumer test's strict type check of a fresh app.
 */
import * as callbacks from "../../lib/callbacks";
import * as emulator from "../../emulator/public-api";
import * as root from "../../index";

const names = (module: object): string[] => Object.keys(module).sort();

test("trtc-live-recording (the root): constructs, stacks, acknowledgements, room scope and the provider", () => {
  expect(names(root)).toEqual([
    "Acknowledgements",
    "CallbackSecret",
    "DEFAULT_LIVE_WEBHOOK_COMMANDS",
    "LIVE_WEBHOOK_COMMANDS",
    "LiveRecording",
    "LiveRecordingStack",
    "ManualRecording",
    "PostDeployHook",
    "PostDeployPolicies",
    "RecordingCallbacks",
    "Retention",
    "SEAT_TEMPLATES",
    "StateBackend",
    "TencentcloudProvider",
    "ValidationError",
    "VodApplication",
    "VodEventCallback",
    "checkCreateCloudRecordingRequest",
    "decideRoomRecording",
    "defineEnvironments",
  ]);
});

test("trtc-live-recording/emulator: starting it, its defaults, SDK client settings and UserSig", () => {
  expect(names(emulator)).toEqual([
    "DEFAULT_ADMIN_IDENTIFIER",
    "DEFAULT_SDK_APP_ID",
    "DEFAULT_SDK_SECRET_KEY",
    "DEFAULT_SECRET_ID",
    "DEFAULT_SECRET_KEY",
    "FAULT_KINDS",
    "RESOLUTIONS",
    "genUserSig",
    "liveBaseUrl",
    "sdkClientConfig",
    "startEmulator",
  ]);
});

test("trtc-live-recording/callbacks: verifying TRTC, Live and VOD callbacks", () => {
  expect(names(callbacks)).toEqual([
    "LIVE_CALLBACK_COMMANDS",
    "LIVE_WEBHOOK_ACK",
    "TRTC_SDKAPPID_HEADER",
    "TRTC_SIGN_HEADER",
    "TrtcEventGroupId",
    "TrtcMediaEventType",
    "TrtcRecordingEventType",
    "TrtcRoomEventType",
    "constantTimeEqual",
    "liveWebhookSign",
    "parseLiveWebhookQuery",
    "parseTrtcCallback",
    "signTrtcCallback",
    "verifyLiveWebhook",
    "verifyTrtcCallback",
    "verifyVodCallback",
    "vodCallbackSign",
  ]);
});
