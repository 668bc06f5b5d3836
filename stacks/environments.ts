import { Construct } from "constructs";
import { LiveRecording } from "../constructs/live-recording";
import { SDK_APP_ID_RANGE } from "../lib/limits";
import { checkKnownKeys, checkObject, checkString, fail, keysOf, validateCall } from "../lib/validation";
import { PASSED_THROUGH_KEYS } from "./checks";
import { LIVE_RECORDING_STACK_PROP_KEYS, LiveRecordingStack, LiveRecordingStackProps } from "./live-recording-stack";

/** The keys of EnvironmentConfig: the environment's name and the stack's props (`keysOf`: a new prop without its key fails to compile). */
const ENVIRONMENT_KEYS: readonly string[] = [...keysOf<Omit<EnvironmentConfig, keyof LiveRecordingStackProps>>()({ name: true }), ...LIVE_RECORDING_STACK_PROP_KEYS];

/** One environment of the app: a stack name and its Live recording. */
export interface EnvironmentConfig extends LiveRecordingStackProps {
  /** Stack name (also the folder under cdktf.out/stacks): lowercase letters, digits and `-`, 1 to 40. */
  readonly name: string;
}

/**
 * Builds one LiveRecordingStack per environment. Environment names and SDKAppIDs must be unique, also across several
 * calls in one app and with LiveRecordings declared elsewhere in it: two stacks managing one SDKAppID would fight over
 * its console settings. Names and SDKAppIDs are checked before any stack is created, and a refused call leaves the app
 * as it was (the stacks it created are removed); errors name the call
 * (`[defineEnvironments] \`environments[1].name\` ...`) or, for an environment's props, the construct path.
 */
export function defineEnvironments(scope: Construct, environments: readonly EnvironmentConfig[]): LiveRecordingStack[] {
  validateCall("defineEnvironments", () => {
    if (!(scope instanceof Construct)) fail("scope", "a construct (the cdktf App)", scope);
    if (!Array.isArray(environments) || environments.length === 0) fail("environments", "a non-empty list of environments", environments);
    const declared = new Map<number, string>();
    for (const node of scope.node.root.node.findAll()) if (node instanceof LiveRecording) declared.set(node.sdkAppId, node.node.path);
    const names = new Map<string, number>();
    const apps = new Map<number, string>();
    environments.forEach((env, i) => {
      const p = `environments[${i}]`;
      checkObject(p, env, "an EnvironmentConfig object");
      checkKnownKeys(env, ENVIRONMENT_KEYS, "EnvironmentConfig", `${p}.`, PASSED_THROUGH_KEYS);
      checkString(`${p}.name`, env.name, { min: 1, max: 40, pattern: /^[a-z][a-z0-9-]*$/, patternText: "lowercase letters, digits or - starting with a letter" });
      if (names.has(env.name)) fail(`${p}.name`, `unique (environments[${names.get(env.name)}] has the same name)`, env.name);
      const existing = scope.node.tryFindChild(env.name);
      if (existing !== undefined) {
        fail(`${p}.name`, `a name no construct of ${scope.node.path || "the app"} has yet (${existing.node.path} exists already, e.g. from an earlier defineEnvironments call)`, env.name);
      }
      names.set(env.name, i);
      // A missing or malformed SDKAppID is the LiveRecording's to report ("is missing", with its path); only a valid one can clash.
      const id = env.sdkAppId;
      if (typeof id !== "number" || !Number.isInteger(id) || id < SDK_APP_ID_RANGE.min || id > SDK_APP_ID_RANGE.max) return;
      const other = apps.get(id);
      if (other !== undefined) fail(`${p}.sdkAppId`, `unique across environments (${other} already uses it; two stacks would fight over one app's settings)`, id);
      const elsewhere = declared.get(id);
      if (elsewhere !== undefined) fail(`${p}.sdkAppId`, `unique in the app (${elsewhere} already declares it; two stacks would fight over one app's settings)`, id);
      apps.set(id, env.name);
    });
  });
  // An environment's other props are checked as its stack is created: when one is refused, the stacks this call
  // created are removed again, so the app is as before the call (and a corrected call can use the same names).
  const before = new Set(scope.node.children);
  try {
    return environments.map((env) => {
      const { name, ...props } = env;
      return new LiveRecordingStack(scope, name, props);
    });
  } catch (err) {
    for (const child of scope.node.children) if (!before.has(child)) scope.node.tryRemoveChild(child.node.id);
    throw err;
  }
}
