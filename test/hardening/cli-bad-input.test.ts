/**
 * Bad input to the command line (`trtc-live-recording plan ...`, `post-deploy plan|apply|check|attest ...`): each is
 * refused with exit 1, nothing on stdout and exactly one line on stderr that names the flag or file, what is allowed
 * and what was received. No commander dump, no zod issue list, no bare JSON.parse, EISDIR or ENOENT message.
 */
import { spawn, spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { runCli } from "../../cli/main";
import { emulatorConsoleDriver } from "../../emulator/console-driver";
import { ROOT } from "../support/app";
import { desiredStates, fixtureApp, fixtureState, tempDir, writeSynthDir } from "../plan/support";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ENV: NodeJS.ProcessEnv = { TENCENTCLOUD_SECRET_ID: "AKIDcliBadInput", TENCENTCLOUD_SECRET_KEY: "cliBadInputKey", TENCENTCLOUD_SHARED_CREDENTIALS_DIR: tempDir() };

/** The CLI in this process, wired as bin/trtc-live-recording.js wires it (the emulator console driver registered). */
async function cli(args: readonly string[], env: NodeJS.ProcessEnv = ENV): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env }, { postDeploy: { consoleDrivers: { emulator: emulatorConsoleDriver } } });
  return { code, stdout, stderr };
}

const dir = tempDir("trtc-lr-cli-bad-");
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const q = (p: string): string => JSON.stringify(p);

