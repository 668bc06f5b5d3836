/**
 * The parity check's comparison (scripts/parity/compare.ts): each explanation takes out only the difference it names,
 * and anything else fails the check.
 */
import { canonicalHash, canonicalJson } from "../../lib/canonical-json";
import type { CaptureFile } from "../../scripts/parity/capture-format";
import { Engines, compareBindings, compareCaptures, compareTexts } from "../../scripts/parity/compare";

const ENGINES: Engines = { a: { name: "cdktf", version: "0.21.0" }, b: { name: "cdktn", version: "0.24.0" } };

/** A stack's Terraform JSON as the engines write it (sorted keys, two spaces). */
function tf({ version = "0.21.0", url = "https://hooks.example.com/vod", hash = "0".repeat(64), name = "rec" } = {}): string {
  return canonicalJson(
    {
      "//": { metadata: { backend: "local", stackName: "staging", version } },
      output: { desired_state_sha256: { value: hash } },
      resource: { tencentcloud_vod_event_config: { cfg: { "//": { metadata: { path: "staging/cfg", uniqueId: "cfg" } }, notification_url: url } }, tencentcloud_vod_sub_application: { app: { name } } },
    },
    2,
  );
}

function desired(url: string): string {
  return canonicalJson({ schema: "trtc-live-recording/desired-state", apps: [{ callbacks: { liveWebhook: { url } } }] }, 2) + "\n";
}

describe("compareTexts", () => {
  test("identical texts are byte-identical, nothing explained", () => {
    expect(compareTexts("terraform", tf(), tf(), ENGINES)).toEqual({ equal: true, identical: true, explainedBy: [] });
  });

  test("the metadata version of exactly the two engines is explained", () => {
    expect(compareTexts("terraform", tf({ version: "0.21.0" }), tf({ version: "0.24.0" }), ENGINES)).toEqual({ equal: true, identical: false, explainedBy: ["engine-version"] });
  });

  test("another version (an engine that was not the one expected) is a difference", () => {
    const v = compareTexts("terraform", tf({ version: "0.21.0" }), tf({ version: "0.23.0" }), ENGINES);
    expect(v.equal).toBe(false);
    // Shown after the explanations that applied: cdktf's version taken out, the unexpected one left.
    expect(v.firstDifference).toEqual({ line: 6, a: '      "version": "<engine version>"', b: '      "version": "0.23.0"' });
  });

  test("a different resource attribute is a difference, whatever else is explained", () => {
    const v = compareTexts("terraform", tf({ version: "0.21.0", name: "rec" }), tf({ version: "0.24.0", name: "rec2" }), ENGINES);
    expect(v).toMatchObject({ equal: false, explainedBy: ["engine-version"], firstDifference: { a: '        "name": "rec"', b: '        "name": "rec2"' } });
  });

  test("a loopback port (the emulator's, picked by the OS) is explained; any other host's port is not", () => {
    expect(compareTexts("desired-state", desired("http://127.0.0.1:40001/live"), desired("http://127.0.0.1:40002/live"), ENGINES)).toMatchObject({ equal: true, explainedBy: ["emulator-port"] });
    expect(compareTexts("desired-state", desired("https://hooks.example.com:8443/live"), desired("https://hooks.example.com:9443/live"), ENGINES).equal).toBe(false);
  });

  test("the desired-state hash is explained only where each side's value is the hash of its own document", () => {
    const [da, db] = [desired("http://127.0.0.1:40001/live"), desired("http://127.0.0.1:40002/live")];
    const [ha, hb] = [canonicalHash(JSON.parse(da)), canonicalHash(JSON.parse(db))];
    const context = { desiredA: da, desiredB: db };
    expect(compareTexts("terraform", tf({ hash: ha }), tf({ hash: hb }), ENGINES, context)).toMatchObject({ equal: true, explainedBy: ["desired-state-hash"] });
    expect(compareTexts("terraform", tf({ hash: ha }), tf({ hash: "f".repeat(64) }), ENGINES, context).equal).toBe(false);
    // Without the documents (they differed), the hashes are not explained.
    expect(compareTexts("terraform", tf({ hash: ha }), tf({ hash: hb }), ENGINES).equal).toBe(false);
  });

  test("manifest.json: the engine's version and its JSON writer's empty arrays", () => {
    const a = '{\n  "stacks": {\n    "s": {\n      "annotations": [\n      ]\n    }\n  },\n  "version": "0.21.0"\n}';
    const b = '{\n  "stacks": {\n    "s": {\n      "annotations": []\n    }\n  },\n  "version": "0.24.0"\n}';
    expect(compareTexts("manifest", a, b, ENGINES)).toEqual({ equal: true, identical: false, explainedBy: ["manifest-version", "manifest-empty-arrays"] });
    expect(compareTexts("manifest", a, b.replace('"s"', '"t"'), ENGINES).equal).toBe(false);
  });

  test("bindings: the generator's own names and forms are explained, a changed attribute is not", () => {
    const a = [
      "import * as cdktf from '../../../../lib/cdktf';",
      "  * Generates CDKTF code for importing a X resource upon running \"cdktf plan <stack-name>\"",
      "  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {",
      "    super(terraformResource, terraformAttribute, wrapsSet)",
      "  }",
      '    throw new Error("not supported: https://cdk.tf/complex-object-as-configuration");',
      "      name: cdktf.stringToTerraform(this._name),",
    ].join("\n");
    const b = [
      "import * as cdktn from '../../../../../lib/cdktf';",
      "  * Generates CDKTN code for importing a X resource upon running \"cdktn plan <stack-name>\"",
      "  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {",
      "    super(terraformResource, terraformAttribute, wrapsSet);",
      "  }",
      '    throw new Error("not supported: https://cdktn.io/docs/concepts/resources#references");',
      "      name: cdktn.stringToTerraform(this._name),",
    ].join("\n");
    const v = compareTexts("binding", a, b, ENGINES);
    expect(v.equal).toBe(true);
    expect([...v.explainedBy].sort()).toEqual(["cli-name-in-comments", "complex-list-constructor", "complex-object-error-url", "generator-namespace", "seam-path"]);
    expect(compareTexts("binding", a, b.replace("this._name", "this._other"), ENGINES).equal).toBe(false);
  });
});

