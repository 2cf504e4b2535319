import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createRoutes } from "../../src/http/routes.js";
import { refreshGauges } from "../../src/metrics/refresh-gauges.js";
import {
  capture,
  mockConfig,
  mockPull,
  mockPullFiles,
  mockThreads,
  REPO_PATH,
} from "../helpers/github-mocks.js";
import { deliverRun } from "../helpers/integration.js";
import { issueCommentCreated } from "../helpers/payloads.js";
import type { ResultSpec } from "../helpers/sarif.js";
import { API, createTestApp, mockAppAuth, type TestApp } from "../helpers/test-app.js";
import { dropLifecycleSchemas, lifecycleStores } from "./lifecycle-stores.js";
import { mockPullRun, mockSarifRun, mockSource, pullRequestOpened } from "./lifecycle-history.js";

// OLD predates Guardrail; ESC is added by PR 7 and merged unresolved; STOP is added by PR 7 and
// fixed before merge; DIRECT lands on main without any PR analysis.
const OLD: ResultSpec = { uri: "src/db.js", startLine: 3, ruleId: "js.sqli", lineHash: "1111:1" };
const ESC: ResultSpec = { uri: "src/db.js", startLine: 13, ruleId: "js.xss", lineHash: "2222:1" };
const STOP: ResultSpec = { uri: "src/db.js", startLine: 14, ruleId: "js.eval", lineHash: "3333:1" };
const DIRECT: ResultSpec = {
  uri: "src/db.js",
  startLine: 20,
  ruleId: "js.redos",
  level: "note",
  lineHash: "4444:1",
};
const PATCH = "@@ -10,2 +10,5 @@\n a\n b\n+x\n+esc\n+stop";
const PATCH_FIXED = "@@ -10,2 +10,4 @@\n a\n b\n+x\n+esc";
const HIST = "guardrail_finding_resolution_seconds";
const MAIN = { event: "push", headBranch: "main", pullNumbers: [] };

