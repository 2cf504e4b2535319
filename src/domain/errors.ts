/**
 * Errors split by who can fix them (style.md principle 5):
 * - UserError: bad config, invalid SARIF, expired artifact… shown in the check run, never retried.
 * - PermanentError: nothing to retry (repository uninstalled, run deleted): the job ends cleanly.
 * - anything else is internal: logged with the delivery id and retried with backoff.
 */
export class UserError extends Error {
  override name = "UserError";
}

export class PermanentError extends Error {
  override name = "PermanentError";
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof UserError || error instanceof PermanentError);
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 5 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(1, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}
