import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { workflowRunCompleted } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/private-key.js";
import { sarifLog } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const SERVER = join(process.cwd(), "dist/server.js");
const SECRET = "crash-secret";
const RUN = { pullNumbers: [7], runId: 9001 };

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a process killed mid-job", () => {
  let github: FakeGitHub;
  let dir: string;
  let child: ChildProcess | undefined;
  let port = 0;

  function startServer(): ChildProcess {
    port = 20000 + Math.floor(Math.random() * 20000);
    const proc = spawn(process.execPath, [SERVER], {
      env: {
        PATH: process.env.PATH,
        APP_ID: "1",
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        HOST: "127.0.0.1",
        GHE_HOST: github.host,
        GHE_PROTOCOL: "http",
        DATABASE_URL: `sqlite:${join(dir, "guardrail.db")}`,
        // The default lease: on SQLite a restart takes the job over at once, not after it.
        GUARDRAIL_JOB_LEASE_SECONDS: "60",
        GUARDRAIL_WORKERS: "1",
        LOG_LEVEL: "warn",
        LOG_FORMAT: "json",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    return proc;
  }

  async function healthy(): Promise<boolean> {
    return fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  }

  beforeAll(async () => {
    nock.enableNetConnect("127.0.0.1");
    dir = mkdtempSync(join(tmpdir(), "guardrail-crash-"));
    const zip = zipOf({
      "semgrep.sarif": sarifLog([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]),
    });
    github = await startFakeGitHub({ run: RUN, zip, pull: 7 });
  });

  afterAll(async () => {
    child?.kill("SIGKILL");
    await github.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("resumes the job after a restart and posts nothing twice", async () => {
    expect(existsSync(SERVER)).toBe(true); // npm test builds first
    github.stallNext("POST /api/v3/repos/acme/shop/check-runs");
    child = startServer();
    await until(healthy, 15_000, "the server to start");

    const body = JSON.stringify(workflowRunCompleted(RUN));
    const res = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "workflow_run",
        "x-github-delivery": "crash-1",
        "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
      },
      body,
    });
    expect(res.status).toBe(200);

    // The check run (written first, so the review can link to it) reached GitHub, but its answer
    // never came back: no review yet.
    await until(() => github.stalled.length === 1, 20_000, "the check run request");
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    expect(github.reviews).toHaveLength(0);

    const restartedAt = Date.now();
    child = startServer();
    await until(healthy, 15_000, "the restart");
    await until(() => (github.checkRuns[0]?.updates ?? 0) > 0, 20_000, "the resumed job");
    expect(Date.now() - restartedAt).toBeLessThanOrEqual(10_000);
    await until(() => github.reviews.length > 0, 20_000, "the review");

    expect(github.reviews).toHaveLength(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]).toMatchObject({ external_id: "9001:1", updates: 1 });
  }, 60_000);
});
