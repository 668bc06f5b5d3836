/**
 * The emulator's state: everything the emulated cloud remembers, as one plain JSON document.
 *
 * It holds secrets exactly as the real services do (SDK secret keys, the TRTC callback key, VOD SignKeys, Live
 * callback tokens), because the emulator needs them to verify and sign. It never returns them through an emulated
 * read API or the admin interface (admin reads show {@link secretFingerprint}s). A state file is written with
 * mode 0600.
 */
import { promises as fsp, readFileSync } from "fs";
import * as path from "path";
import type { GlobalAutoRecordingSetting, LiveRoomRecordingSetting } from "../lib/console-state";

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

/** Usage classes of DescribeRecordingUsage, in `UsageKey` order. */
export const USAGE_KEYS = ["Audio", "SD", "HD", "FullHD", "2K", "4K"] as const;
export type UsageKey = (typeof USAGE_KEYS)[number];

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

/** Reads a state file; a missing file gives an empty state. Throws on a corrupt file (never silently discards it). */
export function loadStateFile(file: string): EmulatorStateData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<EmulatorStateData>;
  if (parsed.version !== STATE_VERSION) throw new Error(`state file ${file}: unsupported version ${String(parsed.version)}`);
  return { ...emptyState(), ...parsed } as EmulatorStateData;
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
