import {
  DEFAULT_UNLIMITED_ROOM_ENABLED,
  SEAT_TEMPLATES,
  decideRoomRecording,
  parseSeatTemplate,
} from "../../lib/room-scope";

// The guide's "Application Scope" table, written out again here as the oracle (not imported from the code).
const SEED_DEFAULT_UNLIMITED: Record<string, boolean> = {
  ".videoDynamicGrid9Seats": true,
  ".videoDynamicFloat7Seats": true,
  ".videoFixedGrid9Seats": true,
  ".videoFixedFloat7Seats": true,
  ".videoLandscape4Seat": true,
  ".karaoke": false,
  ".audioSalon": false,
};

describe("room scope", () => {
  test("the seed's template table: client spellings map to REST templates with the stated defaults", () => {
    for (const [clientName, unlimited] of Object.entries(SEED_DEFAULT_UNLIMITED)) {
      const template = parseSeatTemplate(clientName);
      expect(template).toBeDefined();
      expect(DEFAULT_UNLIMITED_ROOM_ENABLED[template!]).toBe(unlimited);
    }
    expect(parseSeatTemplate("VideoLandscape4Seats")).toBe("VideoLandscape4Seats");
    expect(parseSeatTemplate("videoLandscape4Seats")).toBe("VideoLandscape4Seats");
    expect(parseSeatTemplate("Karaoke")).toBe("Karaoke");
    expect(parseSeatTemplate("karaoke")).toBe("Karaoke");
    expect(parseSeatTemplate("Theatre")).toBeUndefined();
  });

  describe("the guide's Step 2 table (IsCloudRecordEnabled vs Full Room Recording), video room in scope", () => {
    const room = { seatTemplate: "VideoDynamicGrid9Seats" as const };
    test.each([
      [undefined, true, true, "full-room-recording-on"],
      [undefined, false, false, "full-room-recording-off"],
      [true, false, true, "cloud-record-enabled-for-room"],
      [true, true, true, "cloud-record-enabled-for-room"],
      [false, true, false, "cloud-record-disabled-for-room"],
      [false, false, false, "cloud-record-disabled-for-room"],
    ])("IsCloudRecordEnabled=%p, Full Room Recording=%p → recorded %p (%s)", (isCloudRecordEnabled, fullRoomRecording, recorded, reason) => {
      const d = decideRoomRecording({ ...room, isCloudRecordEnabled }, { fullRoomRecording, storageConfigured: true });
      expect(d.recorded).toBe(recorded);
      expect(d.reason).toBe(reason);
    });
  });

  test("voice rooms are not recorded by default, even with IsCloudRecordEnabled=true", () => {
    for (const seatTemplate of ["Karaoke", "AudioSalon"] as const) {
      const d = decideRoomRecording({ seatTemplate, isCloudRecordEnabled: true }, { fullRoomRecording: true, storageConfigured: true });
      expect(d).toMatchObject({ recorded: false, reason: "voice-room-default", effectiveUnlimitedRoomEnabled: false });
      expect(d.explanation).toContain("voice rooms are not recorded by default");
    }
  });

  test("a voice room with isUnlimitedRoomEnabled=true is recorded only with Tencent's enablement as caveat", () => {
    const d = decideRoomRecording({ seatTemplate: "AudioSalon", isUnlimitedRoomEnabled: true, hostCount: 2 }, { fullRoomRecording: true, storageConfigured: true });
    expect(d).toMatchObject({
      recorded: true,
      content: "mixed-stream",
      caveat: "voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded",
    });
    expect(d.explanation).toBe(
      "recorded as one mixed-stream file of the 2 hosts: IsCloudRecordEnabled is empty and Full Room Recording is on (voice rooms: recording is not supported by default; Tencent must enable it for the app (Contact Us) before it is recorded)",
    );
    // Video rooms carry no caveat.
    expect(decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats" }, { fullRoomRecording: true, storageConfigured: true }).caveat).toBeUndefined();
  });

  test("the real cause of a room not recorded: explicit false, the voice default, the REST default", () => {
    const on = { fullRoomRecording: true, storageConfigured: true };
    expect(decideRoomRecording({ seatTemplate: "Karaoke", isUnlimitedRoomEnabled: false }, on)).toMatchObject({ reason: "unlimited-room-disabled", explanation: "isUnlimitedRoomEnabled is false" });
    expect(decideRoomRecording({ seatTemplate: "Karaoke" }, on)).toMatchObject({ reason: "voice-room-default" });
    expect(decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api" }, on)).toMatchObject({
      reason: "rest-api-default",
      explanation: "created with the REST create_room without IsUnlimitedRoomEnabled, which defaults to false there (send IsUnlimitedRoomEnabled: true)",
      effectiveUnlimitedRoomEnabled: false,
    });
    expect(decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", isUnlimitedRoomEnabled: true }, on).recorded).toBe(true);
  });

  test("without VOD application and save duration nothing is recorded, even IsCloudRecordEnabled=true", () => {
    const d = decideRoomRecording({ seatTemplate: "VideoFixedGrid9Seats", isCloudRecordEnabled: true }, { fullRoomRecording: true, storageConfigured: false });
    expect(d).toMatchObject({ recorded: false, reason: "storage-not-configured" });
  });

  test("rooms not created via Live are never recorded by Live", () => {
    const d = decideRoomRecording({ seatTemplate: "VideoFixedGrid9Seats", createdViaLive: false, isCloudRecordEnabled: true }, { fullRoomRecording: true, storageConfigured: true });
    expect(d).toMatchObject({ recorded: false, reason: "not-created-via-live" });
  });

  test("one host is single-stream, several hosts one mixed-stream file, unknown says both", () => {
    const on = { fullRoomRecording: true, storageConfigured: true };
    expect(decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats", hostCount: 1 }, on).content).toBe("single-stream");
    expect(decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats", hostCount: 4 }, on).content).toBe("mixed-stream");
    const unknown = decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats" }, on);
    expect(unknown.content).toBeUndefined();
    expect(unknown.explanation).toContain("single-stream with one host, one mixed-stream file with several hosts");
  });

  describe("every combination", () => {
    const tri = [undefined, true, false] as const;
    const cases: Array<[string, boolean | undefined, boolean | undefined, boolean, boolean, boolean, number | undefined, "client-sdk" | "rest-api" | undefined]> = [];
    for (const t of SEAT_TEMPLATES)
      for (const unlimited of tri)
        for (const cloud of tri)
          for (const frr of [true, false])
            for (const storage of [true, false])
              for (const viaLive of [true, false])
                for (const hosts of [undefined, 1, 3])
                  for (const createdWith of [undefined, "client-sdk", "rest-api"] as const) cases.push([t, unlimited, cloud, frr, storage, viaLive, hosts, createdWith]);

    test(`${cases.length} combinations follow the guide's four conditions, with the default of how the room is created`, () => {
      expect(cases.length).toBe(7 * 3 * 3 * 2 * 2 * 2 * 3 * 3);
      for (const [seatTemplate, isUnlimitedRoomEnabled, isCloudRecordEnabled, fullRoomRecording, storageConfigured, createdViaLive, hostCount, createdWith] of cases) {
        const clientName = Object.keys(SEED_DEFAULT_UNLIMITED).find((n) => parseSeatTemplate(n) === seatTemplate)!;
        // Client SDK: the guide's table; REST create_room: false (reference §5.2).
        const unlimited = isUnlimitedRoomEnabled ?? (createdWith === "rest-api" ? false : SEED_DEFAULT_UNLIMITED[clientName]);
        const wanted = isCloudRecordEnabled === true || (isCloudRecordEnabled === undefined && fullRoomRecording);
        const expected = createdViaLive && unlimited && wanted && storageConfigured;
        const d = decideRoomRecording(
          { seatTemplate: seatTemplate as never, isUnlimitedRoomEnabled, isCloudRecordEnabled, createdViaLive, hostCount, createdWith },
          { fullRoomRecording, storageConfigured },
        );
        const label = JSON.stringify({ seatTemplate, isUnlimitedRoomEnabled, isCloudRecordEnabled, fullRoomRecording, storageConfigured, createdViaLive, hostCount, createdWith });
        expect([label, d.recorded]).toEqual([label, expected]);
        expect([label, d.effectiveUnlimitedRoomEnabled]).toEqual([label, unlimited]);
        const content = !expected || hostCount === undefined ? undefined : hostCount > 1 ? "mixed-stream" : "single-stream";
        expect([label, d.content]).toEqual([label, content]);
        expect(d.explanation.length).toBeGreaterThan(10);
        const voice = seatTemplate === "Karaoke" || seatTemplate === "AudioSalon";
        expect([label, d.caveat !== undefined]).toEqual([label, expected && voice]);
      }
    });
  });
});
