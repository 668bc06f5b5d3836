import { readFileSync } from "fs";
import { LiveRecordingProps, Retention } from "../../constructs";
import { App, Testing } from "../../lib/cdktf";
import { Acknowledgements, LIVE_RECORDING_RULES, RETIRED_RULES, evaluateRules } from "../../rules";
import { LiveRecordingStack } from "../../stacks";
import { annotations, ruleAnnotations, synth } from "../support/synth";

/** A compliant base: every rule passes on it. */
const BASE: LiveRecordingProps = {
  sdkAppId: 1400000001,
  vodApplication: { name: "rec" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
  callbacks: { vodEvents: { url: "https://h.example.com/vod" } },
  rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats" }],
};

function stackWith(props: Partial<LiveRecordingProps>, app: App = Testing.app()): LiveRecordingStack {
  return new LiveRecordingStack(app, "env", { region: "ap-guangzhou", ...BASE, ...props });
}

interface Case {
  readonly id: string;
  readonly level: "error" | "warn";
  readonly bad: Partial<LiveRecordingProps>;
  readonly message: string;
}

const TWICE = "the same audio and video may be recorded twice, resulting in extra charges.";
const CASES: Case[] = [
  { id: "LR001", level: "error", bad: { globalAutoRecording: "on" }, message: `Global Auto-Recording is declared on for SDKAppID 1400000001 while Live records room "shows": ${TWICE}` },
  {
    id: "LR001",
    level: "error",
    bad: { fullRoomRecording: false, globalAutoRecording: "on", rooms: [{ name: "vip", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: true }] },
    message: `Global Auto-Recording is declared on for SDKAppID 1400000001 while Live records room "vip": ${TWICE}`,
  },
  {
    id: "LR001",
    level: "error",
    bad: { globalAutoRecording: "on", rooms: [] },
    message: `Global Auto-Recording is declared on for SDKAppID 1400000001 while Full Room Recording is on (no room declared: taken as recording the app's Live rooms, our reading): ${TWICE}`,
  },
  { id: "LR003", level: "warn", bad: { expectedUsage: { peakConcurrentRecordings: 301 } }, message: "Declared peak of 301 concurrent recordings is above the guide's limit of 300 streams (whether the limit counts per SDKAppID or per account is not documented)." },
  {
    id: "LR004",
    level: "warn",
    bad: { rooms: [{ name: "ktv", seatTemplate: ".karaoke" }] },
    message: 'Room "ktv" (Karaoke) is expected to be recorded but is not: isUnlimitedRoomEnabled defaults to false for Karaoke (voice rooms are not recorded by default; Tencent must enable it).',
  },
  {
    id: "LR004",
    level: "warn",
    bad: { rooms: [{ name: "salon", seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true, isCloudRecordEnabled: false }] },
    message: 'Room "salon" (AudioSalon) is expected to be recorded but is not: IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on.',
  },
  {
    id: "LR004",
    level: "warn",
    bad: { rooms: [{ name: "salon", seatTemplate: "AudioSalon", createdWith: "rest-api" }] },
    message:
      'Room "salon" (AudioSalon) is expected to be recorded but is not: created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true).',
  },
  {
    id: "LR004",
    level: "warn",
    bad: { rooms: [{ name: "salon", seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true }] },
    message: 'Room "salon" (AudioSalon) is planned as recorded only if Tencent has enabled voice-room recording for SDKAppID 1400000001 (Contact Us): voice rooms are not recorded by default.',
  },
  { id: "LR005", level: "error", bad: { callbacks: { vodEvents: { url: "http://h.example.com/vod" } } }, message: "VOD event callback URL http://h.example.com/vod is not HTTPS." },
  { id: "LR005", level: "error", bad: { callbacks: { liveWebhook: { url: "http://h.example.com/live" } } }, message: "Live webhook URL http://h.example.com/live is not HTTPS." },
  { id: "LR005", level: "error", bad: { callbacks: { trtcRecording: { url: "http://10.0.0.1/trtc" } } }, message: "TRTC recording callback URL http://10.0.0.1/trtc is not HTTPS." },
  { id: "LR007", level: "warn", bad: { globalAutoRecording: "unknown" }, message: 'Live records room "shows" and Global Auto-Recording is undeclared for SDKAppID 1400000001.' },
  {
    id: "LR008",
    level: "warn",
    bad: { rooms: [{ name: "private", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: false }] },
    message: 'Room "private" (VideoFixedGrid9Seats) is expected to be recorded but is not: IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on.',
  },
  {
    id: "LR008",
    level: "warn",
    bad: { rooms: [{ name: "api", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api" }] },
    message:
      'Room "api" (VideoDynamicGrid9Seats) is expected to be recorded but is not: created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true).',
  },
];

describe("Live recording rules", () => {
  test("the compliant base has no finding at all", () => {
    const stack = stackWith({});
    synth(stack);
    expect(annotations(stack)).toEqual([]);
  });

  test("every rule has a case here", () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(LIVE_RECORDING_RULES.map((r) => r.id)));
  });

  describe.each(CASES)("$id: $message", ({ id, level, bad, message }) => {
    test(`is reported as ${level} with why and how to fix, at the LiveRecording's path`, () => {
      const stack = stackWith(bad);
      synth(stack);
      const found = ruleAnnotations(stack, id);
      expect(found).toHaveLength(1);
      const rule = LIVE_RECORDING_RULES.find((r) => r.id === id)!;
      expect(found[0]).toEqual({ level, path: "env/LiveRecording", message: `[${id}:${rule.name}] ${message} Why: ${rule.explanation} Fix: ${rule.fix}` });
    });

    test("is silenced by an acknowledgement with a reason, which stays visible as info", () => {
      const stack = stackWith(bad);
      Acknowledgements.of(stack).add({ id, reason: "Accepted by the platform team in ticket OPS-1234" });
      synth(stack);
      expect(ruleAnnotations(stack, id, level)).toEqual([]);
      const info = ruleAnnotations(stack, id, "info");
      expect(info).toHaveLength(1);
      expect(info[0].message).toContain("Acknowledged: Accepted by the platform team in ticket OPS-1234");
    });

    test("is not silenced by an acknowledgement of another rule", () => {
      const stack = stackWith(bad);
      stack.recording.acknowledge(id === "LR001" ? "LR003" : "LR001", "Unrelated acknowledgement text");
      synth(stack);
      expect(ruleAnnotations(stack, id, level)).toHaveLength(1);
    });
  });

  test("an acknowledgement without a reason (or a too short one) is refused", () => {
    const stack = stackWith({ globalAutoRecording: "on" });
    expect(() => Acknowledgements.of(stack).add({ id: "LR001", reason: "" })).toThrow(
      '[env] `reason` must be a reason of at least 10 characters saying who decided and why the LR001 finding is acceptable, got ""',
    );
    expect(() => stack.recording.acknowledge("LR001", "ok")).toThrow('[env/LiveRecording] `reason` must be a reason of at least 10 characters saying who decided and why the LR001 finding is acceptable, got "ok"');
    expect(() => Acknowledgements.of(stack).add({ id: "LR001" } as never)).toThrow(
      "[env] `reason` is missing: it must be a reason of at least 10 characters saying who decided and why the LR001 finding is acceptable",
    );
    synth(stack);
    expect(ruleAnnotations(stack, "LR001", "error")).toHaveLength(1);
  });

  test("an acknowledgement of an unknown rule is refused", () => {
    expect(() => Acknowledgements.of(stackWith({})).add({ id: "LR999", reason: "a long enough reason" })).toThrow(
      '[env] `id` must be one of LR001, LR003, LR004, LR005, LR007, LR008, got "LR999"',
    );
  });

  test("an error finding fails a full synth with the rule id and construct path", () => {
    const app = Testing.app();
    stackWith({ globalAutoRecording: "on" }, app);
    expect(() => app.synth()).toThrow(/\[env\/LiveRecording\] \[LR001:DoubleRecording\] Global Auto-Recording is declared on for SDKAppID 1400000001 while Live records room "shows"/);
  });

  test("an acknowledged error lets a full synth pass and is recorded in the desired state", () => {
    const app = Testing.app();
    const stack = stackWith({ globalAutoRecording: "on" }, app);
    stack.recording.acknowledge("LR001", "Global Auto-Recording records TUICallKit rooms we must keep");
    expect(() => app.synth()).not.toThrow();
    const doc = JSON.parse(readFileSync(`${app.outdir}/stacks/env/live-recording.json`, "utf8"));
    expect(doc.apps[0].acknowledgements).toEqual([{ ruleId: "LR001", reason: "Global Auto-Recording records TUICallKit rooms we must keep" }]);
    expect(doc.apps[0].findings).toEqual([
      {
        ruleId: "LR001",
        severity: "error",
        message: `Global Auto-Recording is declared on for SDKAppID 1400000001 while Live records room "shows": ${TWICE}`,
        path: "env/LiveRecording",
        acknowledgedReason: "Global Auto-Recording records TUICallKit rooms we must keep",
      },
    ]);
  });

  test("warnings do not fail a full synth", () => {
    const app = Testing.app();
    stackWith({ globalAutoRecording: "unknown", expectedUsage: { peakConcurrentRecordings: 500 } }, app);
    expect(() => app.synth()).not.toThrow();
  });

  test("a rule that throws becomes an LR000 error finding instead of passing silently", () => {
    const stack = stackWith({});
    synth(stack);
    const app = stack.recording.toDesiredApp();
    const broken = { ...app, rooms: null } as never;
    const findings = evaluateRules(broken, [], "env/LiveRecording");
    expect(findings.some((f) => f.ruleId === "LR000" && f.severity === "error" && /Rule LR00[48] failed/.test(f.message))).toBe(true);
  });
});

describe("LR001: only when Live records a declared room, in the guide's words and order of remedies", () => {
  test.each<[string, Partial<LiveRecordingProps>]>([
    ["a karaoke-only app (voice rooms are not recorded by default)", { rooms: [{ name: "ktv", seatTemplate: "Karaoke", expectRecorded: false }] }],
    ["every declared room opts out (IsCloudRecordEnabled false)", { rooms: [{ name: "private", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: false, expectRecorded: false }] }],
    ["REST-created rooms without IsUnlimitedRoomEnabled", { rooms: [{ name: "api", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", expectRecorded: false }] }],
    ["Full Room Recording off and no room sets IsCloudRecordEnabled", { fullRoomRecording: false, rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", expectRecorded: false }] }],
  ])("Global Auto-Recording on does not fire it for %s", (_label, props) => {
    const stack = stackWith({ globalAutoRecording: "on", ...props });
    synth(stack);
    expect(ruleAnnotations(stack, "LR001")).toEqual([]);
  });

  test("the fix gives the guide's order: Live recording first (saying what else turning Global Auto-Recording off stops), Manual Recording, separate SDKAppIDs, acknowledge", () => {
    const fix = LIVE_RECORDING_RULES.find((r) => r.id === "LR001")!.fix;
    const order = ["(1) use Live recording first", "(2) if Live recording does not meet your needs, record with TRTC Manual Recording", "(3) keep the Live rooms", "(4) or acknowledge LR001"];
    const positions = order.map((o) => fix.indexOf(o));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(fix).toContain(
      'declare globalAutoRecording: "off" (mind that turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID, ' +
        "not only the Live rooms: TUICallKit calls, TUIRoomKit conferences, rooms of plain TRTC SDK integrations, voice rooms (Karaoke, AudioSalon) " +
        "and Live rooms created with IsCloudRecordEnabled false are no longer recorded, unless something else records them (TRTC Manual Recording)); (2) if Live recording",
    );
    // One sentence says what turning it off stops, not two.
    expect(fix.match(/stops/g)).toHaveLength(1);
    expect(fix).toContain("separate SDKAppIDs (our reading: both features work per SDKAppID)");
    expect(fix).not.toMatch(/fullRoomRecording: false/);
  });
});

describe("LR003: 300 streams, scope not documented; environments of one declared account are added up", () => {
  const twoEnvironments = (a: { account?: string; peak: number }, b: { account?: string; peak: number }) => {
    const app = Testing.app();
    const one = new LiveRecordingStack(app, "one", { region: "ap-guangzhou", ...BASE, sdkAppId: 1400000001, account: a.account, expectedUsage: { peakConcurrentRecordings: a.peak } });
    const two = new LiveRecordingStack(app, "two", { region: "ap-guangzhou", ...BASE, sdkAppId: 1400000002, account: b.account, expectedUsage: { peakConcurrentRecordings: b.peak } });
    synth(one);
    synth(two);
    return [one, two];
  };

  test("same account: each environment reports the sum with its parts", () => {
    const [one, two] = twoEnvironments({ account: "acme", peak: 200 }, { account: "acme", peak: 150 });
    const message = 'Declared peaks of account "acme" add up to 350 concurrent recordings (one/LiveRecording 200, two/LiveRecording 150), above the guide\'s limit of 300 streams (whether the limit counts per SDKAppID or per account is not documented; adding up the environments of one account is our reading).';
    expect(ruleAnnotations(one, "LR003").map((a) => a.message.split(" Why: ")[0])).toEqual([`[LR003:ConcurrencyLimit] ${message}`]);
    expect(ruleAnnotations(two, "LR003").map((a) => a.message.split(" Why: ")[0])).toEqual([`[LR003:ConcurrencyLimit] ${message}`]);
  });

  test("different accounts, or none named: each environment alone (the scope is not documented)", () => {
    for (const [a, b] of [
      [{ account: "acme", peak: 200 }, { account: "other", peak: 150 }],
      [{ peak: 200 }, { peak: 150 }],
      [{ account: "acme", peak: 200 }, { peak: 150 }],
    ] as const) {
      const stacks = twoEnvironments(a, b);
      expect(stacks.flatMap((s) => ruleAnnotations(s, "LR003"))).toEqual([]);
    }
  });

  test("the explanation says what the guide leaves out instead of inventing it", () => {
    const rule = LIVE_RECORDING_RULES.find((r) => r.id === "LR003")!;
    expect(rule.explanation).toContain('"The current maximum concurrent recording limit is 300 streams. For higher concurrency, contact sales or Contact Us."');
    expect(rule.explanation).toContain("says neither whether the limit counts per SDKAppID or per account, nor what happens to recordings above it");
    expect(rule.explanation).not.toMatch(/are not recorded/);
  });

  test.each([
    ["", '[env/LiveRecording] `account` must be a string of letters, digits, _ . @ or - starting with a letter or digit, 1 to 64 characters, got ""'],
    ["acme corp", '[env/LiveRecording] `account` must be a string of letters, digits, _ . @ or - starting with a letter or digit, 1 to 64 characters, got "acme corp"'],
    [42, "[env/LiveRecording] `account` must be a string of letters, digits, _ . @ or - starting with a letter or digit, 1 to 64 characters, got 42"],
  ])("account %j is refused", (account, message) => {
    expect(() => stackWith({ account: account as never })).toThrow(message);
  });
});

describe("hard limits are constructor errors, not rules (LR002 and LR006 retired, ids reserved)", () => {
  test.each<[string, Partial<LiveRecordingProps>, string]>([
    [
      "Full Room Recording without a VOD application",
      { vodApplication: undefined, callbacks: {} },
      "[env/LiveRecording] `vodApplication` is missing: it must be set when Live recording is wanted (fullRoomRecording is true): Live recording stores only to VOD and cannot be enabled without a VOD Application and a Save Duration",
    ],
    [
      "Full Room Recording without a retention",
      { retention: undefined },
      "[env/LiveRecording] `retention` is missing: it must be set when Live recording is wanted (fullRoomRecording is true): Live recording stores only to VOD and cannot be enabled without a VOD Application and a Save Duration",
    ],
    [
      "a room with IsCloudRecordEnabled true and no storage",
      { fullRoomRecording: false, vodApplication: undefined, retention: undefined, callbacks: {}, rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats" }, { name: "vip", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: true }] },
      '[env/LiveRecording] `vodApplication` is missing: it must be set when Live recording is wanted (rooms[1] ("vip") sets isCloudRecordEnabled: true): Live recording stores only to VOD and cannot be enabled without a VOD Application and a Save Duration',
    ],
    [
      "Live's recording parameters as a prop",
      { recording: { maxFileDurationMinutes: 1441 } } as never,
      '[env/LiveRecording] `recording` must be absent: Live\'s recording parameters are fixed by Tencent (MP4, files of at most 1440 minutes, single-stream for one host, one mixed-stream file for several) and nothing here changes them; for TRTC Cloud Recording\'s own parameters use ManualRecording, got {"maxFileDurationMinutes":1441}',
    ],
  ])("%s", (_label, props, message) => {
    expect(() => stackWith(props)).toThrow(message);
  });

  test("neither storage is needed when Live recording is not wanted", () => {
    const stack = stackWith({ fullRoomRecording: false, vodApplication: undefined, retention: undefined, callbacks: {}, rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", expectRecorded: false }] });
    synth(stack);
    expect(annotations(stack)).toEqual([]);
  });

  test.each([
    ["LR002", '[env] `id` must be one of LR001, LR003, LR004, LR005, LR007, LR008, got "LR002" (LR002 is retired: a VOD application and a retention are required by the LiveRecording constructor whenever Live recording is wanted; remove this acknowledgement)'],
    ["LR006", `[env] \`id\` must be one of LR001, LR003, LR004, LR005, LR007, LR008, got "LR006" (LR006 is retired: Live's file length is fixed by Tencent (1440 minutes); ManualRecording refuses a MaxMediaFileDuration outside 1 to 1440; remove this acknowledgement)`],
  ])("an acknowledgement of retired %s is refused with why", (id, message) => {
    expect(() => Acknowledgements.of(stackWith({})).add({ id, reason: "a long enough reason" })).toThrow(message);
  });

  test("retired ids are never reused by a rule", () => {
    expect(LIVE_RECORDING_RULES.map((r) => r.id).filter((id) => Object.keys(RETIRED_RULES).includes(id))).toEqual([]);
    expect(Object.keys(RETIRED_RULES)).toEqual(["LR002", "LR006"]);
  });
});
