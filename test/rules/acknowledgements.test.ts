/**
 * Acknowledgements narrowed as cdk-nag's suppressions can be: to one construct (`applyToChildren: false`, cdk-nag's
 * `applyToChildren`) and to some findings of a rule (`appliesTo`, cdk-nag's granular `appliesTo`).
 */
import { readFileSync } from "fs";
import { LiveRecording, LiveRecordingProps, Retention, VodEventCallback } from "../../constructs";
import { TencentcloudProvider } from "../../.gen/providers/tencentcloud/provider";
import { TerraformStack, Testing } from "../../lib/cdktf";
import { Acknowledgements } from "../../rules";
import { LiveRecordingStack } from "../../stacks";
import { ruleAnnotations, synth } from "../support/synth";

const REASON = "Recorded by our own backend since 2025 (ticket OPS-9)";
const LR008_BASE: LiveRecordingProps = {
  sdkAppId: 1400000001,
  vodApplication: { name: "rec" },
  retention: Retention.days(30),
  fullRoomRecording: false,
  globalAutoRecording: "off",
  // Two video rooms Live does not record (IsCloudRecordEnabled unset, Full Room Recording off): two LR008 findings.
  rooms: [
    { name: "shows", seatTemplate: "VideoDynamicGrid9Seats" },
    { name: "api", seatTemplate: "VideoFixedGrid9Seats" },
  ],
};

/** Two LiveRecordings with the same finding (LR007: Global Auto-Recording undeclared) in one stack. */
function twoRecordings(): { stack: TerraformStack; a: LiveRecording; b: LiveRecording } {
  const stack = new TerraformStack(Testing.app(), "env");
  new TencentcloudProvider(stack, "tencentcloud", { region: "ap-guangzhou" });
  const props = { vodApplication: { name: "rec" }, retention: Retention.days(30), fullRoomRecording: true };
  const a = new LiveRecording(stack, "A", { ...props, sdkAppId: 1400000001, outputPrefix: "a_" });
  const b = new LiveRecording(stack, "B", { ...props, vodApplication: { name: "rec-b" }, sdkAppId: 1400000002, outputPrefix: "b_" });
  return { stack, a, b };
}

describe("acknowledgements narrowed to one construct (applyToChildren)", () => {
  test("by default an acknowledgement on the stack covers every LiveRecording under it", () => {
    const { stack } = twoRecordings();
    Acknowledgements.of(stack).add({ id: "LR007", reason: REASON });
    synth(stack);
    expect(ruleAnnotations(stack, "LR007", "warn")).toEqual([]);
    expect(ruleAnnotations(stack, "LR007", "info").map((a) => a.path)).toEqual(["env/A", "env/B"]);
  });

  test("applyToChildren: false on one LiveRecording covers that one only", () => {
    const { stack, a } = twoRecordings();
    Acknowledgements.of(a).add({ id: "LR007", reason: REASON, applyToChildren: false });
    synth(stack);
    expect(ruleAnnotations(stack, "LR007", "info").map((x) => x.path)).toEqual(["env/A"]);
    expect(ruleAnnotations(stack, "LR007", "warn").map((x) => x.path)).toEqual(["env/B"]);
  });

  test("applyToChildren: false leaves out what is checked under the construct (a callback the user added under the LiveRecording)", () => {
    const make = (applyToChildren?: boolean) => {
      const { stack, a } = twoRecordings();
      new VodEventCallback(a, "Extra", { application: a.vodApplication!, url: "http://h.example.com/extra" });
      Acknowledgements.of(a).add({ id: "LR005", reason: "Internal network only, behind our VPN (SEC-3)", ...(applyToChildren !== undefined ? { applyToChildren } : {}) });
      synth(stack);
      return { errors: ruleAnnotations(stack, "LR005", "error").map((x) => x.path), infos: ruleAnnotations(stack, "LR005", "info").map((x) => x.path) };
    };
    expect(make()).toEqual({ errors: [], infos: ["env/A/Extra"] });
    expect(make(false)).toEqual({ errors: ["env/A/Extra"], infos: [] });
  });

  test("an acknowledgement on one LiveRecording never reaches its sibling", () => {
    const { stack, b } = twoRecordings();
    b.acknowledge("LR007", REASON);
    synth(stack);
    expect(ruleAnnotations(stack, "LR007", "warn").map((x) => x.path)).toEqual(["env/A"]);
  });
});

