/**
 * The app: Live recording for the example environments, one stack (and one TRTC SDKAppID) each.
 * `npx cdktf synth` (or `npm run synth`) writes cdktf.out/stacks/<environment>/cdk.tf.json and live-recording.json.
 */
import { CallbackSecret, Retention } from "./constructs";
import { App } from "./lib/cdktf";
import { EnvironmentConfig, defineEnvironments } from "./stacks";

export const ENVIRONMENTS: EnvironmentConfig[] = [
  {
    name: "staging",
    sdkAppId: 1400000001,
    region: "ap-guangzhou",
    vodApplication: { name: "live-recording-staging", description: "Live room recordings (staging)", tags: { env: "staging", team: "live" } },
    retention: Retention.days(30),
    fullRoomRecording: true,
    globalAutoRecording: "off",
    callbacks: {
      vodEvents: { url: "https://hooks.staging.example.com/vod", signKey: CallbackSecret.fromEnvironment("STAGING_VOD_SIGN_KEY") },
      trtcRecording: { url: "https://hooks.staging.example.com/trtc-recording", key: CallbackSecret.fromEnvironment("STAGING_TRTC_CALLBACK_KEY") },
      liveWebhook: { url: "https://hooks.staging.example.com/live", token: CallbackSecret.fromEnvironment("STAGING_LIVE_WEBHOOK_TOKEN") },
    },
    rooms: [
      { name: "solo-shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 },
      { name: "co-host-shows", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 3 },
      { name: "karaoke", seatTemplate: "Karaoke", expectRecorded: false },
    ],
    expectedUsage: { peakConcurrentRecordings: 20, recordedHoursPerMonth: 300, resolution: "HD" },
    // The post-deploy step's CAM policies, attached to existing CAM users: apply for the deploy job, read-only for the
    // scheduled check (create the users first; see README "Least privilege").
    accessPolicies: { apply: { userName: "ci-post-deploy" }, readOnly: { userName: "ci-post-deploy-check" } },
  },
  {
    name: "production",
    sdkAppId: 1400000002,
    region: "ap-singapore",
    vodApplication: { name: "live-recording-production", description: "Live room recordings (production)", tags: { env: "production", team: "live" } },
    retention: Retention.days(90),
    fullRoomRecording: true,
    globalAutoRecording: "off",
    callbacks: {
      vodEvents: { url: "https://hooks.example.com/vod", deleteEvents: true, signKey: CallbackSecret.fromTerraformVariable("vod_sign_key") },
      trtcRecording: { url: "https://hooks.example.com/trtc-recording", key: CallbackSecret.fromTerraformVariable("trtc_callback_key") },
      liveWebhook: { url: "https://hooks.example.com/live", token: CallbackSecret.fromTerraformVariable("live_webhook_token") },
    },
    rooms: [
      { name: "solo-shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 },
      { name: "co-host-shows", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 3 },
      { name: "landscape-events", seatTemplate: "VideoLandscape4Seats", typicalHosts: 2 },
      { name: "private-sessions", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: false, expectRecorded: false },
      { name: "voice-salon", seatTemplate: "AudioSalon", expectRecorded: false },
    ],
    expectedUsage: { peakConcurrentRecordings: 120, recordedHoursPerMonth: 4000, resolution: "FullHD" },
    accessPolicies: { apply: { userName: "ci-post-deploy" }, readOnly: { userName: "ci-post-deploy-check" } },
  },
];

/** Synthesizes every environment into `outdir` (cdktf's default, or CDKTF_OUTDIR when the CLI runs the app). */
export function synth(environments: readonly EnvironmentConfig[] = ENVIRONMENTS, outdir?: string): App {
  const app = new App(outdir !== undefined ? { outdir } : {});
  defineEnvironments(app, environments);
  app.synth();
  return app;
}

if (require.main === module) synth();
