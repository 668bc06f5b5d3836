/**
 * Property-based tests of every public entry.
 *
 * 1. Whatever a user writes (valid or not, right types or not), building and synthesizing environments either works
 *    or fails with our ValidationError: never a TypeError, never a crash inside cdktf.
 * 2. The same for the other entries (StateBackend, Retention, CallbackSecret, VodApplication, VodEventCallback,
 *    RecordingCallbacks, ManualRecording and its request, PostDeployHook, Acknowledgements, repeated defineEnvironments).
 * 3. No false refusal: generated valid environments are all accepted and synthesize.
 * 4. No silent acceptance: each of those valid environments with one known mistake (an unknown or misspelt key, a
 *    zone for a region, a Map for a record, a list for an object, an uncalled function, a reserved tag key, a URL with
 *    a fragment, whitespace or credentials, a duplicate across calls, ...) is refused with a ValidationError.
 */
import fc from "fast-check";
import { Construct } from "constructs";
import {
  CallbackSecret,
  DesiredStateDocument,
  LiveRecording,
  ManualRecording,
  PostDeployHook,
  RecordingCallbacks,
  Retention,
  VodApplication,
  VodEventCallback,
} from "../../constructs";
import { TerraformStack, Testing } from "../../lib/cdktf";
import { TENCENT_CLOUD_REGIONS } from "../../lib/regions";
import { SEAT_TEMPLATES, decideRoomRecording } from "../../lib/room-scope";
import { ValidationError } from "../../lib/validation";
import { Acknowledgements } from "../../rules";
import { EnvironmentConfig, LiveRecordingStack, StateBackend, defineEnvironments } from "../../stacks";
import { testStack } from "../support/synth";

/** Counts of each property, printed with FUZZ_DEBUG=1 (and reported in the README). */
const counts: Record<string, { accepted: number; rejected: number }> = {};
const reasons = new Map<string, number>();
function count(property: string, accepted: boolean): void {
  const c = (counts[property] ??= { accepted: 0, rejected: 0 });
  if (accepted) c.accepted++;
  else c.rejected++;
}
afterAll(() => {
  if (process.env.FUZZ_DEBUG) console.log(JSON.stringify(counts), [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15));
});

/** Runs `fn`; true when it succeeded, false on a ValidationError; anything else fails the property. */
function outcome(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof ValidationError) {
      reasons.set(err.property, (reasons.get(err.property) ?? 0) + 1);
      return false;
    }
    throw err;
  }
}

function synthAll(stacks: readonly TerraformStack[]): void {
  for (const stack of stacks) {
    Testing.synth(stack, true);
    DesiredStateDocument.of(stack).render();
  }
}

/** Mostly-plausible values with a good share of wrong ones, so runs reach deep into validation. */
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 150, arbitrary: good }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constant(undefined) });
/** Usually one of the valid constants, sometimes an invalid one. */
const mostly = <T>(valid: T[], invalid: T[]) =>
  fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
/** Usually one of the plausible values, sometimes any string. */
const text = (plausible: string[], maxLength: number) =>
  fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: fc.string({ maxLength }) });

