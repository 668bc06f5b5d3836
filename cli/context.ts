/** What a command needs from the process, passed in so commands can run in-process (tests) without global state. */
export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Records the exit code of the command; `runCli` returns it. Never `process.exitCode`, which would leak across runs. */
  setExitCode(code: number): void;
  readonly env: NodeJS.ProcessEnv;
}
