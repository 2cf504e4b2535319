import type { Registry } from "prom-client";
import { RESOLUTION_BUCKETS_SECONDS } from "../lifecycle/resolution-buckets.js";
import { SnapshotCounter, SnapshotGauge, SnapshotHistogram } from "./snapshot-metric.js";

/**
 * design.md Part 2 "Finding lifecycle and metrics", read from the store at scrape time. Labels
 * are bounded (repository, tool, severity, enums); never a CVE, path or finding id.
 * `repoLabel: false` (GUARDRAIL_METRICS_REPO_LABEL=false) drops `repo` everywhere.
 */
export function createLifecycleMetrics(registers: Registry[], repoLabel: boolean) {
  const withRepo = (labels: string[]) => (repoLabel ? ["repo", ...labels] : labels);
  return {
    repoLabel,
    findingsOpen: new SnapshotGauge({
      name: "guardrail_findings_open",
      help: "Findings on the default branch that are not resolved (fixed or suppressed).",
      labelNames: withRepo(["tool", "severity"]),
      registers,
    }),
    resolutionSeconds: new SnapshotHistogram({
      name: "guardrail_finding_resolution_seconds",
      help: "Time from a finding first seen to resolved, by resolution (fixed, suppressed): dismissals are not fixes.",
      labelNames: ["tool", "severity", "resolution"],
      buckets: [...RESOLUTION_BUCKETS_SECONDS],
      registers,
    }),
    escaped: new SnapshotCounter({
      name: "guardrail_findings_escaped_total",
      help: "Findings that reached the default branch unreviewed or reported and merged unresolved (pre-existing ones never count).",
      labelNames: withRepo(["severity"]),
      registers,
    }),
    prevented: new SnapshotCounter({
      name: "guardrail_findings_prevented_total",
      help: "Findings reported in a pull request and gone before it merged.",
      labelNames: withRepo(["severity"]),
      registers,
    }),
    pullRequests: new SnapshotCounter({
      name: "guardrail_pull_requests_total",
      help: "Pull requests opened, by whether at least one Guardrail analysis covered them (scanned true/false).",
      labelNames: withRepo(["scanned"]),
      registers,
    }),
    requiredToolMissing: new SnapshotCounter({
      name: "guardrail_required_tool_missing_total",
      help: "Pull requests whose required-scanners check ended without this required tool.",
      labelNames: withRepo(["tool"]),
      registers,
    }),
    suppressionsActive: new SnapshotGauge({
      name: "guardrail_suppressions_active",
      help: "Unexpired suppressions, by reason and status (active, requested).",
      labelNames: withRepo(["reason", "status"]),
      registers,
    }),
  };
}

export type LifecycleMetrics = ReturnType<typeof createLifecycleMetrics>;