const url = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom("https://h.example.com/cb", "https://hooks.example.com/live") },
  fc.constantFrom("https://h.example.com/cb", "http://h.example.com/cb", "http://127.0.0.1:9/cb", "ftp://x", "", "not a url", "https://u:p@h.example.com/", "https://h.example.com/#x"),
  fc.webUrl(),
);
const secret = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 40, arbitrary: fc.constantFrom("KEY_ONE", "TF_KEY").map((n) => (n.startsWith("TF") ? CallbackSecret.fromTerraformVariable(n) : CallbackSecret.fromEnvironment(n))) },
  fc.constantFrom("KEY_ONE", "TF_KEY", "1bad", "with-dash").map((n) => {
    try {
      return n.startsWith("TF") ? CallbackSecret.fromTerraformVariable(n) : CallbackSecret.fromEnvironment(n);
    } catch {
      return "not a secret";
    }
  }),
  { weight: 1, arbitrary: fc.constant(CallbackSecret.fromEnvironment) },
);
const retention = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 1, max: 24855 }).map((d) => Retention.days(d)) },
  { weight: 3, arbitrary: fc.constant(Retention.forever()) },
  fc.constantFrom(-5, 0, 1.5, 24856).map((d) => {
    try {
      return Retention.days(d);
    } catch {
      return d;
    }
  }),
  fc.constant(Retention.forever),
);
const tagKey = fc.oneof({ weight: 40, arbitrary: fc.constantFrom("env", "team", "cost-center", "部门") }, fc.constantFrom("qcs:owner", "project", "a#b", " x"), fc.string({ maxLength: 8 }));
const tagValue = fc.oneof({ weight: 40, arbitrary: fc.constantFrom("prod", "live", "a@b.example.com") }, fc.constantFrom("", "x "), fc.anything());
const tags = fc.oneof({ weight: 20, arbitrary: fc.dictionary(tagKey, tagValue, { maxKeys: 4 }) }, fc.dictionary(tagKey, tagValue, { maxKeys: 11 }), fc.constant(new Map([["env", "prod"]])));
const room = fc.record(
  {
    name: maybe(text(["shows", "ktv", "co-host", "vip", "late"], 70)),
    seatTemplate: maybe(fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...SEAT_TEMPLATES, ".karaoke", ".videoLandscape4Seat") }, fc.constant("Theatre"), fc.string())),
    createdWith: maybe(mostly(["client-sdk", "rest-api"], ["rest"])),
    isUnlimitedRoomEnabled: maybe(fc.boolean()),
    isCloudRecordEnabled: maybe(fc.boolean()),
    expectRecorded: maybe(fc.boolean()),
    typicalHosts: maybe(fc.integer({ min: 0, max: 26 })),
  },
  { requiredKeys: ["name", "seatTemplate"] },
);
const environment = fc.record(
  {
    name: maybe(text(["prod", "staging", "qa"], 45)),
    sdkAppId: maybe(fc.oneof({ weight: 60, arbitrary: fc.integer({ min: 1400000000, max: 1400000100 }) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 2 ** 32 }) }, { weight: 1, arbitrary: fc.double() })),
    region: fc.oneof(
      { weight: 40, arbitrary: fc.constantFrom("ap-guangzhou", "ap-singapore", "na-siliconvalley") },
      fc.constantFrom("ap-guangzhou-3", "guangzhou", "us-east-1"),
      fc.anything(),
    ),
    vodApplication: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 30,
        arbitrary: maybe(
          fc.record(
            { name: maybe(text(["live-rec", "rec_1"], 45)), description: maybe(text(["recordings"], 320)), tags: maybe(tags), enabled: maybe(fc.boolean()) },
            { requiredKeys: ["name"] },
          ),
        ),
      },
    ),
    retention: maybe(retention),
    backend: fc.oneof(
      { weight: 40, arbitrary: fc.constant(undefined) },
      { weight: 5, arbitrary: fc.constant(StateBackend.local()) },
      fc.constant(StateBackend.local),
      fc.constant({ bucket: "b-1250000000", region: "ap-guangzhou" }),
    ),
    fullRoomRecording: maybe(fc.boolean()),
    globalAutoRecording: maybe(mostly(["off", "on", "unknown"], ["maybe"])),
    account: maybe(mostly(["acme", "1234567"], ["bad account"])),
    callbacks: maybe(
      fc.record(
        {
          vodEvents: maybe(fc.record({ url: maybe(url), deleteEvents: maybe(fc.boolean()), signKey: maybe(secret) }, { requiredKeys: ["url"] })),
          trtcRecording: maybe(fc.record({ url: maybe(url), key: maybe(secret) }, { requiredKeys: ["url"] })),
          liveWebhook: maybe(
            fc.record(
              {
                url: maybe(url),
                commands: maybe(fc.array(mostly(["Live.CallbackAfterCreateRoom", "Live.CallbackAfterDestroyRoom"], ["Nope"]), { minLength: 1, maxLength: 4 })),
                token: maybe(secret),
              },
              { requiredKeys: ["url"] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    rooms: maybe(fc.uniqueArray(maybe(room), { maxLength: 4, selector: (r) => (r as { name?: unknown } | undefined)?.name })),
    expectedUsage: maybe(
      fc.record(
        {
          peakConcurrentRecordings: maybe(fc.integer({ min: -1, max: 1000 })),
          recordedHoursPerMonth: maybe(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 100000 }) }, fc.double({ min: -10, max: 1e6, noNaN: false }))),
          resolution: maybe(mostly(["Audio", "SD", "HD", "FullHD", "2K", "4K"], ["8K"])),
          averageBitrateKbps: maybe(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 20000 }) }, fc.double({ min: -1, max: 1e5 }))),
        },
        { requiredKeys: [] },
      ),
    ),
    outputPrefix: maybe(mostly(["", "eu_"], ["Bad-"])),
  },
  { requiredKeys: ["name", "sdkAppId", "region", "vodApplication"] },
);

