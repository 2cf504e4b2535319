import { describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockRun,
  mockReviewComments,
} from "../helpers/github-mocks.js";
import { deliverRun as deliver, emptyBaseline, useTestApp } from "../helpers/integration.js";
import { HEAD_SHA } from "../helpers/payloads.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { zipOf } from "../helpers/zip.js";

const harness = useTestApp();

const FINDINGS = sarifLog([
  { uri: "src/db.js", startLine: 12, lineHash: "1111111111111111:1" },
  { uri: "src/db.js", startLine: 3, level: "warning", lineHash: "2222222222222222:1" },
  { uri: "src/other.js", startLine: 5, lineHash: "3333333333333333:1" },
]);

const deliverRun = (options: Parameters<typeof deliver>[1] = {}, id?: string) =>
  deliver(harness.app, options, id);

describe("a same-repository pull request", () => {
  it("posts one review on the added line and one check run, gated on what is new", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([
      {
        id: 11,
        name: "semgrep-sarif",
        zip: zipOf({ "semgrep.sarif": FINDINGS, "README.md": "x" }),
      },
    ]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(7);
    const reviews = captureReview(7);
    const checks = captureCheckRun();

    await deliverRun({ pullNumbers: [7] });
    expect(await harness.app.runJobs()).toBe(1);

    expect(reviews).toHaveLength(1);
    const review = reviews[0] as {
      event: string;
      commit_id: string;
      body: string;
      comments: Record<string, unknown>[];
    };
    expect(review.event).toBe("COMMENT");
    expect(review.commit_id).toBe(HEAD_SHA);
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: "src/db.js", line: 12, side: "RIGHT" });
    expect(review.comments[0]).not.toHaveProperty("start_line");
    const body = String(review.comments[0]?.body);
    expect(body).toMatch(/high/);
    expect(body).toContain("js.sqli");
    expect(body).toMatch(/GR-[0-9a-f]{8}/);
    expect(body).toMatch(/<!-- guardrail:/);

    expect(checks).toHaveLength(1);
    const check = checks[0] as {
      name: string;
      head_sha: string;
      external_id: string;
      conclusion: string;
      status: string;
      output: { annotations: unknown[]; summary: string };
    };
    expect(check).toMatchObject({
      name: "Guardrail",
      head_sha: HEAD_SHA,
      external_id: "9001:1",
      status: "completed",
      conclusion: "failure",
    });
    // Without a baseline only findings on added lines are new; the others are pre-existing.
    expect(check.output.annotations).toEqual([]);
    expect(Buffer.byteLength(check.output.summary)).toBeLessThanOrEqual(65535);
  });

  it("annotates new findings outside commentable lines and counts the rest, against a baseline", async () => {
    await emptyBaseline(harness.app);
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([{ id: 11, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": FINDINGS }) }]);
    mockPull({ number: 7 }, 2);
    mockPullFiles(7, [{ filename: "src/db.js", patch: DB_PATCH }]);
    mockReviewComments(7);
    const reviews = captureReview(7);
    const checks = captureCheckRun();

    await deliverRun({ pullNumbers: [7] });
    await harness.app.runJobs();

    expect((reviews[0] as { comments: unknown[] }).comments).toHaveLength(1);
    const output = (
      checks[0] as { output: { annotations: Record<string, unknown>[]; summary: string } }
    ).output;
    expect(output.annotations).toHaveLength(1);
    expect(output.annotations[0]).toMatchObject({
      path: "src/db.js",
      start_line: 3,
      end_line: 3,
      annotation_level: "warning",
    });
    expect(String(output.annotations[0]?.title)).toMatch(/medium/);
    expect(output.summary).toContain("src/other.js");
  });

  it("ignores a redelivered webhook", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([]);
    await deliverRun({ pullNumbers: [7] }, "same-id");
    await deliverRun({ pullNumbers: [7] }, "same-id");
    expect(await harness.app.runJobs()).toBe(1);
  });

  it("writes nothing when the run uploaded no SARIF artifact", async () => {
    mockRun({ pullNumbers: [7] });
    mockConfig();
    mockArtifacts([{ id: 12, name: "coverage-report" }]);
    await deliverRun({ pullNumbers: [7] });
    await harness.app.runJobs();
  });
});

describe("a delivery whose job cannot be queued", () => {
  it("answers with an error and accepts GitHub's redelivery", async () => {
    // The job's insert fails inside the delivery's transaction, so its record is rolled back too.
    const { db } = harness.app.store;
    await sql`create trigger disk_full before insert on jobs begin select raise(abort, 'disk full'); end`.execute(
      db,
    );
    await expect(deliverRun({ pullNumbers: [7] }, "lost-1")).rejects.toThrow("disk full");
    await sql`drop trigger disk_full`.execute(db);
    await deliverRun({ pullNumbers: [7] }, "lost-1");
    expect(await harness.app.queue.counts()).toMatchObject({ queued: 1 });
  });
});
