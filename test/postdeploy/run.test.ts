/** The runner alone (fake steps): exit-code priority, not-attempted lists, bounded concurrency. */
import type { ResolvedApp } from "../../postdeploy/inputs";
import { RateLimiter } from "../../postdeploy/rate-limit";
import { mapBounded, runPostDeploy } from "../../postdeploy/run";
import { StateStore } from "../../postdeploy/state-store";
import type { Step, StepStatus } from "../../postdeploy/steps/types";
import { tempDir } from "./helpers";

function fakeApp(sdkAppId: number): ResolvedApp {
  return { environment: `env${sdkAppId}`, region: null, sdkAppId, vodSubAppId: null, problems: [], warnings: [], app: {} as ResolvedApp["app"] };
}

function fakeStep(id: Step["id"], writes: boolean, status: (sdkAppId: number) => StepStatus): Step {
  return { id, title: id, writes, needsSubApp: false, run: async (ctx) => ({ id, title: id, status: status(ctx.app.sdkAppId), current: null, desired: null, detail: [] }) };
}

async function run(statuses: Record<number, StepStatus>, mode: "plan" | "apply" = "plan") {
  const dir = tempDir();
  return runPostDeploy({
    mode,
    apps: Object.keys(statuses).map((id) => fakeApp(Number(id))),
    clients: () => ({ cloud: {} as never, live: { problem: "none" }, console: {} as never }),
    runCloud: () => ({}) as never,
    limiter: new RateLimiter(),
    state: new StateStore(dir),
    stateDir: dir,
    env: {},
    options: { reapplySecrets: false, evidenceDays: 7, pageSize: 100, searchCap: 5000, usageSettleMinutes: 120 },
    progress: () => undefined,
    steps: [fakeStep("vod-application", true, (id) => statuses[id]), fakeStep("live-webhook", true, () => "changed"), fakeStep("conflict-check", false, () => "in-sync")],
  });
}

test.each<[Record<number, StepStatus>, number]>([
  [{ 1: "in-sync", 2: "in-sync" }, 0],
  [{ 1: "would-change", 2: "in-sync" }, 2],
  [{ 1: "manual", 2: "warning" }, 2],
  [{ 1: "blocked", 2: "would-change" }, 1],
  [{ 1: "failed", 2: "would-change" }, 1],
  [{ 1: "conflict", 2: "failed" }, 3],
  [{ 1: "refused", 2: "conflict" }, 4],
  [{ 1: "drift", 2: "in-sync" }, 2],
  // A value that cannot be read back is listed, and does not change the exit code by itself.
  [{ 1: "unverified", 2: "in-sync" }, 0],
])("exit code for %j: %i (4 wins over 3, 3 over 1, 1 over 2)", async (statuses, code) => {
  expect((await run(statuses)).exitCode).toBe(code);
});

test("after a failed step, the app's remaining writing steps are not attempted; read-only ones still run", async () => {
  const r = await run({ 1: "failed" }, "apply");
  expect(r.apps[0]).toMatchObject({ done: ["conflict-check"], failed: ["vod-application"], notAttempted: ["live-webhook"] });
  expect(r.apps[0].steps[1]).toMatchObject({ status: "skipped", detail: ["not attempted: vod-application failed"], notAttempted: true });
});

test("mapBounded never runs more than the limit at once and keeps the order", async () => {
  let running = 0;
  let peak = 0;
  const out = await mapBounded([5, 1, 4, 2, 3, 6, 7], 3, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n));
    running--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30, 60, 70]);
  expect(peak).toBe(3);
});
