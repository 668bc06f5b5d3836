/**
 * One owner per setting: what the tencentcloud provider manages is Terraform's. post-deploy reads it, reports drift
 * with the remedy that actually fixes it, and never writes it; the terraform stand-in (which does what provider
 * 1.82.101 does) shows whether `cdktf diff`/`deploy` would see and fix each drift.
 */
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { sdkClientConfig } from "../../emulator/public-api";
import type { TerraformStandIn } from "../../scripts/terraform-standin";
import { STAGING, World, pd, standIn, step, synthInto, testEnvironments, world } from "./helpers";

describe("Terraform owns the VOD sub-application and its event configuration", () => {
  let w: World;
  let client: InstanceType<typeof vod.v20180717.Client>;
  beforeEach(async () => {
    w = await world();
    client = new vod.v20180717.Client(sdkClientConfig(w.emu, "vod"));
    expect((await pd(["apply", ...w.flags], w.env)).code).toBe(0);
  });
  afterEach(async () => {
    await w.close();
  });

  /** Terraform-owned writes the post-deploy step made (it must make none). */
  const terraformOwnedWrites = (mark: number) =>
    w.emu.callLog.entries(mark).filter((e) => e.write && ["ModifySubAppIdInfo", "ModifySubAppIdStatus", "CreateSubAppId", "ModifyMediaInfo"].includes(e.action));

  test("deploy (stand-in), post-deploy apply, then terraform plan shows no change; a second apply writes nothing", async () => {
    expect((await standIn(w).plan()).hasChanges).toBe(false);
    const mark = w.emu.callLog.mark();
    const again = await pd(["apply", ...w.flags], w.env);
    expect(again.code).toBe(0);
    expect(again.report?.calls.writes).toBe(0);
    expect(w.emu.callLog.summary(mark).writes).toBe(0);
  });

  test("the SignKey write carries SubAppId and SignKey only: the event configuration Terraform set is unchanged", async () => {
    const before = await client.DescribeEventConfig({ SubAppId: w.subApps.staging });
    const mark = w.emu.callLog.mark();
    expect((await pd(["apply", "--reapply-secrets", ...w.flags], w.env)).code).toBe(0);
    expect(w.emu.callLog.entries(mark).filter((e) => e.action === "ModifyEventConfig").length).toBe(2);
    const after = await client.DescribeEventConfig({ SubAppId: w.subApps.staging });
    const { RequestId: _a, ...b } = before;
    const { RequestId: _b, ...a } = after;
    expect(a).toEqual(b);
    expect((await standIn(w).plan()).hasChanges).toBe(false);

    // AND with every Terraform-owned field drifted, a SignKey write leaves each as it found it (a write that also
    // carried the declared mode, URL or a switch would set it back, so Terraform and post-deploy would share an owner).
    await client.ModifyEventConfig({ SubAppId: w.subApps.staging, Mode: "PULL", NotificationUrl: "https://elsewhere.example.com/x", UploadMediaCompleteEventSwitch: "OFF", DeleteMediaCompleteEventSwitch: "ON" });
    const drifted = await client.DescribeEventConfig({ SubAppId: w.subApps.staging });
    const mark2 = w.emu.callLog.mark();
    expect((await pd(["apply", "--reapply-secrets", ...w.flags], w.env)).code).toBe(2);
    expect(w.emu.callLog.entries(mark2).filter((e) => e.action === "ModifyEventConfig").length).toBe(2);
    const { RequestId: _c, ...d } = drifted;
    const { RequestId: _d, ...still } = await client.DescribeEventConfig({ SubAppId: w.subApps.staging });
    expect(still).toEqual(d);
  });

  test("a changed description or name is reported (run cdktf deploy), never written; the stand-in's plan sees it and its apply puts it back", async () => {
    await client.ModifySubAppIdInfo({ SubAppId: w.subApps.staging, Description: "changed in the console", Name: "renamed" });
    const mark = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env);
    // THEN drift, exit 2, no write of what Terraform owns
    expect(apply.code).toBe(2);
    expect(terraformOwnedWrites(mark)).toEqual([]);
    const s = step(apply.report, STAGING, "vod-application");
    expect(s.status).toBe("drift");
    expect(s.detail).toEqual([
      `name is "renamed", declared "live-recording-staging": Terraform's: cdktf diff shows it, run cdktf deploy to set it back (ModifySubAppIdInfo)`,
      `description is "changed in the console", declared "Live room recordings (staging)": Terraform's: cdktf diff shows it, run cdktf deploy to set it back (ModifySubAppIdInfo)`,
      "post-deploy does not write these: their owner is Terraform",
    ]);
    expect(apply.stdout).toContain("applied with warnings: manual steps, drift for its owner to fix");
    // AND the remedy is right: Terraform's plan shows the update, its apply fixes it, then post-deploy is in sync
    const plan = await standIn(w).plan();
    expect(plan.changes.find((c) => c.stack === "staging" && c.address.startsWith("tencentcloud_vod_sub_application"))).toMatchObject({
      action: "update",
      changes: [
        { attribute: "name", before: "renamed", after: "live-recording-staging" },
        { attribute: "description", before: "changed in the console", after: "Live room recordings (staging)" },
      ],
    });
    await standIn(w).apply();
    expect((await pd(["check", ...w.flags], w.env)).code).toBe(0);
  });

  test("a sub-application turned Off is invisible to Terraform (the provider keeps status from its state): the remedy is the console or ModifySubAppIdStatus", async () => {
    await client.ModifySubAppIdStatus({ SubAppId: w.subApps.staging, Status: "Off" });
    const mark = w.emu.callLog.mark();
    const check = await pd(["check", ...w.flags], w.env);
    expect(check.code).toBe(2);
    expect(step(check.report, STAGING, "vod-application").detail[0]).toBe(
      `status is Off, declared On: cdktf diff and cdktf deploy do not see this (provider 1.82.101 keeps the status from its own state and never reads it back): ` +
        `set it to On in the VOD console, or \`tccli vod ModifySubAppIdStatus --SubAppId ${w.subApps.staging} --Status On\`; while it is Off its domains are blocked`,
    );
    await pd(["apply", ...w.flags], w.env);
    expect(terraformOwnedWrites(mark)).toEqual([]);
    // Proof that "run cdktf deploy" would be wrong: the plan refreshes through the provider's read and sees nothing.
    expect((await standIn(w).plan()).hasChanges).toBe(false);
  });

  test("a destroyed sub-application: failed, with the state rm remedy (Terraform still lists it and keeps its status)", async () => {
    await client.ModifySubAppIdStatus({ SubAppId: w.subApps.staging, Status: "Destroyed" });
    const check = await pd(["check", ...w.flags], w.env);
    expect(check.code).toBe(1);
    const s = step(check.report, STAGING, "vod-application");
    expect(s.status).toBe("failed");
    expect(s.detail[0]).toMatch(
      new RegExp(
        `^VOD sub-application ${w.subApps.staging} is Destroying: recordings cannot be stored; cdktf deploy does not see it .*in cdktf\\.out/stacks/staging, \`terraform state rm 'tencentcloud_vod_sub_application\\.LiveRecording_VodApplication_[0-9A-F]+'\`, then cdktf deploy creates a new one`,
      ),
    );
    expect((await standIn(w).plan()).hasChanges).toBe(false);
  });

  test("a drifted event configuration is reported (run cdktf deploy), never written; the stand-in's apply puts it back", async () => {
    await client.ModifyEventConfig({ SubAppId: w.subApps.staging, NotificationUrl: "https://elsewhere.example.com/x", UploadMediaCompleteEventSwitch: "OFF" });
    const mark = w.emu.callLog.mark();
    const apply = await pd(["apply", ...w.flags], w.env);
    expect(apply.code).toBe(2);
    expect(w.emu.callLog.entries(mark).filter((e) => e.action === "ModifyEventConfig")).toEqual([]);
    expect(step(apply.report, STAGING, "vod-event-config")).toMatchObject({
      status: "drift",
      detail: [
        `notificationUrl: "https://elsewhere.example.com/x", declared "${w.receiver.url}/staging/vod"`,
        'uploadMediaCompleteEventSwitch: "OFF", declared "ON"',
        "Terraform's (tencentcloud_vod_event_config): cdktf diff shows the drift, run cdktf deploy to set it back; post-deploy does not write these",
      ],
    });
    const plan = await standIn(w).plan();
    expect(plan.changes.filter((c) => c.action !== "no-op").map((c) => [c.stack, c.address.split(".")[0], c.action])).toEqual([["staging", "tencentcloud_vod_event_config", "update"]]);
    await standIn(w).apply();
    expect((await pd(["check", ...w.flags], w.env)).code).toBe(0);
  });
});

