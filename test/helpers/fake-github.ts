import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pullRequestApi, workflowRunApi, type RunOptions } from "./payloads.js";

type Handler = (req: IncomingMessage, body: unknown, match: RegExpMatchArray) => [number, unknown];

export interface FakeGitHub {
  /** `GHE_HOST` value pointing the app here (with GHE_PROTOCOL=http). */
  host: string;
  requests: string[];
  reviews: { pull: number; body: { comments: { body: string }[] } }[];
  checkRuns: { id: number; external_id: string; updates: number }[];
  /** Every request whose answer the fake held back (the test decides what happens next). */
  stalled: string[];
  /** Hold back the answer to the next request whose `METHOD path` ends with `suffix`. */
  stallNext(suffix: string): void;
  close(): Promise<void>;
}

/**
 * A stateful stand-in for the GitHub API on loopback, for tests that run the real server as a
 * process: posted reviews come back as review threads, created check runs are listed by commit.
 */
export async function startFakeGitHub(options: {
  run: RunOptions;
  zip: Buffer;
  pull: number;
}): Promise<FakeGitHub> {
  const state: Omit<FakeGitHub, "host" | "close" | "stallNext"> = {
    requests: [],
    reviews: [],
    checkRuns: [],
    stalled: [],
  };
  const stalls: string[] = [];
  const repo = "/api/v3/repos/acme/shop";
  const routes: [string, RegExp, Handler][] = [
    [
      "POST",
      /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/,
      () => [
        201,
        {
          token: "ghs_fake",
          expires_at: "2099-01-01T00:00:00Z",
          permissions: {},
          repository_selection: "all",
        },
      ],
    ],
    ["GET", /^\/api\/v3\/app$/, () => [200, { id: 1, slug: "guardrail" }]],
    ["GET", new RegExp(`^${repo}/actions/runs/\\d+$`), () => [200, workflowRunApi(options.run)]],
    ["GET", /\/contents\/\.github%2Fguardrail\.yml$/, () => [404, { message: "Not Found" }]],
    [
      "GET",
      new RegExp(`^${repo}/actions/runs/\\d+/artifacts`),
      () => [
        200,
        {
          total_count: 1,
          artifacts: [
            { id: 1, name: "semgrep-sarif", size_in_bytes: options.zip.length, expired: false },
          ],
        },
      ],
    ],
    ["GET", new RegExp(`^${repo}/actions/artifacts/1/zip$`), () => [200, options.zip]],
    [
      "GET",
      new RegExp(`^${repo}/pulls/\\d+$`),
      () => [
        200,
        pullRequestApi({
          number: options.pull,
          ...(options.run.headSha ? { headSha: options.run.headSha } : {}),
        }),
      ],
    ],
    [
      "GET",
      new RegExp(`^${repo}/pulls/\\d+/files`),
      () => [
        200,
        [{ filename: "src/db.js", status: "modified", patch: "@@ -10,3 +10,4 @@\n a\n b\n+c\n d" }],
      ],
    ],
    ["GET", new RegExp(`^${repo}/pulls/\\d+/comments$`), () => [200, reviewComments(state)]],
    ["POST", /^\/api\/graphql$/, (_req, body) => [200, graphql(state, body as { query: string })]],
    [
      "POST",
      new RegExp(`^${repo}/pulls/(\\d+)/reviews$`),
      (_req, body, m) => {
        state.reviews.push({ pull: Number(m[1]), body: body as { comments: { body: string }[] } });
        return [200, { id: state.reviews.length }];
      },
    ],
    [
      "GET",
      new RegExp(`^${repo}/commits/[0-9a-f]{40}/check-runs`),
      () => [
        200,
        {
          total_count: state.checkRuns.length,
          check_runs: state.checkRuns.map((c) => ({
            id: c.id,
            external_id: c.external_id,
            app: { slug: "guardrail" },
          })),
        },
      ],
    ],
    [
      "POST",
      new RegExp(`^${repo}/check-runs$`),
      (_req, body) => {
        // Recorded before answering: GitHub may create it even when the caller never hears back.
        state.checkRuns.push({
          id: state.checkRuns.length + 1,
          external_id: (body as { external_id: string }).external_id,
          updates: 0,
        });
        return [201, { id: state.checkRuns.length }];
      },
    ],
    [
      "PATCH",
      new RegExp(`^${repo}/check-runs/(\\d+)$`),
      (_req, _body, m) => {
        const run = state.checkRuns.find((c) => c.id === Number(m[1]));
        if (run) run.updates += 1;
        return [200, { id: Number(m[1]) }];
      },
    ],
  ];

  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const path = (req.url ?? "").split("?")[0] ?? "";
    const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
    const name = `${req.method} ${path}`;
    state.requests.push(name);
    if (!route) {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ message: `fake: no route for ${name}` }));
      return;
    }
    const answer = route[2](
      req,
      text ? (JSON.parse(text) as unknown) : undefined,
      path.match(route[1])!,
    );
    const stall = stalls.findIndex((suffix) => name.endsWith(suffix));
    if (stall >= 0) {
      stalls.splice(stall, 1);
      state.stalled.push(name);
      return; // never answered: the test kills the caller meanwhile
    }
    const [status, payload] = answer;
    if (Buffer.isBuffer(payload))
      res.writeHead(status, { "content-type": "application/zip" }).end(payload);
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  }

  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    host: `127.0.0.1:${port}/api/v3`,
    stallNext(suffix: string) {
      stalls.push(suffix);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The reviews' comments as the REST list shows them: written by the App's bot user. */
function reviewComments(state: { reviews: { body: { comments: { body: string }[] } }[] }) {
  return state.reviews
    .flatMap((r) => r.body.comments)
    .map((c, i) => ({ id: 100 + i, body: c.body, user: { login: "guardrail[bot]", type: "Bot" } }));
}

/** Review threads made from the reviews posted so far, written by the App. */
function graphql(
  state: { reviews: { body: { comments: { body: string }[] } }[] },
  body: { query: string },
) {
  if (!body.query.includes("reviewThreads")) return { data: {} };
  const comments = state.reviews.flatMap((r) => r.body.comments);
  return {
    data: {
      repository: {
        pullRequest: {
          reviewThreads: {
            pageInfo: { hasNextPage: false, endCursor: null },
            nodes: comments.map((c, i) => ({
              id: `T${i}`,
              isResolved: false,
              comments: {
                nodes: [
                  {
                    databaseId: 100 + i,
                    body: c.body,
                    viewerDidAuthor: true,
                    author: { login: "guardrail" },
                  },
                ],
              },
            })),
          },
        },
      },
    },
  };
}
