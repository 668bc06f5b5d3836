/**
 * The plan says what Tencent does and nothing more: Live's behaviour as fixed facts, the console notes, how each kind
 * of room is created, voice rooms' caveat, Global Auto-Recording only where Live records, and the cost's basis.
 */
import { buildRecordingPlan } from "../../plan/build";
import { formatYuanRange } from "../../plan/cost";
import { renderPlanMarkdown } from "../../plan/markdown";
import type { AppPlan, EstimatedCost } from "../../plan/model";
import { PRICE_TABLE } from "../../lib/pricing";
import { EnvironmentConfig } from "../../stacks";
import { Retention } from "../../constructs";
import { desiredStates, fixtureApp, fixtureState } from "./support";

const QA: EnvironmentConfig = {
  name: "qa",
  sdkAppId: 1400000077,
  region: "ap-guangzhou",
  vodApplication: { name: "rec-qa" },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
  rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 }],
  expectedUsage: { recordedHoursPerMonth: 100, resolution: "HD" },
};
const planApp = (env: Partial<EnvironmentConfig>): AppPlan => buildRecordingPlan(desiredStates([{ ...QA, ...env }])).environments[0].apps[0];
const estimated = (app: AppPlan): EstimatedCost => {
  if (app.estimatedCost.status !== "estimated") throw new Error(`not estimated: ${app.estimatedCost.reason}`);
  return app.estimatedCost;
};
const perStreamHd = (hours: number) => Math.round((hours * 60 * PRICE_TABLE.recordingPer1000Minutes.HD.cny) / 1000);

