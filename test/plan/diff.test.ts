import { Retention } from "../../constructs";
import { buildRecordingPlan } from "../../plan/build";
import { diffLine, diffPlans, renderDiffMarkdown } from "../../plan/diff";
import { parseRecordingPlan } from "../../plan/model";
import type { AppPlan, RecordingPlan } from "../../plan/model";
import { PRICE_TABLE } from "../../plan/pricing";
import { ENVIRONMENTS } from "../../main";
import { EnvironmentConfig } from "../../stacks";
import { desiredStates, withEnvironment } from "./support";

const planOf = (envs: readonly EnvironmentConfig[]): RecordingPlan => buildRecordingPlan(desiredStates(envs));
const appOf = (plan: RecordingPlan, env: string): AppPlan => plan.environments.find((e) => e.name === env)!.apps[0];
const storageCny = (app: AppPlan) => (app.estimatedCost.status === "estimated" ? app.estimatedCost.storage.monthlyCny : NaN);

describe("comparing with the base plan", () => {
  let base: RecordingPlan;
  beforeAll(() => {
    base = planOf(ENVIRONMENTS);
  });

  test("no change: changed is false and the Markdown says so", () => {
    const diff = diffPlans(base, planOf(ENVIRONMENTS));
    expect(diff).toEqual({ changed: false, general: [], environments: [] });
    expect(renderDiffMarkdown(diff)).toContain("No change to recording.");
  });

  test("one setting changed in main.ts (production retention 90 → 180 days): exactly that change, with its storage cost", () => {
    const current = planOf(withEnvironment("production", (e) => ({ ...e, retention: Retention.days(180) })));
    const diff = diffPlans(base, current);
    const delta = storageCny(appOf(current, "production")) - storageCny(appOf(base, "production"));
    expect(delta).toBeGreaterThan(0);
    expect(diff.changed).toBe(true);
    expect(diff.general).toEqual([]);
    expect(diff.environments.map(diffLine)).toEqual([`production: retention 90 → 180 days; estimated storage +¥${delta.toLocaleString("en-US")}/month`]);
    expect(renderDiffMarkdown(diff).split("\n").filter((l) => l.startsWith("- "))).toEqual([
      `- production: retention 90 → 180 days; estimated storage +¥${delta.toLocaleString("en-US")}/month`,
    ]);
  });

  test("retention shortened: the storage estimate goes down", () => {
    const diff = diffPlans(base, planOf(withEnvironment("staging", (e) => ({ ...e, retention: Retention.days(7) }))));
    expect(diff.environments).toHaveLength(1);
    expect(diffLine(diff.environments[0])).toMatch(/^staging: retention 30 → 7 days; estimated storage -¥\d+\/month$/);
  });

  test("retention to forever", () => {
    const diff = diffPlans(base, planOf(withEnvironment("staging", (e) => ({ ...e, retention: Retention.forever() }))));
    expect(diff.environments[0].changes[0]).toBe("retention 30 days → forever");
  });

  test("a kind of room moved to the REST create_room (without IsUnlimitedRoomEnabled): how it is created, and that it is no longer recorded", () => {
    const current = planOf(
      withEnvironment("production", (e) => ({ ...e, rooms: (e.rooms ?? []).map((r) => (r.name === "solo-shows" ? { ...r, createdWith: "rest-api" as const, expectRecorded: false } : r)) })),
    );
    const changes = diffPlans(base, current).environments[0].changes;
    expect(changes.slice(0, 2)).toEqual([
      "room solo-shows: created with client SDK → REST API",
      "room solo-shows: recorded (single-stream) → not recorded (created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true))",
    ]);
  });

  test("the account named, and a voice room planned as recorded only if Tencent enabled it", () => {
    const current = planOf(
      withEnvironment("production", (e) => ({
        ...e,
        account: "acme",
        rooms: (e.rooms ?? []).map((r) => (r.name === "voice-salon" ? { ...r, isUnlimitedRoomEnabled: true } : r)),
      })),
    );
    const changes = diffPlans(base, current).environments[0].changes;
    expect(changes[0]).toBe("account not named → acme");
    expect(changes[1]).toBe(
      "room voice-salon: not recorded → recorded (single- or mixed-stream, if Tencent enabled voice-room recording) (recorded as single-stream with one host, one mixed-stream file with several hosts: IsCloudRecordEnabled is empty and Full Room Recording is on (voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded))",
    );
  });

  test("what Live records (fixed) is reported once, for all environments, when this package's statement of it changes", () => {
    const current: RecordingPlan = { ...base, liveRecording: { ...base.liveRecording, facts: [...base.liveRecording.facts, "x"] } };
    expect(diffPlans(base, current).general).toEqual(["what Live records (fixed by Tencent), as this package states it, changed: see the plan's first section"]);
  });

  test("Full Room Recording off → on, with the rooms it starts recording", () => {
    const offBase = planOf(withEnvironment("staging", (e) => ({ ...e, fullRoomRecording: false, rooms: (e.rooms ?? []).map((r) => ({ ...r, expectRecorded: false })) })));
    const diff = diffPlans(offBase, planOf(ENVIRONMENTS));
    expect(diff.environments).toHaveLength(1);
    const changes = diff.environments[0].changes;
    expect(diff.environments[0].environment).toBe("staging");
    expect(changes[0]).toBe("Full Room Recording off → on (for rooms created after the change)");
    expect(changes).toContain(
      "room solo-shows: not recorded → recorded (single-stream) (recorded as single-stream of the host: IsCloudRecordEnabled is empty and Full Room Recording is on)",
    );
    expect(changes.some((c) => c.startsWith("room co-host-shows: not recorded → recorded (mixed-stream)"))).toBe(true);
    expect(changes.some((c) => c.startsWith("room karaoke"))).toBe(false);
  });

  test("a new environment and a removed one", () => {
    const qa: EnvironmentConfig = {
      name: "qa",
      sdkAppId: 1400000003,
      region: "ap-guangzhou",
      vodApplication: { name: "live-recording-qa" },
      retention: Retention.days(7),
      fullRoomRecording: true,
      globalAutoRecording: "off",
      rooms: [{ name: "solo-shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1 }],
    };
    const current = planOf([ENVIRONMENTS.find((e) => e.name === "production")!, qa]);
    const diff = diffPlans(base, current);
    expect(diff.environments.map((e) => [e.environment, e.kind])).toEqual([
      ["qa", "added"],
      ["staging", "removed"],
    ]);
    expect(diffLine(diff.environments[0])).toBe(
      "new environment qa (SDKAppID 1400000003, retention 7 days, Full Room Recording on, 1 of 1 room templates recorded, cost not estimated: no usage declared (expectedUsage.recordedHoursPerMonth))",
    );
    expect(diffLine(diff.environments[1])).toBe("environment staging removed");
  });

  test("room changes: one excluded, one added, one removed", () => {
    const current = planOf(
      withEnvironment("production", (e) => ({
        ...e,
        rooms: [
          { name: "solo-shows", seatTemplate: "VideoDynamicGrid9Seats", typicalHosts: 1, isCloudRecordEnabled: false, expectRecorded: false },
          ...(e.rooms ?? []).filter((r) => r.name !== "solo-shows" && r.name !== "voice-salon"),
          { name: "duets", seatTemplate: "VideoDynamicFloat7Seats", typicalHosts: 2 },
        ],
      })),
    );
    const changes = diffPlans(base, current).environments[0].changes;
    expect(changes).toEqual([
      "room solo-shows: recorded (single-stream) → not recorded (IsCloudRecordEnabled is false: never recorded, even with Full Room Recording on)",
      "room duets added: recorded (mixed-stream)",
      "room voice-salon removed",
    ]);
  });

  test("findings: new and cleared; Global Auto-Recording declaration", () => {
    const unknown = planOf(withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "unknown" })));
    const forward = diffPlans(base, unknown).environments[0].changes;
    expect(forward).toEqual([
      "Global Auto-Recording (declared) off → unknown",
      "double recording none → possible (Global Auto-Recording undeclared)",
      'new finding LR007 (warning): Live records rooms "solo-shows", "co-host-shows" and Global Auto-Recording is undeclared for SDKAppID 1400000001.',
      "estimated double recording by Global Auto-Recording: if Global Auto-Recording is on, ¥252–¥756/month",
    ]);
    expect(diffPlans(unknown, base).environments[0].changes).toContain("finding LR007 cleared");
  });

  test("callbacks: URL change and signing", () => {
    const current = planOf(
      withEnvironment("staging", (e) => ({ ...e, callbacks: { ...e.callbacks, liveWebhook: { url: "https://hooks.staging.example.com/live-v2" } } })),
    );
    expect(diffPlans(base, current).environments[0].changes).toEqual([
      "Live webhook callback https://hooks.staging.example.com/live → https://hooks.staging.example.com/live-v2",
      "Live webhook callback no longer signed",
    ]);
  });

  test("usage change: cost deltas of recording and storage", () => {
    const current = planOf(withEnvironment("staging", (e) => ({ ...e, expectedUsage: { ...e.expectedUsage, recordedHoursPerMonth: 600 } })));
    const changes = diffPlans(base, current).environments[0].changes;
    expect(changes[0]).toBe("declared usage 300 → 600 h/month");
    // staging's rooms have 1 and 3 hosts: one stream per room up to one per host.
    const extraRecording = Math.round((300 * 60 * PRICE_TABLE.recordingPer1000Minutes.HD.cny) / 1000);
    expect(changes[1]).toBe(`estimated recording +¥${extraRecording} to +¥${extraRecording * 3}/month`);
    expect(changes[2]).toMatch(/^estimated storage \+¥\d+\/month$/);
  });

  test("a version 1 base plan (the base branch before this version) is read and compared: Live's fixed behaviour, rooms and costs", () => {
    // The v1 shape: per-app recording settings, no plan-wide liveRecording, no createdWith/caveat/account, single amounts.
    const v1 = JSON.parse(JSON.stringify(base)) as Record<string, unknown> & { environments: Array<{ apps: Array<Record<string, unknown>> }> };
    delete v1.liveRecording;
    v1.version = 1;
    for (const env of v1.environments) {
      env.apps = env.apps.map(({ account: _a, permissions: _p, ...app }) => {
        const cost = app.estimatedCost as { status: string; basis?: string; doubleRecording?: unknown; recording: Record<string, unknown>; totalMonthlyCny: { min: number } };
        const rooms = (app.rooms as Array<Record<string, unknown>>).map(({ createdWith: _c, caveat: _v, ...r }) => r);
        const { basis: _b, doubleRecording: _d, ...rest } = cost;
        const recording = { minutesPerMonth: cost.recording.minutesPerMonth, unitPriceCnyPer1000Minutes: cost.recording.unitPriceCnyPer1000Minutes, monthlyCny: (cost.recording.monthlyCny as { min: number }).min };
        return {
          ...app,
          rooms,
          recording: { mode: "as-live", modeText: "x", format: "mp4", maxFileDurationMinutes: 1440, resumeWaitSeconds: 30, fileLimitsText: "x" },
          estimatedCost: { ...rest, recording, totalMonthlyCny: cost.totalMonthlyCny.min },
        };
      });
    }
    const diff = diffPlans(parseRecordingPlan(v1, "v1"), base);
    expect(diff.general).toEqual(["what Live records (fixed by Tencent), as this package states it, changed: see the plan's first section"]);
    // v1 charged one stream per room; multi-host rooms are now a range. Permissions were not listed before version 3.
    const firstListed = "post-deploy permissions listed for the first time (the base plan predates them): apply policy 4 actions, read-only policy 3 actions";
    expect(diff.environments.map(diffLine)).toEqual([
      `production: billed streams per room 1 → 1 to 3; estimated recording +¥0 to +¥14,880/month; ${firstListed}`,
      `staging: billed streams per room 1 → 1 to 3; estimated recording +¥0 to +¥504/month; ${firstListed}`,
    ]);
  });

  test("a changed price table is reported once, for all environments", () => {
    const current: RecordingPlan = { ...base, pricing: { ...base.pricing, asOf: "2099-01-01" } };
    const diff = diffPlans(base, current);
    expect(diff).toEqual({ changed: true, general: [`unit prices: table of ${base.pricing.asOf} → 2099-01-01`], environments: [] });
  });
});
