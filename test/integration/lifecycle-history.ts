import { createRequire } from "node:module";
import nock from "nock";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockReviewComments,
  mockRun,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import type { RunOptions } from "../helpers/payloads.js";
import { sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { API, INSTALLATION_ID } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** A real `pull_request.opened` payload pointed at acme/shop. */
export function pullRequestOpened(number: number): Record<string, unknown> {
  const found = examples
    .find((e) => e.name === "pull_request")
    ?.examples.find((e) => e.action === "opened");
  if (!found) throw new Error("no pull_request.opened example");
  const payload = structuredClone(found);
  const repository = payload.repository as Record<string, unknown>;
  return {
    ...payload,
    number,
    installation: { id: INSTALLATION_ID, node_id: "x" },
    repository: { ...repository, name: "shop", full_name: "acme/shop" },
    pull_request: {
      ...(payload.pull_request as object),
      number,
      created_at: "2025-03-01T00:00:00Z",
    },
  };
}

/** One SARIF artifact of semgrep results for the run. */
export function mockSarifRun(run: RunOptions & { runId: number }, results: ResultSpec[]) {
  mockRun(run);
  mockConfig();
  mockArtifacts(
    [{ id: run.runId, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": sarifLog(results) }) }],
    run.runId,
  );
  captureCheckRun(run.runId);
}

/** A pull-request run: the PR, its files (patch) and review comments; returns posted reviews. */
export function mockPullRun(pr: number, patch: string, results: ResultSpec[], runId: number) {
  mockSarifRun({ runId, pullNumbers: [pr] }, results);
  mockPull({ number: pr }, 2);
  mockPullFiles(pr, [{ filename: "src/db.js", patch }]);
  mockReviewComments(pr);
  return captureReview(pr);
}

/** A push reads the files of findings new to the baseline: the tracker keeps their lines. */
export function mockSource(sha: string): void {
  const source = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n");
  const blob = sha.slice(0, 1).repeat(40);
  nock(API)
    .get(`${REPO_PATH}/git/trees/${sha}`)
    .query({ recursive: "true" })
    .reply(200, {
      sha,
      truncated: false,
      tree: [{ path: "src/db.js", type: "blob", sha: blob, size: source.length }],
    });
  nock(API)
    .get(`${REPO_PATH}/git/blobs/${blob}`)
    .reply(200, { sha: blob, encoding: "base64", content: Buffer.from(source).toString("base64") });
}
