/**
 * The post-deploy step's own memory, per machine: salted fingerprints of the write-only secrets it applied
 * (VOD `SignKey`, Live webhook token, TRTC callback key), so it re-applies a secret only when it changed.
 * Kept in `<stateDir>/state.json` (default `.post-deploy/`, not committed). No secret is ever stored.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import * as path from "path";
import { newSalt, saltedFingerprint } from "./secrets";

export type SecretSlot = "vodSignKey" | "liveWebhookToken" | "trtcCallbackKey";

interface StateFile {
  version: 1;
  salt: string;
  apps: Record<string, Partial<Record<SecretSlot, { fingerprint: string; appliedAt: string }>>>;
}

export class StateStore {
  private readonly file: string;
  private data: StateFile;

  constructor(stateDir: string) {
    this.file = path.join(stateDir, "state.json");
    this.data = existsSync(this.file) ? StateStore.read(this.file) : { version: 1, salt: newSalt(), apps: {} };
  }

  private static read(file: string): StateFile {
    try {
      const json = JSON.parse(readFileSync(file, "utf8")) as StateFile;
      if (json.version !== 1 || typeof json.salt !== "string" || typeof json.apps !== "object") throw new Error("unknown format");
      return json;
    } catch (err) {
      throw new Error(`${file} is not a post-deploy state file (${(err as Error).message}); move it away to start fresh`);
    }
  }

  /** Whether `secret` differs from what was last applied to this slot (or was never applied). */
  public secretChanged(sdkAppId: number, slot: SecretSlot, secret: string): boolean {
    const known = this.data.apps[String(sdkAppId)]?.[slot];
    return known === undefined || known.fingerprint !== saltedFingerprint(this.data.salt, secret);
  }

  public recordSecret(sdkAppId: number, slot: SecretSlot, secret: string, at: Date = new Date()): void {
    const app = (this.data.apps[String(sdkAppId)] ??= {});
    app[slot] = { fingerprint: saltedFingerprint(this.data.salt, secret), appliedAt: at.toISOString() };
    this.save();
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2) + "\n", { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
