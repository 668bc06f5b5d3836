/** Generated environments for benchmarks and scale tests: `n` realistic, distinct environments. */
import { CallbackSecret, Retention } from "../constructs";
import type { EnvironmentConfig } from "../stacks";

export function environmentsFor(n: number, opts: { firstSdkAppId?: number } = {}): EnvironmentConfig[] {
  const first = opts.firstSdkAppId ?? 1400001000;
  return Array.from({ length: n }, (_, i) => {
    const name = `env-${String(i).padStart(3, "0")}`;
    return {
      name,
      sdkAppId: first + i,
      region: i % 2 === 0 ? "ap-guangzhou" : "ap-singapore",
      vodApplication: { name: `live-recording-${name}`, description: `Live recordings of ${name}`, tags: { env: name, team: "live" } },
      retention: i % 10 === 9 ? Retention.forever() : Retention.days(30 + (i % 12) * 15),
      fullRoomRecording: true,
      globalAutoRecording: "off",
      callbacks: {
        vodEvents: { url: `https://hooks.example.com/${name}/vod`, signKey: CallbackSecret.fromEnvironment("BENCH_VOD_SIGN_KEY") },
        trtcRecording: { url: `https://hooks.example.com/${name}/trtc`, key: CallbackSecret.fromEnvironment("BENCH_TRTC_CALLBACK_KEY") },
        liveWebhook: { url: `https://hooks.example.com/${name}/live`, token: CallbackSecret.fromEnvironment("BENCH_LIVE_WEBHOOK_TOKEN") },
      },
      rooms: [
        { name: "solo", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 },
        { name: "co-host", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 3 },
        { name: "karaoke", seatTemplate: "Karaoke", expectRecorded: false },
      ],
      expectedUsage: { peakConcurrentRecordings: 10 + i, recordedHoursPerMonth: 100 + 10 * i, resolution: "HD" },
    };
  });
}
