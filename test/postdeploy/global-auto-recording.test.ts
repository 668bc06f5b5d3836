/**
 * Global Auto-Recording is written only when declared "off", and never blindly: the search for rooms it may be the
 * only recorder of (the pure rule, then end to end against the emulator, with its clock fixed and moved by the test).
 */
import type { RecordingMedia } from "../../postdeploy/cloud";
import { findGarOnlyRooms } from "../../postdeploy/gar-only";
import type { EnvironmentConfig } from "../../stacks";
import { STAGING, World, pd, step, testEnvironments, world } from "./helpers";

const T0 = Date.parse("2026-11-20T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function file(id: string, room: string, task: string, users: string[], endMin: number, minutes: number): RecordingMedia {
  return { fileId: id, createTime: iso(T0 + endMin * 60000), expireTime: "", durationSeconds: minutes * 60, sdkAppId: STAGING, roomId: room, taskId: task, userIds: users };
}

/** What every text that proposes turning Global Auto-Recording off must say, word for word. */
const OFF_STOPS =
  "turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID, not only the Live rooms: TUICallKit calls, TUIRoomKit conferences, " +
  "rooms of plain TRTC SDK integrations, voice rooms (Karaoke, AudioSalon) and Live rooms created with IsCloudRecordEnabled false are no longer recorded, unless something else records them (TRTC Manual Recording)";

const window = { windowStart: iso(T0 - 86400000), windowEnd: iso(T0 + 86400000) };

describe("findGarOnlyRooms (our reading of the evidence)", () => {
  test("a host covered by another task's recording (Live's mixed file, or Live's single-stream file) is not flagged", () => {
    const e = findGarOnlyRooms({
      ...window,
      usage: null,
      globalAutoRecordingReadOn: true,
      files: [
        file("m", "cohost", "live1", ["b", "c"], 30, 30),
        file("b", "cohost", "gar1", ["b"], 30, 30),
        file("c", "cohost", "gar2", ["c"], 30, 30),
        file("s1", "solo", "live2", ["a"], 45, 45),
        file("s2", "solo", "gar3", ["a"], 45, 45),
      ],
    });
    expect(e).toMatchObject({ found: false, rooms: [], files: 5 });
  });

  test("per-host files of several hosts at the same time and no mixed file: flagged, whether or not the switch can be read", () => {
    const files = [file("e", "karaoke", "g1", ["e"], 20, 20), file("f", "karaoke", "g2", ["f"], 20, 20)];
    for (const readOn of [true, false]) {
      expect(findGarOnlyRooms({ ...window, usage: null, globalAutoRecordingReadOn: readOn, files })).toMatchObject({
        found: true,
        rooms: [{ roomId: "karaoke", reason: "per-host", userIds: ["e", "f"], minutes: 40 }],
      });
    }
  });

  test("one host's lone file: Live's and Global Auto-Recording's look alike, so it is flagged only while the driver reads the switch on", () => {
    const files = [file("x", "call-1", "g1", ["alice"], 10, 10)];
    expect(findGarOnlyRooms({ ...window, usage: null, globalAutoRecordingReadOn: true, files }).rooms).toEqual([{ roomId: "call-1", reason: "single-host", userIds: ["alice"], minutes: 10 }]);
    expect(findGarOnlyRooms({ ...window, usage: null, globalAutoRecordingReadOn: false, files }).found).toBe(false);
  });

  test("a host covered for only part of the file: the uncovered part counts when it is a minute or more", () => {
    const partly = [file("l", "r", "live", ["a"], 30, 30), file("g", "r", "gar", ["a"], 40, 40)]; // GAR 10 minutes longer
    expect(findGarOnlyRooms({ ...window, usage: null, globalAutoRecordingReadOn: true, files: partly }).rooms).toEqual([{ roomId: "r", reason: "single-host", userIds: ["a"], minutes: 10 }]);
    const skew = [file("l", "r", "live", ["a"], 30, 30), file("g", "r", "gar", ["a"], 30.5, 30.5)]; // 30 s of skew
    expect(findGarOnlyRooms({ ...window, usage: null, globalAutoRecordingReadOn: true, files: skew }).found).toBe(false);
  });

  test("recorded minutes the scanned files do not explain: recordings that cannot be seen, rooms unknown", () => {
    const files = [file("l", "r", "live", ["a"], 30, 30)];
    expect(findGarOnlyRooms({ ...window, usage: { singleMinutes: 33, multiMinutes: 0 }, globalAutoRecordingReadOn: true, files: [...files, file("g", "r", "gar", ["a"], 30, 30)] })).toMatchObject({
      found: false,
    });
    expect(findGarOnlyRooms({ ...window, usage: { singleMinutes: 90, multiMinutes: 0 }, globalAutoRecordingReadOn: true, files: [...files, file("g", "r", "gar", ["a"], 30, 30)] })).toMatchObject({
      found: true,
      rooms: [],
      recordingsNotVisible: true,
      unexplainedMinutes: 30,
    });
  });
});

