/**
 * Guardrail's analysis on one SARIF file, in memory, with the built modules and nothing of
 * GitHub: read + validate → normalise → fingerprint → triage/gate/plan → render. Returns the time
 * of each stage so a profile can name the dominant one.
 */
import { parseConfig } from "../dist/config/parse-config.js";
import { buildDiffMap } from "../dist/diff/build-diff-map.js";
import { identifyFindings } from "../dist/fingerprint/identify-findings.js";
import { evaluate } from "../dist/pipeline/evaluate.js";
import { renderAnnotation } from "../dist/report/annotation.js";
import { renderCommentBody, suggestionFor } from "../dist/report/comment-body.js";
import { annotationLine } from "../dist/report/plan.js";
import { renderCheckOutput } from "../dist/report/summary.js";
import { normaliseSarif } from "../dist/sarif/normalise.js";
import { readSarif } from "../dist/sarif/read-sarif.js";
import { readSarifStream } from "../dist/sarif/read-sarif-stream.js";

/** What zlib hands on per read of an inflating zip entry. */
const CHUNK = 64 * 1024;

const parsedConfig = parseConfig(undefined);
if (!parsedConfig.ok) throw new Error(parsedConfig.error);
export const defaultConfig = parsedConfig.config;

const HEAD_SHA = "a".repeat(40);

/**
 * @param {Uint8Array} bytes the SARIF file
 * @param {Map<string, Uint8Array>} files contents of the analysed commit, by path
 * @param {object[]} pullFiles the PR's files as the REST API lists them
 */
export async function runPipeline(bytes, files, pullFiles) {
  const stages = {};
  let started = performance.now();
  const lap = (name) => {
    const now = performance.now();
    stages[name] = now - started;
    started = now;
  };

  // As in the app (read-findings.ts), the parsed log is garbage once normalised.
  const normalised = await readAndNormalise(bytes, lap);
  // The app's and the CLI's step: placed, de-duplicated across files, fingerprinted.
  const identified = await identifyFindings(normalised.findings, {
    paths: () => [...files.keys()],
    content: async (path) => files.get(path) ?? null,
  });
  lap("fingerprint");
  const diff = buildDiffMap(pullFiles);
  const evaluation = evaluate({
    findings: identified.findings,
    diff,
    baseline: null,
    suppressions: [],
    expiredSuppressions: [],
    config: defaultConfig,
    isFork: false,
    baseBranch: "main",
    defaultBranch: "main",
    readErrors: 0,
    alreadyCommented: new Set(),
    now: new Date(),
  });
  lap("diff+evaluate");
  const { plan } = evaluation;
  const comments = plan.comments.map((c) =>
    renderCommentBody({
      finding: c.triaged.finding,
      suggestion: suggestionFor(c.triaged.finding, {
        startLine: c.startLine ?? c.line,
        line: c.line,
      }),
    }),
  );
  const annotations = plan.annotations.map((t) =>
    renderAnnotation(t, annotationLine(t.finding.location)),
  );
  const output = renderCheckOutput({
    gate: evaluation.gate,
    triaged: evaluation.triaged,
    notes: [...normalised.notes, ...identified.notes],
    omitted: plan.omitted,
    inlineCount: comments.length,
    annotationCount: annotations.length,
    headSha: HEAD_SHA,
    runUrl: "https://github.com/acme/shop/actions/runs/1",
    toolNames: ["BenchScanner"],
  });
  lap("render");
  return {
    stages,
    findings: identified.findings.length,
    comments: comments.length,
    annotations: annotations.length,
    outputBytes: Buffer.byteLength(output.summary) + Buffer.byteLength(output.text),
    conclusion: evaluation.gate.conclusion,
  };
}

async function readAndNormalise(bytes, lap) {
  if (process.env.BENCH_WHOLE_FILE) {
    // Before the streaming reader: the whole log decoded, parsed, validated, then normalised.
    const read = readSarif(bytes, "bench/scan.sarif");
    if (!read.ok) throw new Error(read.notes.map((n) => n.message).join("; "));
    const normalised = normaliseSarif(read.log, { source: "bench/scan.sarif" });
    lap("read+normalise");
    return { findings: normalised.findings, notes: [...read.warnings, ...normalised.notes] };
  }
  // As the app reads a zip entry: 64 KiB chunks, each result parsed, checked and normalised.
  const open = async function* () {
    for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
  };
  const read = await readSarifStream(open, "bench/scan.sarif");
  if (!read.ok) throw new Error(read.notes.map((n) => n.message).join("; "));
  lap("read+normalise");
  return { findings: read.findings, notes: read.notes };
}
