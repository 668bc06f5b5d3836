import { readFileSync } from "fs";
import { LiveRecordingProps, Retention } from "../../constructs";
import { App, Testing } from "../../lib/cdktf";
import { Acknowledgements, LIVE_RECORDING_RULES, evaluateRules } from "../../rules";
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

const CASES: Case[] = [
  { id: "LR001", level: "error", bad: { globalAutoRecording: "on" }, message: "Full Room Recording is on while Global Auto-Recording is declared on for SDKAppID 1400000001." },
  {
    id: "LR001",
    level: "error",
    bad: { fullRoomRecording: false, globalAutoRecording: "on", rooms: [{ name: "vip", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: true }] },
    message: 'rooms "vip" set IsCloudRecordEnabled=true while Global Auto-Recording is declared on for SDKAppID 1400000001.',
  },
  { id: "LR002", level: "error", bad: { vodApplication: undefined, callbacks: {} }, message: "Full Room Recording is on for SDKAppID 1400000001 with no VOD application." },
  { id: "LR002", level: "error", bad: { retention: undefined }, message: "Full Room Recording is on for SDKAppID 1400000001 with no retention." },
  {
    id: "LR002",
    level: "error",
    bad: { fullRoomRecording: false, vodApplication: undefined, retention: undefined, callbacks: {}, rooms: [{ name: "vip", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: true }] },
    message: "rooms set IsCloudRecordEnabled=true for SDKAppID 1400000001 with no VOD application and no retention.",
  },
  { id: "LR003", level: "warn", bad: { expectedUsage: { peakConcurrentRecordings: 301 } }, message: "Declared peak of 301 concurrent recordings exceeds the limit of 300." },
  { id: "LR004", level: "warn", bad: { rooms: [{ name: "ktv", seatTemplate: ".karaoke" }] }, message: 'Room "ktv" (Karaoke) is expected to be recorded, but voice rooms are not recorded by default.' },
  { id: "LR004", level: "warn", bad: { rooms: [{ name: "salon", seatTemplate: "AudioSalon" }] }, message: 'Room "salon" (AudioSalon) is expected to be recorded, but voice rooms are not recorded by default.' },
  { id: "LR005", level: "error", bad: { callbacks: { vodEvents: { url: "http://h.example.com/vod" } } }, message: "VOD event callback URL http://h.example.com/vod is not HTTPS." },
  { id: "LR005", level: "error", bad: { callbacks: { liveWebhook: { url: "http://h.example.com/live" } } }, message: "Live webhook URL http://h.example.com/live is not HTTPS." },
  { id: "LR005", level: "error", bad: { callbacks: { trtcRecording: { url: "http://10.0.0.1/trtc" } } }, message: "TRTC recording callback URL http://10.0.0.1/trtc is not HTTPS." },
  { id: "LR006", level: "error", bad: { recording: { maxFileDurationMinutes: 1441 } }, message: "maxFileDurationMinutes is 1441, above 1440." },
  { id: "LR007", level: "warn", bad: { globalAutoRecording: "unknown" }, message: "Full Room Recording is on and Global Auto-Recording is undeclared for SDKAppID 1400000001." },
  {
    id: "LR008",
    level: "warn",
    bad: { rooms: [{ name: "private", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: false }] },
    message: 'Room "private" (VideoFixedGrid9Seats) is expected to be recorded but is not: IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on.',
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
      'Acknowledgement of LR001 needs a `reason` of at least 10 characters saying why it is acceptable, got ""',
    );
    expect(() => stack.recording.acknowledge("LR001", "ok")).toThrow(/needs a `reason` of at least 10 characters/);
    expect(() => Acknowledgements.of(stack).add({ id: "LR001" } as never)).toThrow(/needs a `reason`/);
    synth(stack);
    expect(ruleAnnotations(stack, "LR001", "error")).toHaveLength(1);
  });

  test("an acknowledgement of an unknown rule is refused", () => {
    expect(() => Acknowledgements.of(stackWith({})).add({ id: "LR999", reason: "a long enough reason" })).toThrow(
      'Acknowledgement `id` must be one of LR001, LR002, LR003, LR004, LR005, LR006, LR007, LR008, got "LR999"',
    );
  });

  test("an error finding fails a full synth with the rule id and construct path", () => {
    const app = Testing.app();
    stackWith({ globalAutoRecording: "on" }, app);
    expect(() => app.synth()).toThrow(/\[env\/LiveRecording\] \[LR001:DoubleRecording\] Full Room Recording is on while Global Auto-Recording is declared on/);
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
        message: "Full Room Recording is on while Global Auto-Recording is declared on for SDKAppID 1400000001.",
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
