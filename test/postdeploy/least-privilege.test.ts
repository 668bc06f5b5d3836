/**
 * Least privilege, proven by running: the example environments are deployed to the emulator with their CAM policies
 * (through the terraform stand-in, as the root account), the policies are attached to CI users created through the
 * emulator's admin (as in the CAM console), CAM enforcement is on, and the post-deploy step runs as those users:
 *
 * - `apply` as the user with the apply policies and then `check` as the user with the read-only ones both pass, and
 *   every Cloud API action each makes is one its policy allows (or DescribeSubAppIds, documented as needing no grant);
 * - removing any single action from a generated policy (parameterized over the action table) makes the matching run
 *   fail, naming that action and the resource, in one line, without a retry;
 * - the read-only policy is refused every write: `apply` as that user has each write refused and named, and every
 *   write the emulator serves (VOD, TRTC, CAM) is refused to it.
 */
import * as path from "path";
import { cam } from "tencentcloud-sdk-nodejs/tencentcloud/services/cam";
import { trtc } from "tencentcloud-sdk-nodejs/tencentcloud/services/trtc";
import { vod } from "tencentcloud-sdk-nodejs/tencentcloud/services/vod";
import { CAM_ACTIONS } from "../../emulator/cam";
import { TRTC_ACTIONS } from "../../emulator/trtc";
import { VOD_ACTIONS } from "../../emulator/vod";
import type { CreatedCamUser } from "../../emulator/cam-admin";
import { DEFAULT_OWNER_UIN } from "../../emulator/cam-access";
import { isWriteAction } from "../../emulator/call-log";
import { sdkClientConfig } from "../../emulator/client";
import { Testing } from "../../lib/cdktf";
import { POST_DEPLOY_FEATURES } from "../../lib/cloud-actions";
import { declaredFeatures, policyAction, requiredPermissions } from "../../lib/post-deploy-permissions";
import { defineEnvironments } from "../../stacks";
import { PRODUCTION, STAGING, World, pd, step, tempDir, testEnvironments, world } from "./helpers";

const APPLY_USER = "ci-post-deploy";
const CHECK_USER = "ci-post-deploy-check";
const ACCESS = { apply: { userName: APPLY_USER }, readOnly: { userName: CHECK_USER } };

let w: World;
const users: Record<string, CreatedCamUser> = {};
/** PolicyId of each generated policy, by name. */
const policyIds: Record<string, number> = {};

const root = () => new cam.v20190116.Client(sdkClientConfig(w.emu, "cam"));
const envOf = (user: string): NodeJS.ProcessEnv => ({ ...w.env, TENCENTCLOUD_SECRET_ID: users[user].secretId, TENCENTCLOUD_SECRET_KEY: users[user].secretKey });
/** The world's flags with a fresh state folder: a CI runner that never ran post-deploy (so apply sends the SignKeys). */
const freshFlags = () => {
  const flags = [...w.flags];
  flags[flags.indexOf("--state-dir") + 1] = path.join(tempDir("trtc-lp-"), "state");
  return flags;
};
/** VOD and TRTC calls logged by the emulator since `mark`, as `<service>:<Action>` with their outcomes. */
const cloudCalls = (mark: number) => w.emu.callLog.entries(mark).filter((e) => e.service === "vod" || e.service === "trtc");

beforeAll(async () => {
  w = await world({
    fixedClock: true,
    camEnforcement: true,
    environments: (url) => testEnvironments(url, { staging: { accessPolicies: ACCESS }, production: { accessPolicies: ACCESS } }),
    beforeDeploy: async (emu) => {
      for (const name of [APPLY_USER, CHECK_USER]) users[name] = await emu.cam.createUser({ name });
    },
  });
  const listed = await root().ListPolicies({ Rp: 200 });
  for (const p of listed.List ?? []) policyIds[p.PolicyName!] = p.PolicyId!;
});
afterAll(async () => {
  await w.close();
});

/** What the environments declare (both the same features: a VOD application, a signed VOD callback, Global Auto-Recording off). */
const declared = defineEnvironments(Testing.app(), testEnvironments("http://127.0.0.1:9", { staging: { accessPolicies: ACCESS }, production: { accessPolicies: ACCESS } })).map(
  (s) => declaredFeatures(s.recording.toDesiredApp()),
);
const features = declared[0];
const APPLY_ACTIONS = requiredPermissions(features, "apply").granted.map((p) => p.action);
const READ_ONLY_ACTIONS = requiredPermissions(features, "read-only").granted.map((p) => p.action);
const policiesOf = (kind: "apply" | "read-only") => [STAGING, PRODUCTION].map((id) => `trtc-live-recording-${id}-${kind}`);

