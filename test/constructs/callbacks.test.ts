import { CallbackSecret, RecordingCallbacks, VodApplication } from "../../constructs";
import { onlyResource, resourcesOf, synth, testStack } from "../support/synth";

describe("RecordingCallbacks", () => {
  test("only the VOD event callback becomes a Terraform resource; the others are desired state", () => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1500000001);
    const cb = new RecordingCallbacks(stack, "Cb", {
      vodApplication: app,
      vodEvents: { url: "https://h.example.com/vod", signKey: CallbackSecret.fromEnvironment("VOD_KEY") },
      trtcRecording: { url: "https://h.example.com/trtc", key: CallbackSecret.fromEnvironment("TRTC_KEY") },
      liveWebhook: { url: "https://h.example.com/live" },
    });
    const json = synth(stack);
    expect(onlyResource(json, "tencentcloud_vod_event_config")).toMatchObject({ sub_app_id: 1500000001, notification_url: "https://h.example.com/vod" });
    expect(cb.toSpec()).toEqual({
      vodEvents: { url: "https://h.example.com/vod", deleteEvents: false, signKey: { source: "environment", variable: "VOD_KEY" } },
      trtcRecording: { url: "https://h.example.com/trtc", key: { source: "environment", variable: "TRTC_KEY" } },
      liveWebhook: {
        url: "https://h.example.com/live",
        commands: ["Follow.CallbackAfterCloudRecordingChanged", "Live.CallbackAfterCreateRoom", "Live.CallbackAfterDestroyRoom"],
        token: null,
      },
    });
  });

  test("a Terraform-variable key declares one sensitive variable per name, and only its name is synthesized", () => {
    const stack = testStack();
    const key = CallbackSecret.fromTerraformVariable("callback_key");
    const cb = new RecordingCallbacks(stack, "Cb", {
      trtcRecording: { url: "https://h.example.com/trtc", key },
      liveWebhook: { url: "https://h.example.com/live", token: key, commands: ["Live.CallbackAfterDestroyRoom", "Live.CallbackAfterDestroyRoom"] },
    });
    const json = synth(stack);
    expect(json.variable).toEqual({
      callback_key: {
        type: "string",
        sensitive: true,
        nullable: false,
        description: "Callback signing key, applied by the post-deploy step (never stored in this configuration).",
      },
    });
    expect(cb.toSpec().liveWebhook).toEqual({
      url: "https://h.example.com/live",
      commands: ["Live.CallbackAfterDestroyRoom"],
      token: { source: "terraform-variable", variable: "callback_key", environment: "TF_VAR_callback_key" },
    });
    expect(resourcesOf(json, "tencentcloud_vod_event_config")).toEqual({});
  });

  describe("validation", () => {
    const make = (props: Record<string, unknown>) => () => {
      const stack = testStack();
      new RecordingCallbacks(stack, "Cb", { vodApplication: VodApplication.fromSubAppId(stack, "Vod", 1), ...props } as never);
    };
    test.each([
      [{ vodEvents: { url: "mailto:x@example.com" } }, /^\[test\/Cb\] `vodEvents.url` must be an absolute http\(s\) URL/],
      [{ trtcRecording: { url: "//no-scheme" } }, /^\[test\/Cb\] `trtcRecording.url` must be an absolute http\(s\) URL/],
      [{ liveWebhook: { url: "https:///" } }, /^\[test\/Cb\] `liveWebhook.url` must be an absolute http\(s\) URL/],
      [{ liveWebhook: { url: "https://h.example.com", commands: [] } }, "`liveWebhook.commands` must be a non-empty list of Live webhook commands, got []"],
      [{ liveWebhook: { url: "https://h.example.com", commands: ["Live.CallbackAfterNothing"] } }, /^\[test\/Cb\] `liveWebhook.commands\[0\]` must be a Live webhook command \(Live.CallbackAfterCreateRoom, .*\), got "Live.CallbackAfterNothing"$/],
      [{ vodEvents: { url: "https://h.example.com", deleteEvents: "no" } }, '`vodEvents.deleteEvents` must be true or false, got "no"'],
    ])("%j is rejected", (props, message) => {
      expect(make(props)).toThrow(message);
    });

    test("a key given as a plain string is rejected without echoing it", () => {
      let error: Error | undefined;
      try {
        make({ trtcRecording: { url: "https://h.example.com", key: "SuperSecretKey123" } })();
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toBe(
        "[test/Cb] `trtcRecording.key` must be a CallbackSecret (CallbackSecret.fromEnvironment(name) or CallbackSecret.fromTerraformVariable(name)); never the key itself, got a string of 17 characters (not shown: it may be the key itself)",
      );
      expect(error?.message).not.toContain("SuperSecretKey123");
    });

    test("VOD callbacks need a VOD application", () => {
      expect(() => new RecordingCallbacks(testStack(), "Cb", { vodEvents: { url: "https://h.example.com" } })).toThrow(
        "[test/Cb] `vodApplication` is missing: it must be set when vodEvents is set (VOD callbacks belong to a VOD application)",
      );
    });

    test.each([
      [() => CallbackSecret.fromEnvironment("1BAD"), '[CallbackSecret.fromEnvironment] `variable` must be an environment variable name (letters, digits, _; not starting with a digit), got "1BAD"'],
      [() => CallbackSecret.fromTerraformVariable("with-dash"), '[CallbackSecret.fromTerraformVariable] `variable` must be a Terraform variable name (letters, digits, _; not starting with a digit), got "with-dash"'],
    ])("bad secret names are rejected (%#)", (fn, message) => {
      expect(fn).toThrow(message);
    });
  });
});
