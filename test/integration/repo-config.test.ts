import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import {
  capture,
  captureCheckRun,
  captureReview,
  mockPullAnalysis,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, useTestApp } from "../helpers/integration.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { API } from "../helpers/test-app.js";

const harness = useTestApp();
const SARIF = sarifLog([{ uri: "src/db.js", startLine: 12, level: "note", lineHash: "1:1" }]);
const files = [{ filename: "src/db.js", patch: DB_PATCH }];

async function analyse(): Promise<void> {
  await deliverRun(harness.app, { pullNumbers: [7] });
  await harness.app.runJobs();
}

describe(".github/guardrail.yml", () => {
  it("an invalid file fails the check closed, naming the key, and the findings are still reported", async () => {
    const config = "gate:\n  - branches: [main]\n    fail_on: hgh\n";
    mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: SARIF, files, config });
    const reviews = captureReview(7);
    const checks = captureCheckRun();

    await analyse();

    const check = checks[0] as { conclusion: string; output: { summary: string } };
    expect(check.conclusion).toBe("failure");
    // markdown-escaped in the summary; it renders as gate[0].fail_on
    expect(check.output.summary).toContain(
      "repository config: acme/shop:.github/guardrail.yml: gate\\[0\\].fail_on",
    );
    expect(check.output.summary).toContain('got "hgh"');
    expect(reviews).toHaveLength(1); // read with the defaults meanwhile
  });

  it("comment_on: none sends no review; the new finding becomes an annotation", async () => {
    mockPullAnalysis({
      run: { pullNumbers: [7] },
      sarif: SARIF,
      files,
      config: "comment_on: none\n",
      pullReads: 1,
    });
    const checks = captureCheckRun();

    await analyse();

    const check = checks[0] as { conclusion: string; output: { annotations: { path: string }[] } };
    expect(check.conclusion).toBe("neutral"); // a new low finding: reported, not blocking
    expect(check.output.annotations.map((a) => a.path)).toEqual(["src/db.js"]);
  });

  it("creates the check run when GitHub cannot list the commit's check runs", async () => {
    mockPullAnalysis({ run: { pullNumbers: [7] }, sarif: SARIF, files });
    captureReview(7);
    nock(API)
      .get(/\/commits\/[0-9a-f]{40}\/check-runs/)
      .reply(404, { message: "Not Found" });
    const checks = capture("post", `${REPO_PATH}/check-runs`, () => [201, { id: 1 }]);

    await analyse();

    expect(checks).toHaveLength(1);
  });
});
