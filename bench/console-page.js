/**
 * Benchmark: the security console's pages at organisation scale — 1,000 repositories visible to
 * the user, 100,000 lifecycle findings, 20,000 pull requests, 5,000 suppressions — each page
 * fetched over HTTP from the real console handler, signed in. Target: every page < 300 ms.
 *
 * GitHub is replaced by an in-process stand-in for the OAuth client (the user's repository list is
 * read once at sign-in and cached), so the figures are the console's own: queries + rendering.
 * Runs on SQLite (a file) and on PostgreSQL when TEST_DATABASE_URL (or the default) answers.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { pino } from "pino";
import { createConsoleHandler } from "../dist/console/console-routes.js";
import { openStore } from "../dist/store/open-store.js";
import { fixed, median, percentile, printTable, reportResult } from "./measure.js";

const REPOS = 1_000;
const FINDINGS = 100_000;
const PULLS = 20_000;
const SUPPRESSIONS = 5_000;
const RUNS = 15;
const COLD_RUNS = 7;
const TARGET_MS = 300;
const DAY = 86_400_000;
const SEVERITIES = ["critical", "high", "medium", "low", "note"];
const repoName = (i) => `acme/service-${String(i).padStart(4, "0")}`;

async function seed(store, now) {
  const db = store.db;
  const rows = [];
  for (let i = 0; i < FINDINGS; i += 1) {
    const age = (i % 180) * DAY + (i % 24) * 3_600_000;
    const resolved = i % 3 === 0 ? null : now - age + ((i % 20) + 1) * DAY;
    rows.push({
      repo: repoName(i % REPOS),
      fingerprint: `fp-${i}`,
      finding_id: `GR-${i.toString(16).padStart(8, "0")}`,
      tool: ["Semgrep OSS", "CodeQL", "Trivy", "Checkov"][i % 4],
      rule: `rule-${i % 300}`,
      severity: SEVERITIES[i % 5],
      path: `src/module-${i % 50}/file-${i % 13}.ts`,
      line: 1 + (i % 400),
      message: `Finding ${i}: user input reaches a sink`,
      first_seen_at: now - age,
      first_seen_ref: `pr:${i % 900}`,
      first_pr: i % 900,
      reported_at: now - age + 60_000,
      merged_at: i % 7 === 0 ? null : now - age + DAY,
      preexisting: i % 11 === 0 ? 1 : 0,
      escaped: i % 9 === 0 ? 1 : 0,
      prevented: i % 7 === 0 ? 1 : 0,
      resolved_at: resolved !== null && resolved < now ? resolved : null,
      resolution:
        resolved !== null && resolved < now ? (i % 5 === 0 ? "suppressed" : "fixed") : null,
      last_pr: i % 900,
      last_seen_at: now - DAY,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("finding_lifecycle")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  // What the lifecycle keeps per repo, tool and severity on every transition.
  const counts = new Map();
  for (const r of rows) {
    const key = `${r.repo}|${r.tool}|${r.severity}`;
    const c = counts.get(key) ?? {
      repo: r.repo,
      tool: r.tool,
      severity: r.severity,
      open: 0,
      escaped: 0,
      prevented: 0,
      fixed: 0,
      suppressed: 0,
    };
    c.open += (r.merged_at !== null || r.preexisting) && r.resolved_at === null ? 1 : 0;
    c.escaped += r.escaped;
    c.prevented += r.prevented;
    c.fixed += r.resolution === "fixed" ? 1 : 0;
    c.suppressed += r.resolution === "suppressed" ? 1 : 0;
    counts.set(key, c);
  }
  const countRows = [...counts.values()];
  for (let i = 0; i < countRows.length; i += 1000) {
    await db
      .insertInto("lifecycle_counts")
      .values(countRows.slice(i, i + 1000))
      .execute();
  }
  const pulls = Array.from({ length: PULLS }, (_, i) => ({
    repo: repoName(i % REPOS),
    number: i + 1,
    opened_at: now - (i % 120) * DAY,
    first_analysed_at: i % 10 === 0 ? null : now - (i % 120) * DAY + 90_000,
    first_feedback_ms: i % 10 === 0 ? null : 20_000 + (i % 50) * 1000,
    first_feedback_ms: i % 10 === 0 ? null : 20_000 + (i % 50) * 1000,
  }));
  for (let i = 0; i < pulls.length; i += 1000) {
    await db
      .insertInto("pull_requests")
      .values(pulls.slice(i, i + 1000))
      .execute();
  }
  const suppressions = Array.from({ length: SUPPRESSIONS }, (_, i) => ({
    repo: repoName(i % REPOS),
    scope_kind: "finding",
    fingerprint: `fp-${i * 20}`,
    tool: null,
    rule_id: null,
    path_glob: null,
    reason: "false-positive",
    justification: `Reviewed: input ${i} is validated`,
    author: `dev-${i % 40}`,
    created_at: now - (i % 200) * DAY,
    expires_at: i % 3 === 0 ? null : now + (i % 90) * DAY,
    source: null,
    status: "active",
    finding_id: `GR-${(i * 20).toString(16).padStart(8, "0")}`,
    decided_by: i % 4 === 0 ? "security-lead" : null,
    decided_at: null,
    decision_note: null,
  }));
  for (let i = 0; i < suppressions.length; i += 1000) {
    await db
      .insertInto("suppressions")
      .values(suppressions.slice(i, i + 1000))
      .execute();
  }
}

/** Stands in for GitHub: the user can reach all REPOS repositories through two installations. */
function fakeOAuth() {
  const repositories = Array.from({ length: REPOS }, (_, i) => ({
    full_name: repoName(i),
    html_url: `https://github.com/${repoName(i)}`,
  }));
  const octokit = {
    request: async () => ({ data: { login: "sec-lead" } }),
    paginate: async (route, params) =>
      route === "GET /user/installations"
        ? [{ id: 1 }, { id: 2 }]
        : repositories.filter((_, i) => i % 2 === params.installation_id - 1),
  };
  return {
    authorizeUrl: (state) => `https://github.invalid/login/oauth/authorize?state=${state}`,
    exchange: async () => "ghu_bench",
    asUser: () => octokit,
  };
}

