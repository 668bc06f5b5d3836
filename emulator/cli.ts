#!/usr/bin/env node
/**
 * `npm run emulator -- --port <n>`: serves the emulated VOD, TRTC and Live APIs and the admin interface on
 * 127.0.0.1:<n> and prints `emulator listening on http://127.0.0.1:<n>` on stdout. One line per call on stderr.
 *
 * Bad input (a flag, its value, the state file, the credential variables) is refused with one line that names the
 * flag, variable or file, what is allowed and what was received; secrets (SDK keys) are never echoed.
 */
import { Command, CommanderError } from "commander";
import { isIP } from "net";
import { shown } from "../cli/usage";
import { nearest } from "../lib/suggest";
import type { EmulatorApp, EmulatorCredential } from "./core";
import { DEFAULT_ADMIN_IDENTIFIER, DEFAULT_SECRET_ID, Emulator, startEmulator } from "./emulator";
import { FaultConfig, validateFaultConfig } from "./faults";
import { LIVE_COMMANDS } from "./live";
import { CLOUD_SERVICES } from "./server";
import { StateFileError } from "./state";

/** Default port of the command line (the API's default is 0 = any free port). */
export const DEFAULT_CLI_PORT = 4780;

/** Longest `--destroying-seconds` (one day; the service's own duration is not documented). */
export const MAX_DESTROYING_SECONDS = 86400;

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

/** Bad command-line input: its message is the one line to print. */
export class EmulatorCliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmulatorCliError";
  }
}

/** What each option takes, for messages. */
const ALLOWED = {
  "--port": `a whole number from 0 to 65535 (0: any free port)`,
  "--host": "an IP address or host name of this machine to listen on (e.g. 127.0.0.1)",
  "--state": "a state file written by the emulator (JSON, version 1), or a new file in a writable folder",
  "--apps": "a comma-separated list of sdkAppId:sdkSecretKey[:adminIdentifier]",
  "--faults": 'a JSON object like {"rate":0.3,"seed":1,"kinds":["throttle","http5xx"]}',
  "--destroying-seconds": `a number of seconds from 0 to ${MAX_DESTROYING_SECONDS}`,
} as const;
type ValueOption = keyof typeof ALLOWED;
const SWITCHES = ["--no-rate-limits", "--external-callbacks", "--quiet"] as const;
const ALL_OPTIONS: readonly string[] = [...Object.keys(ALLOWED), ...SWITCHES, "--help"];

function refuse(option: ValueOption, received: string, why = ""): never {
  throw new EmulatorCliError(`${option} must be ${ALLOWED[option]}, got ${received}${why ? ` (${why})` : ""}`);
}

export function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d{1,5}$/.test(v) || n > 65535) refuse("--port", shown(v));
  return n;
}

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function parseHost(v: string): string {
  if (isIP(v) === 0 && !HOST_NAME.test(v)) refuse("--host", shown(v));
  return v;
}

export function parseStatePath(v: string): string {
  if (v.trim() === "") refuse("--state", shown(v), "no path");
  return v;
}

const ADMIN_IDENTIFIER_MAX = 32;

/** `1400000001:key[:admin],1400000002:key2`. Keys are secrets: a message names an entry by its position and SDKAppID only. */
export function parseApps(v: string): EmulatorApp[] {
  const items = v.split(",").map((s) => s.trim());
  if (items.every((s) => s === "")) refuse("--apps", shown(v), "no app");
  const seen = new Set<number>();
  return items.map((item, i) => {
    const where = `entry ${i + 1}`;
    if (item === "") refuse("--apps", `an empty ${where}`);
    const parts = item.split(":");
    const id = parts[0];
    const sdkAppId = Number(id);
    if (!/^\d{1,10}$/.test(id) || sdkAppId < 1 || sdkAppId > 4294967295) {
      refuse("--apps", `${where} starting with ${shown(id)}`, "the SDKAppID must be a whole number from 1 to 4294967295");
    }
    if (parts.length > 3) refuse("--apps", `${where} (${sdkAppId}) with ${parts.length} parts`, "at most 3, separated by :");
    const key = parts[1] ?? "";
    if (key === "" || /\s/.test(key)) refuse("--apps", `${where} (${sdkAppId}) with ${key === "" ? "no SDK secret key" : "an SDK secret key containing spaces (not shown)"}`);
    const admin = parts.length === 3 ? parts[2] : undefined;
    if (admin !== undefined && (admin === "" || admin.length > ADMIN_IDENTIFIER_MAX || /\s/.test(admin))) {
      refuse("--apps", `${where} (${sdkAppId}) with the administrator ${shown(admin)}`, `an identifier of 1 to ${ADMIN_IDENTIFIER_MAX} characters without spaces`);
    }
    if (seen.has(sdkAppId)) refuse("--apps", `SDKAppID ${sdkAppId} twice`);
    seen.add(sdkAppId);
    return { sdkAppId, sdkSecretKey: key, adminIdentifier: admin ?? DEFAULT_ADMIN_IDENTIFIER };
  });
}

