/**
 * docs/guide-traceability.md cannot rot: every file and symbol it names exists, and every test it names occurs in the
 * named test file. Every statement is either encoded and shown by a test, or says why it is not encoded.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const TABLE = path.join(ROOT, "docs", "guide-traceability.md");

interface Row {
  readonly id: string;
  readonly statement: string;
  readonly encoded: string;
  readonly shownBy: string;
}

function rows(): Row[] {
  return readFileSync(TABLE, "utf8")
    .split("\n")
    .filter((line) => /^\| G\d+ \|/.test(line))
    .map((line) => {
      const cells = line.slice(1, -1).split(" | ").map((c) => c.trim());
      if (cells.length !== 4) throw new Error(`a row of docs/guide-traceability.md has ${cells.length} cells, not 4: ${line}`);
      const [id, statement, encoded, shownBy] = cells;
      return { id, statement, encoded, shownBy };
    });
}

/** `file` or `file#symbol` references of a cell; a code span that looks like a path but is malformed fails. */
function references(cell: string): Array<{ file: string; symbol?: string }> {
  return [...cell.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1])
    .filter((span) => span.includes("/"))
    .map((span) => {
      const m = /^([\w./-]+\.(?:ts|md))(?:#(\w+))?$/.exec(span);
      if (!m) throw new Error(`malformed reference \`${span}\` in docs/guide-traceability.md`);
      return { file: m[1], symbol: m[2] };
    });
}

/** `test/x.test.ts` › "name" pairs of a cell. */
function tests(cell: string): Array<{ file: string; name: string }> {
  return [...cell.matchAll(/`(test\/[\w./-]+\.test\.ts)` › "([^"]+)"/g)].map((m) => ({ file: m[1], name: m[2] }));
}

describe("docs/guide-traceability.md", () => {
  const all = rows();

  test("has one row per statement, ids in order without gaps", () => {
    expect(all.length).toBeGreaterThanOrEqual(69);
    expect(all.map((r) => r.id)).toEqual(all.map((_, i) => `G${String(i + 1).padStart(2, "0")}`));
  });

  test("every row is encoded and shown by a test, or says why not", () => {
    for (const r of all) {
      const notEncoded = r.encoded.startsWith("not encoded:");
      expect([r.id, notEncoded ? r.shownBy.startsWith("not encoded:") : tests(r.shownBy).length > 0]).toEqual([r.id, true]);
      if (!notEncoded) expect([r.id, references(r.encoded).length > 0]).toEqual([r.id, true]);
      expect([r.id, r.statement.length > 10]).toEqual([r.id, true]);
    }
  });

  test("every referenced file exists and every referenced symbol occurs in it", () => {
    for (const r of all) {
      for (const ref of references(r.encoded)) {
        const file = path.join(ROOT, ref.file);
        expect([r.id, ref.file, existsSync(file)]).toEqual([r.id, ref.file, true]);
        if (ref.symbol) expect([r.id, `${ref.file}#${ref.symbol}`, new RegExp(`\\b${ref.symbol}\\b`).test(readFileSync(file, "utf8"))]).toEqual([r.id, `${ref.file}#${ref.symbol}`, true]);
      }
    }
  });

  test("every referenced test exists in the named test file", () => {
    for (const r of all) {
      for (const t of tests(r.shownBy)) {
        const file = path.join(ROOT, t.file);
        expect([r.id, t.file, existsSync(file)]).toEqual([r.id, t.file, true]);
        expect([r.id, t.name, readFileSync(file, "utf8").includes(t.name)]).toEqual([r.id, t.name, true]);
      }
    }
  });
});
