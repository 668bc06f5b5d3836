/** The guided console driver (real accounts): console changes printed for a person, attestations bound to a hash. */
import { readFileSync } from "fs";
import * as path from "path";
import { Retention } from "../../constructs";
import { PRODUCTION, STAGING, World, expectNoSecret, pd, step, synthInto, testEnvironments, world } from "./helpers";

describe("guided console driver", () => {
  let w: World;
  let guided: string[];
  let attestations: string;
  beforeAll(async () => {
    w = await world();
    attestations = path.join(w.dir, "post-deploy.attestations.json");
    guided = [...w.flags.filter((f, i, all) => f !== "--console-driver" && all[i - 1] !== "--console-driver"), "--attestations", attestations];
  });
  afterAll(async () => {
    await w.close();
  });

  test("apply prints the exact console changes (status manual, exit 2), never the key; check fails until someone attests", async () => {
    const apply = await pd(["apply", ...guided], w.env);
    expect(apply.code).toBe(2);
    const s = step(apply.report, STAGING, "console");
    expect(s.status).toBe("manual");
    expect(s.instructions).toEqual([
      `TRTC console > Application ${STAGING} > Advanced Features > On-cloud recording > Global Auto-Recording: Off (turning Global Auto-Recording off stops its recording of every TRTC room of the SDKAppID, not only the Live rooms: TUICallKit calls, TUIRoomKit conferences, rooms of plain TRTC SDK integrations, voice rooms (Karaoke, AudioSalon) and Live rooms created with IsCloudRecordEnabled false are no longer recorded, unless something else records them (TRTC Manual Recording))`,
      `TRTC console (SDKAppID ${STAGING}) > Live Configuration > Room Recording > Configure: VOD Application = ${w.subApps.staging}, Save Duration = 30 days, Full Room Recording = On`,
      "  (Video on Demand must be activated first: if it is not, Configure Now prompts to enable VOD. A change applies to rooms created after it; rooms already live keep what was decided when they were created " +
        "(our reading of \"starting or stopping recording mid-session is not supported\"). The guide does not list Save Duration's options or unit: choose the declared duration.)",
      `TRTC console > Application ${STAGING} > Advanced Features > Callback configuration: Cloud recording callback URL = ${w.receiver.url}/staging/trtc, Callback key = the value of environment variable STAGING_TRTC_CALLBACK_KEY (not shown)`,
      `Then record it: npx trtc-live-recording post-deploy attest --sdk-app-id ${STAGING} --by "<your name>"`,
    ]);
    expect(apply.stdout).toContain("In the console:");
    // The search before the instruction cannot count one-host rooms without reading the switch: it says so.
    expect(s.detail).toContain(
      "not counted: rooms with one host's file and no other recording of it (Live's single-stream file of a one-host room looks the same, " +
        "and this driver cannot read whether Global Auto-Recording is on): check that no one-host call or voice room relies on it",
    );
    expectNoSecret(apply.stdout);
    // Nothing was written to the console by the guided driver.
    expect((await w.emu.admin.getConsoleState(STAGING)).liveRoomRecording.fullRoomRecording).toBe(false);

    const check = await pd(["check", ...guided], w.env);
    expect(check.code).toBe(2);
    expect(step(check.report, STAGING, "console").detail[0]).toMatch(/^no attestation for this app yet: make the console changes/);
  });

  test("attest, then check is in sync; a declaration changed after the attestation fails check (exit 2) naming the app", async () => {
    for (const id of [STAGING, PRODUCTION]) {
      const a = await pd(["attest", "--sdk-app-id", String(id), "--by", "alice", "--note", "ticket 7", "--synth-dir", w.synthDir, "--outputs-file", w.outputsFile, "--attestations", attestations], w.env);
      expect(a.code).toBe(0);
      expect(a.stdout).toMatch(/^attested: the console of SDKAppID \d+ \((staging|production)\) matches the declaration with hash [0-9a-f]{12}, by alice/);
    }
    const file = JSON.parse(readFileSync(attestations, "utf8")) as { attestations: { sdkAppId: number; console: unknown; note: string }[] };
    expect(file.attestations.map((a) => a.sdkAppId)).toEqual([STAGING, PRODUCTION]);
    expect(file.attestations[0].console).toEqual({
      sdkAppId: STAGING,
      globalAutoRecording: { enabled: false },
      liveRoomRecording: { vodSubAppId: w.subApps.staging, saveDurationSeconds: 2592000, fullRoomRecording: true },
      trtcCallbacks: { recordingCallbackUrl: `${w.receiver.url}/staging/trtc` },
    });
    expectNoSecret(readFileSync(attestations, "utf8"));

    const check = await pd(["check", ...guided], w.env);
    expect(check.code).toBe(0);
    expect(step(check.report, STAGING, "console").detail[0]).toMatch(/^the console matches the declaration, attested by alice at /);

    // WHEN staging's retention changes after the attestation
    synthInto(w.synthDir, testEnvironments(w.receiver.url, { staging: { retention: Retention.days(31) } }));
    const after = await pd(["check", ...guided], w.env);
    // THEN
    expect(after.code).toBe(2);
    expect(step(after.report, PRODUCTION, "console").status).toBe("in-sync");
    const s = step(after.report, STAGING, "console");
    expect(s.status).toBe("would-change");
    expect(s.detail[0]).toMatch(/^the declaration changed after the last attestation \(attested by alice at .*\): make the console changes .* then attest: npx trtc-live-recording post-deploy attest --sdk-app-id 1400000001/);
    expect(after.stdout).toContain("exit 2: changes pending for staging (1400000001)");
  });
});

