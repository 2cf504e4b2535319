import { describe, expect, it } from "@jest/globals";
import { enrichFindings, type EnrichmentData } from "../../src/policy/enrich-findings.js";
import { finding } from "./finding-factory.js";

const KEV = new Set(["CVE-2021-44228"]);
const EPSS = new Map([
  ["CVE-2021-44228", 0.94],
  ["CVE-2021-45046", 0.97],
]);

describe("enrichFindings", () => {
  it.each<[string, string[] | undefined, EnrichmentData, { kev?: boolean; epss?: number }]>([
    [
      "in the catalogue",
      ["CVE-2021-44228"],
      { kev: { ok: true, data: KEV }, epss: null },
      { kev: true },
    ],
    [
      "not in the catalogue",
      ["CVE-2020-0001"],
      { kev: { ok: true, data: KEV }, epss: null },
      { kev: false },
    ],
    [
      "several CVEs: the highest EPSS",
      ["CVE-2021-44228", "CVE-2021-45046"],
      { kev: { ok: true, data: KEV }, epss: { ok: true, data: EPSS } },
      { kev: true, epss: 0.97 },
    ],
    ["no CVE: untouched", [], { kev: { ok: true, data: KEV }, epss: { ok: true, data: EPSS } }, {}],
    [
      "unavailable data: untouched",
      ["CVE-2021-44228"],
      { kev: { ok: false, reason: "x" }, epss: null },
      {},
    ],
    ["not wanted: untouched", ["CVE-2021-44228"], { kev: null, epss: null }, {}],
  ])("%s", (_name, cve, data, expected) => {
    const [out] = enrichFindings([finding({ cve: cve ?? [] })], data).findings;
    expect({ kev: out?.kev, epss: out?.epss }).toEqual({
      kev: undefined,
      epss: undefined,
      ...expected,
    });
  });

  it("says in the summary which source was unreachable and what that means for rules", () => {
    const { notes } = enrichFindings([finding(), finding({ cve: [] })], {
      kev: { ok: false, reason: "ENOTFOUND www.cisa.gov" },
      epss: { ok: false, reason: "epss.empiricalsecurity.com answered 503" },
    });
    expect(notes).toEqual([
      {
        level: "warning",
        source: "enrichment",
        message:
          "The KEV catalogue could not be read (ENOTFOUND www.cisa.gov): 1 finding with CVE ids is not enriched, and rules on finding.kev see false.",
      },
      {
        level: "warning",
        source: "enrichment",
        message:
          "The EPSS scores could not be read (epss.empiricalsecurity.com answered 503): 1 finding with CVE ids is not enriched, and rules on finding.epss see 0.",
      },
    ]);
  });
});
