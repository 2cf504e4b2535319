/**
 * When to send what, per chat webhook: the first event of a repository goes at once; whatever
 * else arrives for it within the next minute waits and goes as one follow-up; one request per
 * second at most on the webhook (and not before a 429's Retry-After). Pure: the drain feeds it
 * the outbox and the clock.
 */
export const GROUP_WINDOW_MS = 60_000;

export interface PlannedEntry {
  id: number;
  repo: string;
  /** Not before this (a retry's backoff). */
  dueAt: number;
}

export interface DeliveryPlan {
  /** Send these now, as one message; null: nothing is ready. */
  batch: { repo: string; ids: number[] } | null;
  /** When something else becomes ready (epoch ms); null: the outbox is empty. */
  wakeAt: number | null;
}

export function planDelivery(input: {
  pending: readonly PlannedEntry[];
  lastSent: ReadonlyMap<string, number>;
  notBefore: number;
  now: number;
  windowMs?: number;
}): DeliveryPlan {
  const { now, windowMs = GROUP_WINDOW_MS } = input;
  const byRepo = new Map<string, PlannedEntry[]>();
  for (const entry of input.pending)
    byRepo.set(entry.repo, [...(byRepo.get(entry.repo) ?? []), entry]);

  const ready = [...byRepo].map(([repo, entries]) => {
    const earliestDue = Math.min(...entries.map((e) => e.dueAt));
    const last = input.lastSent.get(repo);
    const readyAt = Math.max(earliestDue, last === undefined ? -Infinity : last + windowMs);
    return { repo, entries, readyAt, firstId: Math.min(...entries.map((e) => e.id)) };
  });
  if (ready.length === 0) return { batch: null, wakeAt: null };
  ready.sort((a, b) => a.readyAt - b.readyAt || a.firstId - b.firstId);
  const [first, ...others] = ready;
  if (first === undefined) return { batch: null, wakeAt: null };

  const earliest = Math.max(first.readyAt, input.notBefore);
  if (earliest > now) return { batch: null, wakeAt: earliest };
  const ids = first.entries.filter((e) => e.dueAt <= now).map((e) => e.id);
  const later = first.entries.filter((e) => e.dueAt > now).map((e) => e.dueAt);
  const next = [...others.map((o) => o.readyAt), ...later];
  return {
    batch: { repo: first.repo, ids },
    wakeAt: next.length === 0 ? null : Math.max(Math.min(...next), now),
  };
}
