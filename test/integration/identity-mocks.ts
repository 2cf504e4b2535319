/** The analysed commit's files, as Guardrail reads them: one recursive tree, then blobs by SHA. */
import { createHash } from "node:crypto";
import nock from "nock";
import { REPO_PATH } from "../helpers/github-mocks.js";
import { API } from "../helpers/test-app.js";

/** `cached`: the blobs were read before in this process, so only the tree is fetched. */
export function mockSourceAt(sha: string, files: Record<string, string>, cached = false): void {
  const blobs = Object.entries(files).map(([path, text]) => ({
    path,
    text,
    sha: createHash("sha1").update(text).digest("hex"),
  }));
  nock(API)
    .get(`${REPO_PATH}/git/trees/${sha}`)
    .query({ recursive: "true" })
    .reply(200, {
      sha,
      truncated: false,
      tree: blobs.map((b) => ({ path: b.path, type: "blob", sha: b.sha, size: b.text.length })),
    });
  if (cached) return;
  for (const blob of blobs) {
    nock(API)
      .get(`${REPO_PATH}/git/blobs/${blob.sha}`)
      .reply(200, {
        sha: blob.sha,
        encoding: "base64",
        content: Buffer.from(blob.text).toString("base64"),
      });
  }
}

/** A unified-diff hunk adding every line of `text` (a file new in the PR, or appended lines). */
export function addedPatch(text: string, from = 1): string {
  const lines = text.replace(/\n$/, "").split("\n");
  return `@@ -0,0 +${from},${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`;
}