describe("configuration fuzzing", () => {
  test("1,000 generated configurations: success or ValidationError, nothing else", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 12, arbitrary: fc.uniqueArray(environment, { minLength: 1, maxLength: 3, selector: (e) => e.name }) },
          { weight: 1, arbitrary: fc.array(maybe(environment), { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.anything() },
        ),
        (envs) => {
          count("environments", outcome(() => synthAll(defineEnvironments(Testing.app(), envs as unknown as EnvironmentConfig[]))));
        },
      ),
      { numRuns: 1000, seed: 20261125 },
    );
    // The generator must reach both outcomes, or the property says little.
    expect(counts.environments.accepted).toBeGreaterThan(100);
    expect(counts.environments.rejected).toBeGreaterThan(100);
  });

  /** Any value, or one of a few of the right kind, for an argument of the other entries. */
  const arg = <T>(...good: T[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...good) }, { weight: 2, arbitrary: fc.anything({ withMap: true, withSet: true }) });
  const vod = (s: Construct) => VodApplication.fromSubAppId(s, "Vod", 1500000001);
  const entries: Record<string, fc.Arbitrary<() => unknown>> = {
    "Retention.days": arg(7, 0, 24855).map((d) => () => Retention.days(d as number)),
    "Retention.fromSpec": arg({ days: 3 }, { forever: true }, { days: 3, forever: true }).map((s) => () => Retention.fromSpec(s as never)),
    "StateBackend.local": arg(undefined, "state.tfstate", "").map((p) => () => StateBackend.local(p as string)),
    "StateBackend.cos": arg({ bucket: "tf-1250000000", region: "ap-guangzhou" }, { bucket: "tf-1250000000", region: "ap-guangzhou-2" }).map((o) => () => StateBackend.cos(o as never)),
    "CallbackSecret.fromEnvironment": arg("KEY", "1KEY").map((v) => () => CallbackSecret.fromEnvironment(v as string)),
    "CallbackSecret.fromTerraformVariable": arg("key", "a-b").map((v) => () => CallbackSecret.fromTerraformVariable(v as string)),
    "VodApplication.fromSubAppId": fc.tuple(arg(1, 0), arg(undefined, "old", "a b")).map(([id, name]) => () => VodApplication.fromSubAppId(testStack(), "Old", id as number, name as string)),
    VodApplication: arg({ name: "rec" }, { name: "rec", tags: { env: "prod" } }, { name: "rec", tags: new Map() }).map((p) => () => synthAll([stackWith((s) => new VodApplication(s, "Vod", p as never))])),
    VodEventCallback: fc
      .tuple(arg("https://h.example.com/vod", "http://h.example.com/vod", "https://h.example.com/v#x"), arg(undefined, true))
      .map(([u, d]) => () => synthAll([stackWith((s) => new VodEventCallback(s, "Events", { application: vod(s), url: u as string, deleteEvents: d as boolean }))])),
    RecordingCallbacks: arg({ liveWebhook: { url: "https://h.example.com/live" } }, { trtcRecording: { url: "https://h.example.com/t", key: "literal" } }, {}).map(
      (p) => () => synthAll([stackWith((s) => new RecordingCallbacks(s, "Cb", p as never))]),
    ),
    ManualRecording: fc
      .tuple(arg({ recordMode: "mixed-stream" }, { recordMode: "single-stream", mixLayout: "grid" }, { recordMode: "mixed-stream", vodStorageRegion: "ap-guangzhou-3" }), arg({ roomId: "12", robotUserId: "bot", robotUserSig: "sig" }, { roomId: "x" }))
      .map(([p, t]) => () => {
        const s = testStack();
        new ManualRecording(s, "Manual", { sdkAppId: 1400000001, vodApplication: vod(s), ...(p as object) } as never).toCreateCloudRecordingRequest(t as never);
      }),
    PostDeployHook: arg({ extraArgs: ["--verbose"] }, { projectDir: "a b" }, {}).map((p) => () => {
      const stack = new LiveRecordingStack(Testing.app(), "env", { sdkAppId: 1400000001, region: "ap-guangzhou" });
      new PostDeployHook(stack, "Hook", { recording: stack.recording, ...(p as object) });
      synthAll([stack]);
    }),
    Acknowledgements: arg({ id: "LR007", reason: "checked in the console" }, { id: "LR008", reason: "our backend records it", appliesTo: ["Room::shows"] }, { id: "LR005", reason: "x" }).map((a) => () => {
      const stack = new LiveRecordingStack(Testing.app(), "env", { sdkAppId: 1400000001, region: "ap-guangzhou", rooms: [{ name: "shows", seatTemplate: "Karaoke" }] });
      Acknowledgements.of(stack).add(a as never);
      synthAll([stack]);
    }),
    decideRoomRecording: fc
      .tuple(arg({ seatTemplate: "Karaoke" }, { seatTemplate: "VideoDynamicGrid9Seats", isCloudRecordEnabled: true }, { seatTemplate: ".karaoke" }), arg({ fullRoomRecording: true, storageConfigured: true }, { fullRoomRecording: "yes" }))
      .map(([room, settings]) => () => decideRoomRecording(room as never, settings as never)),
    "defineEnvironments twice": fc.tuple(arg("prod", "qa"), arg(1400000001, 1400000002)).map(([name, sdkAppId]) => () => {
      const app = Testing.app();
      defineEnvironments(app, [{ name: "prod", sdkAppId: 1400000001, region: "ap-guangzhou" }]);
      synthAll(defineEnvironments(app, [{ name, sdkAppId, region: "ap-guangzhou" } as never]));
    }),
  };

  test("every other public entry: success or ValidationError, nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(...Object.entries(entries).map(([name, a]) => a.map((run) => [name, run] as const))), ([name, run]) => {
        count(`entry ${name}`, outcome(run));
      }),
      { numRuns: 400, seed: 20261126 },
    );
    for (const name of Object.keys(entries)) {
      expect(counts[`entry ${name}`]?.accepted ?? 0).toBeGreaterThan(0);
      expect(counts[`entry ${name}`]?.rejected ?? 0).toBeGreaterThan(0);
    }
  });

  // A generator of valid environments only, and mistakes each of which makes one of them invalid.
  const validRoom = fc.record(
    {
      name: fc.constantFrom("shows", "ktv", "co-host", "vip"),
      seatTemplate: fc.constantFrom(...SEAT_TEMPLATES),
      createdWith: fc.constantFrom("client-sdk", "rest-api"),
      isUnlimitedRoomEnabled: fc.boolean(),
      isCloudRecordEnabled: fc.boolean(),
      expectRecorded: fc.boolean(),
      typicalHosts: fc.integer({ min: 1, max: 25 }),
    },
    { requiredKeys: ["name", "seatTemplate"] },
  );
  const validUrl = fc.constantFrom("https://h.example.com/cb", "https://hooks.example.com:8443/live?x=1", "http://127.0.0.1:9000/cb", "http://localhost/cb");
  const validSecret = fc.constantFrom("VOD_KEY", "live_token").map((n) => (n === "VOD_KEY" ? CallbackSecret.fromEnvironment(n) : CallbackSecret.fromTerraformVariable(n)));
  const validEnvironment = (name: string, sdkAppId: number) =>
    fc.record(
      {
        name: fc.constant(name),
        sdkAppId: fc.constant(sdkAppId),
        region: fc.constantFrom(...TENCENT_CLOUD_REGIONS),
        vodApplication: fc.record(
          {
            name: fc.constantFrom("live-rec", "rec_1"),
            description: fc.constantFrom("Live recordings", ""),
            tags: fc.dictionary(fc.constantFrom("env", "team", "cost-center", "部门", "owner:email"), fc.constantFrom("prod", "a@b.example.com", "【直播】"), { maxKeys: 10 }),
            enabled: fc.boolean(),
          },
          { requiredKeys: ["name"] },
        ),
        retention: fc.oneof(fc.integer({ min: 1, max: 24855 }).map((d) => Retention.days(d)), fc.constant(Retention.forever())),
        backend: fc.constantFrom(undefined, StateBackend.local(), StateBackend.cos({ bucket: "tf-1250000000", region: "ap-guangzhou" })),
        fullRoomRecording: fc.boolean(),
        globalAutoRecording: fc.constantFrom("off" as const, "unknown" as const),
        account: fc.constantFrom("acme", "1234567"),
        callbacks: fc.record(
          {
            vodEvents: fc.record({ url: validUrl, deleteEvents: fc.boolean(), signKey: validSecret }, { requiredKeys: ["url"] }),
            trtcRecording: fc.record({ url: validUrl, key: validSecret }, { requiredKeys: ["url"] }),
            liveWebhook: fc.record({ url: validUrl, commands: fc.constant(["Live.CallbackAfterCreateRoom" as const]), token: validSecret }, { requiredKeys: ["url"] }),
          },
          { requiredKeys: [] },
        ),
        rooms: fc.uniqueArray(validRoom, { maxLength: 4, selector: (r) => r.name }),
        expectedUsage: fc.record(
          { peakConcurrentRecordings: fc.integer({ min: 0, max: 300 }), recordedHoursPerMonth: fc.integer({ min: 0, max: 1000 }), resolution: fc.constantFrom("SD" as const, "HD" as const) },
          { requiredKeys: [] },
        ),
        outputPrefix: fc.constantFrom("", "eu_"),
      },
      { requiredKeys: ["name", "sdkAppId", "region", "vodApplication", "retention"] },
    );
  const validEnvironments = fc.tuple(validEnvironment("prod", 1400000001), validEnvironment("qa", 1400000002)).map(([a, b]) => [a, b] as EnvironmentConfig[]);

  test("no false refusal: 100 valid generated configurations are accepted and synthesize", () => {
    fc.assert(
      fc.property(validEnvironments, (envs) => {
        synthAll(defineEnvironments(Testing.app(), envs));
        count("valid", true);
      }),
      { numRuns: 100, seed: 20261127 },
    );
  });

  /** A mistake: the changed environment (or a second call), and the property the refusal must name. */
  type Mistake = (env: Record<string, unknown>, word: string, n: number) => [changed: Record<string, unknown> | "twice" | "twice-sdk", property: RegExp];
  const KNOWN = ["name", "sdkAppId", "region", "backend", "postDeployHook", "account", "vodApplication", "retention", "callbacks", "fullRoomRecording", "globalAutoRecording", "acceptStoppingOtherRecordings", "rooms", "expectedUsage", "outputPrefix", "accessPolicies", "recording"];
  const vodApp = (e: Record<string, unknown>) => ({ name: "rec", ...(e.vodApplication as object | undefined) });
  const exactly = (p: string) => new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  const MISTAKES: Record<string, Mistake> = {
    "an unknown key": (e, w) => {
      const key = KNOWN.includes(w) ? `${w}X` : w;
      return [{ ...e, [key]: 1 }, new RegExp(`^environments\\[\\d\\]\\.${key}$`)];
    },
    "a misspelt key": (e, _w, n) => {
      const known = KNOWN.filter((k) => k !== "recording");
      const key = known[n % known.length];
      const typo = `${key.slice(0, -1)}${key.slice(-1).toUpperCase()}`;
      return [{ ...e, [typo]: e[key] ?? 1 }, new RegExp(`^environments\\[\\d\\]\\.${typo}$`)];
    },
    "a zone for the region": (e, _w, n) => [{ ...e, region: `${e.region as string}-${(n % 9) + 1}` }, exactly("region")],
    "an unknown region": (e, w) => [{ ...e, region: `xx-${w}` }, exactly("region")],
    "tags as a Map": (e) => [{ ...e, vodApplication: { ...vodApp(e), tags: new Map([["env", "prod"]]) } }, exactly("tags")],
    "a reserved tag key": (e, w, n) => [{ ...e, vodApplication: { ...vodApp(e), tags: { [`${["qcs:", "project", "qcloud", "tencent", "项目"][n % 5]}${w}`]: "x" } } }, exactly("tags")],
    "a callback URL with a fragment": (e, w) => [{ ...e, callbacks: { liveWebhook: { url: `https://h.example.com/live#${w}` } } }, exactly("liveWebhook.url")],
    "a callback URL with whitespace": (e, w, n) => [{ ...e, callbacks: { trtcRecording: { url: `https://h.example.com/${w}${[" ", "\t", "\n"][n % 3]}x` } } }, exactly("trtcRecording.url")],
    "a callback URL with credentials": (e, w) => [{ ...e, callbacks: { liveWebhook: { url: `https://${w}:pw@h.example.com/live` } } }, exactly("liveWebhook.url")],
    "callbacks as a list": (e) => [{ ...e, callbacks: [{ url: "https://h.example.com" }] }, exactly("callbacks")],
    "callbacks as a Map": (e) => [{ ...e, callbacks: new Map() }, exactly("callbacks")],
    "an uncalled Retention.forever": (e) => [{ ...e, retention: Retention.forever }, exactly("retention")],
    "a Retention as the backend": (e, _w, n) => [{ ...e, backend: Retention.days((n % 100) + 1) }, exactly("backend")],
    "a plain object as the backend": (e) => [{ ...e, backend: { bucket: "tf-1250000000", region: "ap-guangzhou" } }, exactly("backend")],
    "a literal callback key": (e, w) => [{ ...e, callbacks: { trtcRecording: { url: "https://h.example.com/t", key: w } } }, exactly("trtcRecording.key")],
    "no sdkAppId": (e) => [{ ...e, sdkAppId: undefined }, exactly("sdkAppId")],
    "an sdkAppId as a string": (e) => [{ ...e, sdkAppId: String(e.sdkAppId) }, exactly("sdkAppId")],
    "a VOD application as a list": (e) => [{ ...e, vodApplication: [vodApp(e)] }, exactly("vodApplication")],
    "rooms as a Map": (e) => [{ ...e, rooms: new Map() }, exactly("rooms")],
    "a misspelt room key": (e) => [{ ...e, rooms: [{ name: "r", seatTemplate: "Karaoke", expectRecord: false }] }, exactly("rooms[0].expectRecord")],
    "expected usage as a list": (e) => [{ ...e, expectedUsage: [] }, exactly("expectedUsage")],
    "an unknown Global Auto-Recording declaration": (e, w) => [{ ...e, globalAutoRecording: `x${w}` }, exactly("globalAutoRecording")],
    "fullRoomRecording as a string": (e) => [{ ...e, fullRoomRecording: "true" }, exactly("fullRoomRecording")],
    "an unknown Live webhook command": (e, w) => [{ ...e, callbacks: { liveWebhook: { url: "https://h.example.com/live", commands: [`Live.${w}`] } } }, exactly("liveWebhook.commands[0]")],
    "the environment name twice across calls": () => ["twice", /^environments\[0\]\.name$/],
    "the SDKAppID twice across calls": () => ["twice-sdk", /^environments\[0\]\.sdkAppId$/],
  };
  const word = fc.stringMatching(/^[a-z][a-zA-Z0-9]{2,10}$/);

  test("no silent acceptance: each of 26 known mistakes in a valid configuration is refused with a ValidationError", () => {
    fc.assert(
      fc.property(validEnvironments, fc.constantFrom(...Object.keys(MISTAKES)), word, fc.nat(), fc.nat({ max: 1 }), (envs, mistake, w, n, which) => {
        const target = envs[which] as unknown as Record<string, unknown>;
        const [changed, property] = MISTAKES[mistake](target, w, n);
        const app = Testing.app();
        const run = () => {
          if (changed === "twice" || changed === "twice-sdk") {
            defineEnvironments(app, envs);
            const again = changed === "twice" ? { ...envs[which], sdkAppId: 1400000099 } : { ...envs[which], name: "other" };
            return synthAll(defineEnvironments(app, [again]));
          }
          const list = envs.map((e, i) => (i === which ? changed : e)) as unknown as EnvironmentConfig[];
          return synthAll(defineEnvironments(app, list));
        };
        let error: unknown;
        try {
          run();
        } catch (e) {
          error = e;
        }
        if (!(error instanceof ValidationError)) throw new Error(`${mistake} was ${error === undefined ? "accepted" : `refused with ${String(error)}`}`);
        if (!property.test(error.property)) throw new Error(`${mistake} was refused for another reason: ${error.message}`);
        count("mistakes", false);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});

/** A bare stack (with the provider) holding what `build` creates. */
function stackWith(build: (stack: TerraformStack) => unknown): TerraformStack {
  const stack = testStack();
  build(stack);
  return stack;
}

// LiveRecording is also reached through defineEnvironments above; referenced here so a rename breaks this file.
void LiveRecording;
