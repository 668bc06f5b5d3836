import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { ROOT, filesUnder } from "./support/app";

/** The generated engine import, pointed at the seam; its relative path depends on the output folder. */
const SEAM_IMPORT = /^import \* as cdktf from '(\.\.\/[^']*lib\/cdktf)';$/m;

function digest(dir: string, { seamPath = true } = {}): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir)
      .filter((f) => !f.endsWith(".schema-sha256"))
      .map((f) => {
        const text = readFileSync(f, "utf8");
        return [path.relative(dir, f), createHash("sha256").update(seamPath ? text : text.replace(SEAM_IMPORT, "import * as cdktf from '<seam>';")).digest("hex")];
      }),
  );
}

describe("provider bindings (.gen), generated offline from the schema in the repository", () => {
  test("generating twice gives byte-identical output, equal to the checked-out .gen apart from the seam's relative path", () => {
    const a = mkdtempSync(path.join(tmpdir(), "gen-a-"));
    const b = mkdtempSync(path.join(tmpdir(), "gen-b-"));
    const generate = (out: string) =>
      execFileSync(process.execPath, ["scripts/generate-bindings.js", "--quiet", "--force", "schema/tencentcloud-provider-schema.json", out], { cwd: ROOT });
    generate(a);
    generate(b);
    const first = digest(path.join(a, "providers"));
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["tencentcloud/vod-sub-application/index.ts", "tencentcloud/vod-event-config/index.ts", "tencentcloud/provider/index.ts"]));
    expect(digest(path.join(b, "providers"))).toEqual(first);
    expect(digest(path.join(ROOT, ".gen", "providers"), { seamPath: false })).toEqual(digest(path.join(a, "providers"), { seamPath: false }));
  });

  test("every generated file that uses the engine imports it through the seam (lib/cdktf.ts), none from cdktf or cdktn", () => {
    const files = filesUnder(path.join(ROOT, ".gen")).filter((f) => f.endsWith(".ts"));
    const usesEngine = files.filter((f) => /\bcdktf\.[A-Za-z]/.test(readFileSync(f, "utf8")));
    expect(usesEngine.length).toBeGreaterThan(20);
    for (const f of usesEngine) {
      const m = SEAM_IMPORT.exec(readFileSync(f, "utf8"));
      expect([path.relative(ROOT, f), m !== null && path.resolve(path.dirname(f), m[1])]).toEqual([path.relative(ROOT, f), path.join(ROOT, "lib", "cdktf")]);
    }
    const direct = files.filter((f) => /(?:from\s+|require\(\s*|import\(\s*)['"](?:cdktf|cdktn)(?:\/[^'"]*)?['"]/.test(readFileSync(f, "utf8")));
    expect(direct.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("the bindings pin the provider at the schema's version", () => {
    const provider = readFileSync(path.join(ROOT, ".gen/providers/tencentcloud/provider/index.ts"), "utf8");
    expect(provider).toContain("providerVersion: '1.82.101'");
    expect(JSON.parse(readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).terraformProviders).toEqual(["tencentcloudstack/tencentcloud@1.82.101"]);
  });
});
