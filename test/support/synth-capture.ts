/**
 * The parity check's recorder (scripts/parity/cdktn.ts): a jest setup file (jest.config.js) that, when
 * `TRTC_LR_SYNTH_CAPTURE` names a folder, records every stack a test file synthesizes, on the engine the seam loaded,
 * into it (format: scripts/parity/capture-format.ts). Unset (a normal `npm test`), it loads nothing and does nothing.
 *
 * It wraps the engine's `TerraformStack.prototype.toTerraform`, which every synthesis goes through (`Testing.synth`,
 * `Testing.synthScope`, `Testing.fullSynth`, `app.synth()`), and records, in call order per test: the stack's path, the
 * Terraform JSON as synthesized (with the `//` metadata `cdk.tf.json` keeps and `Testing.synth` drops), and the
 * stack's desired-state document as `live-recording.json` holds it (or the error rendering it gave). One file per test
 * file, written after its last test.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import type * as DocumentModule from "../../constructs/desired-state-document";
import type * as CanonicalJsonModule from "../../lib/canonical-json";
import type * as SeamModule from "../../lib/cdktf";
import type * as DesiredStateModule from "../../lib/desired-state";
import type * as EngineChoiceModule from "../../lib/engine-choice";
import { CAPTURE_VARIABLE, CaptureFile, CapturedSynthesis } from "../../scripts/parity/capture-format";

const ROOT = path.resolve(__dirname, "..", "..");
const DOCUMENT_ID = "LiveRecordingDesiredState";

const files: Record<string, string> = {};
const captureDir = process.env[CAPTURE_VARIABLE] ?? "";
const capturing = captureDir !== "";

/** Records a file as a test saw it written; a no-op unless capturing. */
export function recordFile(name: string, content: string): void {
  if (!capturing) return;
  if (name in files) throw new Error(`synth-capture: ${name} recorded twice`);
  files[name] = content;
}

if (capturing) install(captureDir);

function install(dir: string): void {
  // Loaded only when recording, so that a normal run's test files load nothing more than they import themselves.
  const { TerraformStack } = require("../../lib/cdktf") as typeof SeamModule;
  const { DesiredStateDocument } = require("../../constructs/desired-state-document") as typeof DocumentModule;
  const { canonicalJson } = require("../../lib/canonical-json") as typeof CanonicalJsonModule;
  const { serializeDesiredState } = require("../../lib/desired-state") as typeof DesiredStateModule;
  const { currentEngine } = require("../../lib/engine-choice") as typeof EngineChoiceModule;
  type Stack = InstanceType<typeof TerraformStack>;
  const desiredStateOf = (stack: Stack): CapturedSynthesis["desiredState"] => {
    if (stack.node.tryFindChild(DOCUMENT_ID) === undefined) return null;
    try {
      return serializeDesiredState(DesiredStateDocument.of(stack).render());
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const syntheses: CapturedSynthesis[] = [];
  const seqByTest = new Map<string, number>();
  const original = TerraformStack.prototype.toTerraform;

  TerraformStack.prototype.toTerraform = function capturedToTerraform(this: Stack) {
    const result = original.call(this);
    const test = expect.getState().currentTestName ?? "(hook)";
    const seq = (seqByTest.get(test) ?? 0) + 1;
    seqByTest.set(test, seq);
    syntheses.push({ test, seq, stack: this.node.path, terraform: canonicalJson(result, 2), desiredState: desiredStateOf(this) });
    return result;
  };

  afterAll(() => {
    TerraformStack.prototype.toTerraform = original;
    const testFile = path.relative(ROOT, expect.getState().testPath ?? "unknown").split(path.sep).join("/");
    const engine = currentEngine();
    if (engine === undefined) throw new Error("synth-capture: the seam has not loaded an engine");
    const version = (JSON.parse(readFileSync(path.join(engine.path, "..", "..", "package.json"), "utf8")) as { version: string }).version;
    // A test file that synthesized nothing leaves no record (most of a normal run's files).
    if (syntheses.length === 0 && Object.keys(files).length === 0) return;
    const bindings = path.relative(ROOT, require.resolve("../../.gen/providers/tencentcloud/provider")).split(path.sep).join("/");
    const file: CaptureFile = {
      testFile,
      bindings,
      engine: { name: engine.name, version, path: path.relative(ROOT, engine.path).split(path.sep).join("/"), reason: engine.reason },
      syntheses,
      files,
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${testFile.replace(/[\\/]/g, "__")}.json`), JSON.stringify(file, null, 1) + "\n");
  });
}

