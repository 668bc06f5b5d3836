/**
 * The emulator's state: everything the emulated cloud remembers, as one plain JSON document.
 *
 * It holds secrets exactly as the real services do (SDK secret keys, the TRTC callback key, VOD SignKeys, Live
 * callback tokens), because the emulator needs them to verify and sign. It never returns them through an emulated
 * read API or the admin interface (admin reads show {@link secretFingerprint}s). A state file is written with
 * mode 0600.
 */
import { accessSync, constants as fsConstants, existsSync, promises as fsp, readFileSync, statSync } from "fs";
import * as path from "path";
import type { GlobalAutoRecordingSetting, LiveRoomRecordingSetting } from "../lib/console-state";
import { RESOLUTIONS, Resolution } from "../lib/desired-state";
import { jsonKind } from "../lib/documents";
import { isObject } from "./params";

export const STATE_VERSION = 1;

export interface ResourceTagRecord {
  readonly TagKey: string;
  readonly TagValue: string;
}

export type SubAppStatus = "On" | "Off" | "Destroying" | "Destroyed";

export interface SubAppRecord {
  SubAppId: number;
  Name: string;
  Description: string;
  Type: string;
  Mode: string;
  StorageRegions: string[];
  Tags: ResourceTagRecord[];
  Status: SubAppStatus;
  CreateTime: string;
  /** Emulator time (ms) at which `Destroying` becomes `Destroyed`. */
  destroyedAtMs?: number;
}

export interface EventConfigRecord {
  Mode: string;
  NotificationUrl: string;
  UploadMediaCompleteEventSwitch: string;
  DeleteMediaCompleteEventSwitch: string;
  PersistenceCompleteEventSwitch: string;
  /** Write-only: never returned by DescribeEventConfig. */
  SignKey?: string;
}

/** Usage classes of DescribeRecordingUsage, in `UsageKey` order: the package's one list of them. */
export const USAGE_KEYS = RESOLUTIONS;
export type UsageKey = Resolution;

export interface MediaRecord {
  FileId: string;
  /** null = the primary VOD application. */
  subAppId: number | null;
  BasicInfo: {
    Name: string;
    Description: string;
    CreateTime: string;
    UpdateTime: string;
    ExpireTime: string;
    ClassId: number;
    ClassName: string;
    ClassPath: string;
    CoverUrl: string;
    Type: string;
    MediaUrl: string;
    SourceInfo: {
      SourceType: string;
      SourceContext: string;
      TrtcRecordInfo?: { SdkAppId: number; RoomId: string; TaskId: string; UserIds: string[] };
    };
    StorageRegion: string;
    StoragePath: string;
    TagSet: string[];
    Vid: string;
    Category: string;
    Status: string;
    StorageClass: string;
  };
  MetaData: {
    Size: number;
    Container: string;
    Bitrate: number;
    Height: number;
    Width: number;
    Duration: number;
    Rotate: number;
    VideoDuration: number;
    AudioDuration: number;
  };
}

export type TaskOrigin = "api" | "live" | "globalAutoRecording";

export interface TaskRecord {
  TaskId: string;
  SdkAppId: number;
  RoomId: string;
  /** The recording robot. */
  UserId: string;
  origin: TaskOrigin;
  /** 1 single-stream, 2 mixed-stream. */
  RecordMode: number;
  Status: "InProgress" | "Exited";
  createdAtMs: number;
  endedAtMs?: number;
  /** Describe/Delete can address the task until then (ResourceExpiredHour). */
  addressableUntilMs: number;
}

export interface UsageRecord {
  sdkAppId: number;
  mixType: "single" | "multi";
  usageKey: UsageKey;
  startMs: number;
  endMs: number;
  taskId: string;
}

export interface LiveRoomRecord {
  sdkAppId: number;
  RoomId: string;
  RoomName: string;
  RoomType: string;
  Owner_Account: string;
  SeatTemplate: string;
  TakeSeatMode: string;
  MaxSeatCount?: number;
  MaxMemberCount?: number;
  IsMessageDisabled: boolean;
  IsPublicVisible: boolean;
  CoverURL: string;
  Category: number[];
  CustomInfo?: string;
  /** As sent; absent = template default. */
  IsUnlimitedRoomEnabled?: boolean;
  /** Tri-state as sent: absent = follow Full Room Recording. */
  IsCloudRecordEnabled?: boolean;
  /** Seconds. */
  CreateTime: number;
  createdAtMs: number;
  /** How the room was created (the default of IsUnlimitedRoomEnabled depends on it). Absent in older states: REST. */
  createdWith?: "rest-api" | "client-sdk";
  /** What was decided when the room was created, from the console then (absent in older states: decided at its CreateTime). */
  recordingDecision?: RoomRecordingDecisionRecord;
}

/** The recording decision taken when a room is created (kept whole for its session). */
export interface RoomRecordingDecisionRecord {
  readonly decidedAtMs: number;
  readonly live: { readonly recorded: boolean; readonly reason: string; readonly vodSubAppId?: number; readonly saveDurationSeconds?: number };
  readonly globalAutoRecording: { readonly recorded: boolean; readonly reason: string; readonly vodSubAppId?: number | null; readonly storageSeconds?: number };
}

