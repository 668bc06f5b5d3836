import { formatRetention, parseDesiredState, retentionSeconds } from "../../lib/desired-state";

const doc = (retention: unknown) => ({
  schema: "trtc-live-recording/desired-state",
  version: 1,
  environment: "e",
  region: null,
  apps: [
    {
      path: "e/LiveRecording",
      sdkAppId: 1,
      sdkAppIdOutput: null,
      vodApplication: null,
      retention,
      recording: {
        mode: "as-live",
        format: "mp4",
        maxFileDurationMinutes: 1440,
        resumeWaitSeconds: 30,
        maxIdleTimeSeconds: 30,
        streamType: "audio-and-video",
        mixedStreamLayout: "grid",
        storage: { vodClassId: 0 },
      },
      fullRoomRecording: false,
      globalAutoRecording: "off",
      callbacks: { vodEvents: null, trtcRecording: null, liveWebhook: null },
      rooms: [],
      expectedUsage: null,
      acknowledgements: [],
      findings: [],
    },
  ],
});

describe("desired state", () => {
  test("retention: seconds and words from one place", () => {
    expect(retentionSeconds({ days: 30 })).toBe(2592000);
    expect(retentionSeconds({ forever: true })).toBe(0);
    expect([formatRetention({ days: 1 }), formatRetention({ days: 90 }), formatRetention({ forever: true })]).toEqual(["1 day", "90 days", "forever"]);
  });

  test("a retention outside what the constructs accept (1 to 24855 days) is not a valid document", () => {
    expect(parseDesiredState(doc({ days: 24855 })).apps[0].retention).toEqual({ days: 24855 });
    expect(() => parseDesiredState(doc({ days: 24856 }), "f.json")).toThrow(/^f\.json is not a valid trtc-live-recording\/desired-state v1 document:\n  apps\.0\.retention/);
    expect(() => parseDesiredState(doc({ days: 0 }), "f.json")).toThrow(/apps\.0\.retention/);
  });
});
