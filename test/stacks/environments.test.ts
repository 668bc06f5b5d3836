import { Retention } from "../../constructs";
import { Testing } from "../../lib/cdktf";
import { TENCENT_CLOUD_REGIONS } from "../../lib/regions";
import { EnvironmentConfig, defineEnvironments } from "../../stacks";

const env = (name: string, sdkAppId: number): EnvironmentConfig => ({
  name,
  sdkAppId,
  region: "ap-guangzhou",
  vodApplication: { name: `rec-${name}` },
  retention: Retention.days(30),
  fullRoomRecording: true,
  globalAutoRecording: "off",
});

describe("defineEnvironments", () => {
  test("one stack per environment, named after it", () => {
    const stacks = defineEnvironments(Testing.app(), [env("staging", 1), env("production", 2)]);
    expect(stacks.map((s) => s.node.id)).toEqual(["staging", "production"]);
    expect(stacks.map((s) => s.recording.sdkAppId)).toEqual([1, 2]);
  });

  test.each([
    [[], "[defineEnvironments] `environments` must be a non-empty list of environments, got []"],
    [[env("prod", 1), env("prod", 2)], '[defineEnvironments] `environments[1].name` must be unique (environments[0] has the same name), got "prod"'],
    [[env("a", 7), env("b", 7)], "[defineEnvironments] `environments[1].sdkAppId` must be unique across environments (a already uses it; two stacks would fight over one app's settings), got 7"],
    [[env("Prod", 1)], '[defineEnvironments] `environments[0].name` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "Prod"'],
    [[env("has space", 1)], '[defineEnvironments] `environments[0].name` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "has space"'],
  ])("%j is rejected", (envs, message) => {
    expect(() => defineEnvironments(Testing.app(), envs as EnvironmentConfig[])).toThrow(message);
  });

  test("several calls in one app with distinct names and SDKAppIDs are fine", () => {
    const app = Testing.app();
    defineEnvironments(app, [env("staging", 1)]);
    const more = defineEnvironments(app, [env("production", 2), env("eu", 3)]);
    expect(more.map((s) => s.node.path)).toEqual(["production", "eu"]);
  });

  test("a refused list creates no stack at all (checked before anything is created)", () => {
    const app = Testing.app();
    expect(() => defineEnvironments(app, [env("staging", 1), env("staging", 2)])).toThrow(/must be unique/);
    expect(app.node.children.filter((c) => c.node.id === "staging")).toEqual([]);
  });

  test.each([...TENCENT_CLOUD_REGIONS])("the region %s is accepted", (region) => {
    expect(defineEnvironments(Testing.app(), [{ ...env("prod", 1), region }])[0].region).toBe(region);
  });
});
