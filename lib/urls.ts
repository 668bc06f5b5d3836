// No import of the validation helpers here: they load cdktf, and the post-deploy step and the emulator use these
// checks without synthesizing anything.

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
