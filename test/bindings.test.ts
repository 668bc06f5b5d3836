import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { ROOT, filesUnder } from "./support/app";

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir)
      .filter((f) => !f.endsWith(".schema-sha256"))
      .map((f) => [path.relative(dir, f), createHash("sha256").update(readFileSync(f)).digest("hex")]),
  );
}

describe("provider bindings (.gen), generated offline from the schema in the repository", () => {
  test("generating twice gives byte-identical output, equal to the checked-out .gen", () => {
    const a = mkdtempSync(path.join(tmpdir(), "gen-a-"));
    const b = mkdtempSync(path.join(tmpdir(), "gen-b-"));
    const generate = (out: string) =>
      execFileSync(process.execPath, ["scripts/generate-bindings.js", "--quiet", "--force", "schema/tencentcloud-provider-schema.json", out], { cwd: ROOT });
    generate(a);
    generate(b);
    const first = digest(path.join(a, "providers"));
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["tencentcloud/vod-sub-application/index.ts", "tencentcloud/vod-event-config/index.ts", "tencentcloud/provider/index.ts"]));
    expect(digest(path.join(b, "providers"))).toEqual(first);
    expect(digest(path.join(ROOT, ".gen", "providers"))).toEqual(first);
  });

  test("the bindings pin the provider at the schema's version", () => {
    const provider = readFileSync(path.join(ROOT, ".gen/providers/tencentcloud/provider/index.ts"), "utf8");
    expect(provider).toContain("providerVersion: '1.82.101'");
    expect(JSON.parse(readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).terraformProviders).toEqual(["tencentcloudstack/tencentcloud@1.82.101"]);
  });
});
