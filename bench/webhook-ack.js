/**
 * Benchmark 3: how fast webhooks are acknowledged. autocannon posts signed
 * `workflow_run.completed` deliveries (each with its own X-GitHub-Delivery) on loopback to
 * (a) Guardrail, which verifies, records the delivery and queues a job in SQLite, and (b) a bare
 * Probot app that does nothing. Each server runs in its own child process so the load generator
 * does not share its CPU time; Guardrail's workers point at a closed port, so queued jobs fail
 * fast instead of calling anyone.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import {
  freePort,
  startBareProbot,
  startBenchGuardrail,
  WEBHOOK_SECRET,
} from "./guardrail-server.js";
import { fixed, printTable, reportResult } from "./measure.js";
import { deliveryHeaders, workflowRunCompleted } from "./payloads.js";

const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 10;
/** The targets. */
const TARGET_RATIO = 0.7;
const TARGET_P99_MS = 100;

if (process.argv[2] === "--serve") await serve(process.argv[3]);
else await main();

/** Child: start one server, print its URL, run until killed. */
async function serve(kind) {
  const server =
    kind === "guardrail"
      ? await startBenchGuardrail({ gheHost: `127.0.0.1:${await freePort()}/api/v3` })
      : await startBareProbot();
  console.log(`URL ${server.url}`);
  process.on("SIGTERM", () => void server.stop().finally(() => process.exit(0)));
}

function startServer(kind) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", kind], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /URL (\S+)/.exec(out);
      if (match) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    child.on("exit", resolve);
    child.kill("SIGTERM");
  });
}

/** Every request is a new delivery: same signed body, its own X-GitHub-Delivery id. */
function load(url, duration) {
  const body = JSON.stringify(workflowRunCompleted({ runId: 9001 }));
  const signed = deliveryHeaders("workflow_run", body, WEBHOOK_SECRET);
  return autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: "POST",
        body,
        setupRequest: (request) => ({
          ...request,
          headers: { ...signed, "x-github-delivery": randomUUID() },
        }),
      },
    ],
  });
}

async function measure(kind) {
  const { url, child } = await startServer(kind);
  try {
    await load(url, WARMUP_S);
    const result = await load(url, DURATION_S);
    return {
      kind,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  } finally {
    await stopServer(child);
  }
}

async function main() {
  const bare = await measure("bare");
  const guardrail = await measure("guardrail");
  const ratio = guardrail.perSecond / bare.perSecond;
  console.log(
    `\n## 3. Webhook acknowledgement (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s, loopback)\n`,
  );
  printTable(
    ["server", "deliveries/s", "p50 ms", "p99 ms", "deliveries", "non-2xx", "errors"],
    [bare, guardrail].map((r) => [
      r.kind === "bare" ? "bare Probot (no handlers)" : "Guardrail (verify + record + enqueue)",
      fixed(r.perSecond, 0),
      r.p50,
      r.p99,
      r.total,
      r.non2xx,
      r.errors,
    ]),
  );
  console.log(
    `\nGuardrail / bare: ${fixed(ratio)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "MISSED"}); ` +
      `Guardrail p99 ${guardrail.p99} ms (target < ${TARGET_P99_MS}: ${guardrail.p99 < TARGET_P99_MS ? "met" : "MISSED"}).`,
  );
  reportResult({ benchmark: "webhook-ack", bare, guardrail, ratio });
}
