/**
 * Benchmark 1: Guardrail's whole in-memory pipeline on a SARIF file, as a ratio to bare
 * JSON.parse of the same bytes, and its peak memory as a ratio to the file's size.
 *
 * The parent writes each case to a temp file; each measurement runs in a fresh child
 * (`--child parse|pipeline <file> <results>`) so that peak RSS belongs to that measurement alone.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentFor, generateFiles, generatePullFiles, generateSarif } from "./generate-sarif.js";
import { runPipeline } from "./guardrail-pipeline.js";
import {
  fixed,
  medianMs,
  mib,
  peakRssBytes,
  printTable,
  reportResult,
  runChild,
} from "./measure.js";

// BENCH_SIZES=100000 measures one size only (and no fixtures): the CPU is shared.
const SIZES = process.env.BENCH_SIZES?.split(",").map(Number) ?? [1_000, 10_000, 100_000];
const FIXTURES = [
  "test/fixtures/sarif/eslint/eslint-8.49.0-822-results.sarif",
  "test/fixtures/sarif/semgrep/semgrep-0.44.0-577-results.sarif",
];
/** The targets, at 100k results. */
const TARGET_TIME_RATIO = 3;
const TARGET_MEMORY_RATIO = 4;

if (process.argv[2] === "--child")
  await child(process.argv[3], process.argv[4], Number(process.argv[5]));
else await parent();

async function parent() {
  const dir = mkdtempSync(join(tmpdir(), "guardrail-bench-sarif-"));
  const rows = [];
  const results = [];
  try {
    const cases = SIZES.map((n) => {
      const file = join(dir, `generated-${n}.sarif`);
      writeFileSync(file, generateSarif(n));
      return { name: `generated ${n / 1000}k`, file, results: n };
    });
    for (const fixture of process.env.BENCH_SIZES ? [] : FIXTURES) {
      cases.push({ name: fixture.split("/").pop(), file: fixture, results: 0 });
    }
    for (const c of cases) {
      const parse = await runChild(new URL(import.meta.url), [
        "--child",
        "parse",
        c.file,
        String(c.results),
      ]);
      const pipe = await runChild(new URL(import.meta.url), [
        "--child",
        "pipeline",
        c.file,
        String(c.results),
      ]);
      const bytes = statSync(c.file).size;
      const result = {
        name: c.name,
        bytes,
        findings: pipe.findings,
        parseMs: pipe.parseMs,
        pipelineMs: pipe.pipelineMs,
        timeRatio: pipe.pipelineMs / pipe.parseMs,
        parsePeakRatio: parse.peakDelta / bytes,
        pipelinePeakRatio: pipe.peakDelta / bytes,
        peakRss: pipe.peakRss,
        stages: pipe.stages,
      };
      results.push(result);
      rows.push([
        c.name,
        mib(bytes),
        result.findings,
        fixed(result.parseMs, 1),
        fixed(result.pipelineMs, 1),
        `${fixed(result.timeRatio)}×`,
        `${fixed(result.parsePeakRatio)}×`,
        `${fixed(result.pipelinePeakRatio)}×`,
        stageShares(result.stages),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    "\n## 1. SARIF pipeline (read+validate → normalise → fingerprint → evaluate → render)\n",
  );
  printTable(
    [
      "case",
      "size",
      "findings",
      "JSON.parse ms",
      "pipeline ms",
      "time / JSON.parse",
      "JSON.parse peak / size",
      "pipeline peak / size",
      "where the time goes",
    ],
    rows,
  );
  const [small, , large] = results;
  console.log(
    `\nGrowth 1k → 100k: ${fixed(large.pipelineMs / small.pipelineMs, 0)}× the time for 100× the results; ` +
      `time ratio ${fixed(small.timeRatio)}× → ${fixed(large.timeRatio)}×.`,
  );
  console.log(
    `Target at 100k: time ≤ ${TARGET_TIME_RATIO}× JSON.parse (${verdict(large.timeRatio <= TARGET_TIME_RATIO)}), ` +
      `memory ≤ ${TARGET_MEMORY_RATIO}× file size (${verdict(large.pipelinePeakRatio <= TARGET_MEMORY_RATIO)}).`,
  );
  reportResult({ benchmark: "sarif-pipeline", results });
}

function verdict(met) {
  return met ? "met" : "MISSED";
}

function stageShares(stages) {
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  return Object.entries(stages)
    .map(([name, ms]) => `${name} ${Math.round((100 * ms) / total)}%`)
    .join(", ");
}

/** One measurement in a fresh process. `results` 0 means a real fixture. */
async function child(mode, file, results) {
  // Warm up first (schema compilation, JIT) on a small scan, so neither figure includes it.
  await runPipeline(generateSarif(100), generateFiles(100), generatePullFiles(100));
  JSON.parse(generateSarif(100).toString("utf8"));

  const bytes = readFileSync(file);
  const inputs = results > 0 ? generatedInputs(results) : await fixtureInputs(bytes);
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peakBefore = peakRssBytes();
  if (mode === "parse") {
    JSON.parse(bytes.toString("utf8"));
    reportResult({ peakDelta: Math.max(0, peakRssBytes() - baseline), peakBefore });
    return;
  }
  const first = await runPipeline(bytes, inputs.files, inputs.pullFiles);
  const peakDelta = Math.max(0, peakRssBytes() - baseline);
  const peakRss = peakRssBytes();
  // Timing after the memory figure: medians of warm runs, parse and pipeline on the same bytes.
  const runs = bytes.length > 20 * 1024 * 1024 ? 3 : 7;
  const parseMs = await medianMs(() => JSON.parse(bytes.toString("utf8")), runs);
  let stages = first.stages;
  const pipelineMs = await medianMs(async () => {
    stages = (await runPipeline(bytes, inputs.files, inputs.pullFiles)).stages;
  }, runs);
  reportResult({
    findings: first.findings,
    parseMs,
    pipelineMs,
    peakDelta,
    peakRss,
    peakBefore,
    stages,
  });
}

function generatedInputs(results) {
  return { files: generateFiles(results), pullFiles: generatePullFiles(results) };
}

/**
 * A real fixture comes without its repository: every file it points at gets generated content
 * long enough for its findings, and every tenth file is changed by the pull request.
 */
async function fixtureInputs(bytes) {
  const { readSarif } = await import("../dist/sarif/read-sarif.js");
  const { normaliseSarif } = await import("../dist/sarif/normalise.js");
  const read = readSarif(bytes, "fixture");
  if (!read.ok) throw new Error("fixture does not read");
  const lastLine = new Map();
  for (const finding of normaliseSarif(read.log, { source: "fixture" }).findings) {
    const { path, region } = finding.location;
    lastLine.set(path, Math.max(lastLine.get(path) ?? 1, region?.endLine ?? 1));
  }
  const files = new Map([...lastLine].map(([path, last]) => [path, contentFor(path, last + 5)]));
  const pullFiles = [...lastLine.keys()]
    .filter((_, i) => i % 10 === 0)
    .map((filename) => ({
      filename,
      status: "modified",
      patch: "@@ -1,3 +1,43 @@\n" + "+x\n".repeat(40) + " a\n b\n c",
    }));
  return { files, pullFiles };
}
