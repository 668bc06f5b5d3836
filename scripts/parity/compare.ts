/**
 * The parity check's comparison (scripts/parity/cdktn.ts): what cdktf synthesized against what cdktn synthesized, and
 * the bindings each engine's generator wrote. Two texts are equal when they are the same bytes once the explained
 * differences below are taken out; each explanation applies only where it changes something and only to the values it
 * names (e.g. exactly the two engines' versions), so anything else is an unexplained difference and fails the check.
 */
import { canonicalHash } from "../../lib/canonical-json";
import type { CaptureFile, CapturedSynthesis } from "./capture-format";

/** What a text is, which decides the explanations that may apply to it. */
export type Kind = "terraform" | "desired-state" | "manifest" | "file" | "binding";

/** The two engines compared: `a` the reference (cdktf), `b` the other (cdktn). */
export interface Engines {
  readonly a: { readonly name: string; readonly version: string };
  readonly b: { readonly name: string; readonly version: string };
}

/** What a comparison knows beyond the two texts: for a stack's Terraform JSON, each side's desired-state document. */
export interface Context {
  readonly desiredA?: string | null;
  readonly desiredB?: string | null;
}

/**
 * A known, explained difference: between the engines, between two runs whatever the engine, or between the folders
 * the bindings were generated into.
 */
export interface Explanation {
  readonly id: string;
  readonly source: "engine" | "run" | "location";
  readonly kinds: readonly Kind[];
  /** What differs. */
  readonly what: string;
  /** Why it does not change what Terraform or the post-deploy step gets. */
  readonly why: string;
  /** Takes the difference out of both texts (returns them unchanged where it does not apply). */
  normalize(a: string, b: string, engines: Engines, context: Context): [string, string];
}

const LOOPBACK_PORT = /(\bhttps?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])):(\d+)\b/g;

