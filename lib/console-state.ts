/**
 * Settings of a TRTC application that live only in the Tencent Cloud console.
 *
 * None of these has a public API (Tencent Cloud API 3.0, the Live/Chat REST API and the tencentcloud Terraform
 * provider were all checked): they are read and written by a person in the console, or, offline, through the
 * emulator's admin interface. The post-deploy step reaches them only through a `ConsoleDriver`.
 *
 * Field names are ours; the console's own labels are given in each comment.
 */

/** TRTC console > Application > Advanced Features > On-cloud recording > "Global Auto-Recording". */
export interface GlobalAutoRecordingSetting {
  /** Whether every host stream of every TRTC room of the SDKAppID is recorded, each to its own file. */
  readonly enabled: boolean;
  /** VOD (sub-)application the template stores to, when its storage is VOD. Absent: the primary VOD app or non-VOD storage. */
  readonly vodSubAppId?: number;
  /** The template's storage period in seconds (0 = keep forever), when its storage is VOD. */
  readonly storageSeconds?: number;
}

/** TRTC console > Live Configuration > "Room Recording". */
export interface LiveRoomRecordingSetting {
  /** "VOD Application": required before any Live room can be recorded. */
  readonly vodSubAppId?: number;
  /**
   * "Save Duration" in seconds, 0 = keep forever; required before any Live room can be recorded.
   * The console's own unit is not documented; seconds match TRTC's `TencentVod.ExpireTime`, which it most
   * plausibly sets on every recorded file.
   */
  readonly saveDurationSeconds?: number;
  /** "Full Room Recording": record every Live room in scope whose `IsCloudRecordEnabled` is unset or true. */
  readonly fullRoomRecording: boolean;
}

/** TRTC console > Application > Advanced Features > "Callback configuration" (one key shared by all URLs). */
export interface TrtcCallbackSetting {
  /** Room and media event callbacks (EventGroupId 1 and 2). */
  readonly roomCallbackUrl?: string;
  /** Cloud recording event callbacks (EventGroupId 3: 301, 311, 312, ...). */
  readonly recordingCallbackUrl?: string;
  /**
   * Fingerprint of the callback key (first 16 hex digits of its SHA-256), never the key itself.
   * Absent: no key is configured (callbacks are then unsigned).
   */
  readonly callbackKeyFingerprint?: string;
}

/** Everything console-only about one SDKAppID, as read back. */
export interface ConsoleState {
  readonly sdkAppId: number;
  readonly globalAutoRecording: GlobalAutoRecordingSetting;
  readonly liveRoomRecording: LiveRoomRecordingSetting;
  readonly trtcCallbacks: TrtcCallbackSetting;
}

/** A write to console-only settings; absent parts stay as they are. The callback key is the only secret. */
export interface ConsoleStateChange {
  readonly globalAutoRecording?: Partial<GlobalAutoRecordingSetting>;
  readonly liveRoomRecording?: Partial<LiveRoomRecordingSetting>;
  readonly trtcCallbacks?: {
    readonly roomCallbackUrl?: string;
    readonly recordingCallbackUrl?: string;
    /** The key itself (letters and digits, at most 32). Write-only: reads return only its fingerprint. */
    readonly callbackKey?: string;
  };
}
