/** Real scanner SARIF (test/fixtures/) run through the App as a PR or push analysis. */
import { readFileSync } from "node:fs";
import {
  captureCheckRun,
  captureReview,
  mockArtifacts,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockReviewComments,
  mockRun,
} from "../helpers/github-mocks.js";
import { deliverRun } from "../helpers/integration.js";
import type { TestApp } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";
import { addedPatch, mockSourceAt } from "./identity-mocks.js";

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");
}

/** A file of `n` numbered lines: the flagged lines the fingerprints read. */
export function lines(n: number): string {
  return Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
}

export interface RealRun {
  sarif: string;
  /** Files new in the PR (every line added), by path; read for the fingerprints. */
  files: Record<string, string>;
  config?: string | null;
  headSha?: string;
}

/** One PR analysis of PR 7 with real SARIF; returns what GitHub received. */
export async function analysePull(app: TestApp, run: RealRun) {
  const headSha = run.headSha ?? "a".repeat(40);
  mockRun({ pullNumbers: [7] });
  mockConfig(run.config ?? null);
  mockArtifacts([{ id: 9001, name: "scan-sarif", zip: zipOf({ "scan.sarif": run.sarif }) }]);
  // No changed file, no comment: the PR is not read again before a review, and no file is read.
  const commenting = Object.keys(run.files).length > 0;
  mockPull({ number: 7 }, commenting ? 2 : 1);
  const files = Object.entries(run.files).map(([filename, text]) => ({
    filename,
    patch: addedPatch(text),
  }));
  mockPullFiles(7, files);
  mockReviewComments(7);
  if (commenting) mockSourceAt(headSha, run.files);
  const reviews = (commenting ? captureReview(7) : []) as {
    body: string;
    comments: { body: string; line: number; start_line?: number }[];
  }[];
  const checks = captureCheckRun(1) as {
    conclusion: string;
    output: { title: string; summary: string; text?: string; annotations: unknown[] };
  }[];
  await deliverRun(app, { pullNumbers: [7] });
  await app.runJobs();
  return { reviews, checks };
}

/** Every sentence of `text` said more than once (markup and ids aside). */
export function repeatedSentences(text: string): string[] {
  const sentences = text
    .replace(/<!--[\s\S]*?-->/g, "")
    .split(/(?<=[.!?])\s+|\n+| · /)
    .map((s) =>
      s
        .replace(/[*_`>#|-]/g, "")
        .trim()
        .toLowerCase(),
    )
    .filter((s) => s.split(/\s+/).length >= 4);
  return sentences.filter((s, i) => sentences.indexOf(s) !== i);
}