describe("acknowledgements narrowed to some findings (appliesTo)", () => {
  test("Room::<name> covers that room's finding only; the other stays a warning", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", { ...LR008_BASE, region: "ap-guangzhou" });
    stack.recording.acknowledge("LR008", REASON, ["Room::api"]);
    synth(stack);
    const warn = ruleAnnotations(stack, "LR008", "warn");
    const info = ruleAnnotations(stack, "LR008", "info");
    expect(warn).toHaveLength(1);
    expect(warn[0].message).toMatch(/^\[LR008:ExpectedRoomNotRecorded\] Room "shows"/);
    expect(info).toHaveLength(1);
    expect(info[0].message).toMatch(/^\[LR008:ExpectedRoomNotRecorded\] Room "api" .* Acknowledged: Recorded by our own backend since 2025 \(ticket OPS-9\)$/);
  });

  test("added on the stack, appliesTo reaches the LiveRecording under it and is written to the desired state", () => {
    const app = Testing.app();
    const stack = new LiveRecordingStack(app, "env", { ...LR008_BASE, region: "ap-guangzhou" });
    Acknowledgements.of(stack).add({ id: "LR008", reason: REASON, appliesTo: ["Room::api"] });
    app.synth();
    const doc = JSON.parse(readFileSync(`${app.outdir}/stacks/env/live-recording.json`, "utf8"));
    expect(doc.apps[0].acknowledgements).toEqual([{ ruleId: "LR008", reason: REASON, appliesTo: ["Room::api"] }]);
    expect(doc.apps[0].findings.map((f: { message: string; acknowledgedReason: string | null }) => [f.message.slice(0, 11), f.acknowledgedReason])).toEqual([
      ['Room "shows', null],
      ['Room "api" ', REASON],
    ]);
  });

  test("a narrowed acknowledgement and one of the whole rule add up; the nearest covering one gives the reason", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", { ...LR008_BASE, region: "ap-guangzhou" });
    Acknowledgements.of(stack).add({ id: "LR008", reason: "The whole app is recorded by our backend" });
    stack.recording.acknowledge("LR008", REASON, ["Room::api"]);
    synth(stack);
    expect(ruleAnnotations(stack, "LR008", "warn")).toEqual([]);
    const reasons = ruleAnnotations(stack, "LR008", "info").map((a) => a.message.replace(/^.*Acknowledged: /, ""));
    expect(reasons).toEqual(["The whole app is recorded by our backend", REASON]);
  });

  test("Callback::<kind> narrows LR005 to one callback", () => {
    const stack = new LiveRecordingStack(Testing.app(), "env", {
      ...LR008_BASE,
      rooms: [],
      region: "ap-guangzhou",
      callbacks: { liveWebhook: { url: "http://10.0.0.5/live" }, trtcRecording: { url: "http://10.0.0.5/trtc" } },
    });
    stack.recording.acknowledge("LR005", "Internal network only, behind our VPN (SEC-3)", ["Callback::liveWebhook"]);
    synth(stack);
    expect(ruleAnnotations(stack, "LR005", "error").map((a) => a.message.slice(0, 45))).toEqual(["[LR005:CallbackNotHttps] TRTC recording callb"]);
    expect(ruleAnnotations(stack, "LR005", "info").map((a) => a.message.slice(0, 37))).toEqual(["[LR005:CallbackNotHttps] Live webhook"]);
  });
});
