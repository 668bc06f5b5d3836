/**
 * VOD event callbacks (`tencentcloud_vod_event_config` sets them at deploy): PUSH mode to the declared URL, upload
 * events on, delete events as declared. Normally already right; converged here when they drifted since.
 */
import type { EventConfigChange } from "../cloud";
import { Step, StepContext, StepReport, differenceStatus, report } from "./types";

export const vodEventConfigStep: Step = {
  id: "vod-event-config",
  title: "VOD event callback (mode, URL, event switches)",
  writes: true,
  needsSubApp: true,
  async run(ctx: StepContext): Promise<StepReport> {
    const events = ctx.app.app.callbacks.vodEvents;
    if (events === null) return report(this, { status: "skipped", current: null, desired: null, detail: ["no VOD event callback declared"] });
    const subAppId = ctx.shared.subApp!.subAppId;
    const desired = {
      mode: "PUSH",
      notificationUrl: events.url,
      uploadMediaCompleteEventSwitch: "ON",
      deleteMediaCompleteEventSwitch: events.deleteEvents ? "ON" : "OFF",
    };
    const cur = await ctx.cloud.describeEventConfig(subAppId);
    ctx.shared.eventConfig = cur;
    const current = {
      mode: cur.mode,
      notificationUrl: cur.notificationUrl,
      uploadMediaCompleteEventSwitch: cur.uploadMediaCompleteEventSwitch,
      deleteMediaCompleteEventSwitch: cur.deleteMediaCompleteEventSwitch,
    };
    const change: { -readonly [K in keyof EventConfigChange]: EventConfigChange[K] } = {};
    const detail: string[] = [];
    for (const key of Object.keys(desired) as (keyof typeof desired)[]) {
      if (current[key] !== desired[key]) {
        change[key] = desired[key];
        detail.push(`${key}: ${JSON.stringify(current[key])} -> ${JSON.stringify(desired[key])}`);
      }
    }
    const different = detail.length > 0;
    if (different) detail.push("Terraform normally sets these: the configuration drifted since the last deploy");
    else detail.push(`PUSH to ${events.url}, uploads ON, deletes ${desired.deleteMediaCompleteEventSwitch}`);
    if (ctx.mode === "apply" && different) {
      await ctx.cloud.modifyEventConfig(subAppId, change);
      ctx.shared.eventConfig = { ...cur, ...change };
    }
    return report(this, { status: differenceStatus(ctx.mode, different), current, desired, detail });
  },
};