/** Runs `fn` with `action` removed from the generated policies of `kind` (as the root account would edit them), then restores them. */
async function without<T>(kind: "apply" | "read-only", action: string, fn: () => Promise<T>): Promise<T> {
  const saved: Array<[number, string]> = [];
  for (const name of policiesOf(kind)) {
    const id = policyIds[name];
    const document = (await root().GetPolicy({ PolicyId: id })).PolicyDocument!;
    saved.push([id, document]);
    const doc = JSON.parse(document) as { version: string; statement: Array<{ action: string[] }> };
    const statement = doc.statement.map((s) => ({ ...s, action: s.action.filter((a) => a !== policyAction(action)) })).filter((s) => s.action.length > 0);
    expect(statement.flatMap((s) => s.action)).toHaveLength(doc.statement.flatMap((s) => s.action).length - 1);
    await root().UpdatePolicy({ PolicyId: id, PolicyDocument: JSON.stringify({ ...doc, statement }) });
  }
  try {
    return await fn();
  } finally {
    for (const [id, document] of saved) await root().UpdatePolicy({ PolicyId: id, PolicyDocument: document });
  }
}

describe("the generated policies are enough: apply, then check, as the least-privileged users", () => {
  test("the deployed policies are the generated ones, attached to the CI users", async () => {
    expect(declared).toEqual([features, features]);
    expect(features).toEqual(["vod-application", "vod-event-callback", "vod-sign-key", "global-auto-recording-off"]);
    // Every feature of the action table is declared, so the removal tests below cover every action a policy can hold.
    expect([...features].sort()).toEqual([...POST_DEPLOY_FEATURES].sort());
    for (const kind of ["apply", "read-only"] as const) {
      expect(requiredPermissions(features, kind).granted).toEqual(requiredPermissions(POST_DEPLOY_FEATURES, kind).granted);
    }
    for (const [kind, user, actions] of [
      ["apply", APPLY_USER, APPLY_ACTIONS],
      ["read-only", CHECK_USER, READ_ONLY_ACTIONS],
    ] as const) {
      const attached = await root().ListAttachedUserPolicies({ TargetUin: users[user].uin, Rp: 200 });
      expect((attached.List ?? []).map((p) => p.PolicyName).sort()).toEqual(policiesOf(kind).sort());
      for (const name of policiesOf(kind)) {
        const doc = JSON.parse((await root().GetPolicy({ PolicyId: policyIds[name] })).PolicyDocument!) as { statement: Array<{ action: string[] }> };
        expect(doc.statement.flatMap((s) => s.action)).toEqual(actions.map(policyAction));
      }
    }
  });

  test("apply (as ci-post-deploy) and then check (as ci-post-deploy-check) pass; each calls exactly what its policy allows, plus DescribeSubAppIds", async () => {
    expect(await w.emu.cam.getEnforcement()).toEqual({ enabled: true });
    const flags = freshFlags();
    const mark = w.emu.callLog.mark();
    const apply = await pd(["apply", ...flags], envOf(APPLY_USER));
    expect([apply.code, apply.stderr]).toEqual([0, ""]);
    const applied = cloudCalls(mark);
    expect(applied.filter((e) => e.outcome !== "ok")).toEqual([]);
    expect([...new Set(applied.map((e) => `${e.service}:${e.action}`))].sort()).toEqual([...APPLY_ACTIONS, "vod:DescribeSubAppIds"].sort());

    const mark2 = w.emu.callLog.mark();
    const check = await pd(["check", ...flags], envOf(CHECK_USER));
    expect([check.code, check.stderr]).toEqual([0, ""]);
    const checked = cloudCalls(mark2);
    expect(checked.filter((e) => e.outcome !== "ok")).toEqual([]);
    expect([...new Set(checked.map((e) => `${e.service}:${e.action}`))].sort()).toEqual([...READ_ONLY_ACTIONS, "vod:DescribeSubAppIds"].sort());
  });
  test("plan (the dry run) as ci-post-deploy-check passes too: the read-only policy covers plan as well as check", async () => {
    const mark = w.emu.callLog.mark();
    const plan = await pd(["plan", ...freshFlags()], envOf(CHECK_USER));
    // 2: changes pending (a fresh state folder has not sent the SignKeys); never 1, a failed step.
    expect([plan.code, plan.stderr, plan.stdout.includes("missing CAM permission")]).toEqual([2, "", false]);
    const planned = cloudCalls(mark);
    expect(planned.filter((e) => e.outcome !== "ok" || e.write)).toEqual([]);
    expect([...new Set(planned.map((e) => `${e.service}:${e.action}`))].sort()).toEqual([...READ_ONLY_ACTIONS, "vod:DescribeSubAppIds"].sort());
  });
});

