/**
 * The HTTPS rule (LR005) for callback constructs used without a LiveRecording: the same finding, at their path,
 * acknowledgeable the same way; plain HTTP only to loopback.
 */
import { LiveRecording, RecordingCallbacks, Retention, VodApplication, VodEventCallback } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { Acknowledgements, LIVE_RECORDING_RULES } from "../../rules";
import { ruleAnnotations, synth, testStack } from "../support/synth";

const LR005 = LIVE_RECORDING_RULES.find((r) => r.id === "LR005")!;
const finding = (message: string) => `[LR005:CallbackNotHttps] ${message} Why: ${LR005.explanation} Fix: ${LR005.fix}`;

describe("LR005 on callback constructs used alone", () => {
  test("a VodEventCallback over plain HTTP is an error at its path, which fails a full synth", () => {
    const stack = testStack();
    new VodEventCallback(stack, "Events", { application: VodApplication.fromSubAppId(stack, "Vod", 1500000001), url: "http://h.example.com/vod" });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005")).toEqual([{ level: "error", path: "test/Events", message: finding("VOD event callback URL http://h.example.com/vod is not HTTPS.") }]);
    expect(() => Testing.fullSynth(stack)).toThrow(/\[test\/Events\] \[LR005:CallbackNotHttps\] VOD event callback URL http:\/\/h.example.com\/vod is not HTTPS./);
  });

  test("RecordingCallbacks alone: one finding per insecure URL, none twice for its inner VodEventCallback", () => {
    const stack = testStack();
    new RecordingCallbacks(stack, "Cb", {
      vodApplication: VodApplication.fromSubAppId(stack, "Vod", 1500000001),
      vodEvents: { url: "http://h.example.com/vod" },
      liveWebhook: { url: "http://h.example.com/live" },
      trtcRecording: { url: "https://h.example.com/trtc" },
    });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005")).toEqual([
      { level: "error", path: "test/Cb", message: finding("VOD event callback URL http://h.example.com/vod is not HTTPS.") },
      { level: "error", path: "test/Cb", message: finding("Live webhook URL http://h.example.com/live is not HTTPS.") },
    ]);
  });

  test("plain HTTP to loopback is allowed (the emulator, local receivers); HTTPS is clean", () => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1500000001);
    new VodEventCallback(stack, "Local", { application: app, url: "http://127.0.0.1:8080/vod" });
    new RecordingCallbacks(stack, "Cb", { liveWebhook: { url: "https://h.example.com/live" } });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005")).toEqual([]);
  });

  test("acknowledged on the construct (or narrowed to one callback), it stays visible as info", () => {
    const stack = testStack();
    const cb = new RecordingCallbacks(stack, "Cb", { liveWebhook: { url: "http://10.0.0.5/live" }, trtcRecording: { url: "http://10.0.0.5/trtc" } });
    Acknowledgements.of(cb).add({ id: "LR005", reason: "Internal network only, behind our VPN (SEC-3)", appliesTo: ["Callback::trtcRecording"], applyToChildren: false });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005", "error").map((a) => a.message.slice(0, 37))).toEqual(["[LR005:CallbackNotHttps] Live webhook"]);
    expect(ruleAnnotations(stack, "LR005", "info")).toEqual([
      { level: "info", path: "test/Cb", message: `${finding("TRTC recording callback URL http://10.0.0.5/trtc is not HTTPS.")} Acknowledged: Internal network only, behind our VPN (SEC-3)` },
    ]);
  });

  test("a VodEventCallback added under a LiveRecording by the user is not the LiveRecording's own: it is checked at its path", () => {
    const stack = testStack();
    const rec = new LiveRecording(stack, "Rec", { sdkAppId: 1400000001, vodApplication: { name: "rec" }, retention: Retention.days(30), globalAutoRecording: "off" });
    new VodEventCallback(rec, "Extra", { application: rec.vodApplication!, url: "http://h.example.com/extra" });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005")).toEqual([{ level: "error", path: "test/Rec/Extra", message: finding("VOD event callback URL http://h.example.com/extra is not HTTPS.") }]);
  });

  test("inside a LiveRecording the callbacks are reported once, by the LiveRecording", () => {
    const stack = testStack();
    new LiveRecording(stack, "Rec", {
      sdkAppId: 1400000001,
      vodApplication: { name: "rec" },
      retention: Retention.days(30),
      globalAutoRecording: "off",
      callbacks: { vodEvents: { url: "http://h.example.com/vod" } },
    });
    synth(stack);
    expect(ruleAnnotations(stack, "LR005").map((a) => a.path)).toEqual(["test/Rec"]);
  });
});
