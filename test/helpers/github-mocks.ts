import nock from "nock";
import { zipOf } from "./zip.js";
import { API } from "./test-app.js";
import {
  OWNER,
  REPO,
  pullRequestApi,
  workflowRunApi,
  type PullOptions,
  type RunOptions,
} from "./payloads.js";

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
export const ARTIFACT_HOST = "https://pipelinesghubeus1.actions.githubusercontent.com";

/** GET the workflow run (the job reads SHAs and PR numbers from the API, never from artifacts). */
export function mockRun(options: RunOptions = {}): void {
  nock(API)
    .get(`${REPO_PATH}/actions/runs/${options.runId ?? 9001}`)
    .reply(200, workflowRunApi(options));
}

/** `.github/guardrail.yml` in the repo, else the org's `.github` repo (Probot's config plugin). */
export function mockConfig(yaml: string | null = null): void {
  const scope = nock(API).get(`${REPO_PATH}/contents/.github%2Fguardrail.yml`);
  if (yaml !== null) {
    scope.reply(200, yaml, RAW);
    // The organisation's file is read for its `enforce:` even when the repository has its own.
    if (!/^_extends:/m.test(yaml)) mockOrgConfig(null);
    return;
  }
  scope.reply(404, { message: "Not Found" });
  nock(API)
    .get(`/repos/${OWNER}/.github/contents/.github%2Fguardrail.yml`)
    .reply(404, { message: "Not Found" });
}

/** The org `.github` repository's `.github/guardrail.yml` (its `enforce:`); 404 when null. */
export function mockOrgConfig(yaml: string | null): void {
  const scope = nock(API).get(`/repos/${OWNER}/.github/contents/.github%2Fguardrail.yml`);
  if (yaml === null) scope.reply(404, { message: "Not Found" });
  else scope.reply(200, yaml, RAW);
}

export interface ArtifactMock {
  id: number;
  name: string;
  zip?: Buffer;
  expired?: boolean;
  /** Status for the signed download URL (default 200). */
  downloadStatus?: number;
}

/** Lists the run's artifacts and serves each zip behind GitHub's 302 to the storage host. */
export function mockArtifacts(artifacts: ArtifactMock[], runId = 9001): void {
  nock(API)
    .get(`${REPO_PATH}/actions/runs/${runId}/artifacts`)
    .query({ per_page: "100" })
    .reply(200, {
      total_count: artifacts.length,
      artifacts: artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        size_in_bytes: a.zip?.length ?? 0,
        expired: a.expired ?? false,
        archive_download_url: `${API}${REPO_PATH}/actions/artifacts/${a.id}/zip`,
      })),
    });
  for (const artifact of artifacts) {
    if (!artifact.zip || artifact.expired) continue;
    const signed = `/artifact-${artifact.id}.zip`;
    nock(API)
      .get(`${REPO_PATH}/actions/artifacts/${artifact.id}/zip`)
      .reply(302, "", { location: `${ARTIFACT_HOST}${signed}?sig=abc` });
    // The signed URL carries its own authorisation: our token must not travel to another host.
    nock(ARTIFACT_HOST, { badheaders: ["authorization"] })
      .get(signed)
      .query({ sig: "abc" })
      .reply(artifact.downloadStatus ?? 200, artifact.zip, { "content-type": "application/zip" });
  }
}

export function mockPull(options: PullOptions, times = 1): void {
  nock(API)
    .get(`${REPO_PATH}/pulls/${options.number}`)
    .times(times)
    .reply(200, pullRequestApi(options));
}

export interface PullFile {
  filename: string;
  status?: string;
  patch?: string;
  previous_filename?: string;
}

export function mockPullFiles(pullNumber: number, files: PullFile[]): void {
  nock(API)
    .get(`${REPO_PATH}/pulls/${pullNumber}/files`)
    .query({ per_page: "100" })
    .reply(
      200,
      files.map((f) => ({
        sha: "0".repeat(40),
        additions: 1,
        deletions: 0,
        changes: 1,
        status: "modified",
        ...f,
      })),
    );
}

export interface ThreadMock {
  id: string;
  isResolved?: boolean;
  commentId: number;
  body: string;
  author?: string;
}

/** The PR's review comments (REST), as Guardrail lists them to know what it already commented. */
export function mockReviewComments(pullNumber = 7, comments: ThreadMock[] = []): void {
  nock(API)
    .get(`${REPO_PATH}/pulls/${pullNumber}/comments`)
    .query({ per_page: "100" })
    .reply(
      200,
      comments.map((c) => {
        const author = c.author ?? "guardrail";
        const bot = author === "guardrail";
        return {
          id: c.commentId,
          body: c.body,
          user: { login: bot ? "guardrail[bot]" : author, type: bot ? "Bot" : "User" },
        };
      }),
    );
}

/** The GraphQL review-threads query, answered with the given threads. */
export function mockThreads(threads: ThreadMock[] = [], times = 1): void {
  nock(API)
    .post("/graphql", (body: { query: string }) => body.query.includes("reviewThreads"))
    .times(times)
    .reply(200, {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: threads.map((t) => ({
                id: t.id,
                isResolved: t.isResolved ?? false,
                comments: {
                  nodes: [
                    {
                      databaseId: t.commentId,
                      body: t.body,
                      // The installation token is the viewer: true exactly for the App's comments.
                      viewerDidAuthor: (t.author ?? "guardrail") === "guardrail",
                      author: { login: t.author ?? "guardrail" },
                    },
                  ],
                },
              })),
            },
          },
        },
      },
    });
}

/** Records each JSON body sent to a route. */
export function capture<T = Record<string, unknown>>(
  method: "post" | "patch",
  path: string | RegExp,
  reply: (body: T, index: number) => [number, unknown],
  times = 1,
): T[] {
  const bodies: T[] = [];
  nock(API)
    [method](path)
    .times(times)
    .reply((_uri, body) => {
      bodies.push(body as T);
      return reply(body as T, bodies.length - 1);
    });
  return bodies;
}

/** No earlier check run for this analysis, then the create. */
export function captureCheckRun(id = 31337): Record<string, unknown>[] {
  mockNoCheckRuns();
  return capture("post", `${REPO_PATH}/check-runs`, () => [201, { id }]);
}

export function mockNoCheckRuns(): void {
  nock(API)
    .get(/\/repos\/acme\/shop\/commits\/[0-9a-f]{40}\/check-runs/)
    .reply(200, { total_count: 0, check_runs: [] });
}

export function captureReview(pullNumber: number, id = 808): Record<string, unknown>[] {
  return capture("post", `${REPO_PATH}/pulls/${pullNumber}/reviews`, () => [200, { id }]);
}

export { REPO_PATH };

/** Every read of one PR analysis: run, config, one SARIF artifact, the PR, its files and threads. */
export function mockPullAnalysis(options: {
  run: RunOptions;
  sarif: string;
  files: PullFile[];
  /** The PR is read once to resolve it and once more before a review is posted. */
  pullReads?: number;
  threads?: ThreadMock[];
  /** `.github/guardrail.yml`; none by default. */
  config?: string | null;
}): void {
  const runId = options.run.runId ?? 9001;
  const pull = options.run.pullNumbers?.[0] ?? 7;
  mockRun(options.run);
  mockConfig(options.config ?? null);
  mockArtifacts(
    [{ id: runId, name: "semgrep-sarif", zip: zipOf({ "semgrep.sarif": options.sarif }) }],
    runId,
  );
  mockPull({ number: pull }, options.pullReads ?? 2);
  mockPullFiles(pull, options.files);
  mockReviewComments(pull, options.threads ?? []);
}
