/** package.json says Apache-2.0: LICENSE is that license's full text, unmodified (npm packs LICENSE with every package). */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import { ROOT } from "../support/app";

test("LICENSE is the full, unmodified Apache License 2.0 and package.json names it", () => {
  const text = readFileSync(path.join(ROOT, "LICENSE"), "utf8");
  // SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt (also shipped as LICENSE by constructs and, but for
  // its first blank line, by tencentcloud-sdk-nodejs): terms 1 to 9 and the appendix.
  expect(createHash("sha256").update(text).digest("hex")).toBe("cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30");
  expect(text).toContain("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
  expect(text).toContain("END OF TERMS AND CONDITIONS");
  expect((JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { license: string }).license).toBe("Apache-2.0");
});
