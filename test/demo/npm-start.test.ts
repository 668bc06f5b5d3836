/**
 * `npm start`, the offline demo, as a user runs it: it shows the CAM policies as deployed (derived from the action
 * table, attached to the CI users) and runs every post-deploy phase as those least-privileged users with CAM
 * enforcement on. Who signed each VOD and TRTC call comes from the emulator's call log, not from the demo's own
 * choice of keys, so a demo that fell back to the root account's key would fail here.
 */
import { execFile } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { requiredPermissions } from "../../lib/post-deploy-permissions";
import { POST_DEPLOY_FEATURES } from "../../lib/cloud-actions";

const ROOT = path.resolve(__dirname, "../..");

let out = "";
let code: number | null = null;

beforeAll(async () => {
  const outdir = mkdtempSync(path.join(tmpdir(), "trtc-npm-start-"));
  try {
    await new Promise<void>((resolve) => {
      execFile(
        "npm",
        ["start", "--silent"],
        { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => {
          out = stdout + stderr;
          code = err ? ((err as { code?: number }).code ?? 1) : 0;
          resolve();
        },
      );
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}, 180_000);

const section = (title: string): string => {
  const start = out.indexOf(title);
  expect(start).toBeGreaterThan(-1);
  const end = out.indexOf("\n== ", start);
  return out.slice(start, end === -1 ? undefined : end);
};

test("it passes its own checks", () => {
  expect([code, out]).toEqual([0, expect.stringContaining("  As expected: ")]);
});

test("it shows the generated policies as deployed, attached to the CI users, with the reason for what is left out", () => {
  const shown = section("The post-deploy step's CAM policies, as deployed");
  const line = (kind: "apply" | "read-only") => {
    const granted = requiredPermissions(POST_DEPLOY_FEATURES, kind).granted;
    const scoped = granted.filter((p) => p.cam.kind === "vod-sub-application").map((p) => `name/${p.action}`);
    return `    allow ${scoped.join(", ")} on qcs::vod:::subAppId/\\d+\\n    allow name/trtc:DescribeRecordingUsage on \\*\\n`;
  };
  for (const sdkAppId of [1400000001, 1400000002]) {
    expect(shown).toMatch(new RegExp(`trtc-live-recording-${sdkAppId}-apply \\(PolicyId \\d+\\), attached to CAM user ci-post-deploy:\\n${line("apply")}`));
    expect(shown).toMatch(new RegExp(`trtc-live-recording-${sdkAppId}-read-only \\(PolicyId \\d+\\), attached to CAM user ci-post-deploy-check:\\n${line("read-only")}`));
  }
  expect(shown).toContain("not in them: vod:DescribeSubAppIds (documented as needing no grant); outside CAM: the Live REST API (UserSig) and the console settings");
});

test("every post-deploy phase ran as the least-privileged users: no call refused, none signed with another key", () => {
  expect(out).toContain("post-deploy ran as CAM users ci-post-deploy (apply) and ci-post-deploy-check (plan, check), allowed only by the generated policies; no call was refused.");
  expect(out).toMatch(/their VOD and TRTC calls, as the emulator logged who signed them: [1-9]\d* by ci-post-deploy, [1-9]\d* by ci-post-deploy-check, 0 with any other key\./);
});
