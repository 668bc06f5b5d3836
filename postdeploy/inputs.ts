/**
 * What the post-deploy step works from: the desired state the stacks synthesized and the Terraform outputs of the
 * deploy (`cdktf deploy --outputs-file`), resolved into one record per SDKAppID.
 */
import { DesiredApp, DesiredState, desiredStateHash, readDesiredStateFile, readSynthesizedDesiredStates } from "../lib/desired-state";
import { DocumentFileError, jsonKind, readJsonFile } from "../lib/documents";
import { STACK_OUTPUT_IDS } from "../lib/output-ids";

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

/**
 * The desired states of the given files, or else of every stack of the synth folder (cdktf.out, holding
 * manifest.json and stacks/<stack>/live-recording.json), sorted by stack. A file that cannot be used is a
 * `DocumentFileError`.
 */
export function loadDesiredStates(source: { readonly synthDir: string; readonly desiredStateFiles: readonly string[] }): DesiredState[] {
  const states = source.desiredStateFiles.length > 0 ? source.desiredStateFiles.map((f) => readDesiredStateFile(f)) : readSynthesizedDesiredStates(source.synthDir).states;
  return states.sort((a, b) => a.environment.localeCompare(b.environment));
}

/** cdktf's outputs file; a file that cannot be used is a `DocumentFileError`. */
export function readOutputsFile(file: string): OutputsFile {
  const json = readJsonFile(file);
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new DocumentFileError(file, `it is JSON but not an object of stacks (${jsonKind(json)})`);
  }
  for (const [stack, outputs] of Object.entries(json)) {
    if (outputs === null || typeof outputs !== "object" || Array.isArray(outputs)) throw new DocumentFileError(file, `its stack ${JSON.stringify(stack)} is not an object of outputs`);
  }
  return json as OutputsFile;
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
      const deployedHash = stackOutputs[STACK_OUTPUT_IDS.desiredStateSha256];
      if (typeof deployedHash === "string" && deployedHash !== desiredStateHash(state)) {
        warnings.push(`the outputs of ${state.environment} come from a deploy of a different declaration (${STACK_OUTPUT_IDS.desiredStateSha256} differs): run cdktf deploy first`);
      }
      resolved.push({ environment: state.environment, region: state.region, app, sdkAppId: app.sdkAppId, vodSubAppId, problems, warnings });
    }
  }
  return resolved;
}
