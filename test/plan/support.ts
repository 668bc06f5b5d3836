import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DesiredStateDocument } from "../../constructs/desired-state-document";
import { Testing } from "../../lib/cdktf";
import { DESIRED_STATE_FILE, DESIRED_STATE_VERSION, DesiredApp, DesiredState, parseDesiredState, serializeDesiredState } from "../../lib/desired-state";
import { ENVIRONMENTS } from "../../main";
import { EnvironmentConfig, defineEnvironments } from "../../stacks";

/** The desired states of `environments`, synthesized in a test app (checks run, so findings are filled in). */
export function desiredStates(environments: readonly EnvironmentConfig[] = ENVIRONMENTS): DesiredState[] {
  const app = Testing.app();
  const stacks = defineEnvironments(app, environments);
  return stacks.map((stack) => {
    Testing.synth(stack, true);
    return DesiredStateDocument.of(stack).render();
  });
}

/** The example environments of main.ts with one of them changed. */
export function withEnvironment(name: string, change: (env: EnvironmentConfig) => EnvironmentConfig): EnvironmentConfig[] {
  const found = ENVIRONMENTS.some((e) => e.name === name);
  if (!found) throw new Error(`no environment ${name} in main.ts`);
  return ENVIRONMENTS.map((e) => (e.name === name ? change(e) : e));
}

/** A minimal valid desired-state app, for fixtures; `overrides` replace top-level fields. */
export function fixtureApp(overrides: Partial<DesiredApp> = {}): DesiredApp {
  return {
    path: "fixture/LiveRecording",
    sdkAppId: 1400000009,
    account: null,
    sdkAppIdOutput: "sdk_app_id",
    vodApplication: { managed: true, name: "rec-fixture", description: null, enabled: true, tags: {}, subAppId: null, subAppIdOutput: "vod_sub_app_id", resourceAddress: null },
    retention: { days: 30 },
    fullRoomRecording: true,
    globalAutoRecording: "off",
    acceptStoppingOtherRecordings: null,
    callbacks: { vodEvents: null, trtcRecording: null, liveWebhook: null },
    rooms: [{ name: "shows", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: true, typicalHosts: 1 }],
    expectedUsage: { peakConcurrentRecordings: 10, recordedHoursPerMonth: 100, resolution: "HD", averageBitrateKbps: null },
    acknowledgements: [],
    findings: [],
    ...overrides,
  };
}

/** A desired-state document (parsed through the schema, so fixtures stay valid). */
export function fixtureState(environment: string, apps: DesiredApp[] = [fixtureApp()], region: string | null = "ap-guangzhou"): DesiredState {
  return parseDesiredState({ schema: "trtc-live-recording/desired-state", version: DESIRED_STATE_VERSION, environment, region, apps }, `fixture ${environment}`);
}

/** Writes a synth folder as cdktf would (manifest.json + stacks/<name>/live-recording.json); returns its path. */
export function writeSynthDir(states: readonly DesiredState[], dir = mkdtempSync(path.join(tmpdir(), "trtc-lr-plan-synth-"))): string {
  const stacks: Record<string, unknown> = {};
  for (const state of states) {
    const workingDirectory = `stacks/${state.environment}`;
    mkdirSync(path.join(dir, workingDirectory), { recursive: true });
    writeFileSync(path.join(dir, workingDirectory, DESIRED_STATE_FILE), serializeDesiredState(state));
    stacks[state.environment] = { name: state.environment, workingDirectory, synthesizedStackPath: `${workingDirectory}/cdk.tf.json`, annotations: [], dependencies: [] };
  }
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks }, null, 2));
  return dir;
}

export function tempDir(prefix = "trtc-lr-plan-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
