/**
 * Sending HTTP requests to this machine whatever the URL's host name says: how the real Tencent Cloud SDK clients
 * are pointed at the local emulator while signing the real service names (`vod.tencentcloudapi.com:<port>`).
 */
import * as http from "http";
import type { LookupAddress, LookupOneOptions } from "dns";

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves every host name to 127.0.0.1 (IPv4). */
export function loopbackLookup(_hostname: string, options: LookupOneOptions | number | LookupCallback, callback?: LookupCallback): void {
  const cb = (typeof options === "function" ? options : callback) as LookupCallback;
  const all = typeof options === "object" && options !== null && (options as { all?: boolean }).all === true;
  if (all) cb(null, [{ address: "127.0.0.1", family: 4 }]);
  else cb(null, "127.0.0.1", 4);
}

/** An HTTP agent that sends every request to 127.0.0.1, whatever the URL's host name says. */
export function loopbackAgent(options: { readonly keepAlive?: boolean } = {}): http.Agent {
  return new http.Agent({ keepAlive: options.keepAlive ?? true, lookup: loopbackLookup as unknown as http.AgentOptions["lookup"] });
}

