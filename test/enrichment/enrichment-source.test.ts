import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import nock from "nock";
import { createEnrichmentSource } from "../../src/enrichment/enrichment-source.js";

const KEV_FILE = "test/fixtures/enrichment/known_exploited_vulnerabilities.json";
const EPSS_FILE = "test/fixtures/enrichment/epss_scores-current.csv";
const DAY = 86_400_000;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe("KEV and EPSS sources", () => {
  it("reads GUARDRAIL_KEV_FILE / GUARDRAIL_EPSS_FILE in the published formats", async () => {
    const source = createEnrichmentSource({
      kevFile: KEV_FILE,
      epssFile: EPSS_FILE,
      refreshMs: DAY,
    });
    const kev = await source.kev();
    const epss = await source.epss();
    expect(kev.ok && [...kev.data]).toEqual(["CVE-2021-44228", "CVE-2019-1551"]);
    expect(epss.ok && epss.data.get("CVE-2021-44228")).toBe(0.94358);
    expect(epss.ok && epss.data.size).toBe(4);
  });

  it("fetches from CISA and FIRST (gzipped CSV) and keeps the data for the refresh period", async () => {
    let clock = 0;
    nock("https://www.cisa.gov")
      .get("/sites/default/files/feeds/known_exploited_vulnerabilities.json")
      .reply(200, readFileSync(KEV_FILE));
    nock("https://epss.empiricalsecurity.com")
      .get("/epss_scores-current.csv.gz")
      .reply(200, gzipSync(readFileSync(EPSS_FILE)));
    const source = createEnrichmentSource({ refreshMs: DAY, now: () => clock });
    expect((await source.kev()).ok).toBe(true);
    expect(await source.epss()).toMatchObject({ ok: true });
    clock = DAY - 1;
    // Within the refresh period: no second request (nock would refuse it).
    expect((await source.kev()).ok).toBe(true);
    clock = DAY + 1;
    nock("https://www.cisa.gov")
      .get("/sites/default/files/feeds/known_exploited_vulnerabilities.json")
      .reply(503, "busy");
    // A failed refresh keeps serving the data read before.
    const stale = await source.kev();
    expect(stale.ok && stale.data.has("CVE-2021-44228")).toBe(true);
  });

  it("an unreachable or garbled source answers ok: false with the reason, never throws", async () => {
    nock("https://www.cisa.gov")
      .get("/sites/default/files/feeds/known_exploited_vulnerabilities.json")
      .reply(200, { data: [] });
    const source = createEnrichmentSource({ refreshMs: DAY, epssFile: "/nonexistent/epss.csv" });
    expect(await source.kev()).toEqual({
      ok: false,
      reason: "not a KEV catalogue (expected {vulnerabilities: [{cveID, …}]})",
    });
    expect(await source.epss()).toEqual({
      ok: false,
      reason: "ENOENT: no such file or directory, open '/nonexistent/epss.csv'",
    });
  });

  it("concurrent analyses share one download", async () => {
    nock("https://www.cisa.gov")
      .get("/sites/default/files/feeds/known_exploited_vulnerabilities.json")
      .once()
      .reply(200, readFileSync(KEV_FILE));
    const source = createEnrichmentSource({ refreshMs: DAY });
    const both = await Promise.all([source.kev(), source.kev()]);
    expect(both.map((lookup) => lookup.ok)).toEqual([true, true]);
  });
});