/** Every action and Live command the emulator serves (what `--faults` `actions` may name). */
export function emulatedActions(): string[] {
  return [...Object.values(CLOUD_SERVICES).flatMap((s) => Object.keys(s.actions)), ...Object.keys(LIVE_COMMANDS)];
}

export function parseFaults(v: string): FaultConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return refuse("--faults", shown(v), "not JSON");
  }
  try {
    return validateFaultConfig(parsed, { label: "--faults", knownActions: emulatedActions() });
  } catch (e) {
    throw new EmulatorCliError((e as Error).message);
  }
}

export function parseDestroyingSeconds(v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || n > MAX_DESTROYING_SECONDS) refuse("--destroying-seconds", shown(v));
  return n;
}

/** Commander's own errors (unknown option, missing value), as one line in the same words. */
function usageError(e: CommanderError): EmulatorCliError {
  const unknown = /unknown option '([^']+)'/.exec(e.message)?.[1];
  if (e.code === "commander.unknownOption" && unknown !== undefined) {
    const [name, value] = unknown.split("=");
    if (value !== undefined && (SWITCHES as readonly string[]).includes(name)) return new EmulatorCliError(`${name} takes no value, got ${shown(unknown)}`);
    const near = nearest(name, ALL_OPTIONS);
    return new EmulatorCliError(`${shown(unknown)} is not an option${near ? ` (did you mean ${near}?)` : ""}; the options are ${ALL_OPTIONS.join(", ")}`);
  }
  const missing = /option '(--[a-z-]+)/.exec(e.message)?.[1];
  if (e.code === "commander.optionMissingArgument" && missing !== undefined && missing in ALLOWED) {
    return new EmulatorCliError(`${missing} must be ${ALLOWED[missing as ValueOption]}, got no value`);
  }
  return new EmulatorCliError(e.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " "));
}

interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly state?: string;
  readonly apps?: EmulatorApp[];
  readonly faults?: FaultConfig;
  readonly rateLimits: boolean;
  readonly destroyingSeconds?: number;
  readonly externalCallbacks: boolean;
  readonly quiet: boolean;
}

/** Parses and checks the arguments (no side effect). Throws {@link EmulatorCliError}, or commander's help/version exits. */
export function parseCliArgs(argv: readonly string[], io: Pick<CliIo, "stdout" | "stderr">): CliOptions {
  const program = new Command()
    .name("emulator")
    .description("Local Tencent Cloud VOD, TRTC and Live API emulator that simulates Live recording")
    .option("--port <n>", `TCP port, 0 = any free port (default ${DEFAULT_CLI_PORT})`)
    .option("--host <address>", "listen address; loopback unless given explicitly (default 127.0.0.1)")
    .option("--state <file>", "JSON file that keeps the state across restarts")
    .option("--apps <list>", "TRTC apps as sdkAppId:sdkSecretKey[:adminIdentifier],… (default: one test app)")
    .option("--faults <json>", "fault injection, e.g. '{\"rate\":0.3,\"seed\":1,\"kinds\":[\"throttle\"]}'")
    .option("--no-rate-limits", "do not enforce the documented per-action rate limits")
    .option("--destroying-seconds <n>", "seconds a VOD app stays Destroying (default 10)")
    .option("--external-callbacks", "also deliver callbacks to non-loopback URLs (off: offline by default)")
    .option("--quiet", "do not log each call")
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s.trimEnd()), writeErr: (s) => io.stderr(s.trimEnd()), outputError: () => undefined });
  try {
    program.parse([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError && e.code !== "commander.helpDisplayed" && e.code !== "commander.help" && e.code !== "commander.version") throw usageError(e);
    throw e;
  }
  if (program.args.length > 0) {
    const first = program.args[0];
    throw new EmulatorCliError(`the emulator takes options only, got the argument ${shown(first)}${/^\d+$/.test(first) ? ` (did you mean --port ${first}?)` : ""}`);
  }
  const o = program.opts<Record<string, string | boolean | undefined>>();
  const text = (name: string): string | undefined => (typeof o[name] === "string" ? (o[name] as string) : undefined);
  const port = text("port");
  const host = text("host");
  const state = text("state");
  const apps = text("apps");
  const faults = text("faults");
  const destroying = text("destroyingSeconds");
  return {
    port: port === undefined ? DEFAULT_CLI_PORT : parsePort(port),
    host: host === undefined ? "127.0.0.1" : parseHost(host),
    state: state === undefined ? undefined : parseStatePath(state),
    apps: apps === undefined ? undefined : parseApps(apps),
    faults: faults === undefined ? undefined : parseFaults(faults),
    rateLimits: o.rateLimits !== false,
    destroyingSeconds: destroying === undefined ? undefined : parseDestroyingSeconds(destroying),
    externalCallbacks: o.externalCallbacks === true,
    quiet: o.quiet === true,
  };
}

