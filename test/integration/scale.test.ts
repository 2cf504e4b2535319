import { describe, expect, it } from "@jest/globals";
import {
  capture,
  captureReview,
  mockNoCheckRuns,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockRun,
  mockReviewComments,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { sarifLog, type ResultSpec } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const harness = useTestApp();

/** 600 findings over 200 files, three on the added lines of each. */
const FILES = Array.from({ length: 200 }, (_, i) => `src/module-${i}.js`);
const RESULTS: ResultSpec[] = FILES.flatMap((uri, i) =>
  [1, 2, 3].map((line) => ({
    uri,
    startLine: line,
    level: (["error", "warning", "note"] as const)[(i + line) % 3] ?? "error",
    lineHash: `${i}${line}:1`,
    message: `@everyone <img src=x onerror=alert(1)> finding ${i}/${line} ${"x".repeat(300)}`,
  })),
);

async function analyseAtScale(config: string | null) {
  await emptyBaseline(harness.app);
  mockRun({ pullNumbers: [7] });
  mockConfig(config);
  mockArtifacts([
    { id: 11, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": sarifLog(RESULTS) }) },
  ]);
  mockPull({ number: 7 }, 2);
  mockPullFiles(
    7,
    FILES.map((filename) => ({ filename, patch: "@@ -0,0 +1,3 @@\n+a\n+b\n+c" })),
  );
  mockReviewComments(7);
}

/** REST writes Guardrail made, as its own request metrics counted them. */
async function restWrites(): Promise<number> {
  const metric = await harness.app.deps.metrics.githubRequests.get();
  return metric.values
    .filter((v) => v.labels.route_class === "write")
    .reduce((sum, v) => sum + v.value, 0);
}

describe("600 findings in 200 files", () => {
  it("costs two writes: one check run with 50 annotations and one capped review", async () => {
    await analyseAtScale(null);
    const reviews = captureReview(7);
    mockNoCheckRuns();
    const checks = capture<{ output: { annotations: unknown[]; summary: string; text?: string } }>(
      "post",
      `${REPO_PATH}/check-runs`,
      () => [201, { id: 5 }],
    );

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    expect(reviews).toHaveLength(1);
    expect(await restWrites()).toBe(2);
    const review = reviews[0] as { comments: { body: string }[] };
    expect(review.comments).toHaveLength(20);
    expect(review.comments.every((c) => c.body.includes("high"))).toBe(true);
    const output = checks[0]!.output;
    expect(output.annotations).toHaveLength(50);
    expect(Buffer.byteLength(output.summary)).toBeLessThanOrEqual(65535);
    expect(Buffer.byteLength(output.text ?? "")).toBeLessThanOrEqual(65535);
    expect(output.summary).not.toMatch(/@everyone|<img/);
  });

  it("appends annotations beyond 50 by PATCH, 50 a request", async () => {
    await analyseAtScale("max_annotations: 200\n");
    captureReview(7);
    mockNoCheckRuns();
    capture("post", `${REPO_PATH}/check-runs`, () => [201, { id: 5 }]);
    const patches = capture<{ output: { annotations: unknown[] } }>(
      "patch",
      `${REPO_PATH}/check-runs/5`,
      () => [200, { id: 5 }],
      3,
    );

    await deliverRun(harness.app, { pullNumbers: [7] });
    await harness.app.runJobs();

    expect(patches.map((p) => p.output.annotations.length)).toEqual([50, 50, 50]);
    expect(await restWrites()).toBe(5);
  });
});
