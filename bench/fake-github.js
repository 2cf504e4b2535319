/**
 * A local fake of the GitHub API routes Guardrail calls (see src/github/*.ts), on 127.0.0.1 with
 * a fixed latency per request. It counts requests by method + route, keeps the review threads
 * Guardrail's reviews create (so a re-run sees them), and notes when each write arrived.
 */
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { HEAD_SHA, OWNER, REPO, REPO_ID } from "./payloads.js";

export const APP_SLUG = "guardrail";
const PREFIX = "/api/v3";
const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const CONFIG_PATH = "/contents/.github%2Fguardrail.yml";

/**
 * @param {{ latencyMs: number, zip: Uint8Array, files: Map<string, Uint8Array>,
 *   pullFiles: object[], configYaml?: string }} scenario
 */
export async function startFakeGitHub(scenario) {
  const state = {
    counts: new Map(),
    /** Writes in arrival order: { route, at } (performance.now()). */
    writes: [],
    /** Every request in arrival order: { route, at }. */
    timeline: [],
    threads: [],
    checkRuns: [],
    checkRunPosts: [],
    annotationsPosted: 0,
    inlineCommentsPosted: 0,
    nextId: 1000,
  };
  const blobs = new Map(
    [...scenario.files].map(([path, content]) => [blobSha(content), { path, content }]),
  );
  let base = "";

  const routes = [
    [
      "POST",
      /^\/app\/installations\/\d+\/access_tokens$/,
      "POST access_tokens",
      () => [201, token()],
    ],
    ["GET", /^\/app$/, "GET /app", () => [200, { id: 4242, slug: APP_SLUG, name: "Guardrail" }]],
    [
      "GET",
      re(`${REPO_PATH}/actions/runs/(\\d+)`),
      "GET runs/:id",
      (m) => [200, workflowRun(Number(m[1]))],
    ],
    [
      "GET",
      re(`${REPO_PATH}${CONFIG_PATH}`),
      "GET contents/guardrail.yml",
      () => config(scenario.configYaml),
    ],
    [
      "GET",
      re(`/repos/${OWNER}/\\.github${CONFIG_PATH}`),
      "GET org .github contents",
      () => [404, notFound()],
    ],
    [
      "GET",
      re(`${REPO_PATH}/actions/runs/\\d+/artifacts`),
      "GET runs/:id/artifacts",
      () => [200, artifacts(scenario.zip)],
    ],
    [
      "GET",
      re(`${REPO_PATH}/actions/artifacts/(\\d+)/zip`),
      "GET artifacts/:id/zip (302)",
      (m) => [302, "", { location: `${base}/download/artifact-${m[1]}.zip?sig=bench` }],
    ],
    [
      "GET",
      /^\/download\/artifact-\d+\.zip$/,
      "GET download (storage host)",
      () => [200, Buffer.from(scenario.zip), { "content-type": "application/zip" }],
    ],
    ["GET", re(`${REPO_PATH}/pulls/(\\d+)`), "GET pulls/:n", (m) => [200, pull(Number(m[1]))]],
    [
      "GET",
      re(`${REPO_PATH}/pulls/\\d+/files`),
      "GET pulls/:n/files",
      (_m, url) => page(base, url, scenario.pullFiles.map(pullFile)),
    ],
    [
      "GET",
      re(`${REPO_PATH}/pulls/\\d+/comments`),
      "GET pulls/:n/comments",
      (_m, url) => page(base, url, reviewComments(state)),
    ],
    ["POST", /^(\/api)?(\/v3)?\/graphql$/, "POST graphql", (_m, _u, body) => graphql(state, body)],
    [
      "POST",
      re(`${REPO_PATH}/pulls/\\d+/reviews`),
      "POST reviews",
      (_m, _u, body) => review(state, body),
    ],
    [
      "DELETE",
      re(`${REPO_PATH}/pulls/\\d+/reviews/\\d+`),
      "DELETE pending review",
      () => [200, {}],
    ],
    [
      "POST",
      re(`${REPO_PATH}/pulls/\\d+/comments/\\d+/replies`),
      "POST comment reply",
      () => [201, { id: state.nextId++ }],
    ],
    [
      "POST",
      re(`${REPO_PATH}/check-runs`),
      "POST check-runs",
      (_m, _u, body) => checkRun(state, body),
    ],
    [
      "GET",
      re(`${REPO_PATH}/commits/[0-9a-f]+/check-runs`),
      "GET commits/:sha/check-runs",
      () => [200, checkRuns(state)],
    ],
    [
      "PATCH",
      re(`${REPO_PATH}/check-runs/\\d+`),
      "PATCH check-runs/:id",
      (_m, _u, body) => checkRunPatch(state, body),
    ],
    [
      "GET",
      re(`${REPO_PATH}/git/trees/[0-9a-f]+`),
      "GET git/trees",
      () => [200, tree(scenario.files)],
    ],
    [
      "GET",
      re(`${REPO_PATH}/git/blobs/([0-9a-f]+)`),
      "GET git/blobs/:sha",
      (m) => blob(blobs, m[1]),
    ],
  ];

  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const path = url.pathname.startsWith(PREFIX)
        ? url.pathname.slice(PREFIX.length)
        : url.pathname;
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text === "" ? {} : JSON.parse(text);
      const route = routes.find(([method, pattern]) => method === req.method && pattern.test(path));
      const name = route ? route[2] : `UNKNOWN ${req.method} ${path}`;
      const label =
        name === "POST graphql"
          ? String(body.query).includes("mutation")
            ? "POST graphql (mutation)"
            : "POST graphql (query)"
          : name;
      state.counts.set(label, (state.counts.get(label) ?? 0) + 1);
      state.timeline.push({ route: label, at: performance.now() });
      if (isWrite(label)) state.writes.push({ route: label, at: performance.now() });
      const [status, payload, headers = {}] = route
        ? route[3](path.match(route[1]), url, body)
        : [404, notFound()];
      setTimeout(() => send(res, status, payload, headers), scenario.latencyMs);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  base = `http://127.0.0.1:${port}`;
  return {
    port,
    /** GHE_HOST value: Guardrail then calls http://127.0.0.1:<port>/api/v3. */
    gheHost: `127.0.0.1:${port}${PREFIX}`,
    state,
    resetCounts() {
      state.counts = new Map();
      state.writes = [];
      state.timeline = [];
      state.checkRunPosts = [];
      state.annotationsPosted = 0;
      state.inlineCommentsPosted = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Reads are free of the write throttle; these are what GitHub's secondary limits meter. */
export function isWrite(label) {
  return (
    label !== "POST access_tokens" && label !== "POST graphql (query)" && !label.startsWith("GET")
  );
}

function re(path) {
  return new RegExp(`^${path}$`);
}

function send(res, status, payload, headers) {
  const isBuffer = Buffer.isBuffer(payload);
  const data = isBuffer ? payload : typeof payload === "string" ? payload : JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": isBuffer ? "application/octet-stream" : "application/json; charset=utf-8",
    "x-ratelimit-remaining": "4999",
    ...headers,
  });
  res.end(data);
}

function notFound() {
  return { message: "Not Found", documentation_url: "https://docs.github.com/rest" };
}

function token() {
  return {
    token: "ghs_bench",
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
    permissions: {},
    repository_selection: "all",
  };
}

function config(yaml) {
  if (yaml === undefined) return [404, notFound()];
  return [200, yaml, { "content-type": "application/vnd.github.raw; charset=utf-8" }];
}

function repository() {
  return {
    id: REPO_ID,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { login: OWNER },
    default_branch: "main",
  };
}

function workflowRun(id) {
  return {
    id,
    name: "Security scan",
    event: "pull_request",
    status: "completed",
    conclusion: "success",
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${id}`,
    head_sha: HEAD_SHA,
    head_branch: "feature",
    head_repository: repository(),
    repository: repository(),
    pull_requests: [
      {
        number: 42,
        base: { ref: "main", repo: { id: REPO_ID } },
        head: { ref: "feature", sha: HEAD_SHA, repo: { id: REPO_ID } },
      },
    ],
  };
}

function artifacts(zip) {
  return {
    total_count: 1,
    artifacts: [
      {
        id: 501,
        name: "semgrep-sarif",
        size_in_bytes: zip.length,
        expired: false,
        archive_download_url: "unused",
      },
    ],
  };
}

function pull(number) {
  return {
    number,
    state: "open",
    user: { login: "dev", type: "User" },
    head: { sha: HEAD_SHA, ref: "feature", repo: { full_name: `${OWNER}/${REPO}` } },
    base: { ref: "main", sha: "b".repeat(40), repo: { full_name: `${OWNER}/${REPO}` } },
  };
}

function pullFile(file) {
  return { sha: "0".repeat(40), additions: 1, deletions: 0, changes: 1, ...file };
}

/** REST pagination as GitHub does it: `page`/`per_page` and a Link header to the next page. */
function page(base, url, items) {
  const perPage = Number(url.searchParams.get("per_page") ?? 30);
  const number = Number(url.searchParams.get("page") ?? 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  if (number * perPage >= items.length) return [200, slice];
  const next = new URL(url.href);
  next.searchParams.set("page", String(number + 1));
  return [200, slice, { link: `<${base}${url.pathname}${next.search}>; rel="next"` }];
}

/** The review comments Guardrail posted, as the REST list shows them (first comment of each thread). */
function reviewComments(state) {
  return state.threads.map((thread) => {
    const first = thread.comments.nodes[0];
    return {
      id: first.databaseId,
      body: first.body,
      user: { login: `${APP_SLUG}[bot]`, type: "Bot" },
    };
  });
}

function graphql(state, body) {
  if (!String(body.query).includes("reviewThreads"))
    return [200, { data: { thread: { id: "x" } } }];
  return [
    200,
    {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: state.threads,
            },
          },
        },
      },
    },
  ];
}

function review(state, body) {
  const id = state.nextId++;
  // A pending review (no event) is a probe: it creates no thread.
  if (body.event === "COMMENT") {
    for (const comment of body.comments ?? []) {
      state.inlineCommentsPosted += 1;
      state.threads.push({
        id: `T_${state.nextId}`,
        isResolved: false,
        comments: {
          nodes: [{ databaseId: state.nextId++, body: comment.body, author: { login: APP_SLUG } }],
        },
      });
    }
  }
  return [200, { id, body: body.body ?? "" }];
}

function checkRun(state, body) {
  const id = state.nextId++;
  state.checkRunPosts.push(performance.now());
  state.checkRuns.push({
    id,
    name: body.name,
    external_id: body.external_id,
    app: { slug: APP_SLUG },
  });
  state.annotationsPosted += body.output?.annotations?.length ?? 0;
  return [201, { id }];
}

function checkRuns(state) {
  return { total_count: state.checkRuns.length, check_runs: state.checkRuns };
}

function checkRunPatch(state, body) {
  state.annotationsPosted += body.output?.annotations?.length ?? 0;
  return [200, { id: 1 }];
}

function blobSha(content) {
  return createHash("sha1").update(content).digest("hex");
}

function tree(files) {
  return {
    sha: HEAD_SHA,
    truncated: false,
    tree: [...files].map(([path, content]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha: blobSha(content),
      size: content.length,
    })),
  };
}

function blob(blobs, sha) {
  const found = blobs.get(sha);
  if (!found) return [404, notFound()];
  return [
    200,
    {
      sha,
      size: found.content.length,
      encoding: "base64",
      content: Buffer.from(found.content).toString("base64"),
    },
  ];
}
