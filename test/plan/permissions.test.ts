/**
 * The recording plan lists the post-deploy step's CAM permissions per environment (action, resource or `*` with the
 * reason), and `plan --base` says when a pull request widens or narrows them.
 */
import { buildRecordingPlan } from "../../plan/build";
import { diffLine, diffPlans } from "../../plan/diff";
import { renderPlanMarkdown } from "../../plan/markdown";
import type { AppPlan, RecordingPlan } from "../../plan/model";
import { parseRecordingPlan } from "../../plan/model";
import { ENVIRONMENTS } from "../../main";
import { EnvironmentConfig } from "../../stacks";
import { desiredStates, withEnvironment } from "./support";

const planOf = (envs: readonly EnvironmentConfig[]): RecordingPlan => buildRecordingPlan(desiredStates(envs));
const appOf = (plan: RecordingPlan, env: string): AppPlan => plan.environments.find((e) => e.name === env)!.apps[0];
const changesOf = (base: RecordingPlan, current: RecordingPlan) => diffPlans(base, current).environments.map(diffLine);

const STAGING_APP = "qcs::vod:::subAppId/(SubAppId of live-recording-staging, known at deploy)";
const USAGE_REASON =
  "TRTC's CAM documentation lists DescribeRecordingUsage neither among the APIs with resource-level authorization nor among those without " +
  "(https://intl.cloud.tencent.com/document/product/647/39549), and the step also asks it for the whole account (no SdkAppId): `*` is the reading sure to work";

let base: RecordingPlan;
beforeAll(() => {
  base = planOf(ENVIRONMENTS);
});

describe("the plan lists the permissions", () => {
  test("staging: the declared policies, what each allows on what, what is left out and what is outside CAM", () => {
    const p = appOf(base, "staging").permissions!;
    expect(p.policies).toEqual({
      apply: { name: "trtc-live-recording-1400000001-apply", attachedTo: ["CAM user ci-post-deploy"] },
      readOnly: { name: "trtc-live-recording-1400000001-read-only", attachedTo: ["CAM user ci-post-deploy-check"] },
    });
    const row = (action: string, access: string, resource: string) => expect.objectContaining({ action, access, resource, anyResourceReason: resource === "*" ? USAGE_REASON : null });
    expect(p.apply).toEqual([
      row("vod:DescribeEventConfig", "read", STAGING_APP),
      row("vod:ModifyEventConfig", "write", STAGING_APP),
      row("vod:SearchMedia", "read", STAGING_APP),
      row("trtc:DescribeRecordingUsage", "read", "*"),
    ]);
    expect(p.readOnly).toEqual([row("vod:DescribeEventConfig", "read", STAGING_APP), row("vod:SearchMedia", "read", STAGING_APP), row("trtc:DescribeRecordingUsage", "read", "*")]);
    expect(p.notGranted).toEqual([{ action: "vod:DescribeSubAppIds", reason: expect.stringContaining("no authorization required") }]);
    expect(p.outsideCam).toEqual([expect.stringMatching(/^Live REST API .*UserSig/), expect.stringMatching(/^console-only settings/)]);
  });

  test("the Markdown shows a row per permission, with the reason for `*`", () => {
    const md = renderPlanMarkdown(base);
    expect(md).toContain(
      "- declared as CAM policies `trtc-live-recording-1400000001-apply` (attached to CAM user ci-post-deploy) and `trtc-live-recording-1400000001-read-only` (attached to CAM user ci-post-deploy-check)",
    );
    expect(md).toContain(`| apply | \`vod:ModifyEventConfig\` | write | \`${STAGING_APP}\` |`);
    expect(md).toContain(`| read-only (plan, check) | \`trtc:DescribeRecordingUsage\` | read | \`*\` | \`*\`: ${USAGE_REASON} |`);
    expect(md).toContain("- not in the policies: `vod:DescribeSubAppIds`: ");
  });

  test("without accessPolicies the permissions are still listed, with how to declare them", () => {
    const plan = planOf(withEnvironment("staging", ({ accessPolicies: _a, ...e }) => e));
    expect(appOf(plan, "staging").permissions).toMatchObject({ policies: null, apply: expect.arrayContaining([expect.objectContaining({ action: "vod:ModifyEventConfig" })]) });
    expect(renderPlanMarkdown(plan)).toContain("- not declared as CAM policies: `accessPolicies` on the LiveRecording declares them");
  });
});

