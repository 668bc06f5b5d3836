import { LiveRecording, VodApplication, VodEventCallback } from "../../constructs";
import { App, TerraformStack } from "../../lib/cdktf";
import { onlyResource, onlyResourceId, resourcesOf, synth, testStack } from "../support/synth";

describe("VodEventCallback", () => {
  test("PUSH to the URL, uploads on, deletes off by default, for the application's sub_app_id", () => {
    const stack = testStack();
    const app = new VodApplication(stack, "Vod", { name: "rec" });
    new VodEventCallback(stack, "Events", { application: app, url: "https://hooks.example.com/vod" });
    const json = synth(stack);
    const appId = onlyResourceId(json, "tencentcloud_vod_sub_application");
    expect(onlyResource(json, "tencentcloud_vod_event_config")).toEqual({
      sub_app_id: `\${tonumber(element(split("#", tencentcloud_vod_sub_application.${appId}.id), 1))}`,
      mode: "PUSH",
      notification_url: "https://hooks.example.com/vod",
      upload_media_complete_event_switch: "ON",
      delete_media_complete_event_switch: "OFF",
    });
  });

  test("deleteEvents: true turns delete events on; an imported app gives a literal sub_app_id", () => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1500000001);
    new VodEventCallback(stack, "Events", { application: app, url: "https://h.example.com/v", deleteEvents: true });
    expect(onlyResource(synth(stack), "tencentcloud_vod_event_config")).toMatchObject({
      sub_app_id: 1500000001,
      delete_media_complete_event_switch: "ON",
    });
  });

  test.each([
    ["not a url", '[test/E] `url` must be an absolute http(s) URL of at most 2083 characters, without user:password, #fragment or whitespace, got "not a url" (it contains whitespace or a control character)'],
    ["ftp://files.example.com/x", '[test/E] `url` must be an absolute http(s) URL of at most 2083 characters, without user:password, #fragment or whitespace, got "ftp://files.example.com/x" (scheme ftp)'],
    ["https://user:pw@example.com/x", '[test/E] `url` must be an absolute http(s) URL of at most 2083 characters, without user:password, #fragment or whitespace, got "https://***@example.com/x" (credentials in a URL end up in Terraform state and logs; they are not shown here)'],
  ])("url %j is rejected", (url, message) => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1);
    expect(() => new VodEventCallback(stack, "E", { application: app, url })).toThrow(message);
  });

  test("a URL longer than 2083 characters is rejected", () => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1);
    const url = "https://example.com/" + "a".repeat(2070);
    expect(() => new VodEventCallback(stack, "E", { application: app, url })).toThrow(/^\[test\/E\] `url` must be an absolute http\(s\) URL of at most 2083 characters/);
  });

  test("deleteEvents must be a boolean", () => {
    const stack = testStack();
    const app = VodApplication.fromSubAppId(stack, "Vod", 1);
    expect(() => new VodEventCallback(stack, "E", { application: app, url: "https://e.example.com", deleteEvents: 1 as never })).toThrow(
      "[test/E] `deleteEvents` must be true or false, got 1",
    );
  });

  describe("one event configuration per VOD application in the app (a sub-application has one)", () => {
    const ONE_OWNER =
      "a VOD application that no other VodEventCallback of the app configures (test/First already declares its event configuration; " +
      "a sub-application has one, and two declarations would overwrite each other on every deploy)";

    test("a second VodEventCallback for the same VodApplication is refused", () => {
      const stack = testStack();
      const app = new VodApplication(stack, "Vod", { name: "rec" });
      new VodEventCallback(stack, "First", { application: app, url: "https://h.example.com/a" });
      expect(() => new VodEventCallback(stack, "Second", { application: app, url: "https://h.example.com/b" })).toThrow(
        `[test/Second] \`application\` must be ${ONE_OWNER}, got the construct test/Vod`,
      );
    });

    test("two imports of one SubAppId are one application, also across stacks", () => {
      const stack = testStack();
      new VodEventCallback(stack, "First", { application: VodApplication.fromSubAppId(stack, "A", 1500000001), url: "https://h.example.com/a" });
      const other = new TerraformStack(stack.node.root as App, "other");
      expect(() => new VodEventCallback(other, "Second", { application: VodApplication.fromSubAppId(other, "B", 1500000001), url: "https://h.example.com/b" })).toThrow(
        `[other/Second] \`application\` must be ${ONE_OWNER}, got the construct other/B`,
      );
    });

    test("a LiveRecording's vodEvents callback is that application's one", () => {
      const stack = testStack();
      const rec = new LiveRecording(stack, "Rec", {
        sdkAppId: 1400000009,
        vodApplication: { name: "rec-app" },
        retention: undefined,
        callbacks: { vodEvents: { url: "https://h.example.com/vod" } },
      });
      expect(() => new VodEventCallback(stack, "Extra", { application: rec.vodApplication!, url: "https://h.example.com/b" })).toThrow(
        "[test/Extra] `application` must be a VOD application that no other VodEventCallback of the app configures " +
          "(test/Rec/Callbacks/VodEvents already declares its event configuration",
      );
    });

    test("different applications, or the same id in another app, are fine", () => {
      const stack = testStack();
      new VodEventCallback(stack, "First", { application: VodApplication.fromSubAppId(stack, "A", 1500000001), url: "https://h.example.com/a" });
      new VodEventCallback(stack, "Second", { application: VodApplication.fromSubAppId(stack, "B", 1500000002), url: "https://h.example.com/b" });
      const elsewhere = testStack();
      new VodEventCallback(elsewhere, "First", { application: VodApplication.fromSubAppId(elsewhere, "A", 1500000001), url: "https://h.example.com/a" });
      expect(Object.keys(resourcesOf(synth(stack), "tencentcloud_vod_event_config"))).toHaveLength(2);
    });
  });
});