/** The SHA-256 the stack outputs for its desired-state document (lib/desired-state.ts desiredStateHash), if it parses. */
function hashOf(document: string | null | undefined): string | undefined {
  if (typeof document !== "string") return undefined;
  try {
    return canonicalHash(JSON.parse(document));
  } catch {
    return undefined;
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const EXPLANATIONS: readonly Explanation[] = [
  {
    id: "emulator-port",
    source: "run",
    kinds: ["terraform", "desired-state"],
    what: "callback URLs of tests that point at the local emulator carry its port, which the OS picks on each run",
    why: "a different run, not a different engine (two runs on the same engine differ the same way)",
    normalize: (a, b) => [a.replace(LOOPBACK_PORT, "$1:<port>"), b.replace(LOOPBACK_PORT, "$1:<port>")],
  },
  {
    id: "desired-state-hash",
    source: "run",
    kinds: ["terraform"],
    what: "the desired_state_sha256 output (and what uses it) hashes the stack's desired state, which holds such a port",
    why: "checked: on each side the value is the SHA-256 of that side's own desired-state document, compared equal above",
    normalize: (a, b, _e, c) => {
      const ha = hashOf(c.desiredA);
      const hb = hashOf(c.desiredB);
      if (ha === undefined || hb === undefined) return [a, b];
      return [a.split(ha).join("<sha256 of the desired state>"), b.split(hb).join("<sha256 of the desired state>")];
    },
  },
  {
    id: "engine-version",
    source: "engine",
    kinds: ["terraform", "file"],
    what: 'cdk.tf.json\'s "//" metadata "version" is the engine\'s version (cdktf 0.21.0, cdktn 0.24.0)',
    why: 'the "//" key is a comment to Terraform; only a real App writes it (Testing.app() writes "stubbed" on both engines)',
    normalize: (a, b, e) => {
      const pattern = /("metadata": \{[^{}]*?"version": "([^"]*)")/g;
      const only = (text: string, version: string) => text.replace(pattern, (whole: string, _m: string, v: string) => (v === version ? whole.replace(`"${v}"`, '"<engine version>"') : whole));
      return [only(a, e.a.version), only(b, e.b.version)];
    },
  },
  {
    id: "manifest-version",
    source: "engine",
    kinds: ["manifest"],
    what: 'manifest.json\'s top-level "version" is the engine\'s version',
    why: "read by the engine's CLI only; this package's plan and post-deploy step read the stacks' paths from it, which are equal",
    normalize: (a, b, e) => {
      const pattern = /^ {2}"version": ("[^"]*")$/m;
      const one = (text: string, version: string) => text.replace(pattern, (whole: string, v: string) => (v === `"${version}"` ? '  "version": "<engine version>"' : whole));
      return [one(a, e.a.version), one(b, e.b.version)];
    },
  },
  {
    id: "manifest-empty-arrays",
    source: "engine",
    kinds: ["manifest"],
    what: "manifest.json's empty arrays are written over two lines by cdktf's JSON writer, as [] by cdktn's",
    why: "the same JSON (parsed, the manifests are equal apart from the version)",
    normalize: (a, b) => [a.replace(/\[\n\s*\]/g, "[]"), b.replace(/\[\n\s*\]/g, "[]")],
  },
  {
    id: "seam-path",
    source: "location",
    kinds: ["binding"],
    what: "the relative path of the seam import differs with the folder the bindings are generated into",
    why: "both resolve to lib/cdktf.ts",
    normalize: (a, b) => {
      const seam = /from '(?:\.\.\/)+lib\/cdktf';/;
      return [a.replace(seam, "from '<seam>';"), b.replace(seam, "from '<seam>';")];
    },
  },
  {
    id: "complex-object-error-url",
    source: "engine",
    kinds: ["binding"],
    what: "the error thrown when a complex object is misused as configuration links to each engine's docs",
    why: "text of an error neither engine raises for this package's constructs (every synthesis here succeeds equally)",
    normalize: (a, b) => [a.split("https://cdk.tf/complex-object-as-configuration").join("<docs url>"), b.split("https://cdktn.io/docs/concepts/resources#references").join("<docs url>")],
  },
  {
    id: "cli-name-in-comments",
    source: "engine",
    kinds: ["binding"],
    what: "doc comments name the engine's CLI (`cdktf plan` / `cdktn plan`, CDKTF / CDKTN)",
    why: "comments",
    normalize: (a, b, e) => {
      const comment = /^(\s*(?:\*|\/\/).*)$/gm;
      const upper = (s: string) => s.toUpperCase();
      return [a, b.replace(comment, (line: string) => line.split(e.b.name).join(e.a.name).split(upper(e.b.name)).join(upper(e.a.name)))];
    },
  },
  {
    id: "generator-namespace",
    source: "engine",
    kinds: ["binding"],
    what: "the generator names the engine namespace after itself: `import * as cdktf` / `cdktf.X` vs `cdktn` / `cdktn.X`",
    why: "a local name of the same module, the seam (lib/cdktf.ts)",
    normalize: (a, b, e) => [a, b.replace(new RegExp(`\\b${escape(e.b.name)}\\.(?=[A-Za-z_])`, "g"), `${e.a.name}.`).replace(new RegExp(`^import \\* as ${escape(e.b.name)} from`, "m"), `import * as ${e.a.name} from`)],
  },
  {
    id: "complex-list-constructor",
    source: "engine",
    kinds: ["binding"],
    what: "complex list classes: cdktf declares the constructor's parameters `protected` (parameter properties), cdktn passes them to super only",
    why: "ComplexList's own constructor sets the same three fields from the same arguments, on both engines",
    normalize: (a, b) => {
      const ctor = /^(\s*constructor\()protected (terraformResource: [^,]+), protected (terraformAttribute: string), protected (wrapsSet: boolean)\) \{\n(\s*super\(terraformResource, terraformAttribute, wrapsSet\))$/gm;
      return [a.replace(ctor, "$1$2, $3, $4) {\n$5;"), b];
    },
  },
  {
    id: "index-module-paths",
    source: "engine",
    kinds: ["binding"],
    what: "the providers' index re-exports `./<resource>` (cdktf) or `./<resource>/index` (cdktn)",
    why: "the same module",
    normalize: (a, b) => [a, b.replace(/^(export \* as \w+ from '\.\/[\w-]+)\/index';$/gm, "$1';")],
  },
];

/** The outcome for one pair of texts. */
export interface Verdict {
  readonly equal: boolean;
  /** Same bytes before any explanation. */
  readonly identical: boolean;
  /** The explanations that changed something for this pair. */
  readonly explainedBy: readonly string[];
  /** First differing line of the normalized texts, when not equal. */
  readonly firstDifference?: { readonly line: number; readonly a: string; readonly b: string };
}

/** Applies the explanations of a kind, in order, except `skip`; returns the two texts and the ones that changed them. */
function normalizeAll(kind: Kind, a: string, b: string, engines: Engines, context: Context, skip?: string): { x: string; y: string; applied: string[] } {
  const applied: string[] = [];
  let [x, y] = [a, b];
  for (const e of EXPLANATIONS.filter((e) => e.kinds.includes(kind) && e.id !== skip)) {
    if (x === y) break;
    const [nx, ny] = e.normalize(x, y, engines, context);
    if (nx !== x || ny !== y) applied.push(e.id);
    [x, y] = [nx, ny];
  }
  return { x, y, applied };
}

/**
 * Compares two texts of a kind, taking out the explained differences that apply, in order. An explanation is listed
 * for the pair only when it is needed: without it, the texts would differ.
 */
export function compareTexts(kind: Kind, a: string, b: string, engines: Engines, context: Context = {}): Verdict {
  if (a === b) return { equal: true, identical: true, explainedBy: [] };
  const { x, y, applied } = normalizeAll(kind, a, b, engines, context);
  if (x === y) {
    const needed = applied.filter((id) => {
      const without = normalizeAll(kind, a, b, engines, context, id);
      return without.x !== without.y;
    });
    return { equal: true, identical: false, explainedBy: needed.length > 0 ? needed : applied };
  }
  const xl = x.split("\n");
  const yl = y.split("\n");
  let line = 0;
  while (line < xl.length && line < yl.length && xl[line] === yl[line]) line++;
  return { equal: false, identical: false, explainedBy: applied, firstDifference: { line: line + 1, a: xl[line] ?? "<end>", b: yl[line] ?? "<end>" } };
}

/** One compared item, for the report. */
export interface Item {
  readonly kind: Kind;
  /** Where it comes from: test file, test, stack, or file name. */
  readonly where: string;
  readonly verdict: Verdict;
}

/** Everything compared, for the report and the exit code. */
export interface Comparison {
  readonly items: readonly Item[];
  /** Things present on one engine only, or engines that were not the expected ones. */
  readonly problems: readonly string[];
}

type Desired = CapturedSynthesis["desiredState"];
const desiredText = (d: Desired): string => (d === null ? "<no desired state>" : typeof d === "string" ? d : `<error> ${d.error}`);

/**
 * Compares the two engines' recordings, test file by test file, synthesis by synthesis, file by file. Records made on
 * another engine than expected, or (when given) with other bindings than expected (a folder prefix), are problems.
 */
export function compareCaptures(a: readonly CaptureFile[], b: readonly CaptureFile[], expected: Engines, bindings?: { readonly a: string; readonly b: string }): Comparison {
  const items: Item[] = [];
  const problems: string[] = [];
  const engines: Engines = expected;
  for (const [side, files, engine] of [["a", a, expected.a], ["b", b, expected.b]] as const) {
    for (const f of files) {
      if (f.engine.name !== engine.name || f.engine.version !== engine.version) {
        problems.push(`${f.testFile} ran on ${f.engine.name} ${f.engine.version} (${f.engine.reason}), expected ${engine.name} ${engine.version} (run ${side})`);
      }
      if (bindings !== undefined && !f.bindings.startsWith(bindings[side])) problems.push(`${f.testFile} used the bindings ${f.bindings}, expected ${bindings[side]}... (run ${side})`);
    }
  }
  const byFile = (files: readonly CaptureFile[]) => new Map(files.map((f) => [f.testFile, f]));
  const fa = byFile(a);
  const fb = byFile(b);
  for (const name of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
    const x = fa.get(name);
    const y = fb.get(name);
    if (x === undefined || y === undefined) {
      problems.push(`${name}: recorded on ${x === undefined ? expected.b.name : expected.a.name} only`);
      continue;
    }
    const key = (s: CapturedSynthesis) => `${s.test} #${s.seq} ${s.stack}`;
    const sa = new Map(x.syntheses.map((s) => [key(s), s]));
    const sb = new Map(y.syntheses.map((s) => [key(s), s]));
    if (sa.size !== x.syntheses.length || sb.size !== y.syntheses.length) problems.push(`${name}: two syntheses share a key (test, order, stack)`);
    for (const k of [...new Set([...sa.keys(), ...sb.keys()])]) {
      const p = sa.get(k);
      const q = sb.get(k);
      if (p === undefined || q === undefined) {
        problems.push(`${name}: "${k}" synthesized on ${p === undefined ? expected.b.name : expected.a.name} only`);
        continue;
      }
      const context: Context = { desiredA: typeof p.desiredState === "string" ? p.desiredState : null, desiredB: typeof q.desiredState === "string" ? q.desiredState : null };
      const desired = compareTexts("desired-state", desiredText(p.desiredState), desiredText(q.desiredState), engines);
      // The hash of the desired state is explained only when the documents it hashes compared equal.
      items.push({ kind: "terraform", where: `${name}: ${k}`, verdict: compareTexts("terraform", p.terraform, q.terraform, engines, desired.equal ? context : {}) });
      if (p.desiredState !== null || q.desiredState !== null) items.push({ kind: "desired-state", where: `${name}: ${k}`, verdict: desired });
    }
    for (const file of [...new Set([...Object.keys(x.files), ...Object.keys(y.files)])].sort()) {
      const p = x.files[file];
      const q = y.files[file];
      if (p === undefined || q === undefined) {
        problems.push(`${name}: file ${file} written on ${p === undefined ? expected.b.name : expected.a.name} only`);
        continue;
      }
      const kind: Kind = file.endsWith("manifest.json") ? "manifest" : file.endsWith("live-recording.json") ? "desired-state" : "file";
      items.push({ kind, where: `${name}: ${file}`, verdict: compareTexts(kind, p, q, engines) });
    }
  }
  return { items, problems };
}

/** Compares two folders' generated bindings, file by file (relative path -> text). */
export function compareBindings(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, engines: Engines): Comparison {
  const items: Item[] = [];
  const problems: string[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(name);
    const y = b.get(name);
    if (x === undefined || y === undefined) {
      problems.push(`bindings: ${name} generated by ${x === undefined ? engines.b.name : engines.a.name}'s generator only`);
      continue;
    }
    items.push({ kind: "binding", where: name, verdict: compareTexts("binding", x, y, engines) });
  }
  return { items, problems };
}

/** Counts for the summary: per kind, how many were compared, byte-identical, equal after explanations, different. */
export function tally(items: readonly Item[]): Record<Kind, { compared: number; identical: number; explained: number; different: number }> {
  const out = {} as Record<Kind, { compared: number; identical: number; explained: number; different: number }>;
  for (const kind of ["terraform", "desired-state", "manifest", "file", "binding"] as const) out[kind] = { compared: 0, identical: 0, explained: 0, different: 0 };
  for (const { kind, verdict } of items) {
    const t = out[kind];
    t.compared++;
    if (verdict.identical) t.identical++;
    else if (verdict.equal) t.explained++;
    else t.different++;
  }
  return out;
}

/** How often each explanation was needed. */
export function explanationCounts(items: readonly Item[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { verdict } of items) for (const id of verdict.explainedBy) if (verdict.equal) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

