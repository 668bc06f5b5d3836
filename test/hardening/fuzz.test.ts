/**
 * Property-based test over the configuration types: whatever a user writes (valid or not, right types or not),
 * building and synthesizing the environments either works or fails with our ValidationError. Never a TypeError,
 * never a crash inside cdktf.
 */
import fc from "fast-check";
import { CallbackSecret, DesiredStateDocument, Retention } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { SEAT_TEMPLATES } from "../../lib/room-scope";
import { ValidationError } from "../../lib/validation";
import { EnvironmentConfig, defineEnvironments } from "../../stacks";

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
  fc.constantFrom("https://h.example.com/cb", "http://h.example.com/cb", "http://127.0.0.1:9/cb", "ftp://x", "", "not a url", "https://u:p@h.example.com/"),
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
);
const retention = fc.oneof(
  fc.integer({ min: -5, max: 25000 }).map((d) => {
    try {
      return Retention.days(d);
    } catch {
      return d;
    }
  }),
  fc.constant(Retention.forever()),
);
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
    region: maybe(text(["ap-guangzhou", "ap-singapore"], 20)),
    vodApplication: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 30, arbitrary: maybe(
      fc.record(
        {
          name: maybe(text(["live-rec", "rec_1"], 45)),
          description: maybe(text(["recordings"], 320)),
          tags: maybe(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), maybe(fc.string()), { maxKeys: 11 })),
          enabled: maybe(fc.boolean()),
        },
        { requiredKeys: ["name"] },
      ),
    ) }),
    retention: maybe(retention),
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
    let accepted = 0;
    let rejected = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 12, arbitrary: fc.uniqueArray(environment, { minLength: 1, maxLength: 3, selector: (e) => e.name }) },
          { weight: 1, arbitrary: fc.array(maybe(environment), { maxLength: 3 }) },
          { weight: 1, arbitrary: fc.anything() },
        ),
        (envs) => {
        try {
          const app = Testing.app();
          const stacks = defineEnvironments(app, envs as unknown as EnvironmentConfig[]);
          for (const stack of stacks) {
            Testing.synth(stack, true);
            DesiredStateDocument.of(stack).render();
          }
          accepted++;
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          reasons.set(err.property, (reasons.get(err.property) ?? 0) + 1);
          rejected++;
        }
        },
      ),
      { numRuns: 1000, seed: 20261125 },
    );
    if (process.env.FUZZ_DEBUG) console.log(accepted, rejected, [...reasons.entries()].sort((a, b) => b[1] - a[1]));
    // The generator must reach both outcomes, or the property says little.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