test("a description in VOD that the declaration lacks: drift whose remedy is the console, since the provider never sends an empty one (its plan shows it after every apply)", async () => {
  const w = await world({
    environments: (url) => testEnvironments(url, { staging: { vodApplication: { name: "live-recording-staging", tags: { env: "staging" } } } }),
  });
  try {
    expect((await pd(["apply", ...w.flags], w.env)).code).toBe(0);
    const client = new vod.v20180717.Client(sdkClientConfig(w.emu, "vod"));
    await client.ModifySubAppIdInfo({ SubAppId: w.subApps.staging, Description: "set in the console" });
    const apply = await pd(["apply", ...w.flags], w.env);
    expect(apply.code).toBe(2);
    expect(step(apply.report, STAGING, "vod-application")).toMatchObject({
      status: "drift",
      detail: [
        'description is "set in the console", none declared: cdktf diff shows it on every plan and cdktf deploy cannot clear it ' +
          "(provider 1.82.101 never sends an empty description): declare it, or clear it in the VOD console",
        "post-deploy does not write these: their owner is Terraform",
      ],
    });
    // The remedy is right: Terraform's plan wants to clear it, its apply cannot, and the next plan wants it again.
    const description = (p: Awaited<ReturnType<TerraformStandIn["plan"]>>) =>
      p.changes.find((c) => c.stack === "staging" && c.address.startsWith("tencentcloud_vod_sub_application"))?.changes.find((x) => x.attribute === "description");
    expect(description(await standIn(w).plan())).toMatchObject({ before: "set in the console" });
    await standIn(w).apply();
    expect(description(await standIn(w).plan())).toMatchObject({ before: "set in the console" });
    expect((await w.emu.admin.dumpState()).subApps.find((a) => a.SubAppId === w.subApps.staging)?.Description).toBe("set in the console");
  } finally {
    await w.close();
  }
});

test("tags that differ from the declaration are drift for Terraform (run cdktf deploy), never written", async () => {
  const w = await world();
  try {
    expect((await pd(["apply", ...w.flags], w.env)).code).toBe(0);
    // The declaration changes and is synthesized, but not deployed yet.
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { vodApplication: { name: "live-recording-staging", description: "Live room recordings (staging)", tags: { env: "stage" } } } }));
    const mark = w.emu.callLog.mark();
    const check = await pd(["apply", ...w.flags], w.env);
    expect(check.code).toBe(2);
    expect(step(check.report, STAGING, "vod-application")).toMatchObject({
      status: "drift",
      detail: [
        'tags are {"env":"staging"}, declared {"env":"stage"}: Terraform\'s: cdktf diff shows it, run cdktf deploy to set it back (the provider changes tags through the Tag service)',
        "post-deploy does not write these: their owner is Terraform",
      ],
    });
    expect(w.emu.callLog.entries(mark).filter((e) => e.write && e.action.startsWith("Modify") && e.action !== "ModifyEventConfig")).toEqual([]);
  } finally {
    await w.close();
  }
});
