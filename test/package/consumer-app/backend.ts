/**
 * What the team's backend and its tests import: the room-scope decision from the package root, the callback
 * verification kit from `trtc-live-recording/callbacks` and the emulator from `trtc-live-recording/emulator`.
 * Type-checked under the cdktf template's flags with the rest of the app.
 */
import { RoomRecordingDecision, decideRoomRecording } from "trtc-live-recording";
import { VerifyResult, verifyVodCallback } from "trtc-live-recording/callbacks";
import { Emulator, EmulatorOptions, startEmulator } from "trtc-live-recording/emulator";

export function isRecorded(hosts: number): RoomRecordingDecision {
  return decideRoomRecording({ seatTemplate: "VideoDynamicGrid9Seats", hostCount: hosts }, { fullRoomRecording: true, storageConfigured: true });
}

export function checkVodCallback(signKey: string, sign: string, t: string): VerifyResult {
  return verifyVodCallback({ signKey, sign, t });
}

export async function localCloud(options: EmulatorOptions): Promise<Emulator> {
  return startEmulator(options);
}
