import { VodApplication, VodEventCallback } from "../../constructs";
import { onlyResource, onlyResourceId, synth, testStack } from "../support/synth";

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
});
