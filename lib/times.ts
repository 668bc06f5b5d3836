/** Times as Tencent's APIs write them, shared by the post-deploy step and the emulator. */
import { SECONDS_PER_DAY } from "./limits";

export const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** ISO 8601 in Tencent's style (as VOD writes times): UTC, whole seconds, `Z`; a time within a second is cut to it. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
