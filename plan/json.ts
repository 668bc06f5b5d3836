/** The recording plan as JSON: canonical (sorted keys, 2-space indent, final newline), and read back for `--base`. */
import { readFileSync } from "fs";
import { canonicalJson } from "../lib/canonical-json";
import { RecordingPlan, parseRecordingPlan } from "./model";

export function renderPlanJson(plan: RecordingPlan): string {
  return canonicalJson(plan, 2) + "\n";
}

/** Reads a plan file; every error names the file and the problem. */
export function readPlanFile(file: string, what = "base plan", shownAs = file): RecordingPlan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "it is a directory" : e.message;
    throw new Error(`cannot read the ${what} ${shownAs}: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`the ${what} ${shownAs} is not JSON: ${(err as Error).message.replace(/\s+/g, " ")}`);
  }
  return parseRecordingPlan(json, `the ${what} ${shownAs}`);
}
