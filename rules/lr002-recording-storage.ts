import { liveRecordingWanted } from "../lib/desired-state";
import { Rule } from "./rule";

/** Recording wanted (Full Room Recording, or rooms with IsCloudRecordEnabled) with no VOD application or no retention. */
export const RecordingStorageMissing: Rule = {
  id: "LR002",
  name: "RecordingStorageMissing",
  severity: "error",
  explanation:
    "Live recording stores only to VOD, and cannot be enabled until Room Recording has a VOD Application and a Save " +
    "Duration; until then no room is recorded, whatever the switches say.",
  fix: "Give the LiveRecording a vodApplication and a retention (Retention.days(n) or Retention.forever()).",
  evaluate: (app) => {
    if (!liveRecordingWanted(app)) return [];
    const missing = [app.vodApplication === null ? "no VOD application" : "", app.retention === null ? "no retention" : ""].filter(Boolean);
    if (missing.length === 0) return [];
    const by = app.fullRoomRecording ? "Full Room Recording is on" : "rooms set IsCloudRecordEnabled=true";
    return [{ message: `${by} for SDKAppID ${app.sdkAppId} with ${missing.join(" and ")}.` }];
  },
};
