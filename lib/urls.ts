import { CALLBACK_URL_MAX_LENGTH } from "./limits";
import { fail, isUnresolved } from "./validation";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** True for http(s) URLs whose host is this machine (the local emulator and local test receivers). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return LOOPBACK_HOSTS.has(u.hostname) || /^127\.\d+\.\d+\.\d+$/.test(u.hostname);
  } catch {
    return false;
  }
}

/** HTTPS, or plain HTTP to a loopback address (allowed only so the emulator and local receivers work). */
export function isSecureCallbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || (u.protocol === "http:" && isLoopbackUrl(url));
  } catch {
    return false;
  }
}

/**
 * Checks that `value` is an absolute http(s) URL of at most 2083 characters, with a host and no credentials.
 * Whether it is HTTPS is a policy check (rule LR005), reported at synth with an acknowledgement path.
 */
export function checkCallbackUrl(property: string, value: unknown): void {
  if (isUnresolved(value)) return;
  const allowed = `an absolute http(s) URL of at most ${CALLBACK_URL_MAX_LENGTH} characters without user:password`;
  if (typeof value !== "string" || value.length > CALLBACK_URL_MAX_LENGTH) fail(property, allowed, value);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return fail(property, allowed, value);
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || !u.hostname || u.username || u.password) {
    fail(property, allowed, value);
  }
}
