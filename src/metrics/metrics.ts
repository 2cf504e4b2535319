import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { createLifecycleMetrics } from "./lifecycle-metrics.js";

/**
 * Guardrail's Prometheus metrics. One registry per app instance (no module-level state), so tests
 * and several apps in one process never share counters.
 */
export function createMetrics(options: { defaultMetrics?: boolean; repoLabel?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  return {
    registry,
    deliveries: new Counter({
      name: "guardrail_webhook_deliveries_total",
      help: "Webhook deliveries received, by event and outcome (queued, duplicate, ignored).",
      labelNames: ["event", "outcome"] as const,
      registers,
    }),
    jobs: new Counter({
      name: "guardrail_jobs_total",
      help: "Jobs finished, by job name and final state (completed, retried, failed).",
      labelNames: ["name", "state"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "guardrail_job_duration_seconds",
      help: "Time a job spent running, by job name.",
      labelNames: ["name"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    queueDepth: new Gauge({
      name: "guardrail_queue_jobs",
      help: "Jobs in the queue, by state.",
      labelNames: ["state"] as const,
      registers,
    }),
    timeToFeedback: new Histogram({
      name: "guardrail_time_to_feedback_seconds",
      help: "From the workflow run completing to Guardrail's check run completing.",
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
      registers,
    }),
    githubRequests: new Counter({
      name: "guardrail_github_requests_total",
      help: "Requests made to GitHub, by route class (read, write, graphql, download, auth) and status.",
      labelNames: ["route_class", "status"] as const,
      registers,
    }),
    rateLimitRemaining: new Gauge({
      name: "guardrail_github_rate_limit_remaining",
      help: "x-ratelimit-remaining of the latest GitHub response, by installation.",
      labelNames: ["installation"] as const,
      registers,
    }),
    findings: new Counter({
      name: "guardrail_findings_total",
      help: "Findings analysed in pull requests, by severity and disposition (new, existing, suppressed).",
      labelNames: ["severity", "disposition"] as const,
      registers,
    }),
    suppressions: new Counter({
      name: "guardrail_suppressions_total",
      help: "Suppression changes made from pull requests, by reason and action (created, lifted).",
      labelNames: ["reason", "action"] as const,
      registers,
    }),
    meanTimeToRemediate: new Gauge({
      name: "guardrail_mean_time_to_remediate_seconds",
      help: "Mean time from a finding first seen to fixed; suppressions and dismissals are not remediation.",
      registers,
    }),
    escapeRate: new Gauge({
      name: "guardrail_vulnerability_escape_rate",
      help: "Escaped findings over escaped plus prevented (pre-existing ones count in neither).",
      registers,
    }),
    /** Part 2 lifecycle metrics, read from the store at scrape time. */
    lifecycle: createLifecycleMetrics(registers, options.repoLabel ?? true),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