describe("plan --base: a pull request that widens a policy says so", () => {
  const withoutSignKey = (e: EnvironmentConfig): EnvironmentConfig => ({ ...e, callbacks: { ...e.callbacks, vodEvents: { url: e.callbacks!.vodEvents!.url } } });

  test("a SignKey declared: the apply policy widened by ModifyEventConfig on the application", () => {
    expect(changesOf(planOf(withEnvironment("staging", withoutSignKey)), base)).toEqual([
      `staging: VOD events callback now signed; apply policy widened: + vod:ModifyEventConfig on ${STAGING_APP}`,
    ]);
  });

  test("and removed: narrowed", () => {
    expect(changesOf(base, planOf(withEnvironment("staging", withoutSignKey)))).toEqual(["staging: VOD events callback no longer signed; apply policy narrowed: - vod:ModifyEventConfig"]);
  });

  test("a scoped action that becomes `*` is a widening", () => {
    const wider = JSON.parse(JSON.stringify(base)) as RecordingPlan;
    const p = appOf(wider, "production").permissions!;
    (p.readOnly.find((x) => x.action === "vod:SearchMedia") as { resource: string }).resource = "*";
    expect(changesOf(base, wider)).toEqual([
      "production: read-only policy widened: vod:SearchMedia on qcs::vod:::subAppId/(SubAppId of live-recording-production, known at deploy) → *",
    ]);
  });

  test("policies declared, attached elsewhere, or no longer declared", () => {
    const none = planOf(withEnvironment("production", ({ accessPolicies: _a, ...e }) => e));
    expect(changesOf(none, base)).toEqual(["production: CAM policies now declared: trtc-live-recording-1400000002-apply, trtc-live-recording-1400000002-read-only"]);
    expect(changesOf(base, none)).toEqual(["production: CAM policies no longer declared (trtc-live-recording-1400000002-apply, trtc-live-recording-1400000002-read-only)"]);
    const moved = planOf(withEnvironment("production", (e) => ({ ...e, accessPolicies: { apply: { userName: "deployer", roleId: "4611686018427922725" }, readOnly: { userName: "ci-post-deploy-check" } } })));
    expect(changesOf(base, moved)).toEqual([
      "production: apply policy now attached to CAM user deployer; apply policy now attached to CAM role 4611686018427922725; apply policy no longer attached to CAM user ci-post-deploy",
    ]);
  });

  test("Global Auto-Recording declared off without a VOD application: the policies shrink to the usage query", () => {
    const noVod = planOf(
      withEnvironment("production", (e) => ({ ...e, vodApplication: undefined, retention: undefined, fullRoomRecording: false, rooms: [], callbacks: {}, expectedUsage: undefined })),
    );
    expect(appOf(noVod, "production").permissions!.apply.map((x) => [x.action, x.resource])).toEqual([["trtc:DescribeRecordingUsage", "*"]]);
  });

  test("a version 2 base plan (before permissions were listed) is read, and the comparison says they are new", () => {
    const v2 = JSON.parse(JSON.stringify(base)) as { version: number; environments: Array<{ apps: Array<Record<string, unknown>> }> };
    v2.version = 2;
    for (const env of v2.environments) for (const app of env.apps) delete app.permissions;
    const changes = changesOf(parseRecordingPlan(v2, "v2"), base);
    expect(changes).toEqual([
      "production: post-deploy permissions listed for the first time (the base plan predates them): apply policy 4 actions, read-only policy 3 actions",
      "staging: post-deploy permissions listed for the first time (the base plan predates them): apply policy 4 actions, read-only policy 3 actions",
    ]);
  });

  test("unchanged permissions: no line", () => {
    expect(diffPlans(base, planOf(ENVIRONMENTS)).changed).toBe(false);
  });
});
