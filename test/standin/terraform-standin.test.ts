/**
 * The terraform stand-in does what provider 1.82.101 does for its two VOD resources (the calls its Go code makes),
 * keeps a state, plans by refreshing through the provider's reads, and applies only what differs.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { UNKNOWN, evaluate, references } from "../../scripts/terraform-standin/expressions";
import { STAGING, World, standIn, synthInto, testEnvironments, world } from "../postdeploy/helpers";

describe("expressions", () => {
  const lookup = (type: string, name: string, attr: string) => (type === "tencentcloud_vod_sub_application" && name === "app" && attr === "id" ? "rec#1500000007" : UNKNOWN);

  test("the forms the stacks use: references and tonumber(element(split(...)))", () => {
    expect(evaluate('${tonumber(element(split("#", tencentcloud_vod_sub_application.app.id), 1))}', lookup)).toBe(1500000007);
    expect(evaluate("${tencentcloud_vod_sub_application.app.id}", lookup)).toBe("rec#1500000007");
    expect(evaluate("${tencentcloud_vod_sub_application.other.id}", lookup)).toBe(UNKNOWN);
    expect(evaluate({ a: ["plain", 1] }, lookup)).toEqual({ a: ["plain", 1] });
  });

  test("anything else is refused, naming the expression", () => {
    expect(() => evaluate("${upper(var.x)}", lookup)).toThrow("the terraform stand-in cannot evaluate ${upper(var.x)}: function upper is not supported");
    expect(() => evaluate("prefix-${var.x}", lookup)).toThrow("the terraform stand-in cannot evaluate prefix-${var.x}: only whole-string expressions are supported");
  });

  test("references are read only inside ${...}, not from URLs or string literals", () => {
    expect(references({ url: "https://hooks.example.com/vod", id: '${tonumber(element(split("a.b.c", tencentcloud_vod_sub_application.app.id), 1))}' })).toEqual([
      "tencentcloud_vod_sub_application.app",
    ]);
  });
});

describe("against the emulator", () => {
  let w: World;
  let calls: string[];
  beforeEach(async () => {
    w = await world({ deploy: false });
    calls = [];
  });
  afterEach(async () => {
    await w.close();
  });

  const tf = () => standIn(w, (l) => calls.push(l));

  test("apply creates what the configuration declares with the provider's calls, keeps a state, writes the outputs; then a plan shows no change", async () => {
    const outputs = path.join(w.dir, "out.json");
    const first = await tf().apply(outputs);
    expect(first.plan.changes.map((c) => [c.stack, c.address.split(".")[0], c.action])).toEqual([
      ["production", "tencentcloud_vod_sub_application", "create"],
      ["production", "tencentcloud_vod_event_config", "create"],
      ["staging", "tencentcloud_vod_sub_application", "create"],
      ["staging", "tencentcloud_vod_event_config", "create"],
    ]);
    expect(calls.filter((c) => c.startsWith("staging: ") && !c.includes("Describe"))).toEqual([
      'staging: CreateSubAppId Name=live-recording-staging Description="Live room recordings (staging)" Tags=env:staging -> SubAppId 1500000002',
      "staging: ModifySubAppIdStatus SubAppId=1500000002 Status=On",
      `staging: ModifyEventConfig SubAppId=1500000002 Mode=PUSH NotificationUrl=${w.receiver.url}/staging/vod UploadMediaCompleteEventSwitch=ON DeleteMediaCompleteEventSwitch=OFF`,
    ]);
    const state = JSON.parse(readFileSync(path.join(w.standInState, "staging.standin-tfstate.json"), "utf8"));
    const app = Object.entries(state.resources as Record<string, { id: string; attributes: Record<string, unknown> }>).find(([a]) => a.startsWith("tencentcloud_vod_sub_application."))![1];
    expect(app).toMatchObject({ id: "live-recording-staging#1500000002", attributes: { name: "live-recording-staging", description: "Live room recordings (staging)", status: "On", tags: { env: "staging" } } });
    expect(JSON.parse(readFileSync(outputs, "utf8")).staging.LiveRecording).toMatchObject({ sdk_app_id: STAGING, vod_sub_app_id: 1500000002, vod_sub_app_name: "live-recording-staging" });

    calls.length = 0;
    const plan = await tf().plan();
    expect(plan.hasChanges).toBe(false);
    expect(plan.text).toMatch(/^production:\n {4}tencentcloud_vod_sub_application\.\S+: no-op\n {4}tencentcloud_vod_event_config\.\S+: no-op\n {2}No changes\.\nstaging:/);
    // A plan only reads.
    expect(calls.every((c) => / Describe/.test(c))).toBe(true);
  });

  test("a description removed from the configuration: planned as an update, but the provider never sends an empty one, so it stays (as with provider 1.82.101)", async () => {
    await tf().apply();
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { vodApplication: { name: "live-recording-staging", tags: { env: "staging" } } } }));
    const plan = await tf().plan();
    expect(plan.changes.filter((c) => c.action === "update")).toMatchObject([
      { stack: "staging", changes: [{ attribute: "description", before: "Live room recordings (staging)", after: undefined }] },
    ]);
    calls.length = 0;
    await tf().apply();
    expect(calls.filter((c) => c.includes("Modify"))).toEqual(["staging: ModifySubAppIdInfo SubAppId=1500000002"]);
    expect((await tf().plan()).hasChanges).toBe(true);
  });

  test("status and name changes: ModifySubAppIdStatus and ModifySubAppIdInfo, as the provider's update", async () => {
    await tf().apply();
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { vodApplication: { name: "renamed-staging", description: "Live room recordings (staging)", tags: { env: "staging" }, enabled: false } } }));
    calls.length = 0;
    await tf().apply();
    expect(calls.filter((c) => c.includes("Modify"))).toEqual(["staging: ModifySubAppIdInfo SubAppId=1500000002 Name=renamed-staging", "staging: ModifySubAppIdStatus SubAppId=1500000002 Status=Off"]);
    expect((await tf().plan()).hasChanges).toBe(false);
  });

  test("resources that left the configuration are deleted as the provider does: the application Off then Destroyed, the event configuration left as is", async () => {
    await tf().apply();
    const keep = testEnvironments(w.receiver.url, {
      production: { vodApplication: undefined, retention: undefined, fullRoomRecording: false, rooms: [], callbacks: {} },
    });
    synthInto(w.synthDir, keep);
    const plan = await tf().plan();
    expect(plan.changes.filter((c) => c.action === "delete").map((c) => [c.stack, c.address.split(".")[0], c.note])).toEqual([
      ["production", "tencentcloud_vod_event_config", "no API call (the provider's delete is a no-op: the settings stay in VOD)"],
      ["production", "tencentcloud_vod_sub_application", "ModifySubAppIdStatus Off, then Destroyed (its media go with it)"],
    ]);
    expect(plan.text).toContain("  Plan: 0 to add, 0 to change, 2 to destroy.");
    calls.length = 0;
    await tf().apply();
    expect(calls.filter((c) => !c.includes("Describe"))).toEqual(["production: ModifySubAppIdStatus SubAppId=1500000001 Status=Off", "production: ModifySubAppIdStatus SubAppId=1500000001 Status=Destroyed"]);
    const dump = await w.emu.admin.dumpState();
    expect(dump.subApps.find((a) => a.SubAppId === 1500000001)?.Status).toMatch(/^Destroy/);
    expect(dump.eventConfigs["1500000001"].Mode).toBe("PUSH");
    expect((await tf().plan()).hasChanges).toBe(false);
  });

  test("a tag change is refused: the provider uses the Tag service, which the emulator does not emulate", async () => {
    await tf().apply();
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { vodApplication: { name: "live-recording-staging", description: "Live room recordings (staging)", tags: { env: "stage" } } } }));
    await expect(tf().apply()).rejects.toThrow("tags of live-recording-staging#1500000002: the provider changes them through the Tag service (ModifyTags), which the emulator does not emulate");
  });

  test("a resource type without a handler is listed, left alone, and not a change", async () => {
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { postDeployHook: true } }));
    await tf().apply();
    const plan = await tf().plan();
    expect(plan.changes.find((c) => c.address.startsWith("terraform_data."))).toMatchObject({ action: "not handled", note: "no handler in the stand-in: left alone" });
    expect(plan.hasChanges).toBe(false);
    expect(existsSync(path.join(w.standInState, "staging.standin-tfstate.json"))).toBe(true);
  });
});
