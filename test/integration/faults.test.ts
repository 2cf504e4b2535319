import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { API, INSTALLATION_ID } from "../helpers/test-app.js";
import {
  captureCheckRun,
  mockArtifacts,
  mockConfig,
  mockRun,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { workflowRunApi } from "../helpers/payloads.js";
import { sarifLog } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

function token(value: string) {
  return {
    token: value,
    expires_at: "2099-01-01T00:00:00Z",
    permissions: {},
    repository_selection: "all",
  };
}

describe("GitHub rate limits and server errors", () => {
  const harness = useTestApp({ retry: true, throttle: true });

  it("waits out a secondary rate limit (retry-after) and goes on", async () => {
    mockRun({ pullNumbers: [] });
    mockConfig();
    nock(API).get(`${REPO_PATH}/actions/runs/9001/artifacts`).query(true).reply(
      403,
      {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
      { "retry-after": "1" },
    );
    mockArtifacts([]);
    const started = Date.now();
    await deliverRun(harness.app, {});
    await harness.app.runJobs();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("retries a 502 on a read and succeeds", async () => {
    nock(API).get(`${REPO_PATH}/actions/runs/9001`).reply(502, "Bad Gateway");
    mockRun({});
    mockConfig();
    mockArtifacts([]);
    await deliverRun(harness.app, {});
    await harness.app.runJobs();
    const jobs = await harness.app.deps.metrics.jobs.get();
    expect(jobs.values).toEqual([
      expect.objectContaining({ labels: { name: "analyse-run", state: "completed" }, value: 1 }),
    ]);
  });
});

describe("tokens and installations", () => {
  const harness = useTestApp({ auth: false });

  it("refreshes an installation token GitHub stopped taking (401) and completes on the retry", async () => {
    nock(API).get("/app").reply(200, { id: 1, slug: "guardrail" });
    const tokens = nock(API)
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .reply(201, token("ghs_old"))
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .reply(201, token("ghs_new"));
    // auth-app retries a 401 for 5 s (token replication); past that the job fails and refreshes.
    nock(API, { reqheaders: { authorization: "token ghs_old" } })
      .get(`${REPO_PATH}/actions/runs/9001`)
      .times(4)
      .reply(401, { message: "Bad credentials" });
    nock(API, { reqheaders: { authorization: "token ghs_new" } })
      .get(`${REPO_PATH}/actions/runs/9001`)
      .reply(200, workflowRunApi({}));
    mockConfig();
    mockArtifacts([]);

    await deliverRun(harness.app, {});
    await harness.app.runJobs();
    expect(tokens.isDone()).toBe(true);
  }, 30_000);

  it("ends the job cleanly when the App was uninstalled (404), without retrying", async () => {
    nock(API).get("/app").reply(200, { id: 1, slug: "guardrail" });
    nock(API)
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .reply(404, { message: "Not Found" });
    await deliverRun(harness.app, {});
    expect(await harness.app.runJobs()).toBe(1);
    expect(await harness.app.queue.counts()).toMatchObject({ failed: 1, queued: 0 });
  });
});

describe("artifacts that cannot be read", () => {
  const harness = useTestApp();

  it("reports an expired artifact (410) in a failed check run, without retrying", async () => {
    mockRun({});
    mockConfig();
    nock(API)
      .get(`${REPO_PATH}/actions/runs/9001/artifacts`)
      .query(true)
      .reply(200, {
        total_count: 2,
        artifacts: [
          { id: 1, name: "old-sarif", size_in_bytes: 10, expired: false },
          { id: 2, name: "semgrep-sarif", size_in_bytes: 10, expired: false },
        ],
      });
    nock(API)
      .get(`${REPO_PATH}/actions/artifacts/1/zip`)
      .reply(410, { message: "Artifact has expired" });
    const zip = zipOf({
      "r.sarif": sarifLog([{ uri: "src/a.js", startLine: 1, lineHash: "1:1" }]),
    });
    nock(API)
      .get(`${REPO_PATH}/actions/artifacts/2/zip`)
      .reply(200, zip, { "content-type": "application/zip" });
    const checks = captureCheckRun();

    await deliverRun(harness.app, {});
    expect(await harness.app.runJobs()).toBe(1);

    const check = checks[0] as { conclusion: string; output: { summary: string } };
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toMatch(/old-sarif/);
    expect(check.output.summary).toMatch(/expired/);
  });

  it("says so in a failed check run when the last try of an analysis fails", async () => {
    for (let i = 0; i < 3; i += 1) {
      mockRun({});
      mockConfig();
      nock(API)
        .get(`${REPO_PATH}/actions/runs/9001/artifacts`)
        .query(true)
        .reply(500, { message: "Server Error" });
    }
    mockRun({});
    const checks = captureCheckRun();
    await deliverRun(harness.app, {});
    await harness.app.runJobs();
    expect(checks[0]).toMatchObject({
      conclusion: "failure",
      output: { title: "Guardrail could not analyse this run" },
    });
    expect(await harness.app.queue.counts()).toMatchObject({ failed: 1 });
  });
});
