/**
 * argv → a typed command. Each command parses only its own options, so a flag that belongs to
 * another command is a usage error rather than silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { FAIL_ON_LEVELS, type FailOn } from "../config/schema.js";
import { CliError, firstLine } from "./cli-error.js";

export const CHECK_FORMATS = ["text", "markdown", "json", "sarif"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const EXPORT_FORMATS = ["yaml", "sarif"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface CheckOptions {
  /** Files or directories; directories are searched for `*.sarif` and `*.sarif.json`. */
  sarif: string[];
  base?: string;
  /** SARIF of the same scanners at the merge base: findings are tracked to these (design.md "Identity"). */
  baseSarif?: string[];
  config?: string;
  format: CheckFormat;
  failOn?: FailOn;
  suppressions?: string;
  /** Text format: list pre-existing findings one by one instead of counting them per file. */
  all?: boolean;
}

export interface ExportOptions {
  format: ExportFormat;
  repo?: string;
}

export type HelpTopic = "check" | "export";

export type Command =
  | { kind: "help"; topic?: HelpTopic }
  | { kind: "version" }
  | { kind: "check"; options: CheckOptions }
  | { kind: "export"; options: ExportOptions };

const CHECK_OPTIONS = {
  sarif: { type: "string", multiple: true },
  base: { type: "string" },
  "base-sarif": { type: "string", multiple: true },
  config: { type: "string" },
  format: { type: "string" },
  "fail-on": { type: "string" },
  suppressions: { type: "string" },
  all: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const EXPORT_OPTIONS = {
  format: { type: "string" },
  repo: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

export function parseCommand(argv: readonly string[]): Command {
  const [first, second] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    return second === "check" || second === "suppressions"
      ? { kind: "help", topic: second === "check" ? "check" : "export" }
      : { kind: "help" };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first === "check") return parseCheck(argv.slice(1));
  if (first === "suppressions" && second === "export") return parseExport(argv.slice(2));
  if (first === "suppressions")
    throw new CliError('unknown command: try "guardrail suppressions export"');
  throw new CliError(`unknown command "${first}": try "guardrail help"`);
}

function parseCheck(args: readonly string[]): Command {
  const { values, positionals } = strictParse(args, CHECK_OPTIONS);
  if (values.help === true) return { kind: "help", topic: "check" };
  // `--sarif a.sarif b.sarif` (a shell glob) leaves the extra files as positionals.
  const sarif = [...(values.sarif ?? []), ...positionals];
  if (sarif.length === 0) throw new CliError("check needs --sarif <file|dir>");
  const options: CheckOptions = {
    sarif,
    format: oneOf("--format", values.format ?? "text", CHECK_FORMATS),
  };
  if (values.base !== undefined) options.base = nonEmpty("--base", values.base);
  if (values["base-sarif"] !== undefined) {
    options.baseSarif = values["base-sarif"].map((v) => nonEmpty("--base-sarif", v));
  }
  if (values.config !== undefined) options.config = nonEmpty("--config", values.config);
  if (values["fail-on"] !== undefined) {
    options.failOn = oneOf("--fail-on", values["fail-on"], FAIL_ON_LEVELS);
  }
  if (values.suppressions !== undefined) {
    options.suppressions = nonEmpty("--suppressions", values.suppressions);
  }
  if (values.all === true) options.all = true;
  return { kind: "check", options };
}

function parseExport(args: readonly string[]): Command {
  const { values, positionals } = strictParse(args, EXPORT_OPTIONS);
  if (values.help === true) return { kind: "help", topic: "export" };
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`);
  const options: ExportOptions = {
    format: oneOf("--format", values.format ?? "yaml", EXPORT_FORMATS),
  };
  if (values.repo !== undefined) options.repo = nonEmpty("--repo", values.repo);
  return { kind: "export", options };
}

function strictParse<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    // node:util phrases these well ("Unknown option '--x'"), then suggests `--` for positionals
    // starting with "-", which no argument of guardrail is.
    throw new CliError(firstLine(error).replace(/\. To specify a positional .*$/, ""));
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === "") throw new CliError(`${flag} needs a value`);
  return value;
}