describe("removing any single action from a generated policy fails the matching run, naming it", () => {
  const resourceOf = (action: string, sdkAppId: number) =>
    action.startsWith("trtc:") ? "*" : `qcs::vod::uin/${DEFAULT_OWNER_UIN}:subAppId/${w.subApps[sdkAppId === STAGING ? "staging" : "production"]}`;

  test.each(APPLY_ACTIONS)("apply policy without %s: post-deploy apply fails with one line naming it", async (action) => {
    const mark = w.emu.callLog.mark();
    const run = await without("apply", action, () => pd(["apply", ...freshFlags()], envOf(APPLY_USER)));
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((l) => l.includes("missing CAM permission"));
    expect(lines.length).toBeGreaterThan(0);
    for (const sdkAppId of [STAGING, PRODUCTION]) {
      const named = `missing CAM permission: ${action} on ${resourceOf(action, sdkAppId)} (AuthFailure.UnauthorizedOperation, not retried)`;
      // The usage query is asked once for the whole account: its refusal fails both apps' conflict check.
      if (!action.startsWith("trtc:")) expect(lines.some((l) => l.includes(named))).toBe(true);
      else expect(lines.every((l) => l.includes(named))).toBe(true);
    }
    // Refused once per request, never retried.
    const refused = cloudCalls(mark).filter((e) => e.outcome === "AuthFailure.UnauthorizedOperation");
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((e) => `${e.service}:${e.action}`))).toEqual(new Set([action]));
    expect(run.report!.calls.retries).toBe(0);
  });

  test.each(READ_ONLY_ACTIONS)("read-only policy without %s: post-deploy check fails with one line naming it", async (action) => {
    const run = await without("read-only", action, () => pd(["check", ...freshFlags()], envOf(CHECK_USER)));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`missing CAM permission: ${action} on ${resourceOf(action, STAGING)} (AuthFailure.UnauthorizedOperation, not retried)`);
    expect(run.report!.calls.retries).toBe(0);
  });
});

describe("the read-only policy is refused every write", () => {
  test("post-deploy apply as ci-post-deploy-check: each app's one Cloud API write (the SignKey) is refused and named; nothing else fails", async () => {
    const mark = w.emu.callLog.mark();
    const run = await pd(["apply", ...freshFlags()], envOf(CHECK_USER));
    expect(run.code).toBe(1);
    for (const [env, sdkAppId] of [["staging", STAGING], ["production", PRODUCTION]] as const) {
      expect(step(run.report, sdkAppId, "vod-sign-key")).toMatchObject({
        status: "failed",
        detail: [`missing CAM permission: vod:ModifyEventConfig on qcs::vod::uin/${DEFAULT_OWNER_UIN}:subAppId/${w.subApps[env]} (AuthFailure.UnauthorizedOperation, not retried): allow it for these credentials (the policies that accessPolicies declares do)`],
      });
      expect(run.report!.apps.find((a) => a.sdkAppId === sdkAppId)!.failed).toEqual(["vod-sign-key"]);
    }
    const writes = cloudCalls(mark).filter((e) => e.write);
    expect(writes.map((e) => [e.action, e.outcome])).toEqual([
      ["ModifyEventConfig", "AuthFailure.UnauthorizedOperation"],
      ["ModifyEventConfig", "AuthFailure.UnauthorizedOperation"],
    ]);
  });

  test("every write the emulator serves (VOD, TRTC, and CAM itself) is refused to it, even on its own VOD application", async () => {
    const creds = { secretId: users[CHECK_USER].secretId, secretKey: users[CHECK_USER].secretKey };
    const clients: Record<string, object> = {
      vod: new vod.v20180717.Client(sdkClientConfig(w.emu, "vod", creds)),
      trtc: new trtc.v20190722.Client(sdkClientConfig(w.emu, "trtc", creds)),
      cam: new cam.v20190116.Client(sdkClientConfig(w.emu, "cam", creds)),
    };
    const served: Array<[string, string]> = [
      ...Object.keys(VOD_ACTIONS).map((a) => ["vod", a] as [string, string]),
      ...Object.keys(TRTC_ACTIONS).map((a) => ["trtc", a] as [string, string]),
      ...Object.keys(CAM_ACTIONS).map((a) => ["cam", a] as [string, string]),
    ].filter(([s, a]) => isWriteAction(s as "vod", a));
    expect(served.length).toBeGreaterThanOrEqual(12);
    const body = { SubAppId: w.subApps.staging, SdkAppId: STAGING, PolicyId: policyIds["trtc-live-recording-1400000001-read-only"] };
    const outcomes = await Promise.all(
      served.map(async ([service, action]) => {
        const method = (clients[service] as Record<string, (req: unknown) => Promise<unknown>>)[action].bind(clients[service]);
        try {
          await method(body);
          return [`${service}:${action}`, "allowed"];
        } catch (err) {
          return [`${service}:${action}`, (err as { code?: string }).code];
        }
      }),
    );
    expect(outcomes).toEqual(served.map(([s, a]) => [`${s}:${a}`, "AuthFailure.UnauthorizedOperation"]));
  });
});