/** A TUICallKit call (a plain TRTC room, two users), a karaoke room and a Live room created with IsCloudRecordEnabled false. */
async function otherRooms(w: World): Promise<void> {
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "call-7", roomKind: "trtc", hosts: ["caller", "callee"], minutes: 12 });
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "ktv-3", seatTemplate: "Karaoke", hosts: ["singer1", "singer2"], minutes: 20 });
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "private-9", seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: false, hosts: ["vip"], minutes: 25 });
}

/** A Live co-host room (recorded by Live; with Global Auto-Recording on, also per host). */
async function liveRoom(w: World, roomId = "show-1"): Promise<void> {
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId, seatTemplate: "VideoDynamicFloat7Seats", hosts: ["h1", "h2"], minutes: 30 });
}

async function stagingWorld(staging: Partial<EnvironmentConfig> = {}): Promise<World> {
  const w = await world({ fixedClock: true, environments: (url) => testEnvironments(url, { staging }) });
  // Deployed and applied with Global Auto-Recording off; then someone turns it on, and rooms are recorded an hour later.
  expect((await pd(["apply", ...w.flags], w.env, w.deps)).code).toBe(0);
  await w.advance(10);
  await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
  await w.advance(60);
  return w;
}

const mediaOf = async (w: World, roomId: string) =>
  (await w.emu.admin.dumpState()).media.filter((m) => m.BasicInfo.SourceInfo.TrtcRecordInfo?.RoomId === roomId).map((m) => ({ id: m.FileId, expire: m.BasicInfo.ExpireTime }));

