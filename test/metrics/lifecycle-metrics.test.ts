import { describe, expect, it } from "@jest/globals";
import { createMetrics } from "../../src/metrics/metrics.js";
import { partOneGauges, refreshLifecycle } from "../../src/metrics/refresh-lifecycle.js";
import type { LifecycleSnapshot } from "../../src/store/lifecycle-snapshot.js";

const HOUR_MS = 3_600_000;
const counts = (repo: string, severity: string, open: number, escaped: number) => ({
  repo,
  tool: "semgrep",
  severity,
  open,
  escaped,
  prevented: 1,
  fixed: 0,
  suppressed: 0,
});
const snapshot: LifecycleSnapshot = {
  counts: [counts("o/a", "high", 2, 1), counts("o/b", "high", 3, 0), counts("o/b", "low", 0, 2)],
  resolutions: [
    // bucket 0 is ≤ 1 h, bucket 2 ≤ 1 day, the last one +Inf.
    {
      tool: "semgrep",
      severity: "high",
      resolution: "fixed",
      bucket: 0,
      count: 1,
      sumMs: HOUR_MS / 2,
    },
    {
      tool: "semgrep",
      severity: "high",
      resolution: "fixed",
      bucket: 2,
      count: 2,
      sumMs: 20 * HOUR_MS,
    },
    {
      tool: "semgrep",
      severity: "high",
      resolution: "suppressed",
      bucket: 10,
      count: 1,
      sumMs: 1e12,
    },
  ],
  pullRequests: [
    { repo: "o/a", opened: 5, scanned: 4 },
    { repo: "o/b", opened: 2, scanned: 2 },
  ],
  requiredToolMissing: [{ repo: "o/a", tool: "trivy", count: 3 }],
  suppressions: [{ repo: "o/a", reason: "false-positive", status: "active", count: 2 }],
};

async function scrape(repoLabel: boolean): Promise<string> {
  const metrics = createMetrics({ defaultMetrics: false, repoLabel });
  refreshLifecycle(metrics.lifecycle, snapshot);
  return metrics.registry.metrics();
}

describe("lifecycle metrics", () => {
  it.each([
    [true, 'guardrail_findings_open{repo="o/b",tool="semgrep",severity="high"} 3'],
    [true, 'guardrail_findings_escaped_total{repo="o/b",severity="low"} 2'],
    [true, 'guardrail_pull_requests_total{repo="o/a",scanned="false"} 1'],
    [true, 'guardrail_required_tool_missing_total{repo="o/a",tool="trivy"} 3'],
    [true, 'guardrail_suppressions_active{repo="o/a",reason="false-positive",status="active"} 2'],
    [false, 'guardrail_findings_open{tool="semgrep",severity="high"} 5'],
    [false, 'guardrail_findings_escaped_total{severity="high"} 1'],
    [false, 'guardrail_findings_prevented_total{severity="high"} 2'],
    [false, 'guardrail_pull_requests_total{scanned="true"} 6'],
    [
      false,
      'guardrail_finding_resolution_seconds_bucket{tool="semgrep",severity="high",resolution="fixed",le="3600"} 1',
    ],
    [
      false,
      'guardrail_finding_resolution_seconds_bucket{tool="semgrep",severity="high",resolution="fixed",le="86400"} 3',
    ],
    [
      false,
      'guardrail_finding_resolution_seconds_sum{tool="semgrep",severity="high",resolution="fixed"} 73800',
    ],
    [
      false,
      'guardrail_finding_resolution_seconds_count{tool="semgrep",severity="high",resolution="suppressed"} 1',
    ],
  ])("repo label %s exposes %s", async (repoLabel, line) => {
    expect((await scrape(repoLabel)).split("\n")).toContain(line);
  });

  it("drops repo from every series when the repo label is off", async () => {
    expect(await scrape(false)).not.toContain("repo=");
  });

  it("types the store-backed totals as counters and the histogram as one", async () => {
    const text = await scrape(true);
    expect(text).toContain("# TYPE guardrail_findings_escaped_total counter");
    expect(text).toContain("# TYPE guardrail_finding_resolution_seconds histogram");
    expect(text).toContain("# TYPE guardrail_findings_open gauge");
  });

  it("keeps Part 1's MTTR to fixes only and the escape rate to escaped over escaped + prevented", () => {
    expect(partOneGauges(snapshot)).toEqual({
      meanTimeToRemediateSeconds: (20.5 * 3600) / 3,
      escapeRate: 3 / 6,
    });
  });
});
