import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { createMetrics } from "../../src/metrics/metrics.js";
import { balanced, metricNames } from "./promql-names.js";

interface Dashboard {
  uid: string;
  panels: { title: string; targets: { expr: string }[] }[];
  templating: { list: { name: string; query?: unknown }[] };
}

const read = (file: string) => readFileSync(join("deploy", file), "utf8");
const dashboards: [string, Dashboard][] = ["guardrail-org.json", "guardrail-repo.json"].map(
  (file) => [file, JSON.parse(read(`grafana/${file}`)) as Dashboard],
);
const queries = dashboards.flatMap(([file, d]) =>
  d.panels.flatMap((p) => p.targets.map((t) => [file, p.title, t.expr] as const)),
);

function promtool(): string | null {
  try {
    return execFileSync("which", ["promtool"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}
const PROMTOOL = promtool();
if (PROMTOOL === null) console.warn("promtool not installed: the promtool checks are SKIPPED");
const withPromtool = PROMTOOL === null ? it.skip : it;

async function exportedNames(): Promise<Set<string>> {
  const metrics = await createMetrics({ defaultMetrics: false }).registry.getMetricsAsJSON();
  return new Set(
    metrics.flatMap((m) =>
      m.type === ("histogram" as unknown as typeof m.type)
        ? ["_bucket", "_sum", "_count"].map((suffix) => m.name + suffix)
        : [m.name],
    ),
  );
}

describe("dashboards as code", () => {
  it("has panels with queries, and a repo variable on the repository dashboard", () => {
    expect(queries.length).toBeGreaterThan(15);
    const repo = dashboards.find(([file]) => file === "guardrail-repo.json")?.[1];
    expect(repo?.templating.list.map((v) => v.name)).toContain("repo");
    for (const [, title, expr] of queries.filter(([file]) => file === "guardrail-repo.json")) {
      expect([title, expr.includes('repo="$repo"')]).toEqual([title, true]);
    }
  });

  it.each(queries)(
    "%s · %s: brackets balance and only exported metrics are used",
    async (_f, _t, expr) => {
      expect(balanced(expr)).toBe(true);
      const names = metricNames(expr);
      expect(names.length).toBeGreaterThan(0);
      const exported = await exportedNames();
      expect(names.filter((n) => !exported.has(n))).toEqual([]);
    },
  );

  it("reads a name the registry does not export as unknown (the check can fail)", async () => {
    const exported = await exportedNames();
    expect(metricNames('sum(rate(guardrail_cve_total{cve="x"}[5m]))')).toEqual([
      "guardrail_cve_total",
    ]);
    expect(exported.has("guardrail_cve_total")).toBe(false);
    expect(balanced("sum(rate(x[5m])")).toBe(false);
  });

  withPromtool("every query parses as PromQL (promtool check rules)", () => {
    const dir = mkdtempSync(join(tmpdir(), "guardrail-promql-"));
    try {
      const rules = queries.map(([, , expr], i) => ({
        record: `guardrail:dashboard_query_${i}`,
        expr: expr.replaceAll("$repo", "acme/shop"),
      }));
      const file = join(dir, "rules.yml");
      writeFileSync(file, JSON.stringify({ groups: [{ name: "dashboards", rules }] }));
      expect(
        execFileSync(PROMTOOL as string, ["check", "rules", file], { encoding: "utf8" }),
      ).toContain("SUCCESS");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  withPromtool("promtool accepts deploy/prometheus/prometheus.yml, which scrapes /metrics", () => {
    expect(read("prometheus/prometheus.yml")).toContain("metrics_path: /metrics");
    const out = execFileSync(
      PROMTOOL as string,
      ["check", "config", "deploy/prometheus/prometheus.yml"],
      {
        encoding: "utf8",
      },
    );
    expect(out).toContain("SUCCESS");
  });
});
