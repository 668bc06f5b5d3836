/**
 * One-line errors for the command line: every refusal names the flag or file, what is allowed and what was received
 * (`--base must be a recording plan (plan.json) ..., got "x" (it is a directory)`). Commander's own errors (unknown
 * or misspelt options, missing values, stray arguments) are reworded the same way, with the nearest known name; no
 * help text, validation dump or bare Node error reaches the user.
 */
import { Command, CommanderError } from "commander";
import { nearest } from "../lib/suggest";

/** Bad command-line input: its message is the one line printed after `error: `. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** What each value flag of a command accepts, in words, for messages (`--base`: "a recording plan ..."). */
export type FlagRules = Readonly<Record<string, string>>;

/** A received value for a message: JSON-quoted, cut at 80 characters, on one line. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** `<flag> must be <allowed>, got <received>[ (<why>)]`. */
export function refuse(flag: string, allowed: string, received: string, why?: string): never {
  throw new UsageError(`${flag} must be ${allowed}, got ${received}${why ? ` (${why})` : ""}`);
}

/** A commander parser for `flag`'s value: a path, any non-blank text (what it must name is checked where it is read). */
export function pathFlag(flag: string, rules: FlagRules): (value: string) => string {
  return (value) => {
    if (value.trim() === "") refuse(flag, rules[flag], shown(value), "no path");
    return value;
  };
}

/** Joins a multi-line message into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, "; ").trim();
}

/** The long name of every option of `cmd` (and --help), in the order of its help. */
function optionNames(cmd: Command): string[] {
  return [...cmd.options.map((o) => o.long).filter((n): n is string => n !== undefined), "--help"];
}

/** `post-deploy plan` for the leaf `plan` under `post-deploy`. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null && c.parent !== null; c = c.parent) names.unshift(c.name());
  return names.join(" ") || cmd.name();
}

/** Commander's error, raised by `cmd`, as one line in the words of {@link refuse}. */
function reword(err: CommanderError, cmd: Command, rules: FlagRules): UsageError {
  const where = commandPath(cmd);
  const quoted = /'([^']+)'/.exec(err.message)?.[1];
  switch (err.code) {
    case "commander.unknownOption": {
      const received = quoted ?? "";
      const [name, value] = received.split("=");
      const option = cmd.options.find((o) => o.long === name);
      if (value !== undefined && option !== undefined && !option.required && !option.optional) {
        return new UsageError(`${name} takes no value, got ${shown(received)}`);
      }
      const known = optionNames(cmd);
      const near = name.startsWith("-") ? nearest(name, known) : undefined;
      return new UsageError(`${shown(received)} is not an option of ${where}${near ? ` (did you mean ${near}?)` : ""}; its options are ${known.join(", ")}`);
    }
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue": {
      const flag = (quoted ?? "").split(" ")[0];
      const allowed = rules[flag] ?? "given a value";
      return new UsageError(`${flag} must be ${allowed}, got ${err.code === "commander.optionMissingArgument" ? "no value" : "nothing (it is required)"}`);
    }
    case "commander.excessArguments": {
      const received = cmd.args[cmd.registeredArguments.length] ?? cmd.args[0] ?? "";
      const commands = cmd.commands.map((c) => c.name());
      if (commands.length > 0) {
        const near = nearest(received, commands);
        return new UsageError(`${shown(received)} is not a command of ${where}${near ? ` (did you mean ${near}?)` : ""}; its commands are ${commands.join(", ")}`);
      }
      const asFlag = nearest(`--${received.replace(/^-+/, "")}`, optionNames(cmd));
      return new UsageError(`${where} takes options only, got the argument ${shown(received)}${asFlag ? ` (did you mean ${asFlag}?)` : ""}`);
    }
    default:
      return new UsageError(oneLine(err.message.replace(/^error: /, "")));
  }
}

/**
 * Makes every command of the tree under `root` fail with one {@link UsageError} line instead of commander's message
 * and help dump; `rulesOf` gives each command's {@link FlagRules}. Help and version requests still print and exit 0.
 * A command with subcommands and none given says which it needs.
 */
export function oneLineErrors(root: Command, rulesOf: (cmd: Command) => FlagRules): void {
  const visit = (cmd: Command): void => {
    cmd.showHelpAfterError(false).showSuggestionAfterError(false);
    cmd.exitOverride((err) => {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0) throw err;
      throw reword(err, cmd, rulesOf(cmd));
    });
    if (cmd.commands.length > 0) {
      const commands = cmd.commands.map((c) => c.name());
      const help = cmd.parent === null ? `${cmd.name()} --help` : `${root.name()} ${commandPath(cmd)} --help`;
      // With an action, commander drops its implicit `help` command unless asked for it.
      cmd.helpCommand(true).action(() => {
        throw new UsageError(`${commandPath(cmd)} needs a command, one of ${commands.join(", ")} (see ${help})`);
      });
    }
    cmd.commands.forEach(visit);
  };
  visit(root);
}