describe("compareCaptures and compareBindings", () => {
  const file = (engine: Engines["a"], syntheses: CaptureFile["syntheses"]): CaptureFile => ({
    testFile: "test/x.test.ts",
    engine: { ...engine, path: `node_modules/${engine.name}/lib/index.js`, reason: "override" },
    bindings: engine.name === "cdktf" ? ".gen/providers/tencentcloud/provider/index.ts" : ".cdktn/gen/providers/tencentcloud/provider/index.ts",
    syntheses,
    files: {},
  });
  const s = (version: string, seq = 1) => ({ test: "t", seq, stack: "staging", terraform: tf({ version }), desiredState: null });

  test("the same syntheses compare equal", () => {
    const c = compareCaptures([file(ENGINES.a, [s("0.21.0")])], [file(ENGINES.b, [s("0.24.0")])], ENGINES);
    expect(c.problems).toEqual([]);
    expect(c.items.map((i) => [i.kind, i.verdict.equal])).toEqual([["terraform", true]]);
  });

  test("a synthesis on one engine only is a problem", () => {
    const c = compareCaptures([file(ENGINES.a, [s("0.21.0"), s("0.21.0", 2)])], [file(ENGINES.b, [s("0.24.0")])], ENGINES);
    expect(c.problems).toEqual(['test/x.test.ts: "t #2 staging" synthesized on cdktf only']);
  });

  test("records made on another engine than expected are a problem (the cdktn run fell back to cdktf)", () => {
    const c = compareCaptures([file(ENGINES.a, [s("0.21.0")])], [file(ENGINES.a, [s("0.21.0")])], ENGINES);
    expect(c.problems).toEqual(["test/x.test.ts ran on cdktf 0.21.0 (override), expected cdktn 0.24.0 (run b)"]);
  });

  test("records made with other bindings than expected are a problem (the cdktn run used .gen)", () => {
    const onGen = { ...file(ENGINES.b, [s("0.24.0")]), bindings: ".gen/providers/tencentcloud/provider/index.ts" };
    const c = compareCaptures([file(ENGINES.a, [s("0.21.0")])], [onGen], ENGINES, { a: ".gen/", b: ".cdktn/gen/" });
    expect(c.problems).toEqual(["test/x.test.ts used the bindings .gen/providers/tencentcloud/provider/index.ts, expected .cdktn/gen/... (run b)"]);
  });

  test("a bindings file generated by one engine only is a problem", () => {
    const c = compareBindings(new Map([["a.ts", "x"], ["b.ts", "y"]]), new Map([["a.ts", "x"]]), ENGINES);
    expect(c.problems).toEqual(["bindings: b.ts generated by cdktf's generator only"]);
  });
});
