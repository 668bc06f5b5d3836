import { EventEmitter } from "events";
import { DEFAULT_SECRET_ID } from "../../emulator/public-api";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import * as net from "net";
import { tmpdir } from "os";
import * as path from "path";
import { CliIo, main, parseApps, runCli } from "../../emulator/cli";
import { liveCall, rejectionOf, vodClient } from "./helpers";

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  const value: CliIo = { env, stdout: (l) => out.push(l), stderr: (l) => err.push(l), signals: signals as unknown as CliIo["signals"] };
  return { out, err, signals, io: value };
}

describe("emulator command line", () => {
  test("prints exactly the listening line, uses env credentials, stops on SIGTERM", async () => {
    const t = io({ TENCENTCLOUD_SECRET_ID: "AKIDfromEnv", TENCENTCLOUD_SECRET_KEY: "keyFromEnv" });
    const h = await runCli(["--port", "0", "--apps", "1400000005:appKey5:ops"], t.io);
    try {
      expect(t.out).toEqual([`emulator listening on http://127.0.0.1:${h.emulator.port}`]);
      expect(h.emulator.host).toBe("127.0.0.1");
      await expect(vodClient(h.emulator, {}, { secretId: "AKIDfromEnv", secretKey: "keyFromEnv" }).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
      expect((await rejectionOf(vodClient(h.emulator, {}, { secretId: DEFAULT_SECRET_ID, secretKey: "x" }).DescribeSubAppIds({}))).code).toBe("AuthFailure.SecretIdNotFound");
      const live = await liveCall(h.emulator, "live_config/get_callback", {}, { sdkAppId: 1400000005, sdkSecretKey: "appKey5", identifier: "ops" });
      expect(live.ActionStatus).toBe("OK");
      // one log line per call, no secret anywhere
      expect(t.err.join("\n")).toContain("vod DescribeSubAppIds ok");
      expect(t.err.join("\n")).not.toMatch(/keyFromEnv|appKey5/);
    } finally {
      t.signals.emit("SIGTERM");
      await h.stopped;
    }
    expect(t.err[t.err.length - 1]).toBe("emulator stopped");
  });

  test("defaults to the documented test credentials and stops on SIGINT", async () => {
    const t = io();
    const h = await runCli(["--port", "0", "--quiet"], t.io);
    try {
      expect(t.err[0]).toContain(`test defaults (SecretId ${DEFAULT_SECRET_ID})`);
      await expect(vodClient(h.emulator).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    } finally {
      t.signals.emit("SIGINT");
      await h.stopped;
    }
  });

  test("parseApps reads entries with and without an administrator", () => {
    expect(parseApps("1400000001:k1, 1400000002:k2:boss")).toEqual([
      { sdkAppId: 1400000001, sdkSecretKey: "k1", adminIdentifier: "administrator" },
      { sdkAppId: 1400000002, sdkSecretKey: "k2", adminIdentifier: "boss" },
    ]);
  });

  test("--faults and --no-rate-limits are applied", async () => {
    const t = io();
    const h = await runCli(["--port", "0", "--quiet", "--no-rate-limits", "--faults", '{"rate":1,"seed":1,"kinds":["throttle"],"actions":["SearchMedia"]}'], t.io);
    try {
      expect((await rejectionOf(vodClient(h.emulator).SearchMedia({}))).code).toBe("RequestLimitExceeded");
      await expect(vodClient(h.emulator).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    } finally {
      await h.shutdown();
    }
  });
});

describe("every flag refuses bad input with one line naming it, what is allowed and what was received", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "emu-cli-"));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const folder = path.join(dir, "a-folder");
  mkdirSync(folder);
  const notJson = file("state.txt", "port=4780\n");
  const array = file("array.json", "[]");
  const v2 = file("v2.json", JSON.stringify({ version: 2 }));
  const noVersion = file("noversion.json", JSON.stringify({ apps: {} }));
  const appsArray = file("apps-array.json", JSON.stringify({ version: 1, apps: [] }));
  const badCounter = file("counter.json", JSON.stringify({ version: 1, counters: { nextSubAppId: 1500000001, nextFileId: 0, nextTask: 1 } }));
  const badApp = file("app.json", JSON.stringify({ version: 1, apps: { "1400000001": { sdkAppId: 1400000001, adminIdentifier: "administrator", console: {} } } }));
  const badMedia = file("media.json", JSON.stringify({ version: 1, media: { "5285890784000000001": "gone" } }));
  const aFile = file("plain-file", "x");

  const STATE = "a state file written by the emulator (JSON, version 1), or a new file in a writable folder";
  const PORT = "a whole number from 0 to 65535 (0: any free port)";
  const APPS = "a comma-separated list of sdkAppId:sdkSecretKey[:adminIdentifier]";
  const FAULTS = 'a JSON object like {"rate":0.3,"seed":1,"kinds":["throttle","http5xx"]}';
  const OPTIONS = "--port, --host, --state, --apps, --faults, --destroying-seconds, --no-rate-limits, --external-callbacks, --quiet, --help";
  const KINDS = "throttle, internalError, http5xx, reset, slow, malformed";
  const good = '{"rate":0.5,"seed":1,"kinds":["throttle"]}';
  const faults = (extra: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(good), ...extra });

  const cases: Array<[string, string[], string]> = [
    // --port
    ["--port: not a number", ["--port", "abc"], `--port must be ${PORT}, got "abc"`],
    ["--port: above 65535", ["--port", "70000"], `--port must be ${PORT}, got "70000"`],
    ["--port: negative", ["--port", "-1"], `--port must be ${PORT}, got "-1"`],
    ["--port: a fraction", ["--port", "80.5"], `--port must be ${PORT}, got "80.5"`],
    ["--port: hexadecimal", ["--port", "0x50"], `--port must be ${PORT}, got "0x50"`],
    ["--port: empty", ["--port", ""], `--port must be ${PORT}, got ""`],
    ["--port: with a space", ["--port", " 80"], `--port must be ${PORT}, got " 80"`],
    ["--port=value form", ["--port=abc"], `--port must be ${PORT}, got "abc"`],
    ["--port: no value", ["--port"], `--port must be ${PORT}, got no value`],
    // --host
    ["--host: a URL", ["--host", "http://127.0.0.1"], '--host must be an IP address or host name of this machine to listen on (e.g. 127.0.0.1), got "http://127.0.0.1"'],
    ["--host: with a port", ["--host", "127.0.0.1:4780"], '--host must be an IP address or host name of this machine to listen on (e.g. 127.0.0.1), got "127.0.0.1:4780"'],
    ["--host: bracketed IPv6", ["--host", "[::1]"], '--host must be an IP address or host name of this machine to listen on (e.g. 127.0.0.1), got "[::1]"'],
    ["--host: empty", ["--host", ""], '--host must be an IP address or host name of this machine to listen on (e.g. 127.0.0.1), got ""'],
    ["--host: not an address of this machine", ["--host", "192.0.2.1", "--port", "0"], '--host must be an address of this machine, got "192.0.2.1" (EADDRNOTAVAIL)'],
    // --state
    ["--state: a directory", ["--port", "0", "--state", folder], `--state must be ${STATE}, got ${JSON.stringify(folder)} (it is a directory)`],
    ["--state: not JSON", ["--port", "0", "--state", notJson], `--state must be ${STATE}, got ${JSON.stringify(notJson)} (it is not JSON)`],
    ["--state: a JSON array", ["--port", "0", "--state", array], `--state must be ${STATE}, got ${JSON.stringify(array)} (it is JSON but not an object (an array))`],
    ["--state: another version", ["--port", "0", "--state", v2], `--state must be ${STATE}, got ${JSON.stringify(v2)} (version 2; this emulator reads version 1)`],
    ["--state: no version", ["--port", "0", "--state", noVersion], `--state must be ${STATE}, got ${JSON.stringify(noVersion)} (version missing; this emulator reads version 1)`],
    ["--state: apps not an object", ["--port", "0", "--state", appsArray], `--state must be ${STATE}, got ${JSON.stringify(appsArray)} ("apps" must be an object, got an array)`],
    ["--state: a bad counter", ["--port", "0", "--state", badCounter], `--state must be ${STATE}, got ${JSON.stringify(badCounter)} ("counters.nextFileId" must be a whole number of at least 1, got 0)`],
    ["--state: an app without its key", ["--port", "0", "--state", badApp], `--state must be ${STATE}, got ${JSON.stringify(badApp)} ("apps.1400000001.sdkSecretKey" must be a non-empty string)`],
    ["--state: a media record that is not an object", ["--port", "0", "--state", badMedia], `--state must be ${STATE}, got ${JSON.stringify(badMedia)} ("media.5285890784000000001" must be an object, got a string)`],
    ["--state: under a file", ["--port", "0", "--state", path.join(aFile, "state.json")], `--state must be ${STATE}, got ${JSON.stringify(path.join(aFile, "state.json"))} (a part of its path is not a folder (ENOTDIR))`],
    ["--state: a folder path", ["--port", "0", "--state", `${dir}/new-folder/`], `--state must be ${STATE}, got ${JSON.stringify(`${dir}/new-folder/`)} (it names a folder (ends with a path separator), not a file)`],
    ["--state: empty", ["--state", ""], `--state must be ${STATE}, got "" (no path)`],
    // --apps (keys are never shown)
    ["--apps: empty", ["--apps", ""], `--apps must be ${APPS}, got "" (no app)`],
    ["--apps: only commas", ["--apps", ",,"], `--apps must be ${APPS}, got ",," (no app)`],
    ["--apps: an empty entry", ["--apps", "1400000001:k1,,1400000002:k2"], `--apps must be ${APPS}, got an empty entry 2`],
    ["--apps: not an SDKAppID", ["--apps", "abc:secretKey1"], `--apps must be ${APPS}, got entry 1 starting with "abc" (the SDKAppID must be a whole number from 1 to 4294967295)`],
    ["--apps: SDKAppID 0", ["--apps", "0:secretKey1"], `--apps must be ${APPS}, got entry 1 starting with "0" (the SDKAppID must be a whole number from 1 to 4294967295)`],
    ["--apps: SDKAppID too large", ["--apps", "4294967296:secretKey1"], `--apps must be ${APPS}, got entry 1 starting with "4294967296" (the SDKAppID must be a whole number from 1 to 4294967295)`],
    ["--apps: no key", ["--apps", "1400000001"], `--apps must be ${APPS}, got entry 1 (1400000001) with no SDK secret key`],
    ["--apps: an empty key", ["--apps", "1400000001:"], `--apps must be ${APPS}, got entry 1 (1400000001) with no SDK secret key`],
    ["--apps: a key with a space", ["--apps", "1400000001:secret Key1"], `--apps must be ${APPS}, got entry 1 (1400000001) with an SDK secret key containing spaces (not shown)`],
    ["--apps: an empty administrator", ["--apps", "1400000001:secretKey1:"], `--apps must be ${APPS}, got entry 1 (1400000001) with the administrator "" (an identifier of 1 to 32 characters without spaces)`],
    ["--apps: an administrator too long", ["--apps", `1400000001:secretKey1:${"a".repeat(33)}`], `--apps must be ${APPS}, got entry 1 (1400000001) with the administrator "${"a".repeat(33)}" (an identifier of 1 to 32 characters without spaces)`],
    ["--apps: four parts", ["--apps", "1400000001:secretKey1:admin:more"], `--apps must be ${APPS}, got entry 1 (1400000001) with 4 parts (at most 3, separated by :)`],
    ["--apps: one SDKAppID twice", ["--apps", "1400000001:secretKey1,1400000001:secretKey2"], `--apps must be ${APPS}, got SDKAppID 1400000001 twice`],
    // --faults
    ["--faults: not JSON", ["--faults", "{rate:1}"], `--faults must be ${FAULTS}, got "{rate:1}" (not JSON)`],
    ["--faults: an array", ["--faults", "[1]"], "--faults must be an object with rate, seed, kinds, actions, slowMs, got an array"],
    ["--faults: a number", ["--faults", "3"], "--faults must be an object with rate, seed, kinds, actions, slowMs, got 3"],
    ["--faults: a misspelt field", ["--faults", faults({ actoins: ["SearchMedia"] })], '--faults has no field "actoins" (did you mean "actions"?); its fields are rate, seed, kinds, actions, slowMs'],
    ["--faults: an unknown field", ["--faults", faults({ probability: 1 })], '--faults has no field "probability"; its fields are rate, seed, kinds, actions, slowMs'],
    ["--faults: rate above 1", ["--faults", faults({ rate: 3 })], "--faults rate must be a number from 0 to 1 (the share of calls faulted), got 3"],
    ["--faults: rate as text", ["--faults", faults({ rate: "0.3" })], '--faults rate must be a number from 0 to 1 (the share of calls faulted), got "0.3"'],
    ["--faults: no rate", ["--faults", '{"seed":1,"kinds":["throttle"]}'], "--faults rate must be a number from 0 to 1 (the share of calls faulted), got nothing"],
    ["--faults: a fractional seed", ["--faults", faults({ seed: 1.5 })], "--faults seed must be a whole number, got 1.5"],
    ["--faults: no kinds", ["--faults", faults({ kinds: [] })], `--faults kinds must be a non-empty list of ${KINDS}, got []`],
    ["--faults: a misspelt kind", ["--faults", faults({ kinds: ["thrott"] })], `--faults kinds must be a list of only ${KINDS}, got "thrott" (did you mean "throttle"?)`],
    ["--faults: a misspelt action", ["--faults", faults({ actions: ["SerchMedia"] })], '--faults actions must be a list of emulated actions only (e.g. SearchMedia, ModifyEventConfig, live_config/set_callback), got "SerchMedia" (did you mean "SearchMedia"?)'],
    ["--faults: an empty action list", ["--faults", faults({ actions: [] })], "--faults actions must be a non-empty list of action names, got []"],
    ["--faults: a negative slowMs", ["--faults", faults({ slowMs: -1 })], "--faults slowMs must be a number of milliseconds from 0 to 600000, got -1"],
    // --destroying-seconds
    ["--destroying-seconds: not a number", ["--destroying-seconds", "abc"], '--destroying-seconds must be a number of seconds from 0 to 86400, got "abc"'],
    ["--destroying-seconds: negative", ["--destroying-seconds", "-5"], '--destroying-seconds must be a number of seconds from 0 to 86400, got "-5"'],
    ["--destroying-seconds: above a day", ["--destroying-seconds", "86401"], '--destroying-seconds must be a number of seconds from 0 to 86400, got "86401"'],
    ["--destroying-seconds: exponent", ["--destroying-seconds", "1e3"], '--destroying-seconds must be a number of seconds from 0 to 86400, got "1e3"'],
    // switches, unknown options, arguments
    ["--quiet with a value", ["--quiet=yes"], '--quiet takes no value, got "--quiet=yes"'],
    ["--external-callbacks with a value", ["--external-callbacks=false"], '--external-callbacks takes no value, got "--external-callbacks=false"'],
    ["a switch followed by a word", ["--no-rate-limits", "true"], 'the emulator takes options only, got the argument "true"'],
    ["a bare port number", ["4780"], 'the emulator takes options only, got the argument "4780" (did you mean --port 4780?)'],
    ["a misspelt option", ["--prot", "4780"], `"--prot" is not an option (did you mean --port?); the options are ${OPTIONS}`],
    ["--rate-limits (the switch is --no-rate-limits)", ["--rate-limits"], `"--rate-limits" is not an option (did you mean --no-rate-limits?); the options are ${OPTIONS}`],
    ["a short option", ["-p", "4780"], `"-p" is not an option; the options are ${OPTIONS}`],
  ];

  test.each(cases)("%s", async (_name, argv, message) => {
    const r = await processRun(argv);
    expect(r).toEqual({ code: 1, out: [], err: [`emulator: ${message}`] });
  });

  test("the environment: one credential variable without the other", async () => {
    expect(await processRun(["--port", "0"], { TENCENTCLOUD_SECRET_ID: "AKIDonly" })).toEqual({
      code: 1,
      out: [],
      err: ["emulator: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set both or neither, got TENCENTCLOUD_SECRET_ID without TENCENTCLOUD_SECRET_KEY"],
    });
    expect((await processRun(["--port", "0"], { TENCENTCLOUD_SECRET_KEY: "keyOnly" })).err).toEqual([
      "emulator: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set both or neither, got TENCENTCLOUD_SECRET_KEY without TENCENTCLOUD_SECRET_ID",
    ]);
  });

  test("--port in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      expect(await processRun(["--port", String(port)])).toEqual({ code: 1, out: [], err: [`emulator: --port must be a free port, got ${port} (in use: EADDRINUSE; 0 picks a free one)`] });
    } finally {
      blocker.close();
    }
  });

  test("no message echoes an SDK secret key", async () => {
    for (const apps of ["abc:topSecret1", "1400000001:topSecret1:a:b", "1400000001:top Secret1", "1400000001:topSecret1,1400000001:topSecret1"]) {
      const r = await processRun(["--apps", apps]);
      expect(r.code).toBe(1);
      expect(r.err.join("\n")).not.toMatch(/topSecret1|top Secret1/);
    }
  });

  test("--help prints the usage on stdout and exits 0", async () => {
    const r = await processRun(["--help"]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.join("\n")).toContain("Usage: emulator [options]");
  });

  test("good values of every flag are accepted together", async () => {
    const t = io();
    const state = path.join(dir, "new", "state.json");
    const h = await runCli(
      ["--port", "0", "--host", "127.0.0.1", "--state", state, "--apps", "1400000007:k7:ops", "--faults", faults({ actions: ["SearchMedia"], slowMs: 10 }), "--no-rate-limits", "--destroying-seconds", "0.5", "--external-callbacks", "--quiet"],
      t.io,
    );
    try {
      expect(h.emulator.apps).toEqual([{ sdkAppId: 1400000007, sdkSecretKey: "k7", adminIdentifier: "ops" }]);
    } finally {
      await h.shutdown();
    }
    // The state file written on stop is read back on the next start.
    const again = await runCli(["--port", "0", "--quiet", "--state", state], io().io);
    try {
      expect((await again.emulator.admin.listApps()).map((a) => a.sdkAppId)).toContain(1400000007);
    } finally {
      await again.shutdown();
    }
  });
});

/** The emulator process's `main`, run in this process: exit code and printed lines (refused input never starts a server). */
async function processRun(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const t = io(env);
  let code = -1;
  await main(argv, t.io, (c) => {
    code = c;
  });
  return { code, out: t.out, err: t.err };
}
