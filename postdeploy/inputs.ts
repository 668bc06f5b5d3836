/**
 * What the post-deploy step works from: the desired state the stacks synthesized and the Terraform outputs of the
 * deploy (`cdktf deploy --outputs-file`), resolved into one record per SDKAppID.
 */
import { readFileSync } from "fs";
import { DesiredApp, DesiredState, desiredStateHash, readDesiredStateFile, readSynthesizedDesiredStates } from "../lib/desired-state";

/** cdktf's `--outputs-file` format: `{ "<stack>": { "<output id>": value } }`. */
export type OutputsFile = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** One app to converge, with everything known about it before any API call. */
export interface ResolvedApp {
  readonly environment: string;
  readonly region: string | null;
  readonly app: DesiredApp;
  readonly sdkAppId: number;
  /** The VOD SubAppId, from the outputs (or the declaration for an existing app); null when unknown. */
  readonly vodSubAppId: number | null;
  /** Problems found while resolving (e.g. no outputs for the stack): the app's steps are blocked with these. */
  readonly problems: readonly string[];
  /** Notes worth printing (e.g. outputs from a different deploy than this desired state). */
  readonly warnings: readonly string[];
}

export interface LoadOptions {
  /** cdktf.out folder holding manifest.json and stacks/<stack>/live-recording.json. @default "cdktf.out" */
  readonly synthDir?: string;
  /** Explicit desired-state files instead of a synth folder. */
  readonly desiredStateFiles?: readonly string[];
  /** cdktf outputs file. */
  readonly outputsFile?: string;
  /** Extra outputs for one stack as `key=value` (the Terraform hook passes them this way). */
  readonly outputOverrides?: Readonly<Record<string, string>>;
  /** Only these stacks (environments). @default - all */
  readonly stacks?: readonly string[];
}

export function loadDesiredStates(opts: LoadOptions): DesiredState[] {
  const states =
    opts.desiredStateFiles && opts.desiredStateFiles.length > 0
      ? opts.desiredStateFiles.map((f) => readDesiredStateFile(f))
      : readSynthesizedDesiredStates(
          opts.synthDir ?? "cdktf.out",
          (dir) => `no synthesized app in ${dir} (missing manifest.json): run \`npx cdktf synth\` first, or pass --synth-dir`,
        ).states;
  const wanted = opts.stacks;
  if (wanted && wanted.length > 0) {
    const unknown = wanted.filter((s) => !states.some((st) => st.environment === s));
    if (unknown.length > 0) {
      throw new Error(`unknown stack(s) ${unknown.join(", ")}; the desired states have: ${states.map((s) => s.environment).join(", ") || "none"}`);
    }
    return states.filter((s) => wanted.includes(s.environment));
  }
  return states.sort((a, b) => a.environment.localeCompare(b.environment));
}

export function readOutputsFile(file: string): OutputsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`cannot read the outputs file ${file}: ${(err as Error).message}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new Error(`${file} is not a cdktf outputs file (expected {"<stack>": {"<output>": value}})`);
  }
  return json as OutputsFile;
}

/** Parses `key=value` pairs given on the command line. */
export function parseOutputOverrides(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i <= 0) throw new Error(`--output must be key=value, got "${pair}"`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/**
 * cdktf writes the outputs of a stack nested by construct path (`{"LiveRecording": {"vod_sub_app_id": 1}, "region": ...}`,
 * see `getConstructIdsForOutputs` in @cdktf/cli-core); flat files (`{"vod_sub_app_id": 1}`) are accepted too. Leaves are
 * keyed by their own id, which is the Terraform output name for the package's outputs (`staticId`).
 */
export function flattenOutputs(stack: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) visit(value);
      else if (!(key in out)) out[key] = value;
    }
  };
  visit(stack);
  return out;
}

function asPositiveInt(value: unknown): number | null {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Joins desired states and outputs into one record per app. Never throws for a missing output: it is a problem of that app. */
export function resolveApps(states: readonly DesiredState[], outputs: OutputsFile | undefined, overrides: Readonly<Record<string, string>> = {}): ResolvedApp[] {
  const resolved: ResolvedApp[] = [];
  const seen = new Map<number, string>();
  for (const state of states) {
    const stackOutputs: Readonly<Record<string, unknown>> = { ...flattenOutputs(outputs?.[state.environment]), ...overrides };
    for (const app of state.apps) {
      const problems: string[] = [];
      const warnings: string[] = [];
      const other = seen.get(app.sdkAppId);
      if (other !== undefined) problems.push(`SDKAppID ${app.sdkAppId} is also declared by ${other}; one app must have one owner`);
      seen.set(app.sdkAppId, `${state.environment} (${app.path})`);

      let vodSubAppId: number | null = null;
      const vod = app.vodApplication;
      if (vod !== null) {
        if (vod.subAppId !== null) vodSubAppId = vod.subAppId;
        else if (vod.subAppIdOutput !== null) {
          const raw = stackOutputs[vod.subAppIdOutput];
          vodSubAppId = asPositiveInt(raw);
          if (vodSubAppId === null) {
            problems.push(
              raw === undefined
                ? `no output "${vod.subAppIdOutput}" for stack ${state.environment}: deploy it first (cdktf deploy --outputs-file <file>) and pass --outputs-file`
                : `output "${vod.subAppIdOutput}" of stack ${state.environment} is not a SubAppId: ${JSON.stringify(raw)}`,
            );
          }
        }
      }
      const deployedHash = stackOutputs["desired_state_sha256"];
      if (typeof deployedHash === "string" && deployedHash !== desiredStateHash(state)) {
        warnings.push(`the outputs of ${state.environment} come from a deploy of a different declaration (desired_state_sha256 differs): run cdktf deploy first`);
      }
      resolved.push({ environment: state.environment, region: state.region, app, sdkAppId: app.sdkAppId, vodSubAppId, problems, warnings });
    }
  }
  return resolved;
}
