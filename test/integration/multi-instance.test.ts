import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { createPgBossQueue } from "../../src/queue/pg-boss-queue.js";
import { openStore } from "../../src/store/open-store.js";
import { REPO_PATH } from "../helpers/github-mocks.js";
import { pullRequestApi, workflowRunApi, workflowRunCompleted } from "../helpers/payloads.js";
import { freshSchema, postgresReachable } from "../helpers/postgres.js";
import { DB_PATCH, sarifLog } from "../helpers/sarif.js";
import { API, createTestApp, mockAppAuth, type TestApp } from "../helpers/test-app.js";
import { zipOf } from "../helpers/zip.js";

const RUNS = 25;
const runIds = Array.from({ length: RUNS }, (_, i) => 1001 + i);
const pullOf = (runId: number) => runId - 1000;
const shaOf = (runId: number) => runId.toString(16).padStart(40, "0");
const runOptions = (runId: number) => ({
  runId,
  pullNumbers: [pullOf(runId)],
  headSha: shaOf(runId),
  headBranch: `feature-${pullOf(runId)}`,
});
const ZIP = zipOf({
  "semgrep.sarif": sarifLog([{ uri: "src/db.js", startLine: 12, lineHash: "1:1" }]),
});

/** A stateless fake of the routes an analysis calls, counting the writes. */
function fakeGitHub(): { reviews: Map<number, number>; checkRuns: Map<string, number> } {
  const reviews = new Map<number, number>();
  const checkRuns = new Map<string, number>();
  const api = nock(API).persist();
  api
    .get(/\/repos\/acme\/shop\/actions\/runs\/(\d+)$/)
    .reply((uri) => [200, workflowRunApi(runOptions(Number(/(\d+)$/.exec(uri)![1])))]);
  api.get(/\/contents\/\.github%2Fguardrail\.yml/).reply(404, { message: "Not Found" });
  api.get(/\/actions\/runs\/(\d+)\/artifacts/).reply((uri) => {
    const id = Number(/runs\/(\d+)\//.exec(uri)![1]);
    return [
      200,
      {
        total_count: 1,
        artifacts: [{ id, name: "semgrep-sarif", size_in_bytes: ZIP.length, expired: false }],
      },
    ];
  });
  api.get(/\/actions\/artifacts\/\d+\/zip/).reply(200, ZIP, { "content-type": "application/zip" });
  api.get(/\/repos\/acme\/shop\/pulls\/(\d+)$/).reply((uri) => {
    const pull = Number(/(\d+)$/.exec(uri)![1]);
    return [
      200,
      pullRequestApi({ number: pull, headSha: shaOf(pull + 1000), headRef: `feature-${pull}` }),
    ];
  });
  api.get(/\/pulls\/\d+\/comments/).reply(200, []);
  api
    .get(/\/pulls\/\d+\/files/)
    .reply(200, [{ filename: "src/db.js", status: "modified", patch: DB_PATCH }]);
  api.post("/graphql").reply(200, {
    data: {
      repository: {
        pullRequest: {
          reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        },
      },
    },
  });
  api.post(/\/pulls\/(\d+)\/reviews/).reply((uri) => {
    const pull = Number(/pulls\/(\d+)\//.exec(uri)![1]);
    reviews.set(pull, (reviews.get(pull) ?? 0) + 1);
    return [200, { id: pull }];
  });
  api.get(/\/commits\/[0-9a-f]{40}\/check-runs/).reply(200, { total_count: 0, check_runs: [] });
  api.post(`${REPO_PATH}/check-runs`).reply((_uri, body) => {
    const id = (body as { external_id: string }).external_id;
    checkRuns.set(id, (checkRuns.get(id) ?? 0) + 1);
    return [201, { id: checkRuns.size }];
  });
  return { reviews, checkRuns };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

const reachable = await postgresReachable();
const describePostgres = reachable ? describe : describe.skip;
if (!reachable) process.stderr.write("multi-instance tests skipped: PostgreSQL is not reachable\n");

describePostgres("two instances on one PostgreSQL", () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    schema = await freshSchema();
    for (let i = 0; i < 2; i += 1) {
      const store = await openStore(schema.url);
      apps.push(
        await createTestApp({
          store,
          queue: (queueStore) =>
            createPgBossQueue({
              deliveries: queueStore.deliveries,
              connectionString: schema.url,
              schema: `${schema.name}_boss`,
              workers: 2,
              maxAttempts: 3,
              log: pino({ level: "silent" }),
            }),
        }),
      );
    }
  });

  afterAll(async () => {
    for (const app of apps) {
      await app.queue.stop();
      await app.close();
    }
    await schema.drop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("runs each of 50 interleaved deliveries' analyses exactly once, with no duplicate review", async () => {
    mockAppAuth();
    const github = fakeGitHub();
    const deliveries = runIds.flatMap((runId) => [runId, runId]).sort(() => Math.random() - 0.5);
    await Promise.all(
      deliveries.map((runId, i) =>
        apps[i % 2]!.probot.receive({
          id: `delivery-${runId}`,
          name: "workflow_run",
          payload: workflowRunCompleted(runOptions(runId)) as never,
        }),
      ),
    );
    for (const app of apps) await app.queue.start(app.runner);

    await waitFor(() => github.checkRuns.size === RUNS, 60_000);
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive now

    expect([...github.checkRuns.values()]).toEqual(Array(RUNS).fill(1));
    expect([...github.checkRuns.keys()].sort()).toEqual(runIds.map((id) => `${id}:1`).sort());
    expect(github.reviews.size).toBe(RUNS);
    expect([...github.reviews.values()].every((count) => count === 1)).toBe(true);
  }, 90_000);
});
