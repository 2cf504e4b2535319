/** Without a usable Retry-After a 429 waits this long; a longer one than the cap is not believed. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;
export const MAX_RETRY_AFTER_MS = 3_600_000;

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const value = header?.trim() ?? "";
  let ms = DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else if (value !== "" && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - now;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** A failed send (endpoint down, 5xx) is tried again later and later, up to half an hour apart. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts), 30 * 60_000);
}