/** The credentials from the environment: both variables or neither. */
function credentialsFrom(env: CliIo["env"]): EmulatorCredential[] | undefined {
  const id = env.TENCENTCLOUD_SECRET_ID;
  const key = env.TENCENTCLOUD_SECRET_KEY;
  if (Boolean(id) !== Boolean(key)) {
    const [set, unset] = id ? ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"] : ["TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECRET_ID"];
    throw new EmulatorCliError(`TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set both or neither, got ${set} without ${unset}`);
  }
  return id && key ? [{ secretId: id, secretKey: key }] : undefined;
}

/** Start-up failures that come from a flag's value: the state file, the listen address. */
function startError(e: unknown, o: CliOptions): unknown {
  if (e instanceof StateFileError) return new EmulatorCliError(`--state must be ${ALLOWED["--state"]}, got ${shown(e.file)} (${e.reason})`);
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "EADDRINUSE":
      return new EmulatorCliError(`--port must be a free port, got ${o.port} (in use: EADDRINUSE; 0 picks a free one)`);
    case "EACCES":
      return new EmulatorCliError(`--port must be a port this user may open, got ${o.port} (EACCES; ports below 1024 need privileges)`);
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new EmulatorCliError(`--host must be an address of this machine, got ${shown(o.host)} (${code})`);
    default:
      return e;
  }
}

/** Runs the command line; resolves once the emulator listens. Throws on bad arguments or environment. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<CliHandle> {
  const o = parseCliArgs(argv, io);
  const credentials = credentialsFrom(io.env);

  let emulator: Emulator;
  try {
    emulator = await startEmulator({
      port: o.port,
      host: o.host,
      credentials,
      apps: o.apps,
      stateFile: o.state,
      faults: o.faults,
      rateLimits: o.rateLimits,
      destroyingSeconds: o.destroyingSeconds,
      externalCallbacks: o.externalCallbacks,
      log: o.quiet ? undefined : (line) => io.stderr(line),
    });
  } catch (e) {
    throw startError(e, o);
  }
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

/**
 * The process: runs until a signal stops it (exit 0); `--help` exits 0; bad input prints one line
 * `emulator: <message>` on stderr and exits 1.
 */
export async function main(argv: readonly string[], io: CliIo, exit: (code: number) => void): Promise<void> {
  let handle: CliHandle;
  try {
    handle = await runCli(argv, io);
  } catch (e) {
    if (e instanceof CommanderError) return exit(e.exitCode);
    io.stderr(`emulator: ${e instanceof Error ? e.message.replace(/\s*\n\s*/g, " ") : String(e)}`);
    return exit(1);
  }
  await handle.stopped;
  exit(0);
}

if (require.main === module) {
  void main(
    process.argv.slice(2),
    { env: process.env, stdout: (l) => process.stdout.write(`${l}\n`), stderr: (l) => process.stderr.write(`${l}\n`) },
    (code) => process.exit(code),
  );
}