describe("what Live records: fixed facts, not configuration", () => {
  const plan = buildRecordingPlan(desiredStates([QA]));

  test("the plan states the guide's recording results once, as not configurable", () => {
    expect(plan.liveRecording).toEqual({
      configurable: false,
      format: "MP4",
      maxFileDurationMinutes: 1440,
      resumeWaitSeconds: 30,
      facts: [
        "MP4 files (Recording File Format)",
        "the entire session from room creation to dissolution; starting or stopping recording mid-session is not supported",
        "at most 1440 minutes a file: if exceeded, recording is interrupted, and Resume Recording waits 30 seconds before restarting",
        "video live: single-stream of the host's audio and video in single-host rooms; one mixed-stream file of all hosts in multi-host rooms",
        "voice chat rooms: recording is not supported by default; to enable it, contact Tencent (Contact Us)",
        "stored only to VOD (standard storage of its Media Asset Management)",
      ],
      consoleNotes: expect.any(Array),
    });
    const text = JSON.stringify(plan) + renderPlanMarkdown(plan);
    expect(text).not.toMatch(/missing between/);
    expect(text).not.toMatch(/about 30 s/);
    // Nothing per app looks like a recording setting.
    expect(Object.keys(plan.environments[0].apps[0])).not.toContain("recording");
  });

  test("console notes: VOD activation first; a change applies to rooms created after it; Save Duration's options are undocumented", () => {
    const [vod, change, save] = plan.liveRecording.consoleNotes;
    expect(vod).toBe("Room Recording can be configured only once Video on Demand (VOD) is activated: if it is not, Configure Now prompts to enable VOD first");
    expect(change).toMatch(/^a console change \(Full Room Recording, VOD Application, Save Duration\) applies to rooms created after it; .*\(our reading of /);
    expect(save).toMatch(/^Save Duration: the guide does not list the console's options or its unit;/);
    const md = renderPlanMarkdown(plan);
    for (const note of plan.liveRecording.consoleNotes) expect(md).toContain(`- ${note.slice(0, 60)}`);
  });
});

describe("rooms: how they are created, and voice rooms' caveat", () => {
  test("a REST-created video room without IsUnlimitedRoomEnabled is planned as not recorded (REST default false); with it, recorded", () => {
    const app = planApp({
      rooms: [
        { name: "api", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", expectRecorded: false },
        { name: "api-unlimited", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", isUnlimitedRoomEnabled: true },
        { name: "app", seatTemplate: "VideoDynamicGrid9Seats" },
      ],
    });
    expect(app.rooms.map((r) => [r.name, r.createdWith, r.recorded, r.reason])).toEqual([
      ["api", "rest-api", false, "rest-api-default"],
      ["api-unlimited", "rest-api", true, "full-room-recording-on"],
      ["app", "client-sdk", true, "full-room-recording-on"],
    ]);
    expect(renderPlanMarkdown(buildRecordingPlan(desiredStates([{ ...QA, rooms: [{ name: "api", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", expectRecorded: false }] }])))).toContain(
      "| api | VideoDynamicGrid9Seats | REST API | no |  | created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true) |\n\n" +
        "Created with: unsent, isUnlimitedRoomEnabled takes the guide's template default with the client SDK (true for the five video templates, " +
        "false for Karaoke and AudioSalon) and false with the REST create_room (our reading: the guide's table is the client SDK's; the REST API documents false)\n",
    );
  });

  test("a voice room with isUnlimitedRoomEnabled true is recorded only with Tencent's enablement as caveat, in the room and the Markdown", () => {
    const app = planApp({ rooms: [{ name: "salon", seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true, typicalHosts: 2 }] });
    expect(app.rooms[0]).toMatchObject({
      recorded: true,
      content: "mixed-stream",
      caveat: "voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded",
    });
    expect(app.rooms[0].explanation).toContain("Tencent must enable it for the app (Contact Us)");
    expect(app.findings.map((f) => f.ruleId)).toEqual(["LR004"]);
    const md = renderPlanMarkdown(buildRecordingPlan(desiredStates([{ ...QA, rooms: [{ name: "salon", seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true, typicalHosts: 2 }] }])));
    expect(md).toContain("| salon | AudioSalon | client SDK | yes, if Tencent enabled it | mixed-stream |");
  });
});

describe("Global Auto-Recording: only where Live records a declared room", () => {
  test("a karaoke-only app with Global Auto-Recording on: nothing recorded twice, no LR001", () => {
    const app = planApp({ globalAutoRecording: "on", rooms: [{ name: "ktv", seatTemplate: "Karaoke", expectRecorded: false }] });
    expect(app.globalAutoRecording).toMatchObject({ declared: "on", conflict: "none", ruleId: null });
    expect(app.globalAutoRecording.text).toBe("on (declared): Live records no declared room here, so nothing is recorded twice");
    expect(app.findings).toEqual([]);
  });

  test("on while Live records: in the guide's words, naming the rooms", () => {
    const app = planApp({ globalAutoRecording: "on" });
    expect(app.globalAutoRecording.text).toBe(
      'on (declared): it records rooms "shows" again, each host to its own file: the same content may be recorded twice, resulting in extra charges (LR001)',
    );
  });
});

describe("LR003 in the plan: the guide's 300 streams, its scope not invented", () => {
  test("the finding the plan shows says the limit's scope is not documented", () => {
    const env = { expectedUsage: { recordedHoursPerMonth: 100, resolution: "HD" as const, peakConcurrentRecordings: 301 } };
    const app = planApp(env);
    expect(app.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["LR003", "Declared peak of 301 concurrent recordings is above the guide's limit of 300 streams (whether the limit counts per SDKAppID or per account is not documented)."],
    ]);
    expect(renderPlanMarkdown(buildRecordingPlan(desiredStates([{ ...QA, ...env }])))).toContain(
      "- **WARN** LR003: Declared peak of 301 concurrent recordings is above the guide's limit of 300 streams (whether the limit counts per SDKAppID or per account is not documented).",
    );
  });
});

describe("cost: basis, multi-host range, double recording", () => {
  test("one host everywhere: exact, with the guide's basis", () => {
    const c = estimated(planApp({}));
    expect(c.basis).toBe(
      "Live recording is billed at single-stream recording prices, by recording duration and video resolution (guide, Billing Description); TRTC's billing rules count per recorded stream; files are billed as VOD standard storage",
    );
    expect(c.recording).toMatchObject({ streamsPerRoom: { min: 1, max: 1 }, monthlyCny: { min: perStreamHd(100), max: perStreamHd(100) }, rangeReason: null });
    expect(c.doubleRecording).toBeNull();
  });

  test("multi-host rooms: from one stream per room up to one per host (typicalHosts), with the reason", () => {
    const c = estimated(planApp({ rooms: [{ name: "solo", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 }, { name: "trio", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 3 }] }));
    expect(c.recording.streamsPerRoom).toEqual({ min: 1, max: 3 });
    expect(c.recording.monthlyCny).toEqual({ min: perStreamHd(100), max: Math.round(perStreamHd(100) * 3) });
    expect(c.recording.rangeReason).toBe(
      "a multi-host room is recorded as one mixed-stream file, but the guide does not say whether it bills as one stream or as one per host (TRTC counts per recorded stream): our reading is a range from one stream per room up to one per host",
    );
  });

  test("Global Auto-Recording on: its per-host recording of the same rooms is added to the total", () => {
    const app = planApp({ globalAutoRecording: "on", rooms: [{ name: "duo", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 2 }] });
    const c = estimated(app);
    const one = perStreamHd(100);
    expect(c.doubleRecording).toEqual({ globalAutoRecording: "on", included: true, hostsPerRoom: { min: 2, max: 2 }, monthlyCny: { min: one * 2, max: one * 2 } });
    expect(c.totalMonthlyCny).toEqual({ min: one + c.storage.monthlyCny + one * 2, max: one * 2 + c.storage.monthlyCny + one * 2 });
    expect(renderPlanMarkdown(buildRecordingPlan(desiredStates([{ ...QA, globalAutoRecording: "on", rooms: [{ name: "duo", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 2 }] }])))).toContain(
      `with Global Auto-Recording's second recording (declared on) ${formatYuanRange(c.doubleRecording!.monthlyCny)}`,
    );
  });

  test("Global Auto-Recording unknown: it may be on, so its second recording raises the total's upper end only", () => {
    const app = planApp({ globalAutoRecording: "unknown" });
    const c = estimated(app);
    expect(c.doubleRecording).toEqual({ globalAutoRecording: "unknown", included: false, hostsPerRoom: { min: 1, max: 1 }, monthlyCny: { min: perStreamHd(100), max: perStreamHd(100) } });
    expect(c.totalMonthlyCny).toEqual({ min: perStreamHd(100) + c.storage.monthlyCny, max: 2 * perStreamHd(100) + c.storage.monthlyCny });
    expect(c.notes).toContain(
      "in the total's upper end only (Global Auto-Recording undeclared: it may be on): Global Auto-Recording's second recording of the same rooms, " +
        "each host to its own file, at the same single-stream price; its own storage is not estimated (its template is not declared)",
    );
    const md = renderPlanMarkdown(buildRecordingPlan(desiredStates([{ ...QA, globalAutoRecording: "unknown" }])));
    expect(md).toContain(`; if Global Auto-Recording is on (undeclared), +¥${perStreamHd(100)}, in the total's upper end`);
  });

  test("Live records no declared room: not estimated", () => {
    expect(planApp({ rooms: [{ name: "ktv", seatTemplate: "Karaoke", expectRecorded: false }] }).estimatedCost).toEqual({
      status: "not-estimated",
      reason: "Live records no declared room here",
    });
  });

  test("no room declared with Full Room Recording on: one stream per room, said so", () => {
    const c = estimated(buildRecordingPlan([fixtureState("qa", [fixtureApp({ rooms: [] })])]).environments[0].apps[0]);
    expect(c.notes).toContain("no room declared: counted as one stream per room; a multi-host room may bill up to one stream per host");
  });

  test("the price table is the one dated table, the storage price still marked as an assumption", () => {
    const c = estimated(planApp({}));
    expect(c.notes[0]).toBe(
      `estimate uses assumed unit price ${PRICE_TABLE.vodStandardStoragePerGbMonth.cny} CNY per GB-month for VOD standard storage; verify at ${PRICE_TABLE.vodStandardStoragePerGbMonth.verifyAt}`,
    );
    expect(c.notes).toContain(`list prices of ${PRICE_TABLE.asOf}; packages, contracts and playback traffic not included`);
  });
});
