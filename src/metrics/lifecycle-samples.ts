import { RESOLUTION_BUCKETS_SECONDS } from "../lifecycle/resolution-buckets.js";
import type { LifecycleSnapshot } from "../store/lifecycle-snapshot.js";
import type { Sample } from "./snapshot-metric.js";

/**
 * Sums `value` per label set: with the repo label dropped many repositories fold into one
 * series. Zero-valued series are kept (a dashboard tells "none" from "no data").
 */
export function fold<T>(
  rows: readonly T[],
  labelsOf: (row: T) => Record<string, string>,
  valueOf: (row: T) => number,
): Sample[] {
  const byKey = new Map<string, Sample>();
  for (const row of rows) {
    const labels = labelsOf(row);
    const key = Object.values(labels).join("\u0000");
    const sample = byKey.get(key) ?? { labels, value: 0 };
    sample.value += valueOf(row);
    byKey.set(key, sample);
  }
  return [...byKey.values()];
}

/** `{repo}` or nothing, per GUARDRAIL_METRICS_REPO_LABEL. */
export const repoLabels = (repoLabel: boolean) => (repo: string) =>
  repoLabel ? { repo } : ({} as Record<string, string>);

/** Cumulative `_bucket` series with `le`, then `_sum` (seconds) and `_count`, per label set. */
export function resolutionSamples(rows: LifecycleSnapshot["resolutions"]): Sample[] {
  const name = "guardrail_finding_resolution_seconds";
  const groups = new Map<
    string,
    { labels: Record<string, string>; counts: number[]; sumMs: number }
  >();
  for (const r of rows) {
    const labels = { tool: r.tool, severity: r.severity, resolution: r.resolution };
    const key = JSON.stringify(labels);
    const group = groups.get(key) ?? {
      labels,
      counts: new Array<number>(RESOLUTION_BUCKETS_SECONDS.length + 1).fill(0),
      sumMs: 0,
    };
    const at = Math.min(r.bucket, RESOLUTION_BUCKETS_SECONDS.length);
    group.counts[at] = (group.counts[at] ?? 0) + r.count;
    group.sumMs += r.sumMs;
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ labels, counts, sumMs }) => {
    let running = 0;
    const bounds = [...RESOLUTION_BUCKETS_SECONDS.map(String), "+Inf"];
    const buckets = bounds.map((le, i) => {
      running += counts[i] ?? 0;
      return { metricName: `${name}_bucket`, labels: { ...labels, le }, value: running };
    });
    return [
      ...buckets,
      { metricName: `${name}_sum`, labels, value: sumMs / 1000 },
      { metricName: `${name}_count`, labels, value: running },
    ];
  });
}
