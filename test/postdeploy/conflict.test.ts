/** The Global Auto-Recording conflict: the pure decision, then its three outcomes (and the acknowledged one) end to end. */
import type { RecordingMedia } from "../../postdeploy/cloud";
import { analyzeEvidence, EvidenceInput } from "../../postdeploy/conflict";
import { PRODUCTION, STAGING, World, pd, step, testEnvironments, world } from "./helpers";

const T0 = Date.parse("2026-11-20T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A file that ended at `endMin` minutes after T0 and lasted `minutes`. */
function file(id: string, room: string, task: string, users: string[], endMin: number, minutes: number): RecordingMedia {
  return { fileId: id, createTime: iso(T0 + endMin * 60000), expireTime: "", durationSeconds: minutes * 60, sdkAppId: STAGING, roomId: room, taskId: task, userIds: users };
}

function input(files: RecordingMedia[], extra: Partial<EvidenceInput> = {}): EvidenceInput {
  return { files, usage: null, consoleReportsGlobalAutoRecording: null, windowStart: iso(T0 - 7 * 86400000), windowEnd: iso(T0 + 86400000), resolution: "HD", ...extra };
}

describe("analyzeEvidence", () => {
  test("none: one Live file per session, and back-to-back sessions of the same host", () => {
    const e = analyzeEvidence(input([file("1", "r1", "t1", ["a"], 60, 60), file("2", "r1", "t2", ["a"], 121, 60), file("3", "r2", "t3", ["b", "c"], 30, 30)]));
    expect(e).toMatchObject({ verdict: "none", reasons: [], files: 3, mixedFiles: 1, singleUserFiles: 2, rooms: 2, duplicateMinutes: 0, roomIds: [] });
  });

  test("confirmed: a mixed file and the hosts' own files from another task, overlapping; minutes and cost counted once per extra copy", () => {
    const e = analyzeEvidence(
      input([
        file("m", "cohost", "live", ["a", "b", "c"], 30, 30),
        file("a", "cohost", "gar1", ["a"], 30, 30),
        file("b", "cohost", "gar2", ["b"], 30, 30),
        file("c", "cohost", "gar3", ["c"], 30, 30),
      ]),
    );
    expect(e.verdict).toBe("confirmed");
    expect(e.roomsRecordedTwice).toBe(1);
    expect(e.roomIds).toEqual(["cohost"]);
    expect(e.duplicatePairs).toBe(3);
    expect(e.duplicateMinutes).toBe(90);
    // 90 minutes at 14 CNY per 1,000 HD minutes (plan/pricing.ts); 8 days of window -> per 30 days.
    expect(e.estimatedDoubleCost).toEqual({ cny: 1.26, cnyPer30Days: expect.closeTo(4.725, 2), resolution: "HD", cnyPer1000Minutes: 14, pricesAsOf: "2026-11-25" });
  });

  test("confirmed: two single-user files of the same host from two tasks at the same time", () => {
    const e = analyzeEvidence(input([file("1", "solo", "live", ["a"], 45, 45), file("2", "solo", "gar", ["a"], 45, 45)], { resolution: "FullHD" }));
    expect(e).toMatchObject({ verdict: "confirmed", duplicatePairs: 1, duplicateMinutes: 45, estimatedDoubleCost: { cny: 1.4, resolution: "FullHD", cnyPer1000Minutes: 31 } });
  });

  test("an overlap under a minute, or under half the shorter file, is not a duplicate", () => {
    expect(analyzeEvidence(input([file("1", "r", "t1", ["a"], 60, 60), file("2", "r", "t2", ["a"], 119.5, 60)])).verdict).toBe("none");
    expect(analyzeEvidence(input([file("1", "r", "t1", ["a"], 600, 600), file("2", "r", "t2", ["a"], 650, 60)])).verdict).toBe("none");
  });

  test("suspected: per-host files of different users at the same time (Live would have mixed them)", () => {
    const e = analyzeEvidence(input([file("1", "karaoke", "g1", ["e"], 20, 20), file("2", "karaoke", "g2", ["f"], 20, 20)]));
    expect(e.verdict).toBe("suspected");
    expect(e.roomsWithPerHostFiles).toBe(1);
    expect(e.reasons[0]).toMatch(/^1 room\(s\) have per-host files of different users at the same time/);
  });

  test("suspected: recorded minutes the files in Live's VOD application do not explain, beyond the tolerance", () => {
    const files = [file("1", "solo", "live", ["a"], 60, 60)];
    expect(analyzeEvidence(input(files, { usage: { singleMinutes: 64, multiMinutes: 0 } })).verdict).toBe("none");
    const e = analyzeEvidence(input(files, { usage: { singleMinutes: 100, multiMinutes: 20 } }));
    expect(e).toMatchObject({ verdict: "suspected", explainedMinutes: 60, unexplainedMinutes: 60, usageMinutes: { single: 100, multi: 20 } });
    expect(e.reasons[0]).toMatch(/^60 recorded minute\(s\) are not in Live's VOD application/);
  });

  test("suspected: the console driver reads Global Auto-Recording as on", () => {
    const e = analyzeEvidence(input([], { consoleReportsGlobalAutoRecording: true }));
    expect(e.verdict).toBe("suspected");
    expect(e.reasons).toEqual(["the console driver reads Global Auto-Recording as on"]);
  });
});

async function drift(w: World, enabled: boolean, extra: { vodSubAppId?: number } = {}): Promise<void> {
  await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled, ...extra } });
}