/** One state of an app's console, from `sinceMs` (emulator clock) until the next entry; null = before any change. */
export interface ConsoleHistoryEntry {
  readonly sinceMs: number | null;
  readonly console: ConsoleRecord;
}

export interface LiveCallbackConfigRecord {
  Url: string;
  CallbackCommandList: string[];
}

export interface LiveCallbackTokenRecord {
  Token: string;
  IsTokenEnable: boolean;
}

export interface ConsoleRecord {
  globalAutoRecording: GlobalAutoRecordingSetting;
  liveRoomRecording: LiveRoomRecordingSetting;
  trtcCallbacks: { roomCallbackUrl?: string; recordingCallbackUrl?: string; callbackKey?: string };
}

export interface AppRecord {
  sdkAppId: number;
  sdkSecretKey: string;
  adminIdentifier: string;
  /** The console now (the last entry of `consoleHistory`). */
  console: ConsoleRecord;
  /** Every admin change, stamped with the emulator clock; absent until the first change. */
  consoleHistory?: ConsoleHistoryEntry[];
}

/** A CAM sub-user (created through the admin interface). Its API key signs TC3 requests as this user. */
export interface CamUserRecord {
  Uin: number;
  Uid: number;
  Name: string;
  Remark: string;
  /** 0 cannot, 1 can log in to the console. */
  ConsoleLogin: number;
  CreateTime: string;
  secretId: string;
  /** Held like the cloud holds it: needed to verify signatures. Never returned by an emulated read or admin read. */
  secretKey: string;
}

/** A CAM role (created through the admin interface). */
export interface CamRoleRecord {
  RoleId: string;
  RoleName: string;
  Description: string;
  PolicyDocument: string;
  AddTime: string;
  UpdateTime: string;
}

/** A custom CAM policy. */
export interface CamPolicyRecord {
  PolicyId: number;
  PolicyName: string;
  Description: string;
  /** As sent (GetPolicy re-serializes it). */
  PolicyDocument: string;
  AddTime: string;
  UpdateTime: string;
  Tags: { Key: string; Value: string }[];
}

/** A policy attached to a user (`principal` = Uin) or a role (`principal` = RoleId). */
export interface CamAttachmentRecord {
  kind: "user" | "role";
  principal: string;
  PolicyId: number;
  AddTime: string;
}

export interface CamStateData {
  users: Record<string, CamUserRecord>;
  roles: Record<string, CamRoleRecord>;
  policies: Record<string, CamPolicyRecord>;
  attachments: CamAttachmentRecord[];
  counters: { nextPolicyId: number; nextUin: number; nextUid: number; nextRoleId: string };
}

export function emptyCamState(): CamStateData {
  return {
    users: {},
    roles: {},
    policies: {},
    attachments: [],
    counters: { nextPolicyId: 200000001, nextUin: 100000000002, nextUid: 11000001, nextRoleId: "4611686018427000001" },
  };
}

export interface EmulatorStateData {
  version: number;
  apps: Record<string, AppRecord>;
  subApps: Record<string, SubAppRecord>;
  /** Keyed by SubAppId, or "primary" for the primary application. */
  eventConfigs: Record<string, EventConfigRecord>;
  media: Record<string, MediaRecord>;
  tasks: Record<string, TaskRecord>;
  usage: UsageRecord[];
  /** Keyed by `${sdkAppId}/${RoomId}`. */
  liveRooms: Record<string, LiveRoomRecord>;
  liveCallbacks: Record<string, LiveCallbackConfigRecord>;
  liveCallbackTokens: Record<string, LiveCallbackTokenRecord>;
  counters: { nextSubAppId: number; nextFileId: number; nextTask: number };
  /** CAM users, roles, policies and attachments. */
  cam: CamStateData;
  /** Added to the emulator clock (admin "advance clock"). */
  clockOffsetMs: number;
}

export function emptyState(): EmulatorStateData {
  return {
    version: STATE_VERSION,
    apps: {},
    subApps: {},
    eventConfigs: {},
    media: {},
    tasks: {},
    usage: [],
    liveRooms: {},
    liveCallbacks: {},
    liveCallbackTokens: {},
    counters: { nextSubAppId: 1500000001, nextFileId: 1, nextTask: 1 },
    cam: emptyCamState(),
    clockOffsetMs: 0,
  };
}

export function defaultConsole(): ConsoleRecord {
  return {
    globalAutoRecording: { enabled: false },
    liveRoomRecording: { fullRoomRecording: false },
    trtcCallbacks: {},
  };
}

/** A state file that cannot be used: `reason` says why (never its content: it holds secrets). */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`state file ${JSON.stringify(file)} cannot be used: ${reason}`);
    this.name = "StateFileError";
  }
}

const RECORD_FIELDS = ["apps", "subApps", "eventConfigs", "media", "tasks", "liveRooms", "liveCallbacks", "liveCallbackTokens"] as const;


