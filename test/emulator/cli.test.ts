import { EventEmitter } from "events";
import { DEFAULT_SECRET_ID } from "../../emulator";
import { CliIo, parseApps, runCli } from "../../emulator/cli";
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

  test("refuses half-set credentials and bad options", async () => {
    await expect(runCli(["--port", "0"], io({ TENCENTCLOUD_SECRET_ID: "AKIDonly" }).io)).rejects.toThrow(/both/);
    await expect(runCli(["--port", "70000"], io().io)).rejects.toThrow(/port/);
    await expect(runCli(["--port", "0", "--faults", "{\"rate\":3}"], io().io)).rejects.toThrow(/faults/);
    expect(() => parseApps("abc:key")).toThrow(/sdkAppId:sdkSecretKey/);
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
