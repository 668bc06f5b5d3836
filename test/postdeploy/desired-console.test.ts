/** The desired console state (one definition, hashed for attestations), and how outputs and exit codes are read. */
import { Retention } from "../../constructs";
import type { DesiredApp } from "../../lib/desired-state";
import { DesiredStateDocument } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { compareConsole, desiredConsoleHash, desiredConsoleState } from "../../postdeploy/desired-console";
import { flattenOutputs } from "../../postdeploy/inputs";
import { defineEnvironments } from "../../stacks";
import { testEnvironments } from "./helpers";

function app(overrides: Parameters<typeof testEnvironments>[1] = {}, ack?: string): DesiredApp {
  const stacks = defineEnvironments(Testing.app(), testEnvironments("https://hooks.example.com", overrides));
  const staging = stacks.find((s) => s.node.id === "staging")!;
  if (ack) staging.recording.acknowledge("LR001", ack);
  Testing.synth(staging, true);
  return DesiredStateDocument.of(staging).render().apps[0];
}

describe("desiredConsoleState", () => {
  test("Room Recording from the declaration: VOD application from the outputs, Save Duration in seconds (0 = forever)", () => {
    expect(desiredConsoleState(app(), 1500000007)).toMatchObject({
      sdkAppId: 1400000001,
      liveRoomRecording: { vodSubAppId: 1500000007, saveDurationSeconds: 2592000, fullRoomRecording: true },
      globalAutoRecordingEnabled: false,
      recordingCallback: { url: "https://hooks.example.com/staging/trtc", key: { source: "environment", variable: "STAGING_TRTC_CALLBACK_KEY" } },
    });
    expect(desiredConsoleState(app({ staging: { retention: Retention.forever() } }), 1).liveRoomRecording.saveDurationSeconds).toBe(0);
  });

  test.each<[string, Parameters<typeof testEnvironments>[1], string | undefined, false | null]>([
    ["Live recording wanted, declared off", {}, undefined, false],
    // Never inferred: undeclared means never written, even with Full Room Recording on and LR001 not acknowledged.
    ["Live recording wanted, undeclared", { staging: { globalAutoRecording: "unknown" } }, undefined, null],
    ["Live recording wanted, declared on, LR001 acknowledged", { staging: { globalAutoRecording: "on" } }, "intended until the 2027 migration", null],
    ["Live recording not wanted, declared on", { staging: { globalAutoRecording: "on", fullRoomRecording: false } }, undefined, null],
    ["Live recording not wanted, declared off", { staging: { fullRoomRecording: false } }, undefined, false],
  ])("Global Auto-Recording: %s -> %s", (_name, overrides, ack, expected) => {
    expect(desiredConsoleState(app(overrides, ack), 1).globalAutoRecordingEnabled).toBe(expected);
  });

  test("the acceptance of stopping other recordings is part of the desired console state (and of its hash)", () => {
    const accepted = desiredConsoleState(app({ staging: { acceptStoppingOtherRecordings: { reason: "calls move to manual recording" } } }), 1);
    expect(accepted.stopOtherRecordingsAccepted).toBe("calls move to manual recording");
    expect(desiredConsoleHash(accepted)).not.toBe(desiredConsoleHash(desiredConsoleState(app(), 1)));
  });

  test("the hash changes with any console-relevant declaration, not with the key's value", () => {
    const base = desiredConsoleHash(desiredConsoleState(app(), 1));
    expect(desiredConsoleHash(desiredConsoleState(app(), 1))).toBe(base);
    expect(desiredConsoleHash(desiredConsoleState(app(), 2))).not.toBe(base);
    expect(desiredConsoleHash(desiredConsoleState(app({ staging: { retention: Retention.days(31) } }), 1))).not.toBe(base);
    expect(desiredConsoleHash(desiredConsoleState(app({ staging: { fullRoomRecording: false } }), 1))).not.toBe(base);
  });

  test("compareConsole: field by field; the key by fingerprint, only when its value is known", () => {
    const d = desiredConsoleState(app(), 9);
    const current = {
      sdkAppId: 1400000001,
      globalAutoRecording: { enabled: true },
      liveRoomRecording: { vodSubAppId: 9, saveDurationSeconds: 2592000, fullRoomRecording: true },
      trtcCallbacks: { recordingCallbackUrl: "https://hooks.example.com/staging/trtc", callbackKeyFingerprint: "0123456789abcdef" },
    };
    expect(compareConsole(d, current, undefined)).toEqual({
      diffs: [{ field: "Global Auto-Recording", current: true, desired: false }],
      change: { globalAutoRecording: { enabled: false } },
      changed: true,
    });
    const withKey = compareConsole(d, current, "NewKey1");
    expect(withKey.diffs.map((x) => x.field)).toEqual(["Global Auto-Recording", "Callback configuration > Callback key"]);
    expect(JSON.stringify(withKey.diffs)).not.toContain("NewKey1");
  });
});

test("flattenOutputs reads cdktf's nested outputs file (by construct path) and flat ones", () => {
  expect(flattenOutputs({ LiveRecording: { sdk_app_id: 1400000001, vod_sub_app_id: 1500000001 }, desired_state_sha256: "ab", region: "ap-guangzhou" })).toEqual({
    sdk_app_id: 1400000001,
    vod_sub_app_id: 1500000001,
    desired_state_sha256: "ab",
    region: "ap-guangzhou",
  });
  expect(flattenOutputs({ vod_sub_app_id: "1500000001" })).toEqual({ vod_sub_app_id: "1500000001" });
  expect(flattenOutputs(undefined)).toEqual({});
});
