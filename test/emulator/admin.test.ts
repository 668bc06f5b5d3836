import { mkdtempSync, rmSync, statSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { secretFingerprint } from "../../lib/fingerprint";
import { ADMIN_ROUTES } from "../../emulator/admin";
import { EmulatorAdminClient, EmulatorAdminError } from "../../emulator/admin-client";
import { DEFAULT_SDK_APP_ID, DEFAULT_SDK_SECRET_KEY, Emulator, startEmulator } from "../../emulator/public-api";
import { rawPost, vodClient } from "./helpers";

describe("admin interface over HTTP (EmulatorAdminClient)", () => {
  let emu: Emulator;
  let client: EmulatorAdminClient;
  beforeAll(async () => {
    emu = await startEmulator({ rateLimits: false });
    client = new EmulatorAdminClient(emu.url);
  });
  afterAll(async () => {
    client.close();
    await emu.stop();
  });

  test("apps: the default app, register another; secrets only as fingerprints", async () => {
    const apps = await client.listApps();
    expect(apps.map((a) => a.sdkAppId)).toEqual([DEFAULT_SDK_APP_ID]);
    expect(apps[0].sdkSecretKeyFingerprint).toBe(secretFingerprint(DEFAULT_SDK_SECRET_KEY));
    const added = await client.registerApp({ sdkAppId: 1400000777, sdkSecretKey: "k777", adminIdentifier: "boss" });
    expect(added).toMatchObject({ sdkAppId: 1400000777, adminIdentifier: "boss", console: { globalAutoRecording: { enabled: false }, liveRoomRecording: { fullRoomRecording: false } } });
    expect(JSON.stringify(await client.listApps())).not.toContain("k777");
  });

  test("console state round trip; the callback key is write-only; null clears", async () => {
    const written = await client.setConsoleState(DEFAULT_SDK_APP_ID, {
      globalAutoRecording: { enabled: true, vodSubAppId: 1500000009, storageSeconds: 3600 },
      liveRoomRecording: { vodSubAppId: 1500000001, saveDurationSeconds: 86400, fullRoomRecording: true },
      trtcCallbacks: { recordingCallbackUrl: "https://hooks.example.com/trtc", callbackKey: "Key123" },
    });
    expect(written).toEqual({
      sdkAppId: DEFAULT_SDK_APP_ID,
      globalAutoRecording: { enabled: true, vodSubAppId: 1500000009, storageSeconds: 3600 },
      liveRoomRecording: { vodSubAppId: 1500000001, saveDurationSeconds: 86400, fullRoomRecording: true },
      trtcCallbacks: { recordingCallbackUrl: "https://hooks.example.com/trtc", callbackKeyFingerprint: secretFingerprint("Key123") },
    });
    expect(await client.getConsoleState(DEFAULT_SDK_APP_ID)).toEqual(written);
    // partial change keeps the rest; undefined (sent as null) clears
    const cleared = await client.setConsoleState(DEFAULT_SDK_APP_ID, { globalAutoRecording: { vodSubAppId: undefined }, trtcCallbacks: { callbackKey: undefined } });
    expect(cleared.globalAutoRecording).toEqual({ enabled: true, storageSeconds: 3600 });
    expect(cleared.trtcCallbacks).toEqual({ recordingCallbackUrl: "https://hooks.example.com/trtc" });
    expect(cleared.liveRoomRecording.fullRoomRecording).toBe(true);
  });

  test.each([
    ["key with a space", { trtcCallbacks: { callbackKey: "has space" } }, /callbackKey/],
    ["33-character key", { trtcCallbacks: { callbackKey: "k".repeat(33) } }, /callbackKey/],
    ["non-HTTP URL", { trtcCallbacks: { roomCallbackUrl: "ftp://x" } }, /roomCallbackUrl/],
    ["negative save duration", { liveRoomRecording: { saveDurationSeconds: -1 } }, /saveDurationSeconds/],
    ["non-boolean switch", { globalAutoRecording: { enabled: "yes" } }, /enabled/],
    ["unknown section", { somethingElse: {} }, /somethingElse|Unrecognized/],
  ])("invalid console change (%s) is a 400", async (_name, change, message) => {
    const e = await client.setConsoleState(DEFAULT_SDK_APP_ID, change as never).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EmulatorAdminError);
    expect((e as EmulatorAdminError).status).toBe(400);
    expect((e as Error).message).toMatch(message);
  });

  test("an unknown app is a 404", async () => {
    await expect(client.getConsoleState(1)).rejects.toMatchObject({ status: 404 });
  });

  test("console settings cannot be reached through the emulated cloud APIs", async () => {
    // There is no such action: the real API has none either.
    const r = await vodClient(emu).request("ModifyGlobalAutoRecording", { SdkAppId: DEFAULT_SDK_APP_ID }).catch((e: { code?: string }) => e.code);
    expect(r).toBe("InvalidAction");
  });

  test("simulate, sessions, callbacks, call log, clock, dump over HTTP", async () => {
    await client.advanceClock(11 * 60); // the session below starts after the earlier console changes
    const report = await client.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "http-room", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 10 });
    expect(report.live.recorded).toBe(true);
    expect(report.tasks.length).toBe(2); // Live + Global Auto-Recording (still on from the earlier test)
    expect((await client.listSessions()).map((s) => s.roomId)).toContain("http-room");
    expect(Array.isArray(await client.listCallbacks())).toBe(true);
    await client.settle();

    await vodClient(emu).DescribeSubAppIds({});
    await vodClient(emu).CreateSubAppId({ Name: "counted" });
    const log = await client.getCallLog();
    expect(log.summary.byAction.CreateSubAppId).toEqual({ calls: 1, ok: 1, failed: 0 });
    expect(log.entries.slice(-2).map((e) => [e.action, e.write])).toEqual([
      ["DescribeSubAppIds", false],
      ["CreateSubAppId", true],
    ]);
    const mark = log.entries[log.entries.length - 1].seq;
    await vodClient(emu).DescribeSubAppIds({});
    expect((await client.getCallLog(mark)).summary).toMatchObject({ total: 1, reads: 1, writes: 0 });

    const before = Date.parse((await client.dumpState()).now);
    const { now } = await client.advanceClock(3600);
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(3600 * 1000);

    const dump = await client.dumpState();
    expect(dump.subApps.map((a) => a.Name)).toContain("counted");
    expect(dump.tasks.map((t) => t.RoomId)).toContain("http-room");
    expect(dump.usage.length).toBeGreaterThan(0);
    const text = JSON.stringify(dump);
    expect(text).not.toContain(DEFAULT_SDK_SECRET_KEY);
    expect(text).not.toContain("Key123");

    await client.clearCallLog();
    expect((await client.getCallLog()).entries).toEqual([]);
  });

  test("faults and rate limits can be set and cleared over HTTP", async () => {
    await client.setFaults({ rate: 1, seed: 3, kinds: ["internalError"] });
    await expect(vodClient(emu).DescribeSubAppIds({})).rejects.toMatchObject({ code: "InternalError" });
    await client.clearFaults();
    await expect(vodClient(emu).DescribeSubAppIds({})).resolves.toHaveProperty("TotalCount");
    await client.setRateLimits(true);
    await client.setRateLimits(false);
    await expect(client.setFaults({ rate: 1, seed: 1, kinds: [] })).rejects.toMatchObject({ status: 400 });
  });

  test("reset returns to the start-up state", async () => {
    await client.reset();
    const dump = await client.dumpState();
    expect(dump.subApps).toEqual([]);
    expect(dump.media).toEqual([]);
    expect(dump.apps.map((a) => a.sdkAppId)).toEqual([DEFAULT_SDK_APP_ID]);
    expect(dump.apps[0].console.globalAutoRecording.enabled).toBe(false);
    expect(await client.listSessions()).toEqual([]);
  });

  test("unknown admin routes list the routes", async () => {
    const r = await rawPost(`${emu.url}/_admin/nothing`, "{}");
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).routes).toEqual([...ADMIN_ROUTES]);
  });
});

