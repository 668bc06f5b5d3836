/**
 * The VOD sub-application, read and compared, never written: its name, description, status and tags belong to
 * Terraform (`tencentcloud_vod_sub_application`, provider 1.82.101), or to whoever manages an imported one.
 *
 * Each drift comes with the remedy that actually fixes it, from what the provider's code does:
 * - its Read lists DescribeSubAppIds and refreshes `name`, `description` and `tags` (when returned): a drift there
 *   shows in `cdktf diff`, and `cdktf deploy` puts it back (ModifySubAppIdInfo, the Tag service);
 * - its Read keeps `status` from the Terraform state (the API's status is not read): an `Off` application is
 *   invisible to `cdktf diff`/`deploy`, so it is set back in the VOD console or with ModifySubAppIdStatus;
 * - it sends a description only when non-empty: a description in VOD that the declaration does not have shows in
 *   every `cdktf diff`, and `cdktf deploy` cannot clear it;
 * - an application that DescribeSubAppIds no longer lists is removed from the state by the Read, and `cdktf deploy`
 *   creates a new one; a `Destroyed` one is still listed, so Terraform keeps it: it must leave the state first.
 */
import type { DesiredVodApplication } from "../../lib/desired-state";
import type { ResolvedApp } from "../inputs";
import type { SubAppInfo } from "../cloud";
import { Step, StepContext, StepReport, report } from "./types";

/** Where Terraform runs for this app, for remedies. */
function stackDir(app: ResolvedApp): string {
  return `cdktf.out/stacks/${app.environment}`;
}

function sameTags(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** Drift lines for an application Terraform manages, each with its remedy. */
function managedDrift(vod: DesiredVodApplication, info: SubAppInfo, want: "On" | "Off"): string[] {
  const out: string[] = [];
  const deploy = "Terraform's: cdktf diff shows it, run cdktf deploy to set it back";
  if (vod.name !== null && info.name !== vod.name) out.push(`name is "${info.name}", declared "${vod.name}": ${deploy} (ModifySubAppIdInfo)`);
  const declared = vod.description ?? "";
  if (declared !== "" && info.description !== declared) {
    out.push(`description is ${JSON.stringify(info.description)}, declared ${JSON.stringify(declared)}: ${deploy} (ModifySubAppIdInfo)`);
  } else if (declared === "" && info.description !== "") {
    out.push(
      `description is ${JSON.stringify(info.description)}, none declared: cdktf diff shows it on every plan and cdktf deploy cannot clear it ` +
        "(provider 1.82.101 never sends an empty description): declare it, or clear it in the VOD console",
    );
  }
  if (!sameTags(vod.tags, info.tags)) {
    out.push(`tags are ${JSON.stringify(info.tags)}, declared ${JSON.stringify(vod.tags)}: ${deploy} (the provider changes tags through the Tag service)`);
  }
  if (info.status !== want) {
    out.push(
      `status is ${info.status}, declared ${want}: cdktf diff and cdktf deploy do not see this (provider 1.82.101 keeps the status from its own state ` +
        `and never reads it back): set it to ${want} in the VOD console, or \`tccli vod ModifySubAppIdStatus --SubAppId ${info.subAppId} --Status ${want}\`` +
        (want === "On" ? "; while it is Off its domains are blocked" : ""),
    );
  }
  return out;
}

export const vodApplicationStep: Step = {
  id: "vod-application",
  title: "VOD sub-application (Terraform's: compared, never written)",
  writes: false,
  needsSubApp: false,
  async run(ctx: StepContext): Promise<StepReport> {
    const vod = ctx.app.app.vodApplication;
    if (vod === null) return report(this, { status: "skipped", current: null, desired: null, detail: ["no VOD application declared"] });
    const id = ctx.app.vodSubAppId;
    if (id === null) {
      return report(this, { status: "blocked", current: null, desired: null, detail: [...ctx.app.problems, "the VOD SubAppId is unknown"] });
    }
    const want = vod.enabled ? "On" : "Off";
    const desired = { subAppId: id, name: vod.name, status: want, description: vod.description, tags: vod.tags, owner: vod.managed ? "Terraform" : "not this package (imported)" };
    const info = await ctx.run.subApps.get(id);
    const address = vod.resourceAddress ?? "the tencentcloud_vod_sub_application resource";
    if (info === null) {
      const fix = vod.managed
        ? "run cdktf deploy: the provider's read finds it gone and creates a new one; then run post-deploy with the new outputs"
        : "check the SubAppId given to VodApplication.fromSubAppId";
      return report(this, { status: "failed", current: null, desired, detail: [`VOD sub-application ${id} does not exist: ${fix}`] });
    }
    const current = { subAppId: id, name: info.name, status: info.status, description: info.description, tags: info.tags };
    if (info.status === "Destroyed" || info.status === "Destroying") {
      const fix = vod.managed
        ? `cdktf deploy does not see it (DescribeSubAppIds still lists it and provider 1.82.101 keeps the status from its state): ` +
          `in ${stackDir(ctx.app)}, \`terraform state rm '${address}'\`, then cdktf deploy creates a new one; then run post-deploy with the new outputs`
        : "give VodApplication.fromSubAppId a usable application";
      return report(this, { status: "failed", current, desired, detail: [`VOD sub-application ${id} is ${info.status}: recordings cannot be stored; ${fix}`] });
    }
    ctx.shared.subApp = info;
    const drift = vod.managed
      ? managedDrift(vod, info, want)
      : [
          ...(vod.name !== null && info.name !== vod.name ? [`name is "${info.name}", declared "${vod.name}": not managed by this package (imported)`] : []),
          ...(info.status !== want ? [`status is ${info.status}: recordings need it On; not managed by this package (imported): enable it in the VOD console`] : []),
        ];
    if (drift.length === 0) {
      const what = vod.managed ? "name, description, status and tags as declared (Terraform's)" : "enabled (imported, not managed here)";
      return report(this, { status: "in-sync", current, desired, detail: [`${id} "${info.name}" is ${info.status}: ${what}`] });
    }
    return report(this, { status: "drift", current, desired, detail: [...drift, "post-deploy does not write these: their owner is " + (vod.managed ? "Terraform" : "whoever manages the application")] });
  },
};
