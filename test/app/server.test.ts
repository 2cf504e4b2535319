import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { readEnv } from "../../src/env.js";
import { startGuardrail, type RunningGuardrail } from "../../src/start.js";
import { issueCommentCreated } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/private-key.js";

const SECRET = "server-test-secret";
let guardrail: RunningGuardrail;
let base: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  const env = readEnv({
    APP_ID: "1",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: SECRET,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: "sqlite::memory:",
  });
  guardrail = await startGuardrail(env, pino({ level: "silent" }));
  base = `http://127.0.0.1:${guardrail.server.port}`;
});

afterAll(async () => {
  await guardrail.stop();
  nock.enableNetConnect();
});

function deliver(body: string, options: { signature?: string; id?: string; event?: string } = {}) {
  const signature =
    options.signature ?? `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  return fetch(`${base}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": options.event ?? "issue_comment",
      "x-github-delivery": options.id ?? "d-1",
      "x-hub-signature-256": signature,
    },
    body,
  });
}

describe("HTTP server", () => {
  it("answers /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with each dependency", async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ready",
      stopping: false,
      checks: { store: true, queue: true },
    });
  });

  it("serves Prometheus metrics", async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain("process_cpu_user_seconds_total");
    for (const name of [
      "guardrail_webhook_deliveries_total",
      "guardrail_jobs_total",
      "guardrail_job_duration_seconds",
      "guardrail_queue_jobs",
      "guardrail_time_to_feedback_seconds",
      "guardrail_github_requests_total",
      "guardrail_github_rate_limit_remaining",
      "guardrail_findings_total",
      "guardrail_suppressions_total",
      "guardrail_mean_time_to_remediate_seconds",
      "guardrail_vulnerability_escape_rate",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("rejects a webhook with a wrong signature and records nothing", async () => {
    const body = JSON.stringify(issueCommentCreated({ pullNumber: 1, body: "/guardrail help" }));
    const res = await deliver(body, { signature: `sha256=${"0".repeat(64)}`, id: "forged" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await guardrail.deps.store.deliveries.recordDelivery("forged", "issue_comment")).toBe(
      true,
    );
    expect(await guardrail.deps.queue.counts()).toMatchObject({ queued: 0 });
  });

  it("acknowledges a signed webhook quickly", async () => {
    const body = JSON.stringify(issueCommentCreated({ pullNumber: 1, body: "just a comment" }));
    const started = Date.now();
    const res = await deliver(body, { id: "signed-1" });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
