import { VodApplication } from "../../constructs";
import { TerraformOutput, TerraformVariable } from "../../lib/cdktf";
import { onlyResource, onlyResourceId, resourcesOf, synth, testStack } from "../support/synth";

describe("VodApplication", () => {
  describe("resource", () => {
    test("creates one tencentcloud_vod_sub_application, On by default, with name and tags", () => {
      // WHEN
      const stack = testStack();
      new VodApplication(stack, "Vod", { name: "live-rec_01", tags: { env: "dev" } });
      // THEN
      expect(onlyResource(synth(stack), "tencentcloud_vod_sub_application")).toEqual({ name: "live-rec_01", status: "On", tags: { env: "dev" } });
    });

    test("enabled: false gives status Off; no tags omits the attribute", () => {
      const stack = testStack();
      new VodApplication(stack, "Vod", { name: "off-app", enabled: false });
      expect(onlyResource(synth(stack), "tencentcloud_vod_sub_application")).toEqual({ name: "off-app", status: "Off" });
    });

    test("description is set through Terraform (provider 1.82.101 manages it), and the resource address is known", () => {
      const stack = testStack();
      const app = new VodApplication(stack, "Vod", { name: "described", description: "for recordings" });
      expect(app.description).toBe("for recordings");
      expect(onlyResource(synth(stack), "tencentcloud_vod_sub_application")).toEqual({ name: "described", status: "On", description: "for recordings" });
      expect(app.resourceAddress).toMatch(/^tencentcloud_vod_sub_application\.Vod_[0-9A-F]{8}$/);
    });

    test("subAppId is derived from the resource id name#subAppId", () => {
      const stack = testStack();
      const app = new VodApplication(stack, "Vod", { name: "ids" });
      new TerraformOutput(stack, "out", { value: app.subAppId });
      const json = synth(stack);
      const id = onlyResourceId(json, "tencentcloud_vod_sub_application");
      expect(json.output?.out.value).toBe(`\${tonumber(element(split("#", tencentcloud_vod_sub_application.${id}.id), 1))}`);
    });

    test("fromSubAppId refers to an existing application without creating one", () => {
      const stack = testStack();
      const imported = VodApplication.fromSubAppId(stack, "Existing", 1500000123, "old-app");
      expect(imported.subAppId).toBe(1500000123);
      expect(imported.vodApplicationName).toBe("old-app");
      expect(imported.managed).toBe(false);
      expect(resourcesOf(synth(stack), "tencentcloud_vod_sub_application")).toEqual({});
    });
  });

  describe("validation", () => {
    const make = (props: Record<string, unknown>) => () => new VodApplication(testStack(), "Vod", props as never);

    test.each([
      ["", '`name` must be a string of letters, digits, _ or -, 1 to 40 characters, got ""'],
      ["a".repeat(41), `\`name\` must be a string of letters, digits, _ or -, 1 to 40 characters, got "${"a".repeat(41)}"`],
      ["has space", '`name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "has space"'],
      ["ünicode", '`name` must be a string of letters, digits, _ or -, 1 to 40 characters, got "ünicode"'],
    ])("name %j is rejected", (name, message) => {
      expect(make({ name })).toThrow(message);
    });

    test("name of exactly 40 characters is accepted", () => {
      expect(make({ name: "a".repeat(40) })).not.toThrow();
    });

    test("a name that is a Terraform reference is not checked as a literal", () => {
      const stack = testStack();
      const v = new TerraformVariable(stack, "app_name", { type: "string" });
      expect(() => new VodApplication(stack, "Vod", { name: v.stringValue })).not.toThrow();
      expect(onlyResource(synth(stack), "tencentcloud_vod_sub_application").name).toBe("${var.app_name}");
    });

    test("description over 300 characters is rejected", () => {
      expect(make({ name: "ok", description: "d".repeat(301) })).toThrow(`[test/Vod] \`description\` must be a string of 0 to 300 characters, got "${"d".repeat(100)}"... (301 characters)`);
    });

    test("more than 10 tags are rejected", () => {
      const tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]));
      expect(make({ name: "ok", tags })).toThrow("[test/Vod] `tags` must be at most 10 tags, got 11 (keys k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10)");
    });

    test("a non-string tag value is rejected", () => {
      expect(make({ name: "ok", tags: { env: 3 } })).toThrow("[test/Vod] `tags.env` must be a string of 1 to 255 characters of letters, digits, spaces (not first or last) and + - = . _ : / @ ( ) [ ] , ; > <, got 3");
    });

    test("an empty tag key is rejected", () => {
      expect(make({ name: "ok", tags: { " ": "x" } })).toThrow('[test/Vod] `tags` must be a record whose keys are 1 to 127 characters of letters, digits, spaces (not first or last) and + - = . _ : / @ ( ) [ ] , ; > <, got " "');
    });

    test("enabled must be a boolean", () => {
      expect(make({ name: "ok", enabled: "yes" })).toThrow('`enabled` must be true or false, got "yes"');
    });

    test("fromSubAppId rejects a non-positive id", () => {
      expect(() => VodApplication.fromSubAppId(testStack(), "X", 0)).toThrow("`subAppId` must be a whole number from 1 to 9007199254740991, got 0");
    });
  });
});
