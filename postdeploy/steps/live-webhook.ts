/**
 * Live (TUILiveKit) webhooks through the Live REST API: the URL and command list (`live_config/get_callback`, then
 * `set_callback` when none is configured or `update_callback` when it differs; the command list is compared as a
 * set), and the token (`get_callback_token`, `set_callback_token` when it differs or is disabled).
 */
import { resolveSecret, secretVariable } from "../secrets";
import { Printable, Step, StepContext, StepReport, StepStatus, differenceStatus, report, worstStatus } from "./types";

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

export const liveWebhookStep: Step = {
  id: "live-webhook",
  title: "Live webhook (URL, commands, token)",
  writes: true,
  needsSubApp: false,
  async run(ctx: StepContext): Promise<StepReport> {
    const hook = ctx.app.app.callbacks.liveWebhook;
    if (hook === null) return report(this, { status: "skipped", current: null, desired: null, detail: ["no Live webhook declared"] });
    const desired: { [k: string]: Printable } = {
      url: hook.url,
      commands: [...hook.commands].sort(),
      token: hook.token === null ? "not managed" : `from ${secretVariable(hook.token)}, enabled`,
    };
    if ("problem" in ctx.live) {
      return report(this, { status: "blocked", current: null, desired, detail: [ctx.live.problem] });
    }
    const live = ctx.live;
    const detail: string[] = [];
    const statuses: StepStatus[] = [];

    const cur = await live.getCallback();
    const current: { [k: string]: Printable } = { url: cur.url, commands: [...cur.commands].sort() };
    const urlDiffers = cur.url !== hook.url;
    const commandsDiffer = !sameSet(cur.commands, hook.commands);
    if (cur.url === "") detail.push("no webhook configured: set_callback");
    else {
      if (urlDiffers) detail.push(`url: ${cur.url} -> ${hook.url}`);
      if (commandsDiffer) {
        const add = hook.commands.filter((c) => !cur.commands.includes(c));
        const remove = cur.commands.filter((c) => !(hook.commands as readonly string[]).includes(c));
        detail.push(`commands:${add.length ? ` add ${add.join(", ")}` : ""}${remove.length ? ` remove ${remove.join(", ")}` : ""}`);
      }
    }
    const hookDiffers = cur.url === "" || urlDiffers || commandsDiffer;
    if (ctx.mode === "apply" && hookDiffers) {
      const config = { url: hook.url, commands: [...hook.commands] };
      if (cur.url === "") await live.setCallback(config);
      else await live.updateCallback(config);
    }
    if (!hookDiffers) detail.push(`${hook.url} with ${hook.commands.length} command(s)`);
    statuses.push(differenceStatus(ctx.mode, hookDiffers));

    if (hook.token !== null) {
      const variable = secretVariable(hook.token);
      const secret = resolveSecret(hook.token, ctx.env);
      if ("problem" in secret) {
        statuses.push("blocked");
        detail.push(`token: ${secret.problem}: set ${variable} and run again`);
        current.token = "not compared";
      } else {
        const t = await live.getCallbackToken();
        // The service returns the token; when it does not (empty), only what this machine last sent is known.
        const readable = t.token !== "";
        const same = readable ? t.token === secret.value : !ctx.state.secretChanged(ctx.app.sdkAppId, "liveWebhookToken", secret.value);
        current.token = !t.enabled ? "disabled" : readable ? (same ? "the declared token, enabled" : "another token, enabled") : "enabled (not returned)";
        const tokenDiffers = !t.enabled || !same || ctx.options.reapplySecrets;
        if (tokenDiffers) detail.push(`token: ${current.token} -> the token from ${variable}, enabled${ctx.options.reapplySecrets && t.enabled && same ? " (--reapply-secrets)" : ""}`);
        else if (readable) detail.push("token: the declared one, enabled");
        else {
          const last = ctx.state.secretAppliedAt(ctx.app.sdkAppId, "liveWebhookToken");
          detail.push(`token: not verified: get_callback_token did not return it; this machine set the same token at ${last}`);
        }
        if (ctx.mode === "apply" && tokenDiffers) {
          await live.setCallbackToken(secret.value, true);
          ctx.state.recordSecret(ctx.app.sdkAppId, "liveWebhookToken", secret.value, ctx.now());
        }
        statuses.push(!tokenDiffers && !readable ? "unverified" : differenceStatus(ctx.mode, tokenDiffers));
      }
    }
    return report(this, { status: worstStatus(statuses), current, desired, detail });
  },
};