/**
 * What is wrong with a parsed state document, or undefined. Checked: the top-level shape, the counters, the clock
 * offset and the app records the emulator starts from; the other records are objects (their fields are trusted as
 * the emulator wrote them). Fields this version does not know are kept.
 */
export function stateShapeProblem(parsed: unknown): string | undefined {
  if (!isObject(parsed)) return `it is JSON but not an object (${jsonKind(parsed)})`;
  if (parsed.version !== STATE_VERSION) return `version ${JSON.stringify(parsed.version) ?? "missing"}; this emulator reads version ${STATE_VERSION}`;
  for (const field of RECORD_FIELDS) {
    const v = parsed[field];
    if (v === undefined) continue;
    if (!isObject(v)) return `"${field}" must be an object, got ${jsonKind(v)}`;
    for (const [key, record] of Object.entries(v)) if (!isObject(record)) return `"${field}.${key}" must be an object, got ${jsonKind(record)}`;
  }
  if (parsed.usage !== undefined && !Array.isArray(parsed.usage)) return `"usage" must be an array, got ${jsonKind(parsed.usage)}`;
  if (parsed.clockOffsetMs !== undefined && (typeof parsed.clockOffsetMs !== "number" || !Number.isFinite(parsed.clockOffsetMs))) {
    return `"clockOffsetMs" must be a number, got ${jsonKind(parsed.clockOffsetMs)}`;
  }
  if (parsed.counters !== undefined) {
    if (!isObject(parsed.counters)) return `"counters" must be an object, got ${jsonKind(parsed.counters)}`;
    for (const c of ["nextSubAppId", "nextFileId", "nextTask"]) {
      const n = parsed.counters[c];
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) return `"counters.${c}" must be a whole number of at least 1, got ${JSON.stringify(n) ?? "nothing"}`;
    }
  }
  for (const [key, app] of Object.entries((parsed.apps ?? {}) as Record<string, Record<string, unknown>>)) {
    if (app.sdkAppId !== Number(key)) return `"apps.${key}.sdkAppId" must be ${key}, got ${JSON.stringify(app.sdkAppId) ?? "nothing"}`;
    if (typeof app.sdkSecretKey !== "string" || app.sdkSecretKey === "") return `"apps.${key}.sdkSecretKey" must be a non-empty string`;
    if (typeof app.adminIdentifier !== "string" || app.adminIdentifier === "") return `"apps.${key}.adminIdentifier" must be a non-empty string`;
    const consoleRecord = app.console;
    if (!isObject(consoleRecord) || !["globalAutoRecording", "liveRoomRecording", "trtcCallbacks"].every((p) => isObject(consoleRecord[p]))) {
      return `"apps.${key}.console" must hold globalAutoRecording, liveRoomRecording and trtcCallbacks objects`;
    }
  }
  return undefined;
}

/** Throws when a file cannot be created at `file` (its nearest existing folder is not a writable folder). */
function checkCreatable(file: string): void {
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  if (!statSync(dir).isDirectory()) throw new StateFileError(file, `it cannot be created: ${dir} is not a folder`);
  try {
    accessSync(dir, fsConstants.W_OK);
  } catch (e) {
    throw new StateFileError(file, `it cannot be created: the folder ${dir} is not writable (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/**
 * Reads a state file. A missing file gives an empty state (it is created on the first change, so its folder must be
 * writable). Anything else that is not a readable, writable emulator state throws a {@link StateFileError}: a
 * corrupt file is never silently discarded or overwritten.
 */
export function loadStateFile(file: string): EmulatorStateData {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new StateFileError(file, "it is a directory");
    text = readFileSync(file, "utf8");
    accessSync(file, fsConstants.W_OK);
  } catch (e) {
    if (e instanceof StateFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    if (code === "ENOENT") {
      if (/[/\\]$/.test(file)) throw new StateFileError(file, "it names a folder (ends with a path separator), not a file");
      checkCreatable(file);
      return emptyState();
    }
    throw new StateFileError(file, code === "ENOTDIR" ? "a part of its path is not a folder (ENOTDIR)" : `it cannot be read and written (${code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(file, "it is not JSON");
  }
  const problem = stateShapeProblem(parsed);
  if (problem !== undefined) throw new StateFileError(file, problem);
  return { ...emptyState(), ...(parsed as Partial<EmulatorStateData>) } as EmulatorStateData;
}

/** Writes the state atomically (temp file + rename), mode 0600. */
export async function saveStateFile(file: string, state: EmulatorStateData): Promise<void> {
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
  await fsp.rename(tmp, file);
}

/**
 * Debounced persistence: `markDirty()` after a change, `flush()` to write now (on stop).
 * Without a file, both are no-ops.
 */
export class StatePersistence {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly file: string | undefined,
    private readonly get: () => EmulatorStateData,
    private readonly delayMs = 25,
  ) {}

  markDirty(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (!this.file) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const file = this.file;
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      await saveStateFile(file, this.get());
    });
    await this.writing;
  }
}
