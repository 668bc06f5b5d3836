/**
 * The VOD callback `SignKey`, which `tencentcloud_vod_event_config` does not manage: sent with ModifyEventConfig
 * carrying `SubAppId` and `SignKey` only, so nothing Terraform owns changes.
 *
 * It is write-only: VOD never returns it, so it can never be `in-sync`. It is sent when its salted fingerprint differs
 * from the one this machine last sent (a new key, or a new sub-application), or when asked (`--reapply-secrets`);
 * otherwise it is `unverified`, with what is known (when this machine last sent it), which does not change the exit code.
 */
import * as path from "path";
import { resolveSecret, secretVariable } from "../secrets";
import { Step, StepContext, StepReport, report } from "./types";

const WRITE_ONLY = "write-only: VOD never returns the SignKey (DescribeEventConfig has no such field), so what VOD holds cannot be read back";

export const vodSignKeyStep: Step = {
  id: "vod-sign-key",
  title: "VOD callback SignKey (write-only)",
  writes: true,
  needsSubApp: true,
  async run(ctx: StepContext): Promise<StepReport> {
    const events = ctx.app.app.callbacks.vodEvents;
    if (events === null || events.signKey === null) {
      return report(this, { status: "skipped", current: null, desired: null, detail: ["no SignKey declared (VOD callbacks are not signed)"] });
    }
    const variable = secretVariable(events.signKey);
    const desired = { signKey: `from ${variable}` };
    const secret = resolveSecret(events.signKey, ctx.env);
    if ("problem" in secret) {
      return report(this, { status: "blocked", current: "write-only (VOD does not return it)", desired, detail: [`${secret.problem}: set ${variable} and run again`] });
    }
    const subAppId = ctx.shared.subApp!.subAppId;
    const target = `vod:${subAppId}`;
    const sdkAppId = ctx.app.sdkAppId;
    // The precondition read: the application's event configuration is reachable (read once per run and app).
    ctx.shared.eventConfig ??= await ctx.cloud.describeEventConfig(subAppId);
    const changed = ctx.state.secretChanged(sdkAppId, "vodSignKey", secret.value, target);
    const last = ctx.state.secretAppliedAt(sdkAppId, "vodSignKey");
    const stateFile = path.relative(process.cwd(), ctx.state.file) || ctx.state.file;
    const current = changed
      ? last === undefined
        ? "unknown: never sent from this machine"
        : "unknown: the key (or the sub-application) changed since this machine last sent it"
      : `unknown: this machine sent the same key at ${last}`;
    if (!changed && !ctx.options.reapplySecrets) {
      return report(this, {
        status: "unverified",
        current,
        desired,
        detail: [
          `not verified: ${WRITE_ONLY}; this machine sent the key from ${secret.origin} at ${last} (same salted fingerprint, in ${stateFile}); ` +
            "a change made since in the VOD console cannot be seen; --reapply-secrets sends it again",
        ],
      });
    }
    if (ctx.mode === "check" && last === undefined && !ctx.options.reapplySecrets) {
      // A CI runner has no record of what another machine sent, and VOD cannot be asked.
      return report(this, {
        status: "unverified",
        current,
        desired,
        detail: [`not verified: ${WRITE_ONLY}, and this machine never sent it (${stateFile}); post-deploy apply sends it once`],
      });
    }
    const reason = changed ? (last === undefined ? "never sent from this machine" : `the key (or the sub-application) changed since ${last}`) : "--reapply-secrets";
    const lines = [`${ctx.mode === "apply" ? "sent" : "would send"} the key from ${secret.origin} (${reason}) with ModifyEventConfig (SubAppId and SignKey only)`, WRITE_ONLY];
    if (ctx.mode !== "apply") return report(this, { status: "would-change", current, desired, detail: lines });
    await ctx.cloud.setEventSignKey(subAppId, secret.value);
    ctx.state.recordSecret(sdkAppId, "vodSignKey", secret.value, ctx.now(), target);
    return report(this, { status: "changed", current, desired, detail: lines });
  },
};
