/**
 * The console settings of an app over time. Every admin change is stamped with the emulator clock, so a room is
 * decided from the settings in force when it was created (the guide: "starting or stopping recording mid-session is
 * not supported"; Global Auto-Recording "applies only to rooms created after enabling", reference §2.8), even when a
 * simulated session is placed in the past.
 */
import type { AppRecord, ConsoleRecord, ConsoleHistoryEntry } from "./state";

/** The history of an app, oldest first; the first entry (`sinceMs` null) is the state before any recorded change. */
export function consoleHistoryOf(app: AppRecord): readonly ConsoleHistoryEntry[] {
  return app.consoleHistory && app.consoleHistory.length > 0 ? app.consoleHistory : [{ sinceMs: null, console: app.console }];
}

/** Records a change made at `atMs` (the emulator clock): `next` is the whole console from then on. */
export function recordConsoleChange(app: AppRecord, next: ConsoleRecord, atMs: number): void {
  const history = [...consoleHistoryOf(app)];
  history.push({ sinceMs: atMs, console: next });
  app.consoleHistory = history;
  app.console = next;
}

/** The console in force at `atMs`: the last change made at or before it, else the state before any change. */
export function consoleAt(app: AppRecord, atMs: number): ConsoleRecord {
  let found: ConsoleRecord | undefined;
  let initial: ConsoleRecord | undefined;
  for (const entry of consoleHistoryOf(app)) {
    if (entry.sinceMs === null) initial = entry.console;
    else if (entry.sinceMs <= atMs) found = entry.console;
  }
  return found ?? initial ?? app.console;
}