async function scrape(app: TestApp): Promise<string[]> {
  const routes = createRoutes({
    registry: app.deps.metrics.registry,
    isStopping: () => false,
    checks: {},
    beforeScrape: () => refreshGauges(app.deps),
  });
  const server = createServer((req, res) => void routes(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  nock.enableNetConnect("127.0.0.1");
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    return (await res.text()).split("\n");
  } finally {
    nock.disableNetConnect();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function push(
  app: TestApp,
  runId: number,
  sha: string,
  results: ResultSpec[],
  reads: boolean,
) {
  mockSarifRun({ ...MAIN, runId, headSha: sha }, results);
  if (reads) mockSource(sha);
  await deliverRun(app, { ...MAIN, runId, headSha: sha });
  await app.runJobs();
}

const STORES = await lifecycleStores();

describe.each(STORES)("lifecycle metrics over a realistic history (%s)", (_kind, open) => {
  const harness = {} as { app: TestApp };
  beforeAll(() => nock.disableNetConnect());
  afterAll(async () => {
    nock.enableNetConnect();
    await dropLifecycleSchemas();
  });
  beforeEach(async () => {
    harness.app = await createTestApp({ store: await open() });
    mockAppAuth();
  });
  afterEach(async () => {
    const pending = nock
      .pendingMocks()
      .filter((m) => !m.includes("/access_tokens") && !m.endsWith("/app"));
    nock.cleanAll();
    await harness.app.close();
    expect(pending).toEqual([]);
  });

  it("escapes, prevents, fixes and suppresses, and /metrics says so", async () => {
    const { app } = harness;
    await push(app, 500, "1".repeat(40), [OLD], true);

    await app.probot.receive({
      id: "pr-7",
      name: "pull_request",
      payload: pullRequestOpened(7) as never,
    });
    await app.probot.receive({
      id: "pr-8",
      name: "pull_request",
      payload: pullRequestOpened(8) as never,
    });
    const reviews = mockPullRun(7, PATCH, [OLD, ESC, STOP], 501);
    await deliverRun(app, { runId: 501, pullNumbers: [7] });
    await app.runJobs();
    expect(reviews).toHaveLength(1);
    mockPullRun(7, PATCH_FIXED, [OLD, ESC], 502);
    await deliverRun(app, { runId: 502, pullNumbers: [7] });
    await app.runJobs();

    await push(app, 503, "3".repeat(40), [OLD, ESC, DIRECT], true);
    await push(app, 504, "4".repeat(40), [ESC, DIRECT], false);

    const esc = await app.store.lifecycle.ofRule("acme/shop", "semgrep", "js.xss");
    expect(esc.map((r) => [r.firstSeenRef, r.escaped, r.resolution])).toEqual([
      ["pr:7", true, null],
    ]);
    nock(API).post(`${REPO_PATH}/issues/comments/5001/reactions`).reply(201, {});
    nock(API)
      .get(`${REPO_PATH}/collaborators/alice/permission`)
      .reply(200, { permission: "write", role_name: "write" });
    mockConfig();
    mockPull({ number: 7 });
    mockPullFiles(7, [{ filename: "src/db.js", patch: PATCH_FIXED }]);
    mockThreads();
    capture("patch", /\/check-runs\/\d+$/, () => [200, {}]);
    capture("post", `${REPO_PATH}/issues/7/comments`, () => [201, {}]);
    await app.probot.receive({
      id: "cmd",
      name: "issue_comment",
      payload: issueCommentCreated({
        pullNumber: 7,
        body: `/guardrail ignore ${esc[0]?.findingId ?? ""} accepted-risk behind the WAF`,
      }) as never,
    });
    await app.runJobs();

    const lines = await scrape(app);
    const value = (series: string) => lines.find((l) => l.startsWith(`${series} `))?.split(" ")[1];
    const repo = 'repo="acme/shop"';
    // The rules' severities (sarif helper): js.sqli high, js.xss and js.eval medium, js.redos low.
    expect({
      escapedMedium: value(`guardrail_findings_escaped_total{${repo},severity="medium"}`),
      escapedLow: value(`guardrail_findings_escaped_total{${repo},severity="low"}`),
      escapedHigh: value(`guardrail_findings_escaped_total{${repo},severity="high"}`),
      preventedMedium: value(`guardrail_findings_prevented_total{${repo},severity="medium"}`),
      openLow: value(`guardrail_findings_open{${repo},tool="semgrep",severity="low"}`),
      openHigh: value(`guardrail_findings_open{${repo},tool="semgrep",severity="high"}`),
      openMedium: value(`guardrail_findings_open{${repo},tool="semgrep",severity="medium"}`),
      fixedHigh: value(`${HIST}_count{tool="semgrep",severity="high",resolution="fixed"}`),
      fixedMedium: value(`${HIST}_count{tool="semgrep",severity="medium",resolution="fixed"}`),
      suppressed: value(`${HIST}_count{tool="semgrep",severity="medium",resolution="suppressed"}`),
      scanned: value(`guardrail_pull_requests_total{${repo},scanned="true"}`),
      unscanned: value(`guardrail_pull_requests_total{${repo},scanned="false"}`),
      suppressions: value(
        `guardrail_suppressions_active{${repo},reason="accepted-risk",status="active"}`,
      ),
      escapeRate: value("guardrail_vulnerability_escape_rate"),
    }).toEqual({
      // ESC: reported in PR 7 and merged unresolved; DIRECT: never reported.
      escapedMedium: "1",
      escapedLow: "1",
      // OLD was in main's first baseline: pre-existing, never an escape.
      escapedHigh: "0",
      // STOP: reported in PR 7, gone from its next run before merge.
      preventedMedium: "1",
      openLow: "1",
      // OLD fixed on main, ESC suppressed: nothing high or medium is open.
      openHigh: undefined,
      openMedium: undefined,
      fixedHigh: "1",
      fixedMedium: "1",
      suppressed: "1",
      // PR 7 was analysed; PR 8 was opened and never analysed.
      scanned: "1",
      unscanned: "1",
      suppressions: "1",
      escapeRate: String(2 / 3),
    });
  });

  it("carries no unbounded label on any series", async () => {
    const { app } = harness;
    await app.store.lifecycle.recordDefaultBranch({
      repo: "acme/shop",
      branch: "main",
      at: Date.now(),
      tools: ["trivy"],
      firstBaselineTools: new Set(),
      findings: [
        {
          fingerprint: "v1:abc",
          findingId: "GR-0badc0de",
          tool: "trivy",
          rule: "CVE-2024-3094",
          severity: "critical",
          path: "node_modules/xz/index.js",
          line: 1,
          message: "CVE-2024-3094 in xz",
        },
      ],
    });
    const lines = (await scrape(app)).filter((l) => l.startsWith("guardrail_"));
    expect(lines.length).toBeGreaterThan(0);
    const labelNames = new Set(
      lines.flatMap((l) => [...l.matchAll(/([a-z_]+)="/g)].map((m) => m[1])),
    );
    const allowed = [
      "repo",
      "tool",
      "severity",
      "resolution",
      "le",
      "scanned",
      "reason",
      "status",
      "state",
      "event",
      "outcome",
      "name",
      "route_class",
      "installation",
      "disposition",
      "action",
    ];
    expect([...labelNames].filter((n) => n !== undefined && !allowed.includes(n))).toEqual([]);
    const text = lines.join("\n");
    for (const unbounded of ["CVE-2024-3094", "GR-0badc0de", "node_modules", "v1:abc"]) {
      expect(text).not.toContain(unbounded);
    }
    expect(text).toContain(
      'guardrail_findings_open{repo="acme/shop",tool="trivy",severity="critical"} 1',
    );
  });
});
