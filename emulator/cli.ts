#!/usr/bin/env node
/**
 * `npm run emulator -- --port <n>`: serves the emulated VOD, TRTC and Live APIs and the admin interface on
 * 127.0.0.1:<n> and prints `emulator listening on http://127.0.0.1:<n>` on stdout. One line per call on stderr.
 */
import { Command, InvalidArgumentError } from "commander";
import { validateFaultConfig, FaultConfig } from "./faults";
import type { EmulatorApp, EmulatorCredential } from "./core";
import { DEFAULT_ADMIN_IDENTIFIER, DEFAULT_SECRET_ID, Emulator, startEmulator } from "./emulator";

/** Default port of the command line (the API's default is 0 = any free port). */
export const DEFAULT_CLI_PORT = 4780;

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Where SIGINT/SIGTERM come from. @default process */
  readonly signals?: { once(event: "SIGINT" | "SIGTERM", listener: () => void): unknown };
}

export interface CliHandle {
  readonly emulator: Emulator;
  /** Resolves after a signal (or `shutdown()`) has stopped the emulator. */
  readonly stopped: Promise<void>;
  shutdown(): Promise<void>;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port must be 0..65535, got ${v}`);
  return n;
}

/** `1400000001:key[:admin],1400000002:key2` */
export function parseApps(v: string): EmulatorApp[] {
  return v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [id, key, admin] = item.split(":");
      const sdkAppId = Number(id);
      if (!Number.isInteger(sdkAppId) || sdkAppId <= 0 || !key) {
        throw new InvalidArgumentError(`--apps entries are sdkAppId:sdkSecretKey[:adminIdentifier], got ${JSON.stringify(item.split(":")[0] + ":…")}`);
      }
      return { sdkAppId, sdkSecretKey: key, adminIdentifier: admin || DEFAULT_ADMIN_IDENTIFIER };
    });
}

function parseFaults(v: string): FaultConfig {
  try {
    return validateFaultConfig(JSON.parse(v));
  } catch (e) {
    throw new InvalidArgumentError(`--faults must be JSON like {"rate":0.3,"seed":1,"kinds":["throttle","http5xx"]}: ${(e as Error).message}`);
  }
}

/** Runs the command line; resolves once the emulator listens. Throws on bad arguments or environment. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliHandle> {
  const program = new Command()
    .name("emulator")
    .description("Local Tencent Cloud VOD, TRTC and Live API emulator that simulates Live recording")
    .option("--port <n>", "TCP port (0 = any free port)", parsePort, DEFAULT_CLI_PORT)
    .option("--host <address>", "listen address; loopback unless given explicitly", "127.0.0.1")
    .option("--state <file>", "JSON file that keeps the state across restarts")
    .option("--apps <list>", "TRTC apps as sdkAppId:sdkSecretKey[:adminIdentifier],… (default: one test app)", parseApps)
    .option("--faults <json>", "fault injection, e.g. '{\"rate\":0.3,\"seed\":1,\"kinds\":[\"throttle\"]}'", parseFaults)
    .option("--no-rate-limits", "do not enforce the documented per-action rate limits")
    .option("--destroying-seconds <n>", "seconds a VOD app stays Destroying", (v) => Number(v))
    .option("--external-callbacks", "also deliver callbacks to non-loopback URLs (off: offline by default)")
    .option("--quiet", "do not log each call")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s.trimEnd()), writeErr: (s) => io.stderr(s.trimEnd()) });
  program.parse([...argv], { from: "user" });
  const o = program.opts<{
    port: number;
    host: string;
    state?: string;
    apps?: EmulatorApp[];
    faults?: FaultConfig;
    rateLimits: boolean;
    destroyingSeconds?: number;
    externalCallbacks?: boolean;
    quiet?: boolean;
  }>();

  const id = io.env.TENCENTCLOUD_SECRET_ID;
  const key = io.env.TENCENTCLOUD_SECRET_KEY;
  if (Boolean(id) !== Boolean(key)) throw new Error("set both TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or neither");
  const credentials: EmulatorCredential[] | undefined = id && key ? [{ secretId: id, secretKey: key }] : undefined;

  const emulator = await startEmulator({
    port: o.port,
    host: o.host,
    credentials,
    apps: o.apps,
    stateFile: o.state,
    faults: o.faults,
    rateLimits: o.rateLimits,
    destroyingSeconds: o.destroyingSeconds,
    externalCallbacks: o.externalCallbacks ?? false,
    log: o.quiet ? undefined : (line) => io.stderr(line),
  });
  io.stdout(`emulator listening on ${emulator.url}`);
  io.stderr(
    `credentials: ${credentials ? "from TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY" : `test defaults (SecretId ${DEFAULT_SECRET_ID})`}; ` +
      `apps: ${emulator.apps.map((a) => a.sdkAppId).join(", ") || "none"}; admin: ${emulator.url}/_admin/`,
  );
  if (o.host !== "127.0.0.1" && o.host !== "::1" && o.host !== "localhost") {
    io.stderr(`warning: listening on ${o.host}, beyond loopback; the admin interface has no authentication`);
  }

  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= emulator.stop().then(() => {
      io.stderr("emulator stopped");
      resolveStopped();
    }));
  const signals = io.signals ?? process;
  signals.once("SIGINT", () => void shutdown());
  signals.once("SIGTERM", () => void shutdown());
  return { emulator, stopped, shutdown };
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (l) => process.stdout.write(`${l}\n`),
    stderr: (l) => process.stderr.write(`${l}\n`),
  })
    .then((h) => h.stopped)
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      const err = e as { code?: string; exitCode?: number; message?: string };
      if (typeof err.code === "string" && err.code.startsWith("commander.")) process.exit(err.exitCode ?? 1);
      process.stderr.write(`emulator: ${err.message ?? String(e)}\n`);
      process.exit(1);
    });
}
