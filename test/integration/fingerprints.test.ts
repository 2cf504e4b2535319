import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { API } from "../helpers/test-app.js";
import {
  captureCheckRun,
  captureReview,
  mockPullAnalysis,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { HEAD_SHA } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";

const harness = useTestApp();
const SOURCE = Array.from({ length: 14 }, (_, i) =>
  i === 11 ? "db.query(`SELECT ${input}`);" : `line ${i + 1}`,
).join("\n");
// No partialFingerprints: Guardrail computes primaryLocationLineHash from the file itself.
const SARIF = sarifLog([{ uri: "src/db.js", startLine: 12 }]);
const files = [{ filename: "src/db.js", patch: DB_PATCH }];

function mockTree(status = 200): void {
  nock(API)
    .get(`${REPO_PATH}/git/trees/${HEAD_SHA}`)
    .query({ recursive: "true" })
    .reply(
      status,
      status === 200
        ? {
            sha: HEAD_SHA,
            truncated: false,
            tree: [{ path: "src/db.js", type: "blob", sha: "f".repeat(40), size: SOURCE.length }],
          }
        : { message: "Not Found" },
    );
}

describe("fingerprints computed from the analysed commit", () => {
  it("reads the file once through the tree and its blob, and the marker carries the identity", async () => {
    mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: SARIF, files });
    mockTree();
    nock(API)
      .get(`${REPO_PATH}/git/blobs/${"f".repeat(40)}`)
      .reply(200, {
        sha: "f".repeat(40),
        encoding: "base64",
        content: Buffer.from(SOURCE).toString("base64"),
      });
    const reviews = captureReview(7);
    captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    const body = (reviews[0] as { comments: { body: string }[] }).comments[0]!.body;
    expect(body).toMatch(/<!-- guardrail:v1 fingerprint=v1:[0-9a-f]{64} id=GR-[0-9a-f]{8} -->$/);
  });

  it("falls back to the message, with a note, when the commit's files cannot be read", async () => {
    mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: SARIF, files });
    mockTree(404);
    captureReview(7);
    const checks = captureCheckRun();

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    expect((checks[0] as { output: { summary: string } }).output.summary).toContain(
      "could not be read at the analysed commit",
    );
  });
});
