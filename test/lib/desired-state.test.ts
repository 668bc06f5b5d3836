import { formatRetention, parseDesiredState, retentionSeconds } from "../../lib/desired-state";

const doc = (retention: unknown) => ({
  schema: "trtc-live-recording/desired-state",
  version: 2,
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
      acceptStoppingOtherRecordings: null,
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
    expect(() => parseDesiredState(doc({ days: 24856 }), "f.json")).toThrow(/^f\.json is not a valid trtc-live-recording\/desired-state v2 document:\n  apps\.0\.retention/);
    expect(() => parseDesiredState(doc({ days: 0 }), "f.json")).toThrow(/apps\.0\.retention/);
  });
});

test("acceptStoppingOtherRecordings needs a reason of at least 10 characters in the document too", () => {
  const base = doc({ days: 30 });
  const withAcceptance = (reason: string) => ({ ...base, apps: [{ ...base.apps[0], acceptStoppingOtherRecordings: { reason } }] });
  expect(parseDesiredState(withAcceptance("calls move to manual recording")).apps[0].acceptStoppingOtherRecordings).toEqual({ reason: "calls move to manual recording" });
  expect(() => parseDesiredState(withAcceptance("short"), "f.json")).toThrow(/^f\.json is not a valid trtc-live-recording\/desired-state v2 document:\n {2}apps\.0\.acceptStoppingOtherRecordings\.reason/);
});
