import type { LifecycleChange, LifecycleRecord, Resolution } from "./lifecycle-record.js";
import { resolutionBucket } from "./resolution-buckets.js";

/** What one record adds to its repo, tool and severity's counts. */
export interface LifecycleCounts {
  /** Merged into the default branch and unresolved. */
  open: number;
  escaped: number;
  prevented: number;
  fixed: number;
  suppressed: number;
}

export interface CountDelta extends LifecycleCounts {
  repo: string;
  tool: string;
  severity: string;
}

export interface ResolutionSample {
  tool: string;
  severity: string;
  resolution: Resolution;
  bucket: number;
  ms: number;
}

export function countsOf(r: LifecycleRecord): LifecycleCounts {
  return {
    open: r.mergedAt !== null && r.resolvedAt === null ? 1 : 0,
    escaped: r.escaped ? 1 : 0,
    prevented: r.prevented ? 1 : 0,
    fixed: r.resolution === "fixed" ? 1 : 0,
    suppressed: r.resolution === "suppressed" ? 1 : 0,
  };
}

const KEYS = ["open", "escaped", "prevented", "fixed", "suppressed"] as const;

/** Net change per (repo, tool, severity), zero rows left out: what the aggregate adds. */
export function countDeltas(changes: LifecycleChange[]): CountDelta[] {
  const byKey = new Map<string, CountDelta>();
  const add = (r: LifecycleRecord, sign: 1 | -1) => {
    const key = JSON.stringify([r.repo, r.tool, r.severity]);
    const delta = byKey.get(key) ?? {
      repo: r.repo,
      tool: r.tool,
      severity: r.severity,
      ...{ open: 0, escaped: 0, prevented: 0, fixed: 0, suppressed: 0 },
    };
    const counts = countsOf(r);
    for (const k of KEYS) delta[k] += sign * counts[k];
    byKey.set(key, delta);
  };
  for (const { before, after } of changes) {
    if (before !== null) add(before, -1);
    add(after, 1);
  }
  return [...byKey.values()].filter((d) => KEYS.some((k) => d[k] !== 0));
}

/** Each change that resolves a finding is one observation of its time to resolution. */
export function resolutionSamples(changes: LifecycleChange[]): ResolutionSample[] {
  return changes.flatMap(({ before, after }) => {
    if (after.resolvedAt === null || after.resolution === null) return [];
    if (before?.resolvedAt !== null && before?.resolvedAt !== undefined) return [];
    const ms = Math.max(0, after.resolvedAt - after.firstSeenAt);
    const { tool, severity, resolution } = after;
    return [{ tool, severity, resolution, bucket: resolutionBucket(ms / 1000), ms }];
  });
}
