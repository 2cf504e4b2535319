import type { FindingTotals } from "./finding-totals.js";

export interface OpenCount {
  repo: string;
  severity: string;
  count: number;
}

export interface Remediation {
  /** Mean time to remediate by resolution kind (`fixed`, `suppressed`), in ms; null when none. */
  mttr: { fixed: number | null; suppressed: number | null };
  resolvedCount: { fixed: number; suppressed: number };
  /** Escapes by severity, and findings prevented (reported in a PR, gone before merge). */
  escapes: Record<string, number>;
  prevented: number;
}

export function openCounts(totals: readonly FindingTotals[]): OpenCount[] {
  return totals
    .filter((t) => t.open > 0)
    .map((t) => ({ repo: t.repo, severity: t.severity, count: t.open }));
}

/** MTTR is kept apart for fixes and suppressions: a dismissal is not a remediation. */
export function remediation(totals: readonly FindingTotals[]): Remediation {
  const sum = (pick: (t: FindingTotals) => number) => totals.reduce((n, t) => n + pick(t), 0);
  const fixed = sum((t) => t.fixed);
  const suppressed = sum((t) => t.suppressed);
  const escapes: Record<string, number> = {};
  for (const t of totals)
    if (t.escaped > 0) escapes[t.severity] = (escapes[t.severity] ?? 0) + t.escaped;
  return {
    mttr: {
      fixed: fixed === 0 ? null : sum((t) => t.fixedMs) / fixed,
      suppressed: suppressed === 0 ? null : sum((t) => t.suppressedMs) / suppressed,
    },
    resolvedCount: { fixed, suppressed },
    escapes,
    prevented: sum((t) => t.prevented),
  };
}
