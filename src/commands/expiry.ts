import type { ExpiryOption } from "./command.js";
import { inlineCode } from "./inline-code.js";

/** Two years: a suppression should be looked at again, not forgotten. */
export const MAX_EXPIRY_DAYS = 730;
const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = /^(\d{1,6})d$/i;

/**
 * The `--expires` / `default_expiry` syntax: a calendar date `YYYY-MM-DD` or `Nd`.
 * Only the shape is checked here; the range depends on when the command runs.
 */
export function parseExpiryOption(text: string): ExpiryOption | null {
  const days = DAYS.exec(text);
  if (days?.[1] !== undefined) return { kind: "days", days: Number(days[1]) };
  return calendarDate(text) === null ? null : { kind: "date", date: text };
}

export type ExpiryResult = { ok: true; expiresAt: Date | null } | { ok: false; problem: string };

/**
 * When a suppression made now ends. A date ends it at 00:00 UTC that day. Without `--expires`
 * the repository's `suppressions.default_expiry` applies; null means it never expires.
 */
export function resolveExpiry(
  option: ExpiryOption | null,
  defaultExpiry: string | null,
  now: Date,
): ExpiryResult {
  if (option !== null) return resolve(option, "--expires", now);
  if (defaultExpiry === null) return { ok: true, expiresAt: null };
  const parsed = parseExpiryOption(defaultExpiry.trim());
  if (parsed === null) {
    return {
      ok: false,
      problem: `The repository's suppressions.default_expiry ${inlineCode(defaultExpiry)} is neither a date (YYYY-MM-DD) nor a number of days (90d).`,
    };
  }
  return resolve(parsed, "suppressions.default_expiry", now);
}

function resolve(option: ExpiryOption, source: string, now: Date): ExpiryResult {
  if (option.kind === "days") {
    if (!Number.isInteger(option.days) || option.days < 1 || option.days > MAX_EXPIRY_DAYS) {
      return {
        ok: false,
        problem: `${source} must be between 1 and ${MAX_EXPIRY_DAYS} days; got ${option.days}d.`,
      };
    }
    return { ok: true, expiresAt: new Date(now.getTime() + option.days * DAY_MS) };
  }
  const date = calendarDate(option.date);
  if (date === null) {
    return { ok: false, problem: `${source} ${option.date} is not a calendar date (YYYY-MM-DD).` };
  }
  if (date.getTime() <= now.getTime()) {
    return { ok: false, problem: `${source} ${option.date} is not in the future.` };
  }
  if (date.getTime() > now.getTime() + MAX_EXPIRY_DAYS * DAY_MS) {
    return {
      ok: false,
      problem: `${source} ${option.date} is more than ${MAX_EXPIRY_DAYS} days (two years) away.`,
    };
  }
  return { ok: true, expiresAt: date };
}

/** Rejects dates that `Date.UTC` would roll over, such as 2027-02-30. */
function calendarDate(text: string): Date | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const same =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return same ? date : null;
}
