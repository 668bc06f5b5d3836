import { isSecureCallbackUrl } from "../lib/urls";
import { Rule } from "./rule";

/** A callback URL that is not HTTPS (plain HTTP to loopback is allowed, for the local emulator). */
export const CallbackNotHttps: Rule = {
  id: "LR005",
  name: "CallbackNotHttps",
  severity: "error",
  explanation:
    "Callbacks carry room ids, user ids and recording URLs, and their signatures only prove origin: over plain HTTP " +
    "anyone on the path can read or replay them.",
  fix: "Use an https:// URL for every callback endpoint.",
  evaluate: (app) => {
    const urls: Array<[string, string | undefined]> = [
      ["VOD event callback", app.callbacks.vodEvents?.url],
      ["TRTC recording callback", app.callbacks.trtcRecording?.url],
      ["Live webhook", app.callbacks.liveWebhook?.url],
    ];
    return urls
      .filter(([, url]) => url !== undefined && !isSecureCallbackUrl(url))
      .map(([what, url]) => ({ message: `${what} URL ${url} is not HTTPS.` }));
  },
};
