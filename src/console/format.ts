const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3d 4h", "2h 5m", "45s": two units at most, enough to compare at a glance. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "–";
  if (ms < MINUTE) return `${Math.round(ms / 1000)}s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${Math.round((ms % HOUR) / MINUTE)}m`;
  return `${Math.floor(ms / DAY)}d ${Math.round((ms % DAY) / HOUR)}h`;
}

/** UTC, minute precision: the console serves teams in several time zones. */
export function formatTime(ms: number | null): string {
  if (ms === null) return "–";
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function formatDate(ms: number | null): string {
  return ms === null ? "–" : new Date(ms).toISOString().slice(0, 10);
}

export function formatPercent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 1000) / 10}%`;
}
