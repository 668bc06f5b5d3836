import { Construct } from "constructs";
import { checkString, fail } from "../lib/validation";
import { LiveRecordingStack, LiveRecordingStackProps } from "./live-recording-stack";

/** One environment of the app: a stack name and its Live recording. */
export interface EnvironmentConfig extends LiveRecordingStackProps {
  /** Stack name (also the folder under cdktf.out/stacks): lowercase letters, digits and `-`, 1 to 40. */
  readonly name: string;
}

/**
 * Builds one LiveRecordingStack per environment. Environment names and SDKAppIDs must be unique: two stacks
 * managing one SDKAppID would fight over its console settings.
 */
export function defineEnvironments(scope: Construct, environments: readonly EnvironmentConfig[]): LiveRecordingStack[] {
  if (!Array.isArray(environments) || environments.length === 0) fail("environments", "a non-empty list of environments", environments);
  const names = new Map<string, number>();
  const apps = new Map<number, string>();
  environments.forEach((env, i) => {
    if (env === null || typeof env !== "object" || Array.isArray(env)) fail(`environments[${i}]`, "an environment object", env);
    checkString(`environments[${i}].name`, env?.name, { min: 1, max: 40, pattern: /^[a-z][a-z0-9-]*$/, patternText: "lowercase letters, digits or - starting with a letter" });
    if (names.has(env.name)) fail(`environments[${i}].name`, `unique (environments[${names.get(env.name)}] has the same name)`, env.name);
    names.set(env.name, i);
    const other = apps.get(env.sdkAppId);
    if (other !== undefined) {
      fail(`environments[${i}].sdkAppId`, `unique across environments (${other} already uses it; two stacks would fight over one app's settings)`, env.sdkAppId);
    }
    apps.set(env.sdkAppId, env.name);
  });
  return environments.map((env) => {
    const { name, ...props } = env;
    return new LiveRecordingStack(scope, name, props);
  });
}