/** A single-host and a co-host Live room of staging, ending at the emulator's now (an hour after the last phase). */
async function sessions(w: World, prefix: string): Promise<void> {
  await w.advance(60);
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: `${prefix}-solo`, seatTemplate: "VideoDynamicGrid9Seats", hosts: ["a"], minutes: 45 });
  await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: `${prefix}-cohost`, seatTemplate: "VideoDynamicFloat7Seats", hosts: ["b", "c", "d"], minutes: 30 });
  await w.emu.admin.settle();
  await w.advance(5);
}

describe("conflict check against the emulator (the emulator's clock is fixed and moved by the test)", () => {
  let w: World;
  beforeEach(async () => {
    w = await world({ fixedClock: true });
    expect((await pd(["apply", ...w.flags], w.env, w.deps)).code).toBe(0);
  });
  afterEach(async () => {
    await w.close();
  });

  test("none: Live recordings only -> exit 0", async () => {
    await sessions(w, "quiet");
    const check = await pd(["check", ...w.flags], w.env, w.deps);
    expect(check.code).toBe(0);
    const s = step(check.report, STAGING, "conflict-check");
    expect(s.status).toBe("in-sync");
    expect(s.evidence).toMatchObject({ verdict: "none", files: 2, mixedFiles: 1, rooms: 2 });
  });

  test("confirmed: Global Auto-Recording turned on after the deploy records every host again -> exit 3 with the evidence", async () => {
    await drift(w, true);
    await sessions(w, "drift");
    const check = await pd(["check", ...w.flags], w.env, w.deps);
    expect(check.code).toBe(3);
    const s = step(check.report, STAGING, "conflict-check");
    expect(s.status).toBe("conflict");
    expect(s.evidence).toMatchObject({ verdict: "confirmed", roomsRecordedTwice: 2, duplicateMinutes: 135, roomIds: ["drift-solo", "drift-cohost"], estimatedDoubleCost: { cny: 1.89 } });
    expect(s.detail).toContain("Global Auto-Recording is declared off, but the evidence says something records these rooms a second time");
    // The fix it proposes says what else turning Global Auto-Recording off stops.
    expect(s.detail.find((d) => d.startsWith("Fix:"))).toBe(
      "Fix: run post-deploy apply: it is declared off, so apply turns it off (console driver that can write; guided: the printed console change) after a search for rooms only it records; " +
        "mind that turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID, not only the Live rooms: TUICallKit calls, TUIRoomKit conferences, " +
        "rooms of plain TRTC SDK integrations, voice rooms (Karaoke, AudioSalon) and Live rooms created with IsCloudRecordEnabled false are no longer recorded, unless something else records them (TRTC Manual Recording). " +
        "Or acknowledge rule LR001 with a reason if the double recording is intended",
    );
    expect(check.stdout).toContain("exit 3: Global Auto-Recording double recording confirmed and not acknowledged: staging (1400000001)");
    expect(step(check.report, PRODUCTION, "conflict-check").status).toBe("in-sync");

    // The fix: declared off, and every host's recording has Live's too: apply turns it off; recordings after that are clean.
    const fix = await pd(["apply", ...w.flags], w.env, w.deps);
    expect(fix.code).toBe(0);
    expect(step(fix.report, STAGING, "console").detail).toContain("Global Auto-Recording: true -> false");
    await sessions(w, "after");
    const after = await pd(["check", ...w.flags], w.env, w.deps);
    expect(after.code).toBe(0);
    expect(step(after.report, STAGING, "conflict-check").evidence).toMatchObject({ verdict: "none", files: 2 });
  });

  test("suspected on the console reading alone: declared off, read on, no recording yet -> the detail says what the evidence is", async () => {
    await drift(w, true);
    await w.advance(5);
    const check = await pd(["check", ...w.flags], w.env, w.deps);
    const s = step(check.report, STAGING, "conflict-check");
    expect(s.status).toBe("warning");
    expect(s.evidence).toMatchObject({ verdict: "suspected", files: 0 });
    expect(s.detail).toContain("Global Auto-Recording is declared off, but the console reads it on (no recording in the window yet)");
    expect(s.detail).not.toContain("Global Auto-Recording is declared off, but the evidence says something records these rooms a second time");
  });

  test("suspected: recordings stored elsewhere (Global Auto-Recording into another VOD application) show only in the usage -> exit 2", async () => {
    await drift(w, true, { vodSubAppId: w.subApps.production });
    await sessions(w, "elsewhere");
    await w.advance(180); // settled: older than the 120-minute settle time
    const check = await pd(["check", ...w.flags], w.env, w.deps);
    const s = step(check.report, STAGING, "conflict-check");
    expect(s.status).toBe("warning");
    expect(s.evidence).toMatchObject({ verdict: "suspected", roomsRecordedTwice: 0, explainedMinutes: 75, usageMinutes: { single: 180, multi: 30 }, unexplainedMinutes: 135 });
    expect(s.detail.some((d) => d.startsWith("135 recorded minute(s) are not in Live's VOD application"))).toBe(true);
    // The console step scans the template's application too: every host there also has Live's recording, so it would turn it off.
    expect(step(check.report, STAGING, "console")).toMatchObject({ status: "would-change", evidence: { rooms: [], recordingsNotVisible: false } });
    expect(check.code).toBe(2);
  });

  test("acknowledged: declared on with LR001 acknowledged -> left on, warning with the reason, exit 2", async () => {
    await w.close();
    w = await world({
      fixedClock: true,
      environments: (url) => testEnvironments(url, { staging: { globalAutoRecording: "on" } }),
      customize: (stacks) => stacks.find((s) => s.node.id === "staging")!.recording.acknowledge("LR001", "call recordings need GAR until the 2027 migration (ticket 42)"),
    });
    expect((await pd(["apply", ...w.flags], w.env, w.deps)).code).toBe(2); // declared on, reads off: drift, never turned on
    await drift(w, true);
    await sessions(w, "ack");
    const check = await pd(["check", ...w.flags], w.env, w.deps);
    expect(check.code).toBe(2);
    const s = step(check.report, STAGING, "conflict-check");
    expect(s.status).toBe("warning");
    expect(s.evidence).toMatchObject({ verdict: "confirmed" });
    expect(s.detail).toContain("acknowledged (LR001): call recordings need GAR until the 2027 migration (ticket 42)");
    // The console step leaves Global Auto-Recording on.
    expect(step(check.report, STAGING, "console").status).toBe("in-sync");
    expect((await w.emu.admin.getConsoleState(STAGING)).globalAutoRecording.enabled).toBe(true);
  });
});