describe("guided console driver and Global Auto-Recording", () => {
  const guidedFlags = (w: World) => [...w.flags.filter((f, i, all) => f !== "--console-driver" && all[i - 1] !== "--console-driver"), "--attestations", path.join(w.dir, "att.json")];

  test('declared "off" while a call is recorded per host (Live never records per host): no "turn it off" instruction, refused (exit 4)', async () => {
    const w = await world({ fixedClock: true });
    try {
      await w.advance(60);
      // Global Auto-Recording stores into Live's VOD application (the emulator's default for its template), so its files are seen.
      await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true, vodSubAppId: w.subApps.staging } });
      await w.advance(60); // rooms are decided when created: the call starts after the console change
      await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "call-1", roomKind: "trtc", hosts: ["u1", "u2"], minutes: 10 });
      await w.advance(5);
      const apply = await pd(["apply", ...guidedFlags(w)], w.env, w.deps);
      expect(apply.code).toBe(4);
      const s = step(apply.report, STAGING, "console");
      expect(s.status).toBe("refused");
      expect(s.instructions?.some((i) => i.includes("Global Auto-Recording"))).toBe(false);
      expect(s.instructions?.[0]).toMatch(/Live Configuration > Room Recording > Configure/);
      expect(s.detail).toContain("if Global Auto-Recording is already Off in the console, there is nothing to stop: leave it Off");
      expect(s.detail.some((d) => d.includes("call-1 (u1, u2; 20 min)"))).toBe(true);
    } finally {
      await w.close();
    }
  });

  test("undeclared: no Global Auto-Recording instruction at all; the report explains the choice", async () => {
    const w = await world({ fixedClock: true, environments: (url) => testEnvironments(url, { staging: { globalAutoRecording: "unknown" } }) });
    try {
      const apply = await pd(["apply", ...guidedFlags(w)], w.env, w.deps);
      const s = step(apply.report, STAGING, "console");
      expect(s.status).toBe("manual");
      expect(s.instructions?.some((i) => i.includes("Global Auto-Recording"))).toBe(false);
      expect(s.detail.some((d) => d.startsWith('Global Auto-Recording is undeclared, so post-deploy never changes it. Look in the TRTC console'))).toBe(true);
    } finally {
      await w.close();
    }
  });
});

test("guided: recordings the scanned VOD application does not hold (usage above the files) also stop the instruction", async () => {
  const w = await world({ fixedClock: true });
  try {
    await w.advance(60);
    // Global Auto-Recording stores where post-deploy cannot look (here: the primary VOD application).
    await w.emu.admin.setConsoleState(STAGING, { globalAutoRecording: { enabled: true } });
    await w.advance(60); // rooms are decided when created: the call starts after the console change
    await w.emu.admin.simulateSession({ sdkAppId: STAGING, roomId: "call-2", roomKind: "trtc", hosts: ["u1", "u2"], minutes: 10 });
    await w.advance(5);
    const guidedFlags = [...w.flags.filter((f, i, all) => f !== "--console-driver" && all[i - 1] !== "--console-driver"), "--attestations", path.join(w.dir, "att.json")];
    const apply = await pd(["apply", ...guidedFlags], w.env, w.deps);
    expect(apply.code).toBe(4);
    expect(step(apply.report, STAGING, "console").detail).toContain(
      "20 recorded minute(s) of this SDKAppID are not in the scanned VOD application(s) (DescribeRecordingUsage): recordings stored elsewhere (Global Auto-Recording to COS or another application, or API recordings) whose rooms cannot be named",
    );
  } finally {
    await w.close();
  }
});

describe("consoleInstructions (pure)", () => {
  test("says Save Duration's options are undocumented only when it asks for a Save Duration", async () => {
    const { consoleInstructions } = await import("../../postdeploy/drivers/guided");
    const note = "The guide does not list Save Duration's options or unit: choose the declared duration.";
    expect(consoleInstructions(1400000001, { liveRoomRecording: { saveDurationSeconds: 86400 } })[1]).toContain(note);
    const frrOnly = consoleInstructions(1400000001, { liveRoomRecording: { fullRoomRecording: true } });
    expect(frrOnly[0]).toBe("TRTC console (SDKAppID 1400000001) > Live Configuration > Room Recording > Configure: Full Room Recording = On");
    expect(frrOnly[1]).toMatch(/^ {2}\(Video on Demand must be activated first: .*\(our reading of "starting or stopping recording mid-session is not supported"\)\.\)$/);
  });
});
