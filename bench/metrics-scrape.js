/**
 * Benchmark: GET /metrics with 1,000 repositories × 10,000 findings (10M lifecycle rows) in a
 * SQLite store, plus 100,000 pull requests and 10,000 suppressions. Target: < 200 ms per scrape.
 *
 * The lifecycle rows are bulk-inserted with one recursive SQL statement and the aggregates built
 * from them with GROUP BY, as the incremental upserts would have left them; the scrape itself goes
 * through the real /metrics route (refreshGauges → store.lifecycle.snapshot → prom-client text).
 * BENCH_FINDINGS_PER_REPO (default 10000) scales it down for a quick run.
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { createRoutes } from "../dist/http/routes.js";
import { createMetrics } from "../dist/metrics/metrics.js";
import { refreshGauges } from "../dist/metrics/refresh-gauges.js";
import { openStore } from "../dist/store/open-store.js";
import { fixed, median, percentile, printTable, reportResult } from "./measure.js";

const REPOS = 1_000;
const PER_REPO = Number(process.env.BENCH_FINDINGS_PER_REPO ?? 10_000);
const PULLS_PER_REPO = 100;
const SUPPRESSIONS_PER_REPO = 10;
const RUNS = 30;
const TARGET_MS = 200;

function seed(path) {
  const db = new BetterSqlite3(path);
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1000000");
  const total = REPOS * PER_REPO;
  // Repo-major order keeps every index insert at the end of its b-tree (no random page writes).
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${total - 1})
    INSERT INTO finding_lifecycle (repo, fingerprint, finding_id, tool, rule, severity, path, line,
      message, first_seen_at, first_seen_ref, first_pr, reported_at, merged_at, preexisting,
      escaped, prevented, resolved_at, resolution, last_pr, last_seen_at)
    SELECT printf('acme/service-%04d', i / ${PER_REPO}), printf('v1:%08d', i), printf('GR-%08x', i),
      CASE i % 3 WHEN 0 THEN 'semgrep' WHEN 1 THEN 'trivy' ELSE 'codeql' END,
      printf('rule-%d', i % 50),
      CASE i % 5 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' WHEN 3 THEN 'low' ELSE 'note' END,
      printf('src/file-%d.ts', i % 400), i % 300, 'message',
      1700000000000 + i, CASE WHEN i % 4 = 0 THEN 'branch:main' ELSE printf('pr:%d', i % 100) END,
      CASE WHEN i % 4 = 0 THEN NULL ELSE i % 100 END,
      CASE WHEN i % 4 = 0 THEN NULL ELSE 1700000000000 + i END,
      CASE WHEN i % 7 = 0 THEN NULL ELSE 1700000100000 + i END,
      CASE WHEN i % 10 = 0 THEN 1 ELSE 0 END,
      CASE WHEN i % 7 <> 0 AND i % 10 <> 0 AND i % 4 = 0 THEN 1 ELSE 0 END,
      CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END,
      CASE WHEN i % 3 = 0 THEN 1700000000000 + i + (i % 90) * 86400000 ELSE NULL END,
      CASE WHEN i % 3 = 0 THEN (CASE WHEN i % 6 = 0 THEN 'fixed' ELSE 'suppressed' END) ELSE NULL END,
      NULL, 1700000200000 + i
    FROM n
  `);
  db.exec(`
    INSERT INTO lifecycle_counts (repo, tool, severity, open, escaped, prevented, fixed, suppressed)
    SELECT repo, tool, severity,
      sum(merged_at IS NOT NULL AND resolved_at IS NULL), sum(escaped), sum(prevented),
      total(resolution IS 'fixed'), total(resolution IS 'suppressed')
    FROM finding_lifecycle GROUP BY repo, tool, severity;
    INSERT INTO lifecycle_resolutions (tool, severity, resolution, bucket, count, sum_ms)
    SELECT tool, severity, resolution, min(10, (resolved_at - first_seen_at) / 604800000), count(*),
      sum(resolved_at - first_seen_at)
    FROM finding_lifecycle WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3, 4;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${REPOS * PULLS_PER_REPO - 1})
    INSERT INTO pull_requests (repo, number, opened_at, first_analysed_at, first_feedback_ms)
    SELECT printf('acme/service-%04d', i / ${PULLS_PER_REPO}), i % ${PULLS_PER_REPO}, 1700000000000 + i,
      CASE WHEN i % 9 = 0 THEN NULL ELSE 1700000060000 + i END, NULL FROM n;
    INSERT INTO pull_request_counts (repo, opened, scanned, feedback_count, feedback_sum_ms)
    SELECT repo, count(*), count(first_analysed_at), 0, 0 FROM pull_requests GROUP BY repo;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${REPOS * SUPPRESSIONS_PER_REPO - 1})
    INSERT INTO suppressions (repo, scope_kind, fingerprint, tool, rule_id, path_glob, reason,
      justification, author, created_at, expires_at, source, status, finding_id)
    SELECT printf('acme/service-%04d', i / ${SUPPRESSIONS_PER_REPO}), 'rule', NULL, 'semgrep',
      printf('rule-%d', i), NULL,
      CASE i % 3 WHEN 0 THEN 'false-positive' WHEN 1 THEN 'accepted-risk' ELSE 'wont-fix' END,
      'j', 'a', 1700000000000, NULL, printf('s-%d', i), CASE WHEN i % 5 = 0 THEN 'requested' ELSE 'active' END,
      NULL FROM n;
    INSERT INTO required_tool_missing (repo, tool, count)
    SELECT DISTINCT repo, 'trivy', 3 FROM pull_request_counts;
  `);
  db.close();
  return total;
}

async function scrapeTimes(store, repoLabel) {
  const metrics = createMetrics({ defaultMetrics: false, repoLabel });
  const queue = { counts: async () => ({ queued: 0, active: 0, completed: 0, failed: 0 }) };
  const routes = createRoutes({
    registry: metrics.registry,
    isStopping: () => false,
    checks: {},
    beforeScrape: () => refreshGauges({ store, queue, metrics }),
  });
  const server = createServer((req, res) => void routes(req, res));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/metrics`;
  const times = [];
  let body = "";
  for (let i = 0; i < RUNS + 3; i += 1) {
    const start = performance.now();
    const res = await fetch(url);
    body = await res.text();
    if (i >= 3) times.push(performance.now() - start);
  }
  server.close();
  return { times, series: body.split("\n").filter((l) => l.startsWith("guardrail_")).length };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "guardrail-bench-metrics-"));
  const path = join(dir, "guardrail.db");
  try {
    await (await openStore(`sqlite:${path}`)).close();
    const seedStart = performance.now();
    const rows = seed(path);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const store = await openStore(`sqlite:${path}`);
    const rowsOut = [];
    const results = [];
    // With the repo label (the default) and with GUARDRAIL_METRICS_REPO_LABEL=false.
    for (const repoLabel of [true, false]) {
      const measured = await scrapeTimes(store, repoLabel);
      const p95 = percentile(measured.times, 95);
      results.push({
        repoLabel,
        series: measured.series,
        medianMs: fixed(median(measured.times)),
        p95Ms: fixed(p95),
        pass: p95 < TARGET_MS,
      });
      rowsOut.push([
        rows,
        repoLabel ? "yes" : "no",
        measured.series,
        fixed(median(measured.times)),
        fixed(p95),
        `< ${TARGET_MS} ms`,
      ]);
    }
    await store.close();
    const dbMiB = Math.round(statSync(path).size / 1048576);
    console.log(`seeded ${rows} lifecycle rows (${dbMiB} MiB) in ${fixed(seedSeconds, 1)} s`);
    printTable(
      ["lifecycle rows", "repo label", "series", "median ms", "p95 ms", "target"],
      rowsOut,
    );
    reportResult({
      name: "metrics-scrape",
      lifecycleRows: rows,
      dbMiB,
      seedSeconds: fixed(seedSeconds, 1),
      targetMs: TARGET_MS,
      results,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
