#!/usr/bin/env node
/** The `guardrail` bin: parse, run one command, write its output, set the exit code. */
import { parseCommand, type Command } from "./args.js";
import type { CommandOutput } from "./check.js";
import { CliError, EXIT_PASSED, EXIT_USAGE_OR_INPUT } from "./cli-error.js";
import { useColour } from "./colours.js";
import { helpText, packageVersion } from "./help.js";

async function run(command: Command): Promise<CommandOutput> {
  const context = { cwd: process.cwd(), now: new Date() };
  switch (command.kind) {
    case "help":
      return { stdout: helpText(command.topic), stderr: "", exitCode: EXIT_PASSED };
    case "version":
      return { stdout: `${packageVersion()}\n`, stderr: "", exitCode: EXIT_PASSED };
    // Loaded on demand: help and --version should not wait for the SARIF schema or the store.
    case "check": {
      const { runCheck } = await import("./check.js");
      return runCheck(command.options, {
        ...context,
        colour: useColour(process.stdout.isTTY === true, process.env),
      });
    }
    case "export": {
      const { runExport } = await import("./export-suppressions.js");
      return runExport(command.options, {
        ...context,
        databaseUrl: process.env.DATABASE_URL,
        version: packageVersion(),
      });
    }
  }
}

async function main(): Promise<void> {
  try {
    const output = await run(parseCommand(process.argv.slice(2)));
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
    // exitCode, not exit(): a piped stdout must drain before the process ends.
    process.exitCode = output.exitCode;
  } catch (error) {
    if (error instanceof CliError) process.stderr.write(`guardrail: ${error.message}\n`);
    // Not "blocked" (1), and never a pass: a bug or an unreadable input still stops the hook.
    else
      process.stderr.write(
        `guardrail: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    process.exitCode = EXIT_USAGE_OR_INPUT;
  }
}

await main();