// Files and folders the flags are pointed at.
const folder = path.join(dir, "a-folder");
mkdirSync(folder);
const missing = path.join(dir, "missing.json");
const notJson = file("not.json", "vm-hostname\n");
const empty = file("empty.json", "");
const arrayJson = file("array.json", "[1, 2]");
const numberJson = file("number.json", "42");
const underFile = path.join(notJson, "inside");
const synth = writeSynthDir(desiredStates());
const emptySynth = tempDir("trtc-lr-cli-empty-synth-");
const badManifest = tempDir("trtc-lr-cli-bad-manifest-");
writeFileSync(path.join(badManifest, "manifest.json"), "{ not json");
const noStacks = tempDir("trtc-lr-cli-no-stacks-");
writeFileSync(path.join(noStacks, "manifest.json"), JSON.stringify({ version: "0.21.0" }));
const noDocuments = tempDir("trtc-lr-cli-no-documents-");
writeFileSync(path.join(noDocuments, "manifest.json"), JSON.stringify({ stacks: { web: { workingDirectory: "stacks/web" } } }));
const badDocument = writeSynthDir([fixtureState("qa")]);
writeFileSync(path.join(badDocument, "stacks", "qa", "live-recording.json"), JSON.stringify({ ...fixtureState("qa"), version: 1 }));
const stateFile = (doc: unknown) => file(`doc-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(doc));
const goodState = stateFile(fixtureState("qa"));
const v1State = stateFile({ ...fixtureState("qa"), version: 1, apps: [{ ...fixtureApp(), recording: {} }] });
const planOfOtherSchema = stateFile({ schema: "trtc-live-recording/desired-state", version: 2 });
const planOfOtherVersion = stateFile({ schema: "trtc-live-recording/recording-plan", version: 9 });
const invalidPlan = stateFile({ schema: "trtc-live-recording/recording-plan", version: 2, environments: "x" });
const outputsWithNumber = stateFile({ staging: 5 });
const stateDirWithBadState = tempDir("trtc-lr-cli-state-");
writeFileSync(path.join(stateDirWithBadState, "state.json"), "{");
const stateDirOfOtherVersion = tempDir("trtc-lr-cli-state-v9-");
writeFileSync(path.join(stateDirOfOtherVersion, "state.json"), JSON.stringify({ version: 9, salt: "s", apps: {} }));
const attestationsOfOtherVersion = stateFile({ version: 2, attestations: [] });
const profileDir = tempDir("trtc-lr-cli-tccli-");
mkdirSync(path.join(profileDir, "default.credential"));
const profileWithoutKeys = tempDir("trtc-lr-cli-tccli-empty-");
writeFileSync(path.join(profileWithoutKeys, "default.credential"), JSON.stringify({ secretId: "AKIDx" }));

const SYNTH = "cdktf's output folder (with manifest.json and stacks/<stack>/live-recording.json)";
const DESIRED = "a desired-state file (live-recording.json) written by cdktf synth";
const OUTPUTS = 'the outputs file of cdktf deploy --outputs-file (JSON: {"<stack>": {"<output>": value}})';
const OUTPUT = "<output id>=<value>, e.g. vod_sub_app_id=1500000001";
const BASE = "a recording plan (plan.json) written by trtc-live-recording plan";
const OUT = "a folder for plan.md, plan.json and changes.md";
const ENDPOINT = "the http(s):// URL of a local emulator on a loopback address, e.g. http://127.0.0.1:4780";
const EMULATOR_URL = "the http:// URL of the emulator on a loopback address, e.g. http://127.0.0.1:4780";
const STATE_DIR = "a folder for this machine's post-deploy state";
const ATTESTATIONS = "an attestations file written by post-deploy attest, or a new file";
const BY = "who checked the console: a name of 1 to 100 characters";
const NOTE = "a note of 1 to 1000 characters";
const SDK_APP_ID = "an SDKAppID of the desired states, a whole number from 1 to 4294967295";
const PLAN_OPTIONS = "--synth-dir, --no-synth, --out, --format, --base, --help";
const RUN_OPTIONS =
  "--synth-dir, --desired-state, --outputs-file, --output, --stack, --endpoint, --live-domain, --console-driver, --emulator-url, --state-dir, " +
  "--attestations, --evidence-days, --evidence-since, --reapply-secrets, --concurrency, --request-timeout, --json, --quiet, --help";
const ATTEST_OPTIONS = "--synth-dir, --desired-state, --outputs-file, --output, --stack, --sdk-app-id, --by, --note, --attestations, --json, --help";

/** The example app's synthesis with a state folder, guided driver and attestations of its own: every local input valid. */
const RUN = (): string[] => ["--synth-dir", synth, "--endpoint", "http://127.0.0.1:9", "--state-dir", tempDir(), "--attestations", path.join(tempDir(), "att.json")];
const PLAN = (): string[] => ["--no-synth", "--synth-dir", synth, "--out", tempDir()];
const ATTEST = ["post-deploy", "attest", "--synth-dir", synth, "--sdk-app-id", "1400000001"];

type Case = [name: string, args: () => string[], message: string, env?: NodeJS.ProcessEnv];

const CASES: Case[] = [
  // the command itself
  ["no command", () => [], "trtc-live-recording needs a command, one of plan, post-deploy (see trtc-live-recording --help)"],
  ["an unknown command", () => ["deploy"], '"deploy" is not a command of trtc-live-recording; its commands are plan, post-deploy'],
  ["a misspelt command", () => ["plna"], '"plna" is not a command of trtc-live-recording (did you mean plan?); its commands are plan, post-deploy'],
  ["an unknown top-level option", () => ["--verbose"], '"--verbose" is not an option of trtc-live-recording; its options are --version, --help'],
  ["post-deploy without its command", () => ["post-deploy"], "post-deploy needs a command, one of plan, apply, check, attest (see trtc-live-recording post-deploy --help)"],
  ["a misspelt post-deploy command", () => ["post-deploy", "aply"], '"aply" is not a command of post-deploy (did you mean apply?); its commands are plan, apply, check, attest'],
  ["an option of post-deploy itself", () => ["post-deploy", "--json"], '"--json" is not an option of post-deploy; its options are --help'],

  // plan --format
  ["plan --format: unknown", () => ["plan", ...PLAN(), "--format", "xml"], '--format must be one of markdown, json, both, got "xml"'],
  ["plan --format: misspelt", () => ["plan", ...PLAN(), "--format", "jsno"], '--format must be one of markdown, json, both, got "jsno" (did you mean json?)'],
  ["plan --format: upper case", () => ["plan", ...PLAN(), "--format", "JSON"], '--format must be one of markdown, json, both, got "JSON" (did you mean json?)'],
  ["plan --format: empty", () => ["plan", ...PLAN(), "--format", ""], '--format must be one of markdown, json, both, got ""'],
  ["plan --format: no value", () => ["plan", ...PLAN(), "--format"], "--format must be one of markdown, json, both, got no value"],
  // plan --base
  ["plan --base: missing", () => ["plan", ...PLAN(), "--base", missing], `--base must be ${BASE}, got ${q(missing)} (it does not exist)`],
  ["plan --base: a directory", () => ["plan", ...PLAN(), "--base", folder], `--base must be ${BASE}, got ${q(folder)} (it is a directory)`],
  ["plan --base: not JSON", () => ["plan", ...PLAN(), "--base", notJson], `--base must be ${BASE}, got ${q(notJson)} (it is not JSON)`],
  ["plan --base: empty", () => ["plan", ...PLAN(), "--base", empty], `--base must be ${BASE}, got ${q(empty)} (it is empty, not JSON)`],
  ["plan --base: under a file", () => ["plan", ...PLAN(), "--base", underFile], `--base must be ${BASE}, got ${q(underFile)} (a part of its path is not a folder (ENOTDIR))`],
  [
    "plan --base: another document",
    () => ["plan", ...PLAN(), "--base", planOfOtherSchema],
    `--base must be ${BASE}, got ${q(planOfOtherSchema)} (it is not a recording plan: "schema" is "trtc-live-recording/desired-state", expected "trtc-live-recording/recording-plan")`,
  ],
  ["plan --base: another version", () => ["plan", ...PLAN(), "--base", planOfOtherVersion], `--base must be ${BASE}, got ${q(planOfOtherVersion)} (it is a version 9 recording plan; this tool reads versions 1, 2 and 3)`],
  [
    "plan --base: an invalid plan",
    () => ["plan", ...PLAN(), "--base", invalidPlan],
    `--base must be ${BASE}, got ${q(invalidPlan)} (it is not a valid trtc-live-recording/recording-plan v3 document: pricing: Required (and 2 more problems))`,
  ],
  ["plan --base: a JSON array", () => ["plan", ...PLAN(), "--base", arrayJson], `--base must be ${BASE}, got ${q(arrayJson)} (it is not a valid trtc-live-recording/recording-plan v3 document: (root): Expected object, received array)`],
  ["plan --base: an empty path", () => ["plan", ...PLAN(), "--base", ""], `--base must be ${BASE}, got "" (no path)`],
  ["plan --base: no value", () => ["plan", ...PLAN(), "--base"], `--base must be ${BASE}, got no value`],
  // plan --synth-dir
  ["plan --synth-dir: an empty path", () => ["plan", "--no-synth", "--synth-dir", ""], `--synth-dir must be ${SYNTH}, got "" (no path)`],
  ["plan --synth-dir: a file", () => ["plan", "--no-synth", "--synth-dir", notJson], `--synth-dir must be ${SYNTH}, got ${q(notJson)} (it is a file)`],
  ["plan --synth-dir: a file, when synthesizing", () => ["plan", "--synth-dir", notJson], `--synth-dir must be ${SYNTH}, got ${q(notJson)} (it is a file)`],
  ["plan --synth-dir: missing", () => ["plan", "--no-synth", "--synth-dir", missing, "--out", tempDir()], `--synth-dir must be ${SYNTH}, got ${q(missing)} (it does not exist: synthesize first (run without --no-synth))`],
  ["plan --synth-dir: no manifest", () => ["plan", "--no-synth", "--synth-dir", emptySynth], `--synth-dir must be ${SYNTH}, got ${q(emptySynth)} (it has no manifest.json: synthesize first (run without --no-synth))`],
  ["plan --synth-dir: a manifest that is not JSON", () => ["plan", "--no-synth", "--synth-dir", badManifest], `--synth-dir must be ${SYNTH}, got ${q(badManifest)} (manifest.json: it is not JSON (at character 2))`],
  ["plan --synth-dir: a manifest without stacks", () => ["plan", "--no-synth", "--synth-dir", noStacks], `--synth-dir must be ${SYNTH}, got ${q(noStacks)} (manifest.json: it lists no stacks (not a cdktf manifest))`],
  [
    "plan --synth-dir: a stack's document of another version",
    () => ["plan", "--no-synth", "--synth-dir", badDocument],
    `--synth-dir must be ${SYNTH}, got ${q(badDocument)} (stacks/qa/live-recording.json: it is not a valid trtc-live-recording/desired-state v2 document: version: Invalid literal value, expected 2)`,
  ],
  // plan --out
  ["plan --out: a file", () => ["plan", "--no-synth", "--synth-dir", synth, "--out", notJson], `--out must be ${OUT}, got ${q(notJson)} (it is a file)`],
  ["plan --out: under a file", () => ["plan", "--no-synth", "--synth-dir", synth, "--out", underFile], `--out must be ${OUT}, got ${q(underFile)} (a part of its path is not a folder (ENOTDIR))`],
  ["plan --out: an empty path", () => ["plan", "--no-synth", "--synth-dir", synth, "--out", ""], `--out must be ${OUT}, got "" (no path)`],
  // plan: options and arguments
  ["plan: a misspelt option", () => ["plan", "--formt", "json"], `"--formt" is not an option of plan (did you mean --format?); its options are ${PLAN_OPTIONS}`],
  ["plan: a misspelt switch", () => ["plan", "--no-synt"], `"--no-synt" is not an option of plan (did you mean --no-synth?); its options are ${PLAN_OPTIONS}`],
  ["plan: --synth (the switch is --no-synth)", () => ["plan", "--synth"], `"--synth" is not an option of plan; its options are ${PLAN_OPTIONS}`],
  ["plan: a short option", () => ["plan", "-f", "json"], `"-f" is not an option of plan; its options are ${PLAN_OPTIONS}`],
  ["plan: a switch with a value", () => ["plan", "--no-synth=true"], '--no-synth takes no value, got "--no-synth=true"'],
  ["plan: an argument", () => ["plan", "base.json"], 'plan takes options only, got the argument "base.json"'],
  ["plan: an option's name without dashes", () => ["plan", "format", "json"], 'plan takes options only, got the argument "format" (did you mean --format?)'],

  // post-deploy: the desired states
  ["--synth-dir: an empty path", () => ["post-deploy", "plan", "--synth-dir", ""], `--synth-dir must be ${SYNTH}, got "" (no path)`],
  ["--synth-dir: missing", () => ["post-deploy", "plan", "--synth-dir", missing], `--synth-dir must be ${SYNTH}, got ${q(missing)} (it does not exist: run npx cdktf synth first)`],
  ["--synth-dir: no manifest", () => ["post-deploy", "check", "--synth-dir", emptySynth], `--synth-dir must be ${SYNTH}, got ${q(emptySynth)} (it has no manifest.json: run npx cdktf synth first)`],
  ["--synth-dir: a file", () => ["post-deploy", "plan", "--synth-dir", notJson], `--synth-dir must be ${SYNTH}, got ${q(notJson)} (it is a file)`],
  ["--synth-dir: a manifest that is not JSON", () => ["post-deploy", "apply", "--synth-dir", badManifest], `--synth-dir must be ${SYNTH}, got ${q(badManifest)} (manifest.json: it is not JSON (at character 2))`],
  ["--synth-dir: a manifest without stacks", () => ["post-deploy", "plan", "--synth-dir", noStacks], `--synth-dir must be ${SYNTH}, got ${q(noStacks)} (manifest.json: it lists no stacks (not a cdktf manifest))`],
  ["--synth-dir: no stack with Live recording", () => ["post-deploy", "plan", "--synth-dir", noDocuments], `--synth-dir must be ${SYNTH}, got ${q(noDocuments)} (no stack has a live-recording.json (no LiveRecording in the app))`],
  [
    "--synth-dir: a stack's document of another version",
    () => ["post-deploy", "plan", "--synth-dir", badDocument],
    `--synth-dir must be ${SYNTH}, got ${q(badDocument)} (stacks/qa/live-recording.json: it is not a valid trtc-live-recording/desired-state v2 document: version: Invalid literal value, expected 2)`,
  ],
  ["--desired-state: missing", () => ["post-deploy", "plan", "--desired-state", missing], `--desired-state must be ${DESIRED}, got ${q(missing)} (it does not exist)`],
  ["--desired-state: a directory", () => ["post-deploy", "plan", "--desired-state", folder], `--desired-state must be ${DESIRED}, got ${q(folder)} (it is a directory)`],
  ["--desired-state: not JSON", () => ["post-deploy", "plan", "--desired-state", notJson], `--desired-state must be ${DESIRED}, got ${q(notJson)} (it is not JSON)`],
  ["--desired-state: empty", () => ["post-deploy", "plan", "--desired-state", empty], `--desired-state must be ${DESIRED}, got ${q(empty)} (it is empty, not JSON)`],
  ["--desired-state: a JSON number", () => ["post-deploy", "plan", "--desired-state", numberJson], `--desired-state must be ${DESIRED}, got ${q(numberJson)} (it is not a valid trtc-live-recording/desired-state v2 document: (root): Expected object, received number)`],
  [
    "--desired-state: a version 1 document",
    () => ["post-deploy", "plan", "--desired-state", v1State],
    `--desired-state must be ${DESIRED}, got ${q(v1State)} (it is not a valid trtc-live-recording/desired-state v2 document: version: Invalid literal value, expected 2 (and 1 more problem))`,
  ],
  ["--desired-state: the second of two is missing", () => ["post-deploy", "plan", "--desired-state", goodState, "--desired-state", missing], `--desired-state must be ${DESIRED}, got ${q(missing)} (it does not exist)`],
  ["--desired-state: an empty path", () => ["post-deploy", "plan", "--desired-state", ""], `--desired-state must be ${DESIRED}, got "" (no path)`],
  // --outputs-file
  ["--outputs-file: missing", () => ["post-deploy", "plan", ...RUN(), "--outputs-file", missing], `--outputs-file must be ${OUTPUTS}, got ${q(missing)} (it does not exist)`],
  ["--outputs-file: a directory", () => ["post-deploy", "plan", ...RUN(), "--outputs-file", folder], `--outputs-file must be ${OUTPUTS}, got ${q(folder)} (it is a directory)`],
  ["--outputs-file: not JSON", () => ["post-deploy", "apply", ...RUN(), "--outputs-file", notJson], `--outputs-file must be ${OUTPUTS}, got ${q(notJson)} (it is not JSON)`],
  ["--outputs-file: empty", () => ["post-deploy", "check", ...RUN(), "--outputs-file", empty], `--outputs-file must be ${OUTPUTS}, got ${q(empty)} (it is empty, not JSON)`],
  ["--outputs-file: a JSON array", () => ["post-deploy", "plan", ...RUN(), "--outputs-file", arrayJson], `--outputs-file must be ${OUTPUTS}, got ${q(arrayJson)} (it is JSON but not an object of stacks (an array))`],
  ["--outputs-file: a stack that is not an object", () => ["post-deploy", "plan", ...RUN(), "--outputs-file", outputsWithNumber], `--outputs-file must be ${OUTPUTS}, got ${q(outputsWithNumber)} (its stack "staging" is not an object of outputs)`],
  ["--outputs-file: an empty path", () => ["post-deploy", "plan", "--outputs-file", ""], `--outputs-file must be ${OUTPUTS}, got "" (no path)`],
  ["--outputs-file: no value", () => ["post-deploy", "plan", "--outputs-file"], `--outputs-file must be ${OUTPUTS}, got no value`],
  // --output
  ["--output: no =", () => ["post-deploy", "plan", "--output", "vod_sub_app_id"], `--output must be ${OUTPUT}, got "vod_sub_app_id" (no =)`],
  ["--output: no key", () => ["post-deploy", "plan", "--output", "=1500000001"], `--output must be ${OUTPUT}, got "=1500000001" (the part before = is not an output id)`],
  ["--output: a key with a space", () => ["post-deploy", "plan", "--output", "vod sub=1"], `--output must be ${OUTPUT}, got "vod sub=1" (the part before = is not an output id)`],
  ["--output: no value", () => ["post-deploy", "plan", "--output", "vod_sub_app_id="], `--output must be ${OUTPUT}, got "vod_sub_app_id=" (no value after =)`],
  ["--output: one key twice", () => ["post-deploy", "plan", "--output", "a=1", "--output", "a=2"], `--output must be ${OUTPUT}, got "a=2" (a is given twice)`],
  [
    "--output: a misspelt output id (it would be ignored while the outputs file's value is used)",
    () => ["post-deploy", "apply", ...RUN(), "--output", "vod_subapp_id=1500000001"],
    `--output must be ${OUTPUT}, got "vod_subapp_id=1500000001" (vod_subapp_id is not an output the post-deploy step reads here (vod_sub_app_id, desired_state_sha256); did you mean vod_sub_app_id?)`,
  ],
  [
    "--output: an output the stacks write but the step does not read",
    () => ["post-deploy", "plan", ...RUN(), "--output", "sdk_app_id=1400000001"],
    `--output must be ${OUTPUT}, got "sdk_app_id=1400000001" (sdk_app_id is not an output the post-deploy step reads here (vod_sub_app_id, desired_state_sha256))`,
  ],
  ["--output: a SubAppId that is not a number", () => ["post-deploy", "check", ...RUN(), "--output", "vod_sub_app_id=latest"], `--output must be ${OUTPUT}, got "vod_sub_app_id=latest" (vod_sub_app_id is a VOD SubAppId: a whole number of at least 1)`],
  ["attest --output: a SubAppId of 0", () => [...ATTEST, "--by", "alice", "--output", "vod_sub_app_id=0"], `--output must be ${OUTPUT}, got "vod_sub_app_id=0" (vod_sub_app_id is a VOD SubAppId: a whole number of at least 1)`],
  // --stack
  ["--stack: unknown", () => ["post-deploy", "plan", ...RUN(), "--stack", "qa"], '--stack must be a stack (environment) of the desired states (production, staging), got "qa"'],
  ["--stack: misspelt", () => ["post-deploy", "plan", ...RUN(), "--stack", "stagign"], '--stack must be a stack (environment) of the desired states (production, staging), got "stagign" (did you mean staging?)'],
  ["--stack: blank", () => ["post-deploy", "plan", "--stack", " "], '--stack must be a stack (environment) of the desired states, got " " (blank)'],

  // post-deploy: where it connects
  ["--endpoint: not a URL", () => ["post-deploy", "plan", "--endpoint", "127.0.0.1:4780"], `--endpoint must be ${ENDPOINT}, got "127.0.0.1:4780" (not a URL)`],
  ["--endpoint: a word", () => ["post-deploy", "plan", "--endpoint", "emulator"], `--endpoint must be ${ENDPOINT}, got "emulator" (not a URL)`],
  ["--endpoint: another scheme", () => ["post-deploy", "plan", "--endpoint", "ftp://127.0.0.1:4780"], `--endpoint must be ${ENDPOINT}, got "ftp://127.0.0.1:4780" (the scheme is ftp)`],
  ["--endpoint: Tencent Cloud", () => ["post-deploy", "plan", "--endpoint", "https://vod.tencentcloudapi.com"], `--endpoint must be ${ENDPOINT}, got "https://vod.tencentcloudapi.com" (vod.tencentcloudapi.com is not a loopback address: the emulator runs on this machine)`],
  ["--endpoint: with credentials (not shown)", () => ["post-deploy", "plan", "--endpoint", "http://user:secret@127.0.0.1:4780"], `--endpoint must be ${ENDPOINT}, got a URL with credentials (not shown)`],
  ["--endpoint: with a path", () => ["post-deploy", "plan", "--endpoint", "http://127.0.0.1:4780/vod"], `--endpoint must be ${ENDPOINT}, got "http://127.0.0.1:4780/vod" (a URL with a path, query or fragment)`],
  ["--endpoint: no value", () => ["post-deploy", "plan", "--endpoint"], `--endpoint must be ${ENDPOINT}, got no value`],
  ["--live-domain: a URL", () => ["post-deploy", "plan", "--live-domain", "https://console.tim.qq.com"], '--live-domain must be a host name, e.g. console.tim.qq.com, got "https://console.tim.qq.com" (a URL; give the host name only)'],
  ["--live-domain: with a path", () => ["post-deploy", "plan", "--live-domain", "console.tim.qq.com/v4"], '--live-domain must be a host name, e.g. console.tim.qq.com, got "console.tim.qq.com/v4"'],
  ["--live-domain: empty", () => ["post-deploy", "plan", "--live-domain", ""], '--live-domain must be a host name, e.g. console.tim.qq.com, got ""'],
  ["--console-driver: unknown", () => ["post-deploy", "plan", "--console-driver", "browser"], '--console-driver must be one of guided, emulator, got "browser"'],
  ["--console-driver: misspelt", () => ["post-deploy", "apply", "--console-driver", "emulatr"], '--console-driver must be one of guided, emulator, got "emulatr" (did you mean emulator?)'],
  ["--console-driver: no value", () => ["post-deploy", "plan", "--console-driver"], "--console-driver must be a console driver of this program, got no value"],
  [
    "--console-driver emulator without a URL",
    () => ["post-deploy", "plan", "--synth-dir", synth, "--state-dir", tempDir(), "--console-driver", "emulator"],
    `--emulator-url must be ${EMULATOR_URL}, got nothing (--console-driver emulator needs it, or --endpoint)`,
  ],
  ["--emulator-url: https", () => ["post-deploy", "plan", "--emulator-url", "https://127.0.0.1:4780"], `--emulator-url must be ${EMULATOR_URL}, got "https://127.0.0.1:4780" (the scheme is https)`],
  ["--emulator-url: not loopback", () => ["post-deploy", "plan", "--emulator-url", "http://10.0.0.7:4780"], `--emulator-url must be ${EMULATOR_URL}, got "http://10.0.0.7:4780" (10.0.0.7 is not a loopback address: the emulator runs on this machine)`],

  // post-deploy: local files of the run
  ["--state-dir: a file", () => ["post-deploy", "apply", "--synth-dir", synth, "--endpoint", "http://127.0.0.1:9", "--state-dir", notJson], `--state-dir must be ${STATE_DIR}, got ${q(notJson)} (it is a file)`],
  [
    "--state-dir: a state.json that is not JSON",
    () => ["post-deploy", "apply", "--synth-dir", synth, "--endpoint", "http://127.0.0.1:9", "--state-dir", stateDirWithBadState],
    `--state-dir must be ${STATE_DIR}, got ${q(stateDirWithBadState)} (state.json: it is not JSON (at character 1))`,
  ],
  [
    "--state-dir: a state.json of another version",
    () => ["post-deploy", "check", "--synth-dir", synth, "--endpoint", "http://127.0.0.1:9", "--state-dir", stateDirOfOtherVersion],
    `--state-dir must be ${STATE_DIR}, got ${q(stateDirOfOtherVersion)} (state.json: it is not a post-deploy state file (version 9): move it away to start fresh)`,
  ],
  ["--state-dir: an empty path", () => ["post-deploy", "plan", "--state-dir", ""], `--state-dir must be ${STATE_DIR}, got "" (no path)`],
  ["--attestations: a directory", () => ["post-deploy", "plan", ...RUN(), "--attestations", folder], `--attestations must be ${ATTESTATIONS}, got ${q(folder)} (it is a directory)`],
  ["--attestations: not JSON", () => ["post-deploy", "check", ...RUN(), "--attestations", notJson], `--attestations must be ${ATTESTATIONS}, got ${q(notJson)} (it is not JSON)`],
  [
    "--attestations: another version",
    () => ["post-deploy", "plan", ...RUN(), "--attestations", attestationsOfOtherVersion],
    `--attestations must be ${ATTESTATIONS}, got ${q(attestationsOfOtherVersion)} (it is not an attestations file (version 1): version: Invalid literal value, expected 1)`,
  ],
  ["--attestations: an empty path", () => ["post-deploy", "plan", "--attestations", ""], `--attestations must be ${ATTESTATIONS}, got "" (no path)`],

  // post-deploy: numbers and times
  ["--evidence-days: 0", () => ["post-deploy", "check", "--evidence-days", "0"], '--evidence-days must be a whole number of days from 1 to 31, got "0"'],
  ["--evidence-days: 32", () => ["post-deploy", "check", "--evidence-days", "32"], '--evidence-days must be a whole number of days from 1 to 31, got "32"'],
  ["--evidence-days: a fraction", () => ["post-deploy", "check", "--evidence-days", "1.5"], '--evidence-days must be a whole number of days from 1 to 31, got "1.5"'],
  ["--evidence-days: negative", () => ["post-deploy", "check", "--evidence-days", "-3"], '--evidence-days must be a whole number of days from 1 to 31, got "-3"'],
  ["--evidence-days: a word", () => ["post-deploy", "check", "--evidence-days", "week"], '--evidence-days must be a whole number of days from 1 to 31, got "week"'],
  ["--evidence-days: no value", () => ["post-deploy", "check", "--evidence-days"], "--evidence-days must be a whole number of days from 1 to 31, got no value"],
  ["--evidence-since: a word", () => ["post-deploy", "check", "--evidence-since", "yesterday"], '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "yesterday"'],
  ["--evidence-since: a bare year", () => ["post-deploy", "check", "--evidence-since", "2026"], '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "2026"'],
  ["--evidence-since: a day the month does not have (Date.parse would roll it over to March 2)", () => ["post-deploy", "check", ...RUN(), "--evidence-since", "2025-02-30"], '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "2025-02-30" (2025-02-30 is not a date of the calendar)'],
  ["--evidence-since: February 29 of a common year", () => ["post-deploy", "check", "--evidence-since", "2023-02-29T08:00:00Z"], '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "2023-02-29T08:00:00Z" (2023-02-29 is not a date of the calendar)'],
  ["--evidence-since: month 13", () => ["post-deploy", "check", "--evidence-since", "2026-13-01"], '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "2026-13-01"'],
  [
    "--evidence-since: in the future",
    () => ["post-deploy", "check", ...RUN(), "--evidence-since", "2999-01-01T00:00:00Z"],
    '--evidence-since must be an ISO 8601 time in the past, e.g. 2026-11-20T08:00:00Z, got "2999-01-01T00:00:00Z" (it is in the future: no recording would be looked at)',
  ],
  ["--concurrency: 0", () => ["post-deploy", "apply", "--concurrency", "0"], '--concurrency must be a whole number from 1 to 16, got "0"'],
  ["--concurrency: 17", () => ["post-deploy", "apply", "--concurrency", "17"], '--concurrency must be a whole number from 1 to 16, got "17"'],
  ["--concurrency: a word", () => ["post-deploy", "apply", "--concurrency", "many"], '--concurrency must be a whole number from 1 to 16, got "many"'],
  ["--request-timeout: 0", () => ["post-deploy", "plan", "--request-timeout", "0"], '--request-timeout must be a number of seconds from 0.05 to 120, got "0"'],
  ["--request-timeout: 121", () => ["post-deploy", "plan", "--request-timeout", "121"], '--request-timeout must be a number of seconds from 0.05 to 120, got "121"'],
  ["--request-timeout: an exponent", () => ["post-deploy", "plan", "--request-timeout", "1e1"], '--request-timeout must be a number of seconds from 0.05 to 120, got "1e1"'],
  ["--request-timeout: with a unit", () => ["post-deploy", "plan", "--request-timeout", "10s"], '--request-timeout must be a number of seconds from 0.05 to 120, got "10s"'],

  // post-deploy: options and arguments
  ["a misspelt option", () => ["post-deploy", "plan", "--concurency", "3"], `"--concurency" is not an option of post-deploy plan (did you mean --concurrency?); its options are ${RUN_OPTIONS}`],
  ["a misspelt option of check", () => ["post-deploy", "check", "--evidence-day", "3"], `"--evidence-day" is not an option of post-deploy check (did you mean --evidence-days?); its options are ${RUN_OPTIONS}`],
  ["the removed --allow-expire-now", () => ["post-deploy", "apply", "--allow-expire-now"], `"--allow-expire-now" is not an option of post-deploy apply; its options are ${RUN_OPTIONS}`],
  ["a short option", () => ["post-deploy", "plan", "-q"], `"-q" is not an option of post-deploy plan; its options are ${RUN_OPTIONS}`],
  ["--json with a value", () => ["post-deploy", "plan", "--json=yes"], '--json takes no value, got "--json=yes"'],
  ["--quiet with a value", () => ["post-deploy", "apply", "--quiet=1"], '--quiet takes no value, got "--quiet=1"'],
  ["--reapply-secrets with a value", () => ["post-deploy", "apply", "--reapply-secrets=false"], '--reapply-secrets takes no value, got "--reapply-secrets=false"'],
  ["an argument", () => ["post-deploy", "apply", "staging"], 'post-deploy apply takes options only, got the argument "staging"'],
  ["an option's name without dashes", () => ["post-deploy", "check", "json"], 'post-deploy check takes options only, got the argument "json" (did you mean --json?)'],

  // post-deploy: credentials (named, never shown)
  [
    "half the credentials",
    () => ["post-deploy", "plan", ...RUN()],
    "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must be set both or neither, got TENCENTCLOUD_SECRET_ID without TENCENTCLOUD_SECRET_KEY",
    { TENCENTCLOUD_SECRET_ID: "AKIDonly", TENCENTCLOUD_SHARED_CREDENTIALS_DIR: tempDir() },
  ],
  [
    "a tccli profile that is a directory",
    () => ["post-deploy", "plan", ...RUN()],
    `the tccli profile ${path.join(profileDir, "default.credential")} must be JSON with secretId and secretKey, got a file that cannot be used (it is a directory)`,
    { TENCENTCLOUD_SHARED_CREDENTIALS_DIR: profileDir },
  ],
  [
    "a tccli profile without the key",
    () => ["post-deploy", "plan", ...RUN()],
    `the tccli profile ${path.join(profileWithoutKeys, "default.credential")} must be JSON with secretId and secretKey, got a file without them`,
    { TENCENTCLOUD_SHARED_CREDENTIALS_DIR: profileWithoutKeys },
  ],

  // attest
  ["attest --by: empty", () => [...ATTEST, "--by", ""], `--by must be ${BY}, got "" (blank)`],
  ["attest --by: only spaces", () => [...ATTEST, "--by", "   "], `--by must be ${BY}, got "   " (blank)`],
  ["attest --by: too long", () => [...ATTEST, "--by", "a".repeat(101)], `--by must be ${BY}, got 101 characters`],
  ["attest --by: a line break", () => [...ATTEST, "--by", "alice\nbob"], `--by must be ${BY}, got "alice\\nbob" (a control character)`],
  ["attest --by: missing", () => [...ATTEST], `--by must be ${BY}, got nothing (it is required)`],
  ["attest --by: no value", () => [...ATTEST, "--by"], `--by must be ${BY}, got no value`],
  ["attest --sdk-app-id: missing", () => ["post-deploy", "attest", "--synth-dir", synth, "--by", "alice"], `--sdk-app-id must be ${SDK_APP_ID}, got nothing (it is required)`],
  ["attest --sdk-app-id: a word", () => ["post-deploy", "attest", "--sdk-app-id", "staging", "--by", "alice"], `--sdk-app-id must be ${SDK_APP_ID}, got "staging"`],
  ["attest --sdk-app-id: 0", () => ["post-deploy", "attest", "--sdk-app-id", "0", "--by", "alice"], `--sdk-app-id must be ${SDK_APP_ID}, got "0"`],
  ["attest --sdk-app-id: too large", () => ["post-deploy", "attest", "--sdk-app-id", "4294967296", "--by", "alice"], `--sdk-app-id must be ${SDK_APP_ID}, got "4294967296"`],
  ["attest --sdk-app-id: not declared", () => ["post-deploy", "attest", "--synth-dir", synth, "--sdk-app-id", "1400000042", "--by", "alice"], "--sdk-app-id must be an SDKAppID of the desired states (1400000002, 1400000001), got 1400000042"],
  ["attest --note: empty", () => [...ATTEST, "--by", "alice", "--note", ""], `--note must be ${NOTE}, got "" (blank)`],
  ["attest --note: too long", () => [...ATTEST, "--by", "alice", "--note", "n".repeat(1001)], `--note must be ${NOTE}, got 1001 characters`],
  ["attest --attestations: a directory", () => [...ATTEST, "--by", "alice", "--output", "vod_sub_app_id=1500000001", "--attestations", folder], `--attestations must be ${ATTESTATIONS}, got ${q(folder)} (it is a directory)`],
  [
    "attest --attestations: under a file",
    () => [...ATTEST, "--by", "alice", "--output", "vod_sub_app_id=1500000001", "--attestations", path.join(underFile, "att.json")],
    `--attestations must be ${ATTESTATIONS}, got ${q(path.join(underFile, "att.json"))} (cannot write it: a part of its path is not a folder (ENOTDIR))`,
  ],
  [
    "attest without the deploy's outputs",
    () => [...ATTEST, "--by", "alice"],
    'cannot attest SDKAppID 1400000001: no output "vod_sub_app_id" for stack staging: deploy it first (cdktf deploy --outputs-file <file>) and pass --outputs-file',
  ],
  ["attest: an option of the run commands", () => [...ATTEST, "--by", "alice", "--endpoint", "http://127.0.0.1:4780"], `"--endpoint" is not an option of post-deploy attest; its options are ${ATTEST_OPTIONS}`],
];

describe("the command line refuses bad input with one line naming the flag or file", () => {
  // Every row has its environment: with a missing fourth value, jest would take the fourth parameter for `done`.
  test.each(CASES.map(([name, args, message, env]) => [name, args, message, env ?? ENV] as const))("%s", async (_name, args, message, env) => {
    const run = await cli(args(), env);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `error: ${message}\n` });
  });

  test("the corpus is large enough to matter (issue 13: 100+ bad inputs across test/hardening)", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });
});

describe("the real process (bin/trtc-live-recording.js)", () => {
  const BIN = path.join(ROOT, "bin", "trtc-live-recording.js");

  test("a bad flag: one line on stderr, exit 1", () => {
    const r = spawnSync(process.execPath, [BIN, "post-deploy", "attest", "--sdk-app-id", "1400000001", "--by", ""], { cwd: dir, encoding: "utf8", env: { ...process.env, ...ENV } });
    expect([r.status, r.stdout, r.stderr]).toEqual([1, "", `error: --by must be ${BY}, got "" (blank)\n`]);
  });

  /** Runs the command with its stdout read by nobody (as `| head` leaves it once head has its lines). */
  function intoClosedPipe(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...ENV }, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  test("output into a pipe closed early (`| head`): no EPIPE crash, the command finishes with its own exit code", async () => {
    expect(await intoClosedPipe(["plan", "--no-synth", "--synth-dir", synth, "--out", tempDir()])).toEqual({ code: 0, stderr: "" });
    expect(await intoClosedPipe(["post-deploy", "apply", "--help"])).toEqual({ code: 0, stderr: "" });
  }, 30_000);
});
