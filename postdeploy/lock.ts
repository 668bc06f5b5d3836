/**
 * One post-deploy run at a time per SDKAppID on this machine, so two runs never interleave their writes.
 * Uses proper-lockfile (a lock directory, refreshed while held, considered stale when its holder died).
 * Runs on different machines (CI runners) need to be serialized by the CI itself (e.g. a concurrency group).
 */
import { mkdirSync } from "fs";
import * as path from "path";
import * as lockfile from "proper-lockfile";

export class LockedError extends Error {
  constructor(public readonly sdkAppId: number, lockPath: string) {
    super(
      `another post-deploy run is working on SDKAppID ${sdkAppId} (lock ${lockPath}); nothing was changed for it. ` +
        "Wait for that run to finish and run again. A lock left by a run that died is released after 30 s.",
    );
    this.name = "LockedError";
  }
}

export interface AppLock {
  release(): Promise<void>;
}

export async function lockApp(stateDir: string, sdkAppId: number, opts: { staleMs?: number } = {}): Promise<AppLock> {
  const dir = path.join(stateDir, "locks");
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${sdkAppId}`);
  const lockPath = `${target}.lock`;
  try {
    const release = await lockfile.lock(target, {
      realpath: false,
      lockfilePath: lockPath,
      stale: opts.staleMs ?? 30000,
      update: Math.max(1000, Math.floor((opts.staleMs ?? 30000) / 3)),
      retries: 0,
    });
    return { release: () => release() };
  } catch (err) {
    if ((err as { code?: string }).code === "ELOCKED") throw new LockedError(sdkAppId, lockPath);
    throw err;
  }
}
