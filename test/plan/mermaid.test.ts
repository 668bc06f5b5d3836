import { buildRecordingPlan } from "../../plan/build";
import { escapeMermaidLabel, renderMermaid } from "../../plan/mermaid";
import type { AppPlan } from "../../plan/model";
import { desiredStates, fixtureApp, fixtureState, withEnvironment } from "./support";

const RED_LINK = /^ {2}linkStyle [\d,]+ stroke:#d62728/m;

function appPlan(...args: Parameters<typeof fixtureApp>): AppPlan {
  return buildRecordingPlan([fixtureState("qa", [fixtureApp(...args)])]).environments[0].apps[0];
}

describe("Mermaid flow", () => {
  test("production of the example app (snapshot)", () => {
    const production = buildRecordingPlan(desiredStates()).environments.find((e) => e.name === "production")!.apps[0];
    expect(renderMermaid(production)).toMatchSnapshot();
  });

  test("rooms → recorded or not, single/mixed → VOD application (retention) → callbacks", () => {
    const staging = buildRecordingPlan(desiredStates()).environments.find((e) => e.name === "staging")!.apps[0];
    const m = renderMermaid(staging);
    expect(m.split("\n")[0]).toBe("flowchart LR");
    expect(m).toContain('  room_0 -->|"Full Room Recording on"| rec_single');
    expect(m).toContain('  room_1 -->|"Full Room Recording on"| rec_mixed');
    expect(m).toContain('  room_2 -.->|"voice room: not recorded by default"| not_recorded');
    expect(m).toContain('  vod[("VOD live-recording-staging<br/>kept 30 days")]');
    expect(m).toContain("  rec_single --> vod");
    expect(m).toContain("  vod -.-> cb_live");
    expect(m).toContain('cb_live["Live webhook callback<br/>https://hooks.staging.example.com/live<br/>signed"]');
  });

  test("no red duplicate path when Global Auto-Recording is declared off", () => {
    const m = renderMermaid(appPlan({ globalAutoRecording: "off" }));
    expect(m).not.toMatch(RED_LINK);
    expect(m).not.toContain("gar");
  });

  test("Global Auto-Recording on: a solid red per-host path from every recorded room", () => {
    const app = appPlan({
      globalAutoRecording: "on",
      rooms: [
        { name: "a", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: true, typicalHosts: 1 },
        { name: "b", seatTemplate: "Karaoke", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: false, typicalHosts: null },
      ],
      findings: [{ ruleId: "LR001", severity: "error", message: "double", path: "qa/LiveRecording", acknowledgedReason: null }],
    });
    const m = renderMermaid(app);
    const lines = m.split("\n");
    const edges = lines.filter((l) => /^ {2}\S+ (-->|-\.->|==>)/.test(l));
    const dupIndexes = edges.map((l, i) => (l.includes("gar") ? i : -1)).filter((i) => i >= 0);
    expect(edges.filter((l) => l.includes("gar"))).toEqual(['  room_0 ==>|"again, per host"| gar', "  gar ==> gar_files"]);
    expect(dupIndexes).toHaveLength(2);
    expect(lines).toContain(`  linkStyle ${dupIndexes.join(",")} stroke:#d62728,stroke-width:2px`);
    expect(m).toContain("  class gar,gar_files duplicate");
    expect(m).toContain('gar{{"Global Auto-Recording on<br/>LR001"}}');
    expect(m).toContain('gar_files["one more file per host<br/>may be recorded twice: extra charges"]');
    // the room Live does not record (Karaoke) has no duplicate path
    expect(m).not.toContain("room_1 ==>");
  });

  test("Global Auto-Recording undeclared while Live records: the duplicate path is dashed", () => {
    const m = renderMermaid(appPlan({ globalAutoRecording: "unknown" }));
    expect(m).toContain('  room_0 -.->|"if on: again, per host"| gar');
    expect(m).toMatch(/ {2}linkStyle [\d,]+ stroke:#d62728,stroke-width:2px,stroke-dasharray:5 5/);
    expect(m).toContain("  class gar,gar_files duplicateUnverified");
  });

  test("a voice room planned as recorded says it needs Tencent's enablement; a REST room without the flag says why it is not recorded", () => {
    const m = renderMermaid(
      appPlan({
        rooms: [
          { name: "salon", seatTemplate: "AudioSalon", createdWith: "client-sdk", isUnlimitedRoomEnabled: true, isCloudRecordEnabled: null, expectRecorded: true, typicalHosts: 2 },
          { name: "api", seatTemplate: "VideoDynamicGrid9Seats", createdWith: "rest-api", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: false, typicalHosts: 1 },
        ],
      }),
    );
    expect(m).toContain('  room_0["salon<br/>AudioSalon<br/>if Tencent enabled voice-room recording"]');
    expect(m).toContain('  room_0 -->|"Full Room Recording on"| rec_mixed');
    expect(m).toContain('  room_1 -.->|"REST create_room: isUnlimitedRoomEnabled defaults to false"| not_recorded');
  });

  test("node ids do not depend on names; labels are escaped", () => {
    const app = appPlan({
      rooms: [{ name: 'a"b <x> | `c` #1 & end', seatTemplate: "VideoDynamicGrid9Seats", createdWith: "client-sdk", isUnlimitedRoomEnabled: null, isCloudRecordEnabled: null, expectRecorded: true, typicalHosts: 1 }],
    });
    const m = renderMermaid(app);
    expect(m).toContain('  room_0["a#quot;b #lt;x#gt; #124; #96;c#96; #35;1 #amp; end<br/>VideoDynamicGrid9Seats"]');
    expect(escapeMermaidLabel("x\ny")).toBe("x y");
  });

  test("same plan, same diagram", () => {
    const a = renderMermaid(buildRecordingPlan(desiredStates(withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "on" })))).environments[1].apps[0]);
    const b = renderMermaid(buildRecordingPlan(desiredStates(withEnvironment("staging", (e) => ({ ...e, globalAutoRecording: "on" })))).environments[1].apps[0]);
    expect(a).toBe(b);
    expect(a).toContain("gar ==> gar_files");
  });
});
