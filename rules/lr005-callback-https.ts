import { isSecureCallbackUrl } from "../lib/urls";
import { CallbackTarget, Rule, Violation, callbackTarget } from "./rule";

/** A declared callback endpoint. */
export interface DeclaredCallbackUrl {
  readonly kind: CallbackTarget;
  readonly url: string;
}

const WHAT: Readonly<Record<CallbackTarget, string>> = {
  vodEvents: "VOD event callback",
  trtcRecording: "TRTC recording callback",
  liveWebhook: "Live webhook",
};

/** The LR005 violations of some callback URLs: one per URL that is neither HTTPS nor plain HTTP to loopback. */
export function insecureCallbackViolations(urls: readonly DeclaredCallbackUrl[]): Violation[] {
  return urls
    .filter(({ url }) => !isSecureCallbackUrl(url))
    .map(({ kind, url }) => ({ message: `${WHAT[kind]} URL ${url} is not HTTPS.`, target: callbackTarget(kind) }));
}

/**
 * A callback URL that is not HTTPS (plain HTTP to loopback is allowed, for the local emulator). Checked on each
 * LiveRecording, and on VodEventCallback and RecordingCallbacks used without one (rules/standalone-callbacks.ts).
 */
export const CallbackNotHttps: Rule = {
  id: "LR005",
  name: "CallbackNotHttps",
  severity: "error",
  explanation:
    "Callbacks carry room ids, user ids and recording URLs, and their signatures only prove origin: over plain HTTP " +
    "anyone on the path can read or replay them.",
  fix: "Use an https:// URL for every callback endpoint.",
  findingTarget: "Callback",
  evaluate: (app) =>
    insecureCallbackViolations(
      (["vodEvents", "trtcRecording", "liveWebhook"] as const).flatMap((kind) => {
        const url = app.callbacks[kind]?.url;
        return url !== undefined ? [{ kind, url }] : [];
      }),
    ),
};
