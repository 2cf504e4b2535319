/**
 * Benchmark 2: GitHub requests per analysis, and wall time to feedback, against a local fake
 * GitHub with 50 ms latency per request and Probot's real throttling (writes 1 s apart, 3 s for
 * requests that notify people, GraphQL queued with the writes).
 *
 * The real server (dist/start.js) receives a signed workflow_run.completed webhook; the fake
 * serves the run, its SARIF artifact (a zip made with fflate), the PR, its files, the tree and
 * blobs, and records every request. Re-runs deliver a new attempt of the same run to the same
 * server, so Guardrail's threads from the first run are there.
 */
import { zipSync } from "fflate";
import { startFakeGitHub, isWrite } from "./fake-github.js";
import { FILE_LINES, filePath, generateFiles, generateSarif } from "./generate-sarif.js";
import { startBenchGuardrail, WEBHOOK_SECRET } from "./guardrail-server.js";
import { printTable, reportResult } from "./measure.js";
import { deliveryHeaders, workflowRunCompleted } from "./payloads.js";

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
/** GitHub's limit per check run request; the fewest writes for n annotations follow from it. */
const ANNOTATIONS_PER_REQUEST = 50;
/** A stuck analysis must not hang `npm run bench`. */
const JOB_TIMEOUT_MS = 120_000;

const SCENARIOS = [
  { name: "small", findings: 3, files: 3 },
  { name: "large", findings: 600, files: 200 },
  {
    name: "large, max_annotations: 600",
    findings: 600,
    files: 200,
    configYaml: "max_annotations: 600\n",
    rerun: false,
  },
];

/** Every file is new in the PR: each finding sits on an added line. */
function pullFilesFor(fileCount) {
  const added = Array.from({ length: FILE_LINES }, (_, i) => `+line ${i + 1}`).join("\n");
  return Array.from({ length: fileCount }, (_, i) => ({
    filename: filePath(i),
    status: "added",
    patch: `@@ -0,0 +1,${FILE_LINES} @@\n${added}`,
  }));
}

async function deliver(url, payload) {
  const body = JSON.stringify(payload);
  const response = await fetch(url, {
    method: "POST",
    headers: deliveryHeaders("workflow_run", body, WEBHOOK_SECRET),
    body,
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  await response.arrayBuffer();
}

async function idle(running) {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const counts = await running.deps.queue.counts();
    if ((counts.queued ?? 0) === 0 && (counts.active ?? 0) === 0) return counts;
    if (Date.now() > deadline) throw new Error(`analysis still running after ${JOB_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One delivery, measured: requests by route, writes against the minimum, time to feedback. */
async function analyse(fake, guardrail, name, payload, { rerun = false } = {}) {
  fake.resetCounts();
  const sent = performance.now();
  await deliver(guardrail.url, payload);
  const accepted = performance.now();
  const counts = await idle(guardrail.running);
  const done = performance.now();
  const { state } = fake;
  const labels = [...state.counts.keys()];
  const writes = labels.filter(isWrite).reduce((n, label) => n + state.counts.get(label), 0);
  const requests = [...state.counts.values()].reduce((a, b) => a + b, 0);
  const throttled = writes + (state.counts.get("POST graphql (query)") ?? 0);
  const patches = Math.ceil(
    Math.max(0, state.annotationsPosted - ANNOTATIONS_PER_REQUEST) / ANNOTATIONS_PER_REQUEST,
  );
  // An identical re-run needs only its new check run (design.md); a first run also its review.
  const review = !rerun && state.inlineCommentsPosted > 0 ? 1 : 0;
  const minimum = 1 + patches + review;
  const checkRunAt = state.checkRunPosts[0];
  if (process.env.BENCH_TIMELINE) {
    for (const t of state.timeline)
      console.log(`${name}: +${(t.at - accepted).toFixed(0)} ms ${t.route}`);
  }
  // The critical path: rounds of requests one after another before the check run appears. Requests
  // arriving within half a latency of a round's first are taken as sent together.
  let rounds = 0;
  let roundStart = -Infinity;
  for (const { at } of state.timeline) {
    if (checkRunAt !== undefined && at > checkRunAt) break;
    if (at - roundStart >= LATENCY_MS / 2) {
      rounds += 1;
      roundStart = at;
    }
  }
  return {
    name,
    requests,
    rounds,
    reads: requests - writes,
    writes,
    minimumWrites: minimum,
    throttled,
    inline: state.inlineCommentsPosted,
    annotations: state.annotationsPosted,
    ackMs: accepted - sent,
    feedbackMs: checkRunAt === undefined ? NaN : checkRunAt - accepted,
    doneMs: done - accepted,
    failedJobs: counts.failed ?? 0,
    byRoute: Object.fromEntries([...state.counts].sort()),
  };
}

async function scenario(spec, runId) {
  const zip = Buffer.from(zipSync({ "results.sarif": generateSarif(spec.findings, spec.files) }));
  const fake = await startFakeGitHub({
    latencyMs: LATENCY_MS,
    zip,
    files: generateFiles(spec.findings, spec.files),
    pullFiles: pullFilesFor(spec.files),
    configYaml: spec.configYaml,
  });
  const guardrail = await startBenchGuardrail({ gheHost: fake.gheHost });
  try {
    const results = [await analyse(fake, guardrail, spec.name, workflowRunCompleted({ runId }))];
    if (spec.rerun !== false) {
      results.push(
        await analyse(
          fake,
          guardrail,
          `${spec.name} re-run`,
          workflowRunCompleted({ runId, runAttempt: 2 }),
          { rerun: true },
        ),
      );
    }
    return results;
  } finally {
    await guardrail.stop();
    await fake.close();
  }
}

const results = [];
// BENCH_CASES=small runs only the named scenarios (the CPU is shared: one at a time).
const only = process.env.BENCH_CASES?.split(",");
for (const [index, spec] of SCENARIOS.entries()) {
  if (only === undefined || only.includes(spec.name))
    results.push(...(await scenario(spec, 7000 + index)));
}

console.log(
  `\n## 2. GitHub requests per analysis (fake GitHub, ${LATENCY_MS} ms latency, Probot throttling on)\n`,
);
printTable(
  [
    "case",
    "inline",
    "annotations",
    "requests",
    "rounds to check run",
    "reads",
    "writes",
    "minimum writes",
    "write-queue slots",
    "ack ms",
    "to check run ms",
    "to done ms",
  ],
  results.map((r) => [
    r.name,
    r.inline,
    r.annotations,
    r.requests,
    r.rounds,
    r.reads,
    r.writes,
    `${r.minimumWrites}${r.writes === r.minimumWrites ? " (equal)" : " (ABOVE)"}`,
    r.throttled,
    r.ackMs.toFixed(0),
    r.feedbackMs.toFixed(0),
    r.doneMs.toFixed(0),
  ]),
);
console.log("\nRequests by route:");
for (const r of results)
  console.log(
    `- ${r.name}: ${Object.entries(r.byRoute)
      .map(([k, v]) => `${k} ×${v}`)
      .join(", ")}`,
  );
if (results.some((r) => r.failedJobs > 0))
  console.log("\nWARNING: some analysis jobs failed; see stderr.");
reportResult({ benchmark: "github-requests", results });
