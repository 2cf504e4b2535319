import type { UserAccess } from "./repository-access.js";

/** Repository access changes rarely; re-reading it every 5 minutes bounds how stale it can be. */
const ACCESS_TTL_MS = 5 * 60 * 1000;
/** Bounds memory: the oldest sign-ins are forgotten first (and simply re-read from GitHub). */
const MAX_SESSIONS = 1000;

export interface AccessCache {
  get(sessionId: string, now: number): UserAccess | undefined;
  set(sessionId: string, access: UserAccess, now: number): void;
  delete(sessionId: string): void;
}

/** Per console instance; a session seen on another instance reads its access from GitHub once. */
export function createAccessCache(): AccessCache {
  const entries = new Map<string, { access: UserAccess; until: number }>();
  return {
    get(sessionId, now) {
      const entry = entries.get(sessionId);
      if (entry === undefined || entry.until <= now) {
        entries.delete(sessionId);
        return undefined;
      }
      return entry.access;
    },
    set(sessionId, access, now) {
      entries.delete(sessionId);
      entries.set(sessionId, { access, until: now + ACCESS_TTL_MS });
      while (entries.size > MAX_SESSIONS) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    delete: (sessionId) => entries.delete(sessionId),
  };
}
