import { Retention } from "../../constructs";
import { Testing } from "../../lib/cdktf";
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
    [[], "`environments` must be a non-empty list of environments, got []"],
    [[env("prod", 1), env("prod", 2)], '`environments[1].name` must be unique (environments[0] has the same name), got "prod"'],
    [[env("a", 7), env("b", 7)], "`environments[1].sdkAppId` must be unique across environments (a already uses it; two stacks would fight over one app's settings), got 7"],
    [[env("Prod", 1)], '`environments[0].name` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "Prod"'],
    [[env("has space", 1)], '`environments[0].name` must be a string of lowercase letters, digits or - starting with a letter, 1 to 40 characters, got "has space"'],
  ])("%j is rejected", (envs, message) => {
    expect(() => defineEnvironments(Testing.app(), envs as EnvironmentConfig[])).toThrow(message);
  });
});
