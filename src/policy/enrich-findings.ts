/**
 * Marks findings known-exploited (CISA KEV) and scores them (FIRST EPSS) by their CVE ids, so
 * gate rules can test `finding.kev` and `finding.epss`. A dataset that could not be read leaves
 * the findings unenriched and says so in the summary: a rule on `finding.kev` then sees `false`.
 */
import type { Finding, Note } from "../findings/finding.js";

export type Dataset<T> = { ok: true; data: T } | { ok: false; reason: string } | null;

export interface EnrichmentData {
  /** null: not wanted (config off, or no finding has a CVE id). */
  kev: Dataset<ReadonlySet<string>>;
  epss: Dataset<ReadonlyMap<string, number>>;
}

export function enrichFindings(
  findings: readonly Finding[],
  data: EnrichmentData,
): { findings: Finding[]; notes: Note[] } {
  const notes: Note[] = [];
  const withCve = findings.filter((f) => (f.cve?.length ?? 0) > 0).length;
  if (data.kev?.ok === false) notes.push(unavailable("KEV catalogue", data.kev.reason, withCve));
  if (data.epss?.ok === false) notes.push(unavailable("EPSS scores", data.epss.reason, withCve));
  const kev = data.kev?.ok === true ? data.kev.data : null;
  const epss = data.epss?.ok === true ? data.epss.data : null;
  const out = findings.map((finding): Finding => {
    const cves = finding.cve ?? [];
    if (cves.length === 0 || (kev === null && epss === null)) return finding;
    const enriched: Finding = { ...finding };
    if (kev !== null) enriched.kev = cves.some((cve) => kev.has(cve));
    if (epss !== null) {
      // Several CVEs in one advisory: the most likely to be exploited speaks for the finding.
      const scores = cves.map((cve) => epss.get(cve)).filter((s): s is number => s !== undefined);
      if (scores.length > 0) enriched.epss = Math.max(...scores);
    }
    return enriched;
  });
  return { findings: out, notes };
}

function unavailable(what: string, reason: string, withCve: number): Note {
  return {
    level: "warning",
    source: "enrichment",
    message:
      `The ${what} could not be read (${reason}): ${withCve} finding${withCve === 1 ? "" : "s"} ` +
      `with CVE ids ${withCve === 1 ? "is" : "are"} not enriched, and rules on ` +
      `${what.startsWith("KEV") ? "finding.kev see false" : "finding.epss see 0"}.`,
  };
}
