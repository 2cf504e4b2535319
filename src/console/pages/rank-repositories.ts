import type { OpenCount } from "../queries/remediation.js";
import { SEVERITIES } from "../queries/console-tables.js";
import type { VisibleRepository } from "../repository-access.js";

export interface RankedRepository {
  fullName: string;
  /** Open findings per severity, in SEVERITIES order. */
  counts: number[];
  total: number;
}

/** Repositories with open findings, worst first: most critical, then high, and so on. */
export function rankRepositories(
  counts: readonly OpenCount[],
  visible: ReadonlyMap<string, VisibleRepository>,
): RankedRepository[] {
  const byRepo = new Map<string, number[]>();
  for (const { repo, severity, count } of counts) {
    const index = SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
    const row = byRepo.get(repo) ?? SEVERITIES.map(() => 0);
    const at = index < 0 ? SEVERITIES.length - 1 : index;
    row[at] = (row[at] ?? 0) + count;
    byRepo.set(repo, row);
  }
  return [...byRepo.entries()]
    .map(([key, row]) => ({
      fullName: visible.get(key)?.fullName ?? key,
      counts: row,
      total: row.reduce((n, c) => n + c, 0),
    }))
    .sort((a, b) => compareCounts(b.counts, a.counts) || a.fullName.localeCompare(b.fullName));
}

function compareCounts(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
