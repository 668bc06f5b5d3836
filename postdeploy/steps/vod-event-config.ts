/**
 * VOD event callbacks: `tencentcloud_vod_event_config` owns them (mode, URL, upload and delete switches). This step
 * reads them (DescribeEventConfig, once per app and run, shared with the SignKey step) and reports drift; it never
 * writes them. Provider 1.82.101 reads all four back and sends every configured one on update, so `cdktf deploy`
 * puts a drift back.
 */
import { Step, StepContext, StepReport, report } from "./types";

export const vodEventConfigStep: Step = {
  id: "vod-event-config",
  title: "VOD event callback (Terraform's: compared, never written)",
  writes: false,
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
    const detail: string[] = [];
    for (const key of Object.keys(desired) as (keyof typeof desired)[]) {
      if (current[key] !== desired[key]) detail.push(`${key}: ${JSON.stringify(current[key])}, declared ${JSON.stringify(desired[key])}`);
    }
    if (detail.length === 0) {
      return report(this, { status: "in-sync", current, desired, detail: [`PUSH to ${events.url}, uploads ON, deletes ${desired.deleteMediaCompleteEventSwitch}`] });
    }
    detail.push("Terraform's (tencentcloud_vod_event_config): cdktf diff shows the drift, run cdktf deploy to set it back; post-deploy does not write these");
    return report(this, { status: "drift", current, desired, detail });
  },
};
