/**
 * The package's JSON documents read from files (desired state, recording plan, cdktf outputs, attestations, the
 * post-deploy state): why one cannot be used, in one line that never shows the file's content (it may hold anything)
 * nor a bare Node or zod message. The command line puts that line after the flag that named the file.
 */
import { existsSync, readFileSync, statSync } from "fs";
import * as path from "path";

/** A document that is not what it must be. `message` lists every problem; `reason` says it in one line. */
export class DocumentError extends Error {
  constructor(
    /** What was read, e.g. a file name or "desired state". */
    readonly source: string,
    /** What is wrong, after the source: "is not a valid trtc-live-recording/desired-state v2 document". */
    readonly summary: string,
    /** Each problem with its JSON path. */
    readonly problems: readonly string[] = [],
  ) {
    super(`${source} ${summary}${problems.length > 0 ? `:\n${problems.map((p) => `  ${p}`).join("\n")}` : ""}`);
    this.name = "DocumentError";
  }

  /** "it is not a valid ... document: apps.0.sdkAppId: Required (and 2 more problems)". */
  public get reason(): string {
    if (this.problems.length === 0) return `it ${this.summary}`;
    const more = this.problems.length - 1;
    return `it ${this.summary}: ${this.problems[0]}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""}`;
  }
}

/** A file that cannot be used as the document it must be; `reason` is one line ("it is a directory"...). */
export class DocumentFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot use ${file}: ${reason}`);
    this.name = "DocumentFileError";
  }
}

/** What kind of JSON value `v` is, for messages: "an array", "null", "an object", "a string"... */
export function jsonKind(v: unknown): string {
  return Array.isArray(v) ? "an array" : v === null ? "null" : typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** Why a file or folder could not be used, from Node's error, in words. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "it does not exist";
    case "EISDIR":
      return "it is a directory";
    case "ENOTDIR":
      return "a part of its path is not a folder (ENOTDIR)";
    case "EACCES":
    case "EPERM":
      return `this user may not use it (${code})`;
    case undefined:
      return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, "; ");
    default:
      return `it cannot be used (${code})`;
  }
}

/** A zod issue list as problems with their JSON paths. */
export function zodProblems(issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[]): string[] {
  return issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
}

/**
 * Why a folder that should hold cdktf's output (manifest.json and the stacks' documents) cannot be used, from the
 * error of reading it; `synthesize` says how to make one ("run npx cdktf synth first").
 */
export function synthDirProblem(synthDir: string, err: DocumentFileError, synthesize: string): string {
  const file = path.relative(synthDir, err.file);
  if (file !== "manifest.json" || err.reason !== "it does not exist") return `${file}: ${err.reason}`;
  if (!existsSync(synthDir)) return `it does not exist: ${synthesize}`;
  return statSync(synthDir).isDirectory() ? `it has no manifest.json: ${synthesize}` : "it is a file";
}

/** Reads and parses a JSON file; every failure is a {@link DocumentFileError}. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new DocumentFileError(file, fsReason(err));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // Node's message quotes the text around the error: never shown, the file may hold a secret.
    const position = /at position (\d+)/.exec((err as Error).message)?.[1];
    throw new DocumentFileError(file, text.trim() === "" ? "it is empty, not JSON" : `it is not JSON${position !== undefined ? ` (at character ${position})` : ""}`);
  }
}

/** Reads a JSON file and checks it with `parse`; a {@link DocumentError} becomes a {@link DocumentFileError}. */
export function readDocumentFile<T>(file: string, parse: (json: unknown, source: string) => T): T {
  const json = readJsonFile(file);
  try {
    return parse(json, file);
  } catch (err) {
    if (err instanceof DocumentError) throw new DocumentFileError(file, err.reason);
    throw err;
  }
}