describe("lifecycle", () => {
  test("port 0 picks a free port; starts well under a second; stop closes keep-alive sockets", async () => {
    const t0 = Date.now();
    const emu = await startEmulator({ port: 0 });
    try {
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(emu.port).toBeGreaterThan(0);
      expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
      await vodClient(emu).DescribeSubAppIds({}); // leaves a keep-alive socket open
      const t1 = Date.now();
      await emu.stop();
      expect(Date.now() - t1).toBeLessThan(1000);
      await expect(vodClient(emu, { reqTimeoutSeconds: 2 }).DescribeSubAppIds({})).rejects.toThrow();
    } finally {
      await emu.stop(); // idempotent
    }
  });

  test("the state file survives a restart (mode 0600) and keeps secrets out of admin reads", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-state-"));
    const file = path.join(dir, "state.json");
    try {
      const a = await startEmulator({ stateFile: file, rateLimits: false });
      let SubAppId: number | undefined;
      try {
        SubAppId = (await vodClient(a).CreateSubAppId({ Name: "persisted" })).SubAppId;
        await vodClient(a).ModifyEventConfig({ SubAppId, SignKey: "persistMe1" });
        await a.admin.setConsoleState(DEFAULT_SDK_APP_ID, { liveRoomRecording: { vodSubAppId: SubAppId as number, saveDurationSeconds: 60, fullRoomRecording: true } });
        await a.admin.advanceClock(120); // the session below starts after the configuration
        await a.admin.simulateSession({ sdkAppId: DEFAULT_SDK_APP_ID, roomId: "p", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["h"], minutes: 1 });
      } finally {
        await a.stop();
      }
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8")).toContain("persisted");

      const b = await startEmulator({ stateFile: file, rateLimits: false });
      try {
        const apps = await vodClient(b).DescribeSubAppIds({ Name: "persisted" });
        expect(apps.SubAppIdInfoSet?.[0].SubAppId).toBe(SubAppId);
        expect((await b.admin.getConsoleState(DEFAULT_SDK_APP_ID)).liveRoomRecording).toEqual({ vodSubAppId: SubAppId, saveDurationSeconds: 60, fullRoomRecording: true });
        expect((await vodClient(b).SearchMedia({ SubAppId })).TotalCount).toBe(1);
        // counters continue: the next app gets a new id
        expect((await vodClient(b).CreateSubAppId({ Name: "next" })).SubAppId).toBe((SubAppId as number) + 1);
        expect(JSON.stringify(await b.admin.dumpState())).not.toContain("persistMe1");
      } finally {
        await b.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a corrupt state file is an error, not a silent reset", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-state-"));
    const file = path.join(dir, "state.json");
    try {
      require("fs").writeFileSync(file, "{not json");
      await expect(startEmulator({ stateFile: file })).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("logs one line per call without secrets", async () => {
    const lines: string[] = [];
    const emu = await startEmulator({ log: (l) => lines.push(l) });
    try {
      await vodClient(emu).DescribeSubAppIds({});
      await vodClient(emu, {}, { secretId: "AKIDx", secretKey: "topsecret" }).DescribeSubAppIds({}).catch(() => undefined);
      expect(lines).toEqual(["vod DescribeSubAppIds ok", "vod DescribeSubAppIds AuthFailure.SecretIdNotFound"]);
    } finally {
      await emu.stop();
    }
  });
});
