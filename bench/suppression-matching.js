/**
 * Benchmark 4: findings × store suppressions through triage(). Triage indexes suppressions (hash
 * join), so 10× the findings and 10× the suppressions should cost about 10× the time, not 100×.
 * A naive nested loop on small sizes shows what that saves.
 *
 * Suppressions mix the three scopes as a busy repository would: 80% finding, 10% rule, 10% path
 * (`src/mod-N/**`). Rules grow with the repository (one per 100 findings), so each rule carries
 * the same handful of path globs at every size: the cost per finding should stay flat.
 */
import { compileGlob } from "../dist/config/match.js";
import { triage } from "../dist/triage/triage.js";
import { fixed, medianMs, printTable, reportResult } from "./measure.js";

const TOOL = "BenchScanner";
const CONFIG = { paths_ignore: [], rules_ignore: [], comment_on: "added" };
const SIZES = [10_000, 100_000];
const NAIVE_SIZES = [2_000, 4_000];

function findings(n) {
  const rules = Math.max(10, n / 100);
  return Array.from({ length: n }, (_, i) => {
    const ruleId = `rule-${i % rules}`;
    const path = `src/mod-${i % 500}/file-${i}.js`;
    return {
      tool: { name: TOOL },
      rule: { id: ruleId, tags: [] },
      severity: "medium",
      message: "m",
      location: { path, region: { startLine: 1 + (i % 300), endLine: 1 + (i % 300) } },
      relatedLocations: [],
      codeFlows: [],
      fixes: [],
      suppressions: [],
      identity: {},
      fingerprint: `v1:${i.toString(16).padStart(64, "0")}`,
      id: `GR-${i.toString(16).padStart(8, "0")}`,
    };
  });
}

function suppressions(n) {
  const rules = Math.max(10, n / 100);
  const at = new Date("2025-01-01T00:00:00Z");
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    // Rule and path scopes aim at an odd-numbered finding, which no finding scope covers.
    const target = ((i * 7) % n) | 1;
    const scope =
      kind < 8
        ? // Every other finding-scope suppression matches a finding; the rest are for findings gone.
          {
            kind: "finding",
            fingerprint: `v1:${(i % 2 === 0 ? i : n + i).toString(16).padStart(64, "0")}`,
          }
        : kind === 8
          ? {
              kind: "rule",
              tool: i % 4 === 0 ? TOOL : "OtherTool",
              ruleId: `rule-${target % rules}`,
            }
          : {
              kind: "path",
              tool: TOOL,
              ruleId: `rule-${target % rules}`,
              pathGlob: `src/mod-${target % 500}/**`,
            };
    return {
      id: i + 1,
      repo: "acme/shop",
      scope,
      reason: "false-positive",
      justification: "bench",
      author: "alice",
      createdAt: at,
      expiresAt: null,
      source: null,
      status: "active",
      findingId: null,
    };
  });
}

function runTriage(f, s) {
  return triage({
    findings: f,
    diff: null,
    baseline: null,
    suppressions: s,
    config: CONFIG,
    isFork: false,
    now: new Date(),
  });
}

/** What triage would cost without an index: every finding tested against every suppression. */
function naive(f, s) {
  const globs = s.map((x) => (x.scope.kind === "path" ? compileGlob(x.scope.pathGlob) : null));
  return f.map((finding) => {
    let best = null;
    for (const [i, x] of s.entries()) {
      const scope = x.scope;
      if (scope.kind === "finding") {
        if (scope.fingerprint === finding.fingerprint) return x;
      } else if (
        scope.tool.toLowerCase() === finding.tool.name.toLowerCase() &&
        scope.ruleId === finding.rule.id
      ) {
        if (scope.kind === "rule" || globs[i]?.(finding.location.path)) best ??= x;
      }
    }
    return best;
  });
}

const rows = [];
const measured = {};
for (const n of SIZES) {
  const f = findings(n);
  const s = suppressions(n);
  const suppressed = runTriage(f, s).filter((t) => t.suppressedBy !== null).length;
  const ms = await medianMs(() => runTriage(f, s), 5);
  measured[n] = ms;
  rows.push([
    `triage (indexed)`,
    `${n / 1000}k × ${n / 1000}k`,
    fixed(ms, 1),
    fixed((ms * 1e6) / n / 1000, 2),
    suppressed,
  ]);
}
for (const n of NAIVE_SIZES) {
  const f = findings(n);
  const s = suppressions(n);
  const indexed = await medianMs(() => runTriage(f, s), 5);
  const loop = await medianMs(() => naive(f, s), 3);
  measured[`naive${n}`] = loop;
  measured[`indexed${n}`] = indexed;
  rows.push([
    `triage (indexed)`,
    `${n / 1000}k × ${n / 1000}k`,
    fixed(indexed, 1),
    fixed((indexed * 1e3) / n, 2),
    "—",
  ]);
  rows.push([
    `naive nested loop`,
    `${n / 1000}k × ${n / 1000}k`,
    fixed(loop, 1),
    fixed((loop * 1e3) / n, 2),
    "—",
  ]);
}

console.log("\n## 4. Suppression matching (triage with store suppressions)\n");
printTable(
  ["matcher", "findings × suppressions", "ms (median)", "µs per finding", "suppressed"],
  rows,
);
const growth = measured[100_000] / measured[10_000];
const naiveGrowth = measured[`naive${NAIVE_SIZES[1]}`] / measured[`naive${NAIVE_SIZES[0]}`];
const speedup = measured[`naive${NAIVE_SIZES[1]}`] / measured[`indexed${NAIVE_SIZES[1]}`];
console.log(
  `\nIndexed: 10k×10k → 100k×100k costs ${fixed(growth, 1)}× (hash join ≈ 10×, nested loop would be 100×).` +
    `\nNaive: ${NAIVE_SIZES[0] / 1000}k → ${NAIVE_SIZES[1] / 1000}k (2× each side) costs ${fixed(naiveGrowth, 1)}× (quadratic ≈ 4×);` +
    ` the index is ${fixed(speedup, 0)}× faster already at ${NAIVE_SIZES[1] / 1000}k × ${NAIVE_SIZES[1] / 1000}k.`,
);
reportResult({ benchmark: "suppression-matching", growth, naiveGrowth, speedup, measured });
