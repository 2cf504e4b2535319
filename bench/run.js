/**
 * `npm run bench`: the five benchmarks in sequence, each in its own process (`node --expose-gc`)
 * so its memory is its own, then a one-screen summary against the targets of issue 8.
 */
import { fixed, runChild } from "./measure.js";

const BENCHMARKS = [
  "sarif-pipeline",
  "github-requests",
  "webhook-ack",
  "suppression-matching",
  "identity-corpus",
];

const started = performance.now();
const results = {};
for (const name of BENCHMARKS) {
  const t0 = performance.now();
  results[name] = await runChild(new URL(`./${name}.js`, import.meta.url), [], { echo: true });
  console.log(`\n(${name}: ${fixed((performance.now() - t0) / 1000, 0)} s)`);
}

const sarif = results["sarif-pipeline"].results.find((r) => r.name === "generated 100k");
const github = results["github-requests"].results;
const ack = results["webhook-ack"];
const suppression = results["suppression-matching"];
const identity = results["identity-corpus"];
const mark = (met) => (met ? "met" : "MISSED");

console.log("\n## Summary against the targets\n");
console.log(
  `- SARIF pipeline at 100k results: ${fixed(sarif.timeRatio)}× JSON.parse (target ≤ 3: ${mark(sarif.timeRatio <= 3)}), ` +
    `peak ${fixed(sarif.pipelinePeakRatio)}× file size (target ≤ 4: ${mark(sarif.pipelinePeakRatio <= 4)})`,
);
for (const r of github) {
  console.log(
    `- GitHub writes, ${r.name}: ${r.writes} vs minimum ${r.minimumWrites} (${mark(r.writes === r.minimumWrites)}); ` +
      `check run after ${fixed(r.feedbackMs / 1000, 1)} s`,
  );
}
console.log(
  `- Webhook ack: Guardrail/bare ${fixed(ack.ratio)} (target ≥ 0.7: ${mark(ack.ratio >= 0.7)}), ` +
    `p99 ${ack.guardrail.p99} ms (target < 100: ${mark(ack.guardrail.p99 < 100)})`,
);
console.log(
  `- Suppressions 10k² → 100k²: ${fixed(suppression.growth, 1)}× time (hash join ≈ 10×, nested loop 100×)`,
);
console.log(
  `- Identity across edits: tracker keeps ${fixed(100 * identity.keptRatio, 1)} % (target ≥ 98: ${mark(identity.keptRatio >= 0.98)}), ` +
    `${identity.falseMerges} false merges (target 0: ${mark(identity.falseMerges === 0)}); ` +
    `line hash alone ${fixed(100 * identity.lineHashKeptRatio, 1)} %, ${identity.lineHashFalseMerges} false merges`,
);
console.log(`\nTotal: ${fixed((performance.now() - started) / 1000, 0)} s`);