describe("other declarations: the policies follow what is declared, and still suffice", () => {
  let v: World;
  const vUsers: Record<string, CreatedCamUser> = {};
  const vEnv = (user: string): NodeJS.ProcessEnv => ({ ...v.env, TENCENTCLOUD_SECRET_ID: vUsers[user].secretId, TENCENTCLOUD_SECRET_KEY: vUsers[user].secretKey });
  beforeAll(async () => {
    v = await world({
      fixedClock: true,
      camEnforcement: true,
      environments: (url) =>
        testEnvironments(url, {
          // No VOD event callback, Global Auto-Recording undeclared: no DescribeEventConfig, no ModifyEventConfig.
          staging: { accessPolicies: ACCESS, callbacks: { liveWebhook: testEnvironments(url)[0].callbacks!.liveWebhook }, globalAutoRecording: "unknown" },
          // No VOD application, Global Auto-Recording declared off: the usage query only, before turning it off.
          production: { accessPolicies: ACCESS, vodApplication: undefined, retention: undefined, fullRoomRecording: false, rooms: [], callbacks: {}, expectedUsage: undefined },
        }),
      beforeDeploy: async (emu) => {
        for (const name of [APPLY_USER, CHECK_USER]) vUsers[name] = await emu.cam.createUser({ name });
        await emu.admin.setConsoleState(PRODUCTION, { globalAutoRecording: { enabled: true } });
      },
    });
  });
  afterAll(async () => {
    await v.close();
  });

  test("apply and check pass as the CI users, calling exactly what their policies allow (plus DescribeSubAppIds)", async () => {
    const client = new cam.v20190116.Client(sdkClientConfig(v.emu, "cam"));
    const allowed = async (name: string) => {
      const listed = await client.ListPolicies({ Rp: 200, Keyword: name });
      const doc = JSON.parse((await client.GetPolicy({ PolicyId: listed.List![0].PolicyId! })).PolicyDocument!) as { statement: Array<{ action: string[] }> };
      return doc.statement.flatMap((s) => s.action.map((a) => a.replace(/^name\//, "")));
    };
    expect(await allowed(`trtc-live-recording-${STAGING}-apply`)).toEqual(["vod:SearchMedia", "trtc:DescribeRecordingUsage"]);
    expect(await allowed(`trtc-live-recording-${PRODUCTION}-apply`)).toEqual(["trtc:DescribeRecordingUsage"]);
    const flags = [...v.flags];
    flags[flags.indexOf("--state-dir") + 1] = path.join(tempDir("trtc-lp-"), "state");
    for (const [mode, user] of [
      ["apply", APPLY_USER],
      ["check", CHECK_USER],
    ] as const) {
      const mark = v.emu.callLog.mark();
      const run = await pd([mode, ...flags], vEnv(user));
      expect([mode, run.code, run.stdout.includes("missing CAM permission")]).toEqual([mode, 0, false]);
      const called = new Set(v.emu.callLog.entries(mark).filter((e) => e.service === "vod" || e.service === "trtc").map((e) => `${e.service}:${e.action}`));
      const kind = mode === "apply" ? "apply" : "read-only";
      const granted = new Set([...(await allowed(`trtc-live-recording-${STAGING}-${kind}`)), ...(await allowed(`trtc-live-recording-${PRODUCTION}-${kind}`)), "vod:DescribeSubAppIds"]);
      expect([...called].filter((a) => !granted.has(a))).toEqual([]);
      // Exact, not only enough: every action the policies allow is one the run calls.
      expect([...granted].filter((a) => !called.has(a))).toEqual([]);
      if (mode === "apply") expect(called.has("trtc:DescribeRecordingUsage")).toBe(true);
    }
    // production's Global Auto-Recording was read on and declared off: apply searched the usage first, then turned it off.
    expect((await v.emu.admin.getConsoleState(PRODUCTION)).globalAutoRecording.enabled).toBe(false);
  });
});
