/**
 * The VOD callback `SignKey` (ModifyEventConfig), which the Terraform resource cannot set. It is write-only: VOD never
 * returns it, so drift cannot be seen. It is applied when its salted fingerprint differs from the one this machine
 * last applied (a new key, or a new sub-application), or when asked (`--reapply-secrets`).
 */
import * as path from "path";
import { resolveSecret, secretVariable } from "../secrets";
import { Step, StepContext, StepReport, report } from "./types";

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
    const current = changed
      ? last === undefined
        ? "write-only: never applied from this machine"
        : "write-only: the key (or the sub-application) changed since it was last applied"
      : `write-only: applied at ${last} (same fingerprint)`;
    const writeOnly = "write-only: VOD never returns the SignKey, so a change made in the cloud cannot be detected";
    if (!changed && !ctx.options.reapplySecrets) {
      return report(this, {
        status: "in-sync",
        current,
        desired,
        detail: [`applied at ${last} from this machine, unchanged since (salted fingerprint in ${path.relative(process.cwd(), ctx.state.file) || ctx.state.file}); --reapply-secrets sends it again`, writeOnly],
      });
    }
    if (ctx.mode === "check" && last === undefined && !ctx.options.reapplySecrets) {
      // A CI runner has no record of what another machine applied, and VOD cannot be asked: not verifiable here.
      return report(this, {
        status: "in-sync",
        current,
        desired,
        detail: [`cannot be verified here: write-only, and never applied from this machine (${path.relative(process.cwd(), ctx.state.file) || ctx.state.file}); post-deploy apply sends it once`, writeOnly],
      });
    }
    const reason = changed
      ? last === undefined
        ? "never applied from this machine"
        : `the key (or the sub-application) changed since ${last}`
      : "--reapply-secrets";
    const reasons = [`${ctx.mode === "apply" ? "applied" : "would apply"} the key from ${secret.origin} (${reason})`, writeOnly];
    if (ctx.mode !== "apply") return report(this, { status: "would-change", current, desired, detail: reasons });
    await ctx.cloud.modifyEventConfig(subAppId, { signKey: secret.value });
    ctx.state.recordSecret(sdkAppId, "vodSignKey", secret.value, ctx.now(), target);
    return report(this, { status: "changed", current, desired, detail: reasons });
  },
};
