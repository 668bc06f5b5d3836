/** The recording plan as JSON: canonical (sorted keys, 2-space indent, final newline), and read back for `--base`. */
import { canonicalJson } from "../lib/canonical-json";
import { readDocumentFile } from "../lib/documents";
import { RecordingPlan, parseRecordingPlan } from "./model";

export function renderPlanJson(plan: RecordingPlan): string {
  return canonicalJson(plan, 2) + "\n";
}

/** Reads a plan file; a file that cannot be used is a `DocumentFileError` whose reason is one line. */
export function readPlanFile(file: string): RecordingPlan {
  return readDocumentFile(file, parseRecordingPlan);
}
