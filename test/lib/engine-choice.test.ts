import { readFileSync } from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { LiveRecording, Retention } from "../../constructs";
import * as seam from "../../lib/cdktf";
import { ENGINE_VARIABLE, EngineSurroundings, chooseEngine, currentEngine } from "../../lib/engine-choice";
import { ROOT, filesUnder } from "../support/app";

const PATHS = { cdktf: "/app/node_modules/cdktf/lib/index.js", cdktn: "/app/node_modules/cdktn/lib/index.js" } as const;

/** Surroundings with the given engines installed (and loaded), and the given environment. */
function around({ installed = ["cdktf", "cdktn"], loaded = [], env = {} }: { installed?: string[]; loaded?: string[]; env?: Record<string, string> }): EngineSurroundings {
  return {
    env,
    resolve: (id) => {
      if (!installed.includes(id)) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
      return PATHS[id as keyof typeof PATHS];
    },
    isLoaded: (p) => loaded.some((name) => PATHS[name as keyof typeof PATHS] === p),
  };
}

describe("which engine the seam loads (lib/engine-choice.ts)", () => {
  test.each([
    ["only cdktf installed", { installed: ["cdktf"] }, "cdktf", "only-installed"],
    ["only cdktn installed (an app on CDK Terrain)", { installed: ["cdktn"] }, "cdktn", "only-installed"],
    ["both installed, the app already loaded cdktn", { loaded: ["cdktn"] }, "cdktn", "already-loaded"],
    ["both installed, the app already loaded cdktf", { loaded: ["cdktf"] }, "cdktf", "already-loaded"],
    ["both installed, none loaded yet", {}, "cdktf", "default"],
    ["both installed and loaded", { loaded: ["cdktf", "cdktn"] }, "cdktf", "default"],
    ["the variable names cdktn, though cdktf is loaded", { loaded: ["cdktf"], env: { [ENGINE_VARIABLE]: "cdktn" } }, "cdktn", "override"],
    ["the variable names cdktf, though cdktn is loaded", { loaded: ["cdktn"], env: { [ENGINE_VARIABLE]: "cdktf" } }, "cdktf", "override"],
    ["the variable is empty: ignored", { installed: ["cdktn"], env: { [ENGINE_VARIABLE]: "" } }, "cdktn", "only-installed"],
  ] as const)("%s -> %s", (_label, setup, name, reason) => {
    const choice = chooseEngine(around(setup as Parameters<typeof around>[0]));
    expect(choice).toEqual({ name, path: PATHS[name], reason });
  });

  test("the variable must name an engine", () => {
    expect(() => chooseEngine(around({ env: { [ENGINE_VARIABLE]: "cdk" } }))).toThrow(`TRTC_LIVE_RECORDING_CDK_ENGINE must be one of "cdktf", "cdktn", got "cdk"`);
  });

  test("the variable names an engine that is not installed", () => {
    expect(() => chooseEngine(around({ installed: ["cdktf"], env: { [ENGINE_VARIABLE]: "cdktn" } }))).toThrow(
      "TRTC_LIVE_RECORDING_CDK_ENGINE=cdktn, but cdktn is not installed where trtc-live-recording can load it: install cdktf (^0.21.0) or cdktn (^0.24.0), with constructs, in the app (they are peer dependencies)",
    );
  });

  test("no engine installed", () => {
    expect(() => chooseEngine(around({ installed: [] }))).toThrow(
      "trtc-live-recording needs a CDK engine and found none: install cdktf (^0.21.0) or cdktn (^0.24.0), with constructs, in the app (they are peer dependencies)",
    );
  });
});

describe("the seam (lib/cdktf.ts)", () => {
  test("exports the whole engine it chose: the same objects as the engine module", () => {
    const engine = currentEngine();
    expect(engine).toBeDefined();
    const loaded = require(engine!.path) as Record<string, unknown>;
    for (const name of ["App", "TerraformStack", "TerraformResource", "ComplexList", "Token", "Fn", "Testing", "stringToTerraform"]) {
      expect([name, (seam as unknown as Record<string, unknown>)[name]]).toEqual([name, loaded[name]]);
    }
    expect(seam.TerraformDataResource).toBe(loaded.DataResource);
  });

  test("no module of this repository imports an engine except the seam's runtime half and its declarations", () => {
    const roots = ["cli", "constructs", "emulator", "lib", "plan", "postdeploy", "rules", "scripts", "stacks", "test", ".gen"].map((d) => path.join(ROOT, d));
    const files = [...roots.flatMap((r) => filesUnder(r)), path.join(ROOT, "index.ts"), path.join(ROOT, "main.ts")].filter(
      (f) => /\.(ts|js)$/.test(f) && !f.includes(`${path.sep}consumer-app${path.sep}`),
    );
    // Import and export declarations, require() and import() calls (comments and other text aside).
    const engineImport = /^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](?:cdktf|cdktn)(?:\/[^"']*)?["']|\b(?:require|import)\(\s*["'](?:cdktf|cdktn)(?:\/[^"']*)?["']\s*\)/m;
    const code = (f: string) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(?:\/\/|\*|\/\*)/.test(line))
        .join("\n");
    const importers = files.filter((f) => engineImport.test(code(f))).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
    expect(importers).toEqual(["lib/cdk-engine.d.ts"]);
  });

  const props = { sdkAppId: 1400000001, vodApplication: { name: "x" }, retention: Retention.days(7), fullRoomRecording: true, globalAutoRecording: "off" } as const;
  /** A second copy of the engine the seam loaded: to this package, as foreign as the other engine. */
  function otherCopy(): typeof seam {
    let other: typeof seam | undefined;
    jest.isolateModules(() => {
      other = require(currentEngine()!.path) as typeof seam;
    });
    expect(other!.TerraformStack).not.toBe(seam.TerraformStack);
    return other!;
  }
  const fix = "an app and this package must use the same engine; set TRTC_LIVE_RECORDING_CDK_ENGINE to the app's engine (cdktf or cdktn) or install only that one";

  test("a stack made by another engine (or another copy of it) is refused, naming it and the fix", () => {
    const other = otherCopy();
    const stack = new other.TerraformStack(seam.Testing.app(), "foreign");
    const engine = currentEngine()!;
    const version = (JSON.parse(readFileSync(path.join(engine.path, "..", "..", "package.json"), "utf8")) as { version: string }).version;
    expect(() => new LiveRecording(stack as unknown as Construct, "Recording", props)).toThrow(
      `[foreign] the stack is a ${engine.name}.TerraformStack ${version}, but trtc-live-recording runs on ${engine.name} (${engine.path}, ${engine.reason}): ${fix}`,
    );
  });

  test("so is an app made by another engine, around a stack of this package's engine", () => {
    const other = otherCopy();
    const stack = new seam.TerraformStack(new other.App({ outdir: "unused" }) as unknown as Construct, "mixed");
    const engine = currentEngine()!;
    expect(() => new LiveRecording(stack, "Recording", props)).toThrow(`[mixed] the app is a ${engine.name}.App `);
    expect(() => new LiveRecording(stack, "Again", props)).toThrow(fix);
  });

  test("the app's own engine passes", () => {
    const stack = new seam.TerraformStack(seam.Testing.app(), "same");
    expect(() => new LiveRecording(stack, "Recording", props)).not.toThrow();
  });
});
