import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Runs the app exactly as cdktf.json's "app" command runs it, into a fresh outdir; returns the outdir. */
export function runAppCommand(env: Record<string, string> = {}): string {
  const outdir = mkdtempSync(path.join(tmpdir(), "trtc-lr-synth-"));
  const app = JSON.parse(readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).app as string;
  const [cmd, ...args] = app.split(" ");
  execFileSync(cmd === "node" ? process.execPath : cmd, args, {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    stdio: "pipe",
  });
  return outdir;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
