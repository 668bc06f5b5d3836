/**
 * The post-deploy step's own memory, per machine: salted fingerprints of the write-only secrets it applied
 * (VOD `SignKey`, Live webhook token, TRTC callback key), so it re-applies a secret only when it changed, and the
 * times it changed a console setting (Global Auto-Recording off), so the conflict check weighs only evidence recorded
 * after the fix. Kept in `<stateDir>/state.json` (default `.post-deploy/`, not committed). No secret is ever stored.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "fs";
import * as path from "path";
import { DocumentFileError, readJsonFile } from "../lib/documents";
import { newSalt, saltedFingerprint } from "./secrets";

export type SecretSlot = "vodSignKey" | "liveWebhookToken" | "trtcCallbackKey";
/** Console changes whose time matters later. */
export type ConsoleEvent = "globalAutoRecordingOff";

interface SecretRecord {
  fingerprint: string;
  appliedAt: string;
  /** Where it was applied (e.g. `vod:1500000001`): a secret applied to another target counts as not applied. */
  target?: string;
}

interface AppRecord {
  secrets?: Partial<Record<SecretSlot, SecretRecord>>;
  events?: Partial<Record<ConsoleEvent, string>>;
}

interface StateFile {
  version: 2;
  salt: string;
  apps: Record<string, AppRecord>;
}

export class StateStore {
  /** Records fingerprinted with a foreign salt cannot be compared any more: drop their secrets (re-applied once). */
  private static resalt(app: AppRecord): AppRecord {
    return { ...(app.events ? { events: app.events } : {}) };
  }

  public readonly file: string;
  private data: StateFile;

  constructor(stateDir: string) {
    this.file = path.join(stateDir, "state.json");
    this.data = existsSync(this.file) ? StateStore.read(this.file) : { version: 2, salt: newSalt(), apps: {} };
  }

  /** A file that cannot be used is a `DocumentFileError` whose reason is one line. */
  private static read(file: string): StateFile {
    const json = readJsonFile(file) as { version?: unknown; salt?: unknown; apps?: unknown } | null;
    const unusable = (why: string) => new DocumentFileError(file, `it is not a post-deploy state file (${why}): move it away to start fresh`);
    if (json === null || typeof json !== "object" || typeof json.salt !== "string" || json.apps === null || typeof json.apps !== "object") throw unusable("unknown format");
    if (json.version === 1) {
      // Version 1 kept the secrets directly under the app.
      const apps: Record<string, AppRecord> = {};
      for (const [id, secrets] of Object.entries(json.apps as Record<string, Partial<Record<SecretSlot, SecretRecord>>>)) apps[id] = { secrets };
      return { version: 2, salt: json.salt, apps };
    }
    if (json.version !== 2) throw unusable(`version ${JSON.stringify(json.version) ?? "missing"}`);
    return json as StateFile;
  }

  /** Whether `secret` differs from what was last applied to this slot and target (or was never applied). */
  public secretChanged(sdkAppId: number, slot: SecretSlot, secret: string, target?: string): boolean {
    const known = this.data.apps[String(sdkAppId)]?.secrets?.[slot];
    if (known === undefined || known.fingerprint !== saltedFingerprint(this.data.salt, secret)) return true;
    return target !== undefined && known.target !== target;
  }

  /** When the secret of this slot was last applied by this machine, if ever. */
  public secretAppliedAt(sdkAppId: number, slot: SecretSlot): string | undefined {
    return this.data.apps[String(sdkAppId)]?.secrets?.[slot]?.appliedAt;
  }

  public recordSecret(sdkAppId: number, slot: SecretSlot, secret: string, at: Date = new Date(), target?: string): void {
    const app = (this.data.apps[String(sdkAppId)] ??= {});
    const secrets = (app.secrets ??= {});
    secrets[slot] = { fingerprint: saltedFingerprint(this.data.salt, secret), appliedAt: at.toISOString(), ...(target !== undefined ? { target } : {}) };
    this.save(sdkAppId);
  }

  public recordEvent(sdkAppId: number, event: ConsoleEvent, at: Date = new Date()): void {
    const app = (this.data.apps[String(sdkAppId)] ??= {});
    (app.events ??= {})[event] = at.toISOString();
    this.save(sdkAppId);
  }

  public eventTime(sdkAppId: number, event: ConsoleEvent): string | undefined {
    return this.data.apps[String(sdkAppId)]?.events?.[event];
  }

  /**
   * Writes this app's record, merged into the file as it is now on disk: runs for other apps (other processes, each
   * holding its own app's lock) may have written theirs since this store was loaded. Same salt: the file's wins.
   */
  private save(sdkAppId: number): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    if (existsSync(this.file)) {
      const onDisk = StateStore.read(this.file);
      if (onDisk.salt !== this.data.salt) {
        // Another process created the file first: re-fingerprint nothing, adopt its salt for the records we add now.
        const mine = this.data.apps[String(sdkAppId)];
        this.data = { ...onDisk, apps: { ...onDisk.apps } };
        if (mine !== undefined) this.data.apps[String(sdkAppId)] = StateStore.resalt(mine);
      } else {
        this.data = { ...onDisk, apps: { ...onDisk.apps, [String(sdkAppId)]: this.data.apps[String(sdkAppId)] ?? {} } };
      }
    }
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2) + "\n", { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
