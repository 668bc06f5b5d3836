import { Retention } from "../../constructs";
import { DesiredStateDocument } from "../../constructs/desired-state-document";
import { Testing } from "../../lib/cdktf";
import { Acknowledgements } from "../../rules";
import { defineEnvironments } from "../../stacks";
import { buildRecordingPlan, maskUrl } from "../../plan/build";
import { AppPlan, RecordingPlan } from "../../plan/model";
import { BYTES_PER_GB, DEFAULT_BITRATE_KBPS, PRICE_TABLE } from "../../plan/pricing";
import { renderPlanMarkdown } from "../../plan/markdown";
import { desiredStates, fixtureApp, fixtureState, withEnvironment } from "./support";

const appOf = (plan: RecordingPlan, env: string): AppPlan => {
  const e = plan.environments.find((x) => x.name === env);
  if (!e || e.apps.length !== 1) throw new Error(`expected one app in ${env}`);
  return e.apps[0];
};

describe("recording plan of the example app (main.ts)", () => {
  let plan: RecordingPlan;
  beforeAll(() => {
    plan = buildRecordingPlan(desiredStates());
  });

  test("is versioned and lists both environments, sorted by name", () => {
    expect(plan.schema).toBe("trtc-live-recording/recording-plan");
    expect(plan.version).toBe(3);
    expect(plan.environments.map((e) => [e.name, e.region])).toEqual([
      ["production", "ap-singapore"],
      ["staging", "ap-guangzhou"],
    ]);
  });

  test("production: SDKAppID, VOD application, retention, switches", () => {
    const app = appOf(plan, "production");
    expect(app.sdkAppId).toBe(1400000002);
    expect(app.vodApplication).toEqual({ name: "live-recording-production", managed: true, subAppId: null });
    expect(app.retention).toEqual({ days: 90 });
    expect(app.retentionText).toBe("90 days");
    expect(app.fullRoomRecording).toBe(true);
    expect(app.globalAutoRecording).toMatchObject({ declared: "off", conflict: "none", ruleId: null });
    expect(app.findings).toEqual([]);
  });

  test("callbacks are URLs with a signed flag, nothing about the keys", () => {
    expect(appOf(plan, "production").callbacks).toEqual({
      vodEvents: { url: "https://hooks.example.com/vod", signed: true, deleteEvents: true },
      trtcRecording: { url: "https://hooks.example.com/trtc-recording", signed: true },
      liveWebhook: { url: "https://hooks.example.com/live", signed: true },
    });
    const text = JSON.stringify(plan) + renderPlanMarkdown(plan);
    for (const name of ["vod_sign_key", "trtc_callback_key", "live_webhook_token", "TF_VAR_", "STAGING_VOD_SIGN_KEY", "STAGING_LIVE_WEBHOOK_TOKEN"]) {
      expect([name, text.includes(name)]).toEqual([name, false]);
    }
  });

  test("production rooms: recorded or not, how, and why (room-scope reasons)", () => {
    const rooms = appOf(plan, "production").rooms.map((r) => [r.name, r.recorded, r.content, r.reason]);
    expect(rooms).toEqual([
      ["solo-shows", true, "single-stream", "full-room-recording-on"],
      ["co-host-shows", true, "mixed-stream", "full-room-recording-on"],
      ["landscape-events", true, "mixed-stream", "full-room-recording-on"],
      ["private-sessions", false, null, "cloud-record-disabled-for-room"],
      ["voice-salon", false, null, "voice-room-default"],
    ]);
    expect(appOf(plan, "production").rooms[4].explanation).toContain("voice rooms are not recorded by default");
  });

  test("staging: retention 30 days, karaoke not recorded", () => {
    const app = appOf(plan, "staging");
    expect(app.retentionText).toBe("30 days");
    expect(app.rooms.find((r) => r.name === "karaoke")).toMatchObject({ recorded: false, content: null, reason: "voice-room-default" });
    expect(app.callbacks.liveWebhook).toEqual({ url: "https://hooks.staging.example.com/live", signed: true });
  });

  test("cost: room-minutes x single-stream price, from one stream per room up to one per host; storage GB x retention months x storage price", () => {
    // production: 4000 h FullHD, 90 days, rooms of 1, 3 and 2 hosts; staging: 300 h HD, 30 days, rooms of 1 and 3 (main.ts).
    const expected = (hours: number, res: "FullHD" | "HD", months: number, maxHosts: number) => {
      const perStream = (hours * 60 * PRICE_TABLE.recordingPer1000Minutes[res].cny) / 1000;
      const recording = { min: Math.round(perStream), max: Math.round(perStream * maxHosts) };
      const gb = (hours * 3600 * DEFAULT_BITRATE_KBPS[res] * 1000) / 8 / BYTES_PER_GB;
      const storage = Math.round(gb * months * PRICE_TABLE.vodStandardStoragePerGbMonth.cny);
      return { recording, storage, total: { min: recording.min + storage, max: recording.max + storage } };
    };
    const prod = appOf(plan, "production").estimatedCost;
    const stag = appOf(plan, "staging").estimatedCost;
    if (prod.status !== "estimated" || stag.status !== "estimated") throw new Error("both environments declare usage");
    const p = expected(4000, "FullHD", 3, 3);
    const s = expected(300, "HD", 1, 3);
    expect([prod.recording.monthlyCny, prod.storage.monthlyCny, prod.totalMonthlyCny]).toEqual([p.recording, p.storage, p.total]);
    expect([stag.recording.monthlyCny, stag.storage.monthlyCny, stag.totalMonthlyCny]).toEqual([s.recording, s.storage, s.total]);
    // With the table's published FullHD price (31 CNY per 1,000 minutes): 240,000 room-minutes cost 7,440 CNY a stream.
    expect(prod.recording).toMatchObject({ minutesPerMonth: 240000, unitPriceCnyPer1000Minutes: 31, streamsPerRoom: { min: 1, max: 3 }, monthlyCny: { min: 7440, max: 22320 } });
    expect(prod.recording.rangeReason).toContain("does not say whether it bills as one stream or as one per host");
    expect(prod.basis).toContain("billed at single-stream recording prices, by recording duration and video resolution");
    expect(prod.doubleRecording).toBeNull();
    expect(prod.storage).toMatchObject({ averageBitrateKbps: 3000, bitrateAssumed: true, storedMonths: 3, horizonApplied: false });
  });

  test("the assumed storage price is flagged in the plan with where to verify it", () => {
    const cost = appOf(plan, "production").estimatedCost;
    if (cost.status !== "estimated") throw new Error("estimated");
    expect(cost.storage.unitPriceAssumed).toBe(true);
    expect(cost.notes).toContain(
      `estimate uses assumed unit price ${PRICE_TABLE.vodStandardStoragePerGbMonth.cny} CNY per GB-month for VOD standard storage; verify at ${PRICE_TABLE.vodStandardStoragePerGbMonth.verifyAt}`,
    );
    expect(renderPlanMarkdown(plan)).toContain(`verify at ${PRICE_TABLE.vodStandardStoragePerGbMonth.verifyAt}`);
  });

  test("Markdown: a heading per environment, the table rows, rooms and a Mermaid block", () => {
    const md = renderPlanMarkdown(plan);
    expect(md.indexOf("## production")).toBeGreaterThan(0);
    expect(md.indexOf("## staging")).toBeGreaterThan(md.indexOf("## production"));
    expect(md).toContain("| Retention (Save Duration) | 90 days |");
    expect(md).toContain("| Full Room Recording | on (applies to rooms created after the change) |");
    expect(md).toContain("| Global Auto-Recording | off (declared): nothing is recorded twice |");
    expect(md).toContain("| private-sessions | VideoFixedGrid9Seats | client SDK | no |  | IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on |");
    expect(md).toContain("VOD events https://hooks.example.com/vod (signed)");
    expect(md.match(/```mermaid\n/g)).toHaveLength(2);
    expect(md).toContain("Findings: none");
  });
});

describe("plan details from declarations", () => {
  test("findings carry rule id, severity, message and acknowledgement", () => {
    const states = desiredStates(
      withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "unknown", rooms: [...(e.rooms ?? []), { name: "big-events", seatTemplate: "Karaoke" }] })),
    );
    const app = appOf(buildRecordingPlan(states), "staging");
    expect(app.findings.map((f) => [f.ruleId, f.severity, f.acknowledged])).toEqual([
      ["LR004", "warning", false],
      ["LR007", "warning", false],
    ]);
    expect(app.globalAutoRecording).toMatchObject({ declared: "unknown", conflict: "unverified", ruleId: "LR007" });
  });

  test("Global Auto-Recording on with Full Room Recording: LR001, and its acknowledgement", () => {
    const errorPlan = buildRecordingPlan(desiredStates(withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "on" }))));
    expect(appOf(errorPlan, "staging").globalAutoRecording).toMatchObject({ declared: "on", conflict: "double-recording", ruleId: "LR001" });
    expect(appOf(errorPlan, "staging").findings[0]).toMatchObject({ ruleId: "LR001", severity: "error", acknowledged: false });
    const cost = appOf(errorPlan, "staging").estimatedCost;
    expect(cost.status === "estimated" && cost.doubleRecording).toMatchObject({ globalAutoRecording: "on", included: true, hostsPerRoom: { min: 1, max: 3 } });
    expect(renderPlanMarkdown(errorPlan)).toContain(
      '- **ERROR** LR001: Global Auto-Recording is declared on for SDKAppID 1400000001 while Live records rooms "solo-shows", "co-host-shows": the same audio and video may be recorded twice, resulting in extra charges.',
    );

    const state = fixtureState("qa", [
      fixtureApp({
        globalAutoRecording: "on",
        acknowledgements: [{ ruleId: "LR001", reason: "GAR stays until the 2027 migration" }],
        findings: [{ ruleId: "LR001", severity: "error", message: "double", path: "qa/LiveRecording", acknowledgedReason: "GAR stays until the 2027 migration" }],
      }),
    ]);
    const app = buildRecordingPlan([state]).environments[0].apps[0];
    expect(app.globalAutoRecording).toMatchObject({ conflict: "acknowledged", ruleId: "LR001", acknowledgedReason: "GAR stays until the 2027 migration" });
    expect(app.findings[0]).toEqual({ ruleId: "LR001", severity: "error", message: "double", acknowledged: true, acknowledgedReason: "GAR stays until the 2027 migration" });
    expect(renderPlanMarkdown(buildRecordingPlan([state]))).toContain("- **ACK** LR001: double (acknowledged: GAR stays until the 2027 migration)");
  });

  test("acknowledgements made in code reach the plan", () => {
    const app = Testing.app();
    const [stack] = defineEnvironments(app, withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "unknown" })).filter((e) => e.name === "staging"));
    Acknowledgements.of(stack.recording).add({ id: "LR007", reason: "Console checked by the on-call engineer, ticket 42" });
    Testing.synth(stack, true);
    const plan = buildRecordingPlan([DesiredStateDocument.of(stack).render()]);
    const staging = appOf(plan, "staging");
    expect(staging.findings).toEqual([
      expect.objectContaining({ ruleId: "LR007", severity: "warning", acknowledged: true, acknowledgedReason: "Console checked by the on-call engineer, ticket 42" }),
    ]);
    expect(staging.globalAutoRecording).toMatchObject({ conflict: "unverified", ruleId: "LR007", acknowledgedReason: "Console checked by the on-call engineer, ticket 42" });
  });

  test("Global Auto-Recording on without Full Room Recording: double recording of the rooms Live records anyway", () => {
    const state = fixtureState("qa", [
      fixtureApp({
        fullRoomRecording: false,
        globalAutoRecording: "on",
        rooms: [{ name: "vip", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: true, expectRecorded: true, typicalHosts: 2 }],
      }),
    ]);
    const app = buildRecordingPlan([state]).environments[0].apps[0];
    expect(app.rooms[0]).toMatchObject({ recorded: true, content: "mixed-stream", reason: "cloud-record-enabled-for-room" });
    expect(app.globalAutoRecording).toMatchObject({ conflict: "double-recording", ruleId: null });
  });

  test("no usage declared: cost not estimated", () => {
    const app = buildRecordingPlan([fixtureState("qa", [fixtureApp({ expectedUsage: null })])]).environments[0].apps[0];
    expect(app.estimatedCost).toEqual({ status: "not-estimated", reason: "no usage declared (expectedUsage.recordedHoursPerMonth)" });
    expect(renderPlanMarkdown(buildRecordingPlan([fixtureState("qa", [fixtureApp({ expectedUsage: null })])]))).toContain(
      "| Estimated cost | not estimated: no usage declared (expectedUsage.recordedHoursPerMonth) |",
    );
  });

  test("no retention and no Live recording wanted: rooms not recorded, cost not estimated", () => {
    const states = desiredStates([{ name: "qa", sdkAppId: 1400000077, region: "ap-guangzhou", vodApplication: { name: "rec-qa" }, fullRoomRecording: false, globalAutoRecording: "off", rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", expectRecorded: false }], expectedUsage: { recordedHoursPerMonth: 10 } }]);
    const app = buildRecordingPlan(states).environments[0].apps[0];
    expect(app.retention).toBeNull();
    expect(app.rooms[0]).toMatchObject({ recorded: false, reason: "full-room-recording-off" });
    expect(app.estimatedCost).toEqual({ status: "not-estimated", reason: "recording cannot be enabled: no VOD application or no retention" });
  });

  test("retention forever: storage at the 12-month horizon, said so", () => {
    const states = desiredStates(withEnvironment("staging", (e) => ({ ...e, retention: Retention.forever() })));
    const cost = appOf(buildRecordingPlan(states), "staging").estimatedCost;
    if (cost.status !== "estimated") throw new Error("estimated");
    expect(cost.storage).toMatchObject({ storedMonths: 12, horizonApplied: true });
    expect(cost.notes.some((n) => n.includes("kept forever") && n.includes("month 12"))).toBe(true);
  });

  test("declared bitrate replaces the default", () => {
    const app = buildRecordingPlan([
      fixtureState("qa", [fixtureApp({ expectedUsage: { peakConcurrentRecordings: null, recordedHoursPerMonth: 100, resolution: "HD", averageBitrateKbps: 1000 } })]),
    ]).environments[0].apps[0];
    if (app.estimatedCost.status !== "estimated") throw new Error("estimated");
    expect(app.estimatedCost.storage).toMatchObject({ averageBitrateKbps: 1000, bitrateAssumed: false });
    expect(app.estimatedCost.notes.some((n) => n.startsWith("storage assumes"))).toBe(false);
  });

  test("callback URLs: credentials and query values are masked", () => {
    expect(maskUrl("https://hooks.example.com/live?token=abc123&team=live")).toBe("https://hooks.example.com/live?token=***&team=***");
    expect(maskUrl("https://user:pa55@hooks.example.com/x")).toBe("https://***:***@hooks.example.com/x");
    expect(maskUrl("https://hooks.example.com/vod")).toBe("https://hooks.example.com/vod");
    const state = fixtureState("qa", [
      fixtureApp({ callbacks: { vodEvents: null, trtcRecording: null, liveWebhook: { url: "https://hooks.example.com/live?token=s3cr3tQueryToken", commands: [], token: null } } }),
    ]);
    const plan = buildRecordingPlan([state]);
    expect(JSON.stringify(plan) + renderPlanMarkdown(plan)).not.toContain("s3cr3tQueryToken");
    expect(plan.environments[0].apps[0].callbacks.liveWebhook).toEqual({ url: "https://hooks.example.com/live?token=***", signed: false });
  });
});
