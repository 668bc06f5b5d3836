import { MAX_FILE_DURATION_MINUTES } from "../lib/limits";
import { Rule } from "./rule";

/** Max file duration above Tencent's limit. */
export const FileDurationLimit: Rule = {
  id: "LR006",
  name: "FileDurationLimit",
  severity: "error",
  explanation:
    `A recording file lasts at most ${MAX_FILE_DURATION_MINUTES} minutes (24 h); longer sessions are cut and recording ` +
    "resumes after 30 seconds in a new file. TRTC rejects a larger MaxMediaFileDuration.",
  fix: `Set maxFileDurationMinutes to ${MAX_FILE_DURATION_MINUTES} or less (the default is ${MAX_FILE_DURATION_MINUTES}).`,
  evaluate: (app) =>
    app.recording.maxFileDurationMinutes > MAX_FILE_DURATION_MINUTES
      ? [{ message: `maxFileDurationMinutes is ${app.recording.maxFileDurationMinutes}, above ${MAX_FILE_DURATION_MINUTES}.` }]
      : [],
};
