/**
 * A platform team's own cdktf app that installs trtc-live-recording from npm (the consumer test installs the packed
 * tarball here). It uses the package both ways: `defineEnvironments` for a whole environment, and `LiveRecording`
 * inside the team's own stack, next to its own provider.
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  CallbackSecret,
  EnvironmentConfig,
  LiveRecording,
  LiveRecordingProps,
  PostDeployHook,
  Retention,
  StateBackend,
  TencentcloudProvider,
  defineEnvironments,
} from "trtc-live-recording";

// The test points the post-deploy hook at the local emulator; a real app leaves this unset.
const emulatorUrl = process.env.EMULATOR_URL;

const environments: EnvironmentConfig[] = [
  {
    name: "staging",
    sdkAppId: 1400000101,
    region: "ap-guangzhou",
    vodApplication: { name: "team-staging", description: "Live room recordings (staging)" },
    retention: Retention.days(30),
    fullRoomRecording: true,
    globalAutoRecording: "off",
    callbacks: {
      vodEvents: { url: "https://hooks.example.com/staging/vod", signKey: CallbackSecret.fromEnvironment("STAGING_VOD_SIGN_KEY") },
    },
    rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 }],
  },
];

/** The team's own stack: its provider and backend, Live recording for one more SDKAppID, and the post-deploy hook. */
class MediaStack extends TerraformStack {
  public readonly recording: LiveRecording;

  constructor(scope: Construct, id: string, props: LiveRecordingProps) {
    super(scope, id);
    new TencentcloudProvider(this, "tencentcloud", { region: "ap-singapore" });
    StateBackend.cos({ bucket: "tfstate-1250000000", region: "ap-singapore" }).bind(this);
    this.recording = new LiveRecording(this, "Recording", props);
    new PostDeployHook(this, "PostDeploy", {
      recording: this.recording,
      extraArgs: emulatorUrl !== undefined ? ["--endpoint", emulatorUrl, "--console-driver", "emulator"] : [],
    });
  }
}

const app = new App();
defineEnvironments(app, environments);
new MediaStack(app, "media", {
  sdkAppId: 1400000102,
  vodApplication: { name: "team-media" },
  retention: Retention.days(7),
  fullRoomRecording: true,
  globalAutoRecording: "off",
  callbacks: {
    vodEvents: { url: "https://hooks.example.com/media/vod", signKey: CallbackSecret.fromEnvironment("MEDIA_VOD_SIGN_KEY") },
  },
});
app.synth();
