import type { LifecycleSnapshot } from "../store/lifecycle-snapshot.js";
import type { LifecycleMetrics } from "./lifecycle-metrics.js";
import { fold, repoLabels, resolutionSamples } from "./lifecycle-samples.js";

/** Replaces every store-backed series with what the snapshot says (repo label per config). */
export function refreshLifecycle(m: LifecycleMetrics, snap: LifecycleSnapshot): void {
  const repo = repoLabels(m.repoLabel);
  const counts = snap.counts;
  m.findingsOpen.replace(
    fold(
      counts.filter((c) => c.open > 0),
      (c) => ({ ...repo(c.repo), tool: c.tool, severity: c.severity }),
      (c) => c.open,
    ),
  );
  const bySeverity = (c: LifecycleSnapshot["counts"][number]) => ({
    ...repo(c.repo),
    severity: c.severity,
  });
  m.escaped.replace(fold(counts, bySeverity, (c) => c.escaped));
  m.prevented.replace(fold(counts, bySeverity, (c) => c.prevented));
  m.resolutionSeconds.replace(resolutionSamples(snap.resolutions));
  m.pullRequests.replace([
    ...fold(
      snap.pullRequests,
      (p) => ({ ...repo(p.repo), scanned: "true" }),
      (p) => p.scanned,
    ),
    ...fold(
      snap.pullRequests,
      (p) => ({ ...repo(p.repo), scanned: "false" }),
      (p) => p.opened - p.scanned,
    ),
  ]);
  m.requiredToolMissing.replace(
    fold(
      snap.requiredToolMissing,
      (r) => ({ ...repo(r.repo), tool: r.tool }),
      (r) => r.count,
    ),
  );
  m.suppressionsActive.replace(
    fold(
      snap.suppressions,
      (s) => ({ ...repo(s.repo), reason: s.reason, status: s.status }),
      (s) => s.count,
    ),
  );
}

/** Part 1's gauges, with Part 2's meaning: only fixes remediate; escapes of all that came in. */
export function partOneGauges(snap: LifecycleSnapshot) {
  const fixed = snap.resolutions.filter((r) => r.resolution === "fixed");
  const fixedCount = fixed.reduce((n, r) => n + r.count, 0);
  const fixedMs = fixed.reduce((n, r) => n + r.sumMs, 0);
  const escaped = snap.counts.reduce((n, c) => n + c.escaped, 0);
  const prevented = snap.counts.reduce((n, c) => n + c.prevented, 0);
  return {
    meanTimeToRemediateSeconds: fixedCount === 0 ? null : fixedMs / fixedCount / 1000,
    escapeRate: escaped + prevented === 0 ? 0 : escaped / (escaped + prevented),
  };
}
