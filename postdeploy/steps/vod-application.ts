/**
 * The VOD sub-application Terraform created exists, is `On` (or `Off` when declared disabled) and has the declared
 * description, which provider 1.82 cannot set (ModifySubAppIdInfo). Its name and tags are Terraform's: a drift there
 * is reported, and fixed by the next `cdktf deploy`.
 */
import { Step, StepContext, StepReport, differenceStatus, report } from "./types";

export const vodApplicationStep: Step = {
  id: "vod-application",
  title: "VOD sub-application exists, is enabled, has its description",
  writes: true,
  needsSubApp: false,
  async run(ctx: StepContext): Promise<StepReport> {
    const vod = ctx.app.app.vodApplication;
    if (vod === null) return report(this, { status: "skipped", current: null, desired: null, detail: ["no VOD application declared"] });
    const id = ctx.app.vodSubAppId;
    if (id === null) {
      return report(this, { status: "blocked", current: null, desired: null, detail: [...ctx.app.problems, "the VOD SubAppId is unknown"] });
    }
    const wantStatus = vod.enabled ? "On" : "Off";
    const desired = { subAppId: id, name: vod.name, status: wantStatus, description: vod.description };
    const info = await ctx.run.subApps.get(id);
    if (info === null) {
      return report(this, {
        status: "failed",
        current: null,
        desired,
        detail: [`VOD sub-application ${id} does not exist: run cdktf deploy (it creates it), then pass the new outputs`],
      });
    }
    const current = { subAppId: id, name: info.name, status: info.status, description: info.description };
    if (info.status === "Destroyed" || info.status === "Destroying") {
      return report(this, {
        status: "failed",
        current,
        desired,
        detail: [`VOD sub-application ${id} is ${info.status}: run cdktf deploy to create a new one, then pass the new outputs`],
      });
    }
    const detail: string[] = [];
    if (vod.name !== null && info.name !== vod.name) {
      detail.push(`name is "${info.name}", declared "${vod.name}": Terraform manages the name, run cdktf deploy`);
    }
    const statusDiffers = info.status !== wantStatus;
    const descriptionDiffers = vod.description !== null && info.description !== vod.description;
    if (statusDiffers) detail.push(`status: ${info.status} -> ${wantStatus}`);
    if (descriptionDiffers) detail.push(`description: ${JSON.stringify(info.description)} -> ${JSON.stringify(vod.description)} (provider 1.82 cannot set it)`);
    if (ctx.mode === "apply") {
      if (statusDiffers) await ctx.cloud.modifySubAppStatus(id, wantStatus);
      if (descriptionDiffers && vod.description !== null) await ctx.cloud.modifySubAppDescription(id, vod.description);
    }
    const usable = ctx.mode === "apply" || info.status === "On" || info.status === "Off";
    if (usable) ctx.shared.subApp = { ...info, status: ctx.mode === "apply" ? wantStatus : info.status };
    if (!statusDiffers && !descriptionDiffers) detail.unshift(`${id} "${info.name}" is ${info.status}${vod.description !== null ? ", description matches" : ""}`);
    return report(this, { status: differenceStatus(ctx.mode, statusDiffers || descriptionDiffers), current, desired, detail });
  },
};
