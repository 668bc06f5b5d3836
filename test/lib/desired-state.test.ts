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
      account: null,
      sdkAppIdOutput: null,
      vodApplication: null,
      retention,
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

describe("desired state v2", () => {
  test("a v1 document (with Live's recording parameters) is refused, naming both problems", () => {
    const v1 = { ...doc({ days: 30 }), version: 1 };
    v1.apps[0] = { ...v1.apps[0], recording: { mode: "as-live" } } as never;
    expect(() => parseDesiredState(v1, "old.json")).toThrow(/^old\.json is not a valid trtc-live-recording\/desired-state v2 document:\n {2}version: Invalid literal value, expected 2\n {2}apps\.0: Unrecognized key\(s\) in object: 'recording'$/);
  });

  test("rooms must say how they are created; the account is a string or null", () => {
    const room = { name: "r", seatTemplate: "Karaoke", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: false, typicalHosts: null };
    const withRoom = (r: object) => ({ ...doc(null), apps: [{ ...doc(null).apps[0], rooms: [r] }] });
    expect(() => parseDesiredState(withRoom(room), "f.json")).toThrow(/apps\.0\.rooms\.0\.createdWith: Required/);
    expect(parseDesiredState(withRoom({ ...room, createdWith: "rest-api" })).apps[0].rooms[0].createdWith).toBe("rest-api");
    expect(() => parseDesiredState({ ...doc(null), apps: [{ ...doc(null).apps[0], account: 7 }] }, "f.json")).toThrow(/apps\.0\.account: Expected string, received number/);
  });

  test("acceptStoppingOtherRecordings needs a reason of at least 10 characters in the document too", () => {
    const base = doc({ days: 30 });
    const withAcceptance = (reason: string) => ({ ...base, apps: [{ ...base.apps[0], acceptStoppingOtherRecordings: { reason } }] });
    expect(parseDesiredState(withAcceptance("calls move to manual recording")).apps[0].acceptStoppingOtherRecordings).toEqual({ reason: "calls move to manual recording" });
    expect(() => parseDesiredState(withAcceptance("short"), "f.json")).toThrow(/^f\.json is not a valid trtc-live-recording\/desired-state v2 document:\n {2}apps\.0\.acceptStoppingOtherRecordings\.reason/);
  });
});
