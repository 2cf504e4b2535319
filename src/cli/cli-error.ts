/** Exit codes are the CLI's contract with CI and git hooks. */
export const EXIT_PASSED = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE_OR_INPUT = 2;

/**
 * A problem the user can fix (a wrong flag, a missing file, invalid SARIF, an unknown ref): shown
 * as one line on stderr, exit code 2, never as a stack trace.
 */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** The first line of an error's message, for errors that come from libraries. */
export function firstLine(error: unknown): string {
  // Not `instanceof Error`: errors from another realm (vm, worker) are objects with a message too.
  const message =
    typeof error === "object" &&
    error !== null &&
    "message" in error &&
    typeof error.message === "string"
      ? error.message
      : String(error);
  return message.split("\n")[0] ?? message;
}