async function signIn(base) {
  const login = await fetch(`${base}/console/login`, { redirect: "manual" });
  const stateCookie = login.headers.getSetCookie()[0].split(";")[0];
  const state = new URL(login.headers.get("location")).searchParams.get("state");
  const back = await fetch(`${base}/console/auth/callback?code=c&state=${state}`, {
    redirect: "manual",
    headers: { cookie: stateCookie },
  });
  return back.headers
    .getSetCookie()
    .find((c) => c.startsWith("guardrail_session="))
    .split(";")[0];
}

async function startConsole(store, config) {
  const log = pino({ level: "silent" });
  const handler = createConsoleHandler({ config, store, log, oauth: fakeOAuth() });
  const server = createServer((req, res) => void handler(req, res));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${server.address().port}`;
  const cookie = await signIn(base);
  return { base, cookie, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function measure(kind, databaseUrl) {
  const store = await openStore(databaseUrl);
  const now = Date.now();
  const seeded = performance.now();
  await seed(store, now);
  const seedSeconds = (performance.now() - seeded) / 1000;
  const config = {
    clientId: "x",
    clientSecret: "y",
    sessionSecret: "bench-session-secret-0123456789abcdef",
    publicUrl: "http://127.0.0.1",
    apiBaseUrl: undefined,
    secureCookies: false,
    sessionTtlMs: 3_600_000,
  };
  const { base, cookie, close } = await startConsole(store, config);
  const pages = [
    "/console",
    "/console/suppressions",
    "/console/suppressions.csv",
    `/console/repos/${repoName(7)}`,
    `/console/repos/${repoName(7)}/findings/GR-${(7).toString(16).padStart(8, "0")}`,
  ];
  const results = [];
  for (const path of pages) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 2; i += 1) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i >= 2) times.push(performance.now() - t0); // the first two warm caches and the JIT
      bytes = body.length;
    }
    results.push({
      store: kind,
      path,
      medianMs: median(times),
      p95Ms: percentile(times, 95),
      bytes,
    });
  }
  await close();
  // Cold: a fresh console each time, so the overview's organisation-wide figures are read anew
  // (what the first view after start, or after ten idle minutes, costs).
  const cold = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const fresh = await startConsole(store, config);
    const t0 = performance.now();
    const res = await fetch(`${fresh.base}/console`, { headers: { cookie: fresh.cookie } });
    await res.text();
    cold.push(performance.now() - t0);
    await fresh.close();
  }
  results.unshift({
    store: kind,
    path: "/console (cold: figures read)",
    medianMs: median(cold),
    p95Ms: percentile(cold, 95),
    bytes: 0,
  });
  await store.close();
  return { seedSeconds, results };
}

async function postgresUrl() {
  const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const schema = `guardrail_bench_console_${process.pid}`;
  await client.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  await client.end();
  const scoped = new URL(url);
  scoped.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: scoped.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), "guardrail-bench-console-"));
const all = [];
try {
  const sqlite = await measure("sqlite", `sqlite:${join(dir, "console.db")}`);
  all.push(...sqlite.results);
  const postgres = await postgresUrl();
  if (postgres) {
    try {
      all.push(...(await measure("postgres", postgres.url)).results);
    } finally {
      await postgres.drop();
    }
  } else {
    console.log("(PostgreSQL not reachable: SQLite only)");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `\nConsole pages: ${REPOS} repositories, ${FINDINGS} findings, ${PULLS} PRs, ${SUPPRESSIONS} suppressions; median of ${RUNS}\n`,
);
printTable(
  ["store", "page", "median ms", "p95 ms", "KiB", `< ${TARGET_MS} ms`],
  all.map((r) => [
    r.store,
    r.path,
    fixed(r.medianMs, 1),
    fixed(r.p95Ms, 1),
    fixed(r.bytes / 1024, 0),
    r.p95Ms < TARGET_MS ? "met" : "MISSED",
  ]),
);
reportResult({ targetMs: TARGET_MS, results: all, met: all.every((r) => r.p95Ms < TARGET_MS) });
