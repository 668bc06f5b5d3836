/**
 * Module boundaries a library can keep, checked on the import graph of the production sources (every `import`,
 * `import type`, `export ... from`, `import()` and `require()`, as TypeScript's pre-processor finds them):
 * - production code (the root index.ts, cli/, constructs/, stacks/, rules/, lib/, plan/, postdeploy/) imports neither
 *   the emulator, nor scripts/, tests or the example app; whoever wires the emulator in injects its console driver;
 * - the two features, the recording plan and the post-deploy step, share facts only through lib/ (the price table
 *   is lib/pricing.ts), and lib/ depends on nothing above it;
 * - no import cycle among production modules, type-only imports included.
 */
import { existsSync, readFileSync, statSync } from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT, filesUnder } from "../support/app";

const PRODUCTION_FOLDERS = ["cli", "constructs", "stacks", "rules", "lib", "plan", "postdeploy"];

/** What each production folder may import (path prefixes from the repository root); its own folder always. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  "index.ts": ["constructs/", "stacks/", "rules/", "lib/", ".gen/"],
  lib: [],
  rules: ["lib/"],
  constructs: ["lib/", "rules/", ".gen/"],
  stacks: ["lib/", "constructs/", ".gen/"],
  plan: ["lib/", "cli/context.ts", "cli/usage.ts"],
  postdeploy: ["lib/", "cli/context.ts", "cli/usage.ts"],
  cli: ["lib/", "plan/command.ts", "postdeploy/command.ts"],
};

const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join("/");

function productionModules(): string[] {
  const files = PRODUCTION_FOLDERS.flatMap((d) => filesUnder(path.join(ROOT, d))).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  return [path.join(ROOT, "index.ts"), ...files].map(rel).sort();
}

/** The module a relative specifier names (a .ts file or a folder's index.ts), or the specifier for a package. */
function resolve(from: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  const base = path.resolve(ROOT, path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts"), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return rel(candidate);
  }
  return rel(base);
}

/** Every import of `module` (relative ones resolved to repository paths). */
function importsOf(module: string, text = readFileSync(path.join(ROOT, module), "utf8")): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((i) => resolve(module, i.fileName));
}

/** Import cycles of `graph`: its strongly connected components with more than one module, or a module importing itself. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const modules = productionModules();
const graph = new Map(modules.map((m) => [m, importsOf(m)]));

test("the graph is the package's: the root, the CLI's commands and the price table are in it", () => {
  for (const m of ["index.ts", "cli/main.ts", "plan/command.ts", "postdeploy/command.ts", "postdeploy/console-driver.ts", "lib/pricing.ts"]) expect(modules).toContain(m);
  expect(graph.get("cli/main.ts")).toEqual(expect.arrayContaining(["plan/command.ts", "postdeploy/command.ts"]));
});

test("production code imports neither the emulator nor scripts/, tests or the example app", () => {
  const offending = [...graph].flatMap(([m, imports]) => imports.filter((i) => /^(emulator|scripts|test)\/|^main\.ts$/.test(i)).map((i) => `${m} -> ${i}`));
  expect(offending).toEqual([]);
});

test("each folder imports only the layers below it: the plan and the post-deploy step share facts through lib/ only", () => {
  const offending = [...graph].flatMap(([m, imports]) => {
    const folder = m.includes("/") ? m.split("/")[0] : m;
    const allowed = [`${folder}/`, ...MAY_IMPORT[folder]];
    return imports.filter((i) => i.includes("/") && !i.startsWith("@") && /^[.a-z]/.test(i) && existsSync(path.join(ROOT, i.split("/")[0])) && !allowed.some((a) => i.startsWith(a))).map((i) => `${m} -> ${i}`);
  });
  expect(offending).toEqual([]);
});

test("no import cycle among production modules (type-only imports included)", () => {
  expect(cyclesOf(graph)).toEqual([]);
});

test("the guards see what they guard: an emulator import and a cycle are found", () => {
  // The same checks on a copy of the graph with one bad edge each, so a guard that finds nothing is not a silent pass.
  const withEmulator = importsOf("postdeploy/run.ts", `import type { Emulator } from "../emulator/emulator";\n${readFileSync(path.join(ROOT, "postdeploy/run.ts"), "utf8")}`);
  expect(withEmulator).toContain("emulator/emulator.ts");
  const cyclic = new Map(graph);
  cyclic.set("lib/suggest.ts", [...(graph.get("lib/suggest.ts") ?? []), "cli/usage.ts"]);
  expect(cyclesOf(cyclic)).toEqual([["cli/usage.ts", "lib/suggest.ts"]]);
});