describe("Global Auto-Recording against the emulator", () => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  test('undeclared (the default), with Full Room Recording and a call only it records: apply leaves it on and the call\'s files untouched', async () => {
    w = await stagingWorld({ globalAutoRecording: undefined });
    await otherRooms(w);
    await liveRoom(w);
    await w.emu.admin.settle();
    await w.advance(5);
    const before = await mediaOf(w, "call-7");
    expect(before.length).toBe(2);
    expect(before.every((m) => m.expire === "9999-12-31T23:59:59Z")).toBe(true);

    const apply = await pd(["apply", ...w.flags], w.env, w.deps);
    // THEN it is left on; the report gives the evidence and explains the choice
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(true);
    const s = step(apply.report, STAGING, "console");
    expect(s.status).toBe("in-sync");
    expect(s.detail.some((d) => d.startsWith("Global Auto-Recording reads on; Global Auto-Recording is undeclared, so post-deploy never changes it."))).toBe(true);
    expect(step(apply.report, STAGING, "conflict-check").status).toBe("conflict"); // Live's rooms recorded twice, not acknowledged
    // The fix it proposes (declare it off) says what else turning it off stops.
    expect(step(apply.report, STAGING, "conflict-check").detail).toContain(
      'Fix: declare globalAutoRecording "off": post-deploy apply then turns it off after a search for rooms only it records; mind that ' + OFF_STOPS +
        ". Or acknowledge rule LR001 with a reason if the double recording is intended",
    );
    expect(apply.code).toBe(3);
    // AND the call's recordings are exactly as before (no expiry changed, nothing written to VOD media)
    expect(await mediaOf(w, "call-7")).toEqual(before);
    expect(w.emu.callLog.entries().filter((e) => e.action === "ModifyMediaInfo")).toEqual([]);
  });

  test('declared "off" while it records rooms Live does not: apply refuses (exit 4), names them and gives the options; plan and check say so too', async () => {
    w = await stagingWorld();
    await otherRooms(w);
    await liveRoom(w);
    await w.emu.admin.settle();
    await w.advance(5);
    const apply = await pd(["apply", ...w.flags], w.env, w.deps);
    expect(apply.code).toBe(4);
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(true);
    const s = step(apply.report, STAGING, "console");
    expect(s.status).toBe("refused");
    expect(s.evidence).toMatchObject({
      found: true,
      rooms: [
        { roomId: "call-7", reason: "per-host", userIds: ["callee", "caller"], minutes: 24 },
        { roomId: "ktv-3", reason: "per-host", userIds: ["singer1", "singer2"], minutes: 40 },
        { roomId: "private-9", reason: "single-host", userIds: ["vip"], minutes: 25 },
      ],
    });
    expect(s.detail[0]).toMatch(/^Global Auto-Recording is declared off but NOT turned off: it may be the only recorder of these \(VOD application\(s\) \d+, and DescribeRecordingUsage, between /);
    expect(s.detail).toContain(OFF_STOPS);
    const options = s.detail.find((d) => d.startsWith("options: "))!;
    expect(options).toContain("(1) keep Global Auto-Recording on and acknowledge rule LR001 with a written reason");
    expect(options).toContain("(2) record those rooms with TRTC Manual Recording");
    expect(options).toContain("(3) separate SDKAppIDs (our reading, not the guide's words: Global Auto-Recording is set per SDKAppID");
    expect(s.detail).toContain('to turn it off anyway, accept stopping them in the declaration: acceptStoppingOtherRecordings: { reason: "<who decided, and why>" } on the LiveRecording (at least 10 characters)');
    expect(apply.stdout).toContain("exit 4: Global Auto-Recording left on: it may be the only recorder of rooms Live recording does not record, and the declaration does not accept stopping them: staging (1400000001)");
    expect(apply.stdout).toMatch(/call-7 \(callee, caller; 24 min\), ktv-3 \(singer1, singer2; 40 min\)/);
    for (const mode of ["plan", "check"]) {
      const r = await pd([mode, ...w.flags], w.env, w.deps);
      expect({ mode, code: r.code, status: step(r.report, STAGING, "console").status }).toEqual({ mode, code: 4, status: "refused" });
    }
  });

  test('declared "off" and every recording it makes is also made by Live: apply turns it off (exit 0), saying what else that stops', async () => {
    w = await stagingWorld();
    await liveRoom(w, "show-1");
    await liveRoom(w, "show-2");
    await w.emu.admin.settle();
    await w.advance(5);
    const apply = await pd(["apply", ...w.flags], w.env, w.deps);
    expect(apply.code).toBe(0);
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(false);
    const s = step(apply.report, STAGING, "console");
    expect(s.status).toBe("changed");
    expect(s.detail[0]).toBe("Global Auto-Recording: true -> false");
    expect(s.detail[1]).toMatch(/^no room that only Global Auto-Recording may record found in VOD application\(s\) \d+, and DescribeRecordingUsage, between /);
    expect(s.detail[2]).toMatch(/^turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID/);
    // Live's VOD application is scanned once per app and run: the conflict check reuses the console step's scan.
    expect(apply.report!.apps.find((a) => a.sdkAppId === STAGING)!.calls.byAction["vod.SearchMedia"]).toBe(1);
    expect(s.detail).toContain(
      "console changes apply to rooms created after them (our reading of the guide: Live records a room's session whole, from creation to dissolution, or not at all, " +
        "and starting or stopping recording mid-session is not supported); rooms already live keep how they started",
    );
  });

  test("stopping them accepted in the declaration, with a reason: apply turns it off, listing what stops", async () => {
    const reason = "calls move to manual recording (ticket 77), approved by the call team";
    w = await stagingWorld({ acceptStoppingOtherRecordings: { reason } });
    await otherRooms(w);
    await w.emu.admin.settle();
    await w.advance(5);
    const apply = await pd(["apply", ...w.flags], w.env, w.deps);
    expect(apply.code).toBe(0);
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(false);
    const s = step(apply.report, STAGING, "console");
    expect(s.status).toBe("changed");
    expect(s.detail).toContain(`stopping them is accepted (acceptStoppingOtherRecordings): ${reason}`);
    expect(s.detail).toContain(OFF_STOPS);
    expect(s.detail.some((d) => d.includes("call-7 (callee, caller; 24 min)"))).toBe(true);
  });

  test("--evidence-since the time it was turned on: a Live room's lone single-host file from before then is not counted", async () => {
    w = await world({ fixedClock: true });
    expect((await pd(["apply", ...w.flags], w.env, w.deps)).code).toBe(0);
    await w.advance(60);
    await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "solo-before", seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 30 });
    await w.advance(10);
    const turnedOn = w.now().toISOString();
    await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    await w.advance(60);
    await liveRoom(w, "show-after");
    await w.advance(5);
    const refused = await pd(["plan", ...w.flags], w.env, w.deps);
    expect(step(refused.report, STAGING, "console").evidence).toMatchObject({ rooms: [{ roomId: "solo-before", reason: "single-host" }] });
    const apply = await pd(["apply", "--evidence-since", turnedOn, ...w.flags], w.env, w.deps);
    expect(apply.code).toBe(0);
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(false);
  });

  test("the template storing into another VOD application: that application is scanned too", async () => {
    w = await stagingWorld();
    await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true, vodSubAppId: w.subApps.production } });
    await w.advance(60); // rooms are decided when created: the call starts after the template's change
    await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "call-8", roomKind: "trtc", hosts: ["p", "q"], minutes: 8 });
    await w.advance(5);
    // The call's files are in the other application only: found there, or not at all.
    const stored = (await w.emu.admin.dumpState()).media.filter((m) => m.BasicInfo.SourceInfo.TrtcRecordInfo?.RoomId === "call-8").map((m) => m.subAppId);
    expect(stored).toEqual([w.subApps.production, w.subApps.production]);
    const plan = await pd(["plan", ...w.flags], w.env, w.deps);
    expect(plan.code).toBe(4);
    expect(step(plan.report, STAGING, "console").detail[0]).toContain(`VOD application(s) ${w.subApps.staging}, ${w.subApps.production}, and DescribeRecordingUsage`);
    expect(step(plan.report, STAGING, "console").evidence).toMatchObject({ rooms: [{ roomId: "call-8", reason: "per-host" }] });
  });

  test('declared "on" but the console reads it off: never turned on, reported as drift', async () => {
    w = await world({
      fixedClock: true,
      environments: (url) => testEnvironments(url, { staging: { globalAutoRecording: "on", fullRoomRecording: false } }),
    });
    const apply = await pd(["apply", ...w.flags], w.env, w.deps);
    expect(apply.code).toBe(2);
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(false);
    expect(step(apply.report, STAGING, "console")).toMatchObject({ status: "drift" });
    expect(step(apply.report, STAGING, "console").detail).toContain(
      'Global Auto-Recording is declared on but reads off: not turned on (that starts recording and billing every TRTC room of the SDKAppID); if it should be on, turn it on in the TRTC console; if not, declare "off"',
    );
  });
});

test("every text that proposes turning it off says what else that stops: rule LR001's fix, the conflict check's fix, the guided instruction", async () => {
  const { DoubleRecording } = await import("../../rules/lr001-double-recording");
  const { GLOBAL_AUTO_RECORDING_OFF_STOPS } = await import("../../lib/global-auto-recording");
  const { consoleInstructions } = await import("../../postdeploy/drivers/guided");
  expect(DoubleRecording.fix).toContain(GLOBAL_AUTO_RECORDING_OFF_STOPS);
  expect(consoleInstructions(STAGING, { globalAutoRecording: { enabled: false } })[0]).toContain(GLOBAL_AUTO_RECORDING_OFF_STOPS);
});
