/**
 * FIRST's EPSS scores CSV, as published (`epss_scores-current.csv.gz`): a `#model_version:…`
 * comment line, a `cve,epss,percentile` header, then one row per CVE.
 */

export const EPSS_URL = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";

/** CVE id (upper case) → probability of exploitation in [0, 1]; throws on a file of another shape. */
export function parseEpssCsv(text: string): Map<string, number> {
  const lines = text.split(/\r?\n/).filter((line) => line !== "" && !line.startsWith("#"));
  const header = (lines.shift() ?? "").split(",").map((cell) => cell.trim().toLowerCase());
  const cveAt = header.indexOf("cve");
  const epssAt = header.indexOf("epss");
  if (cveAt < 0 || epssAt < 0)
    throw new Error("not an EPSS scores file (expected a cve,epss header)");
  const scores = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(",");
    const cve = cells[cveAt]?.trim().toUpperCase();
    const score = Number(cells[epssAt]);
    if (cve?.startsWith("CVE-") && Number.isFinite(score) && score >= 0 && score <= 1) {
      scores.set(cve, score);
    }
  }
  return scores;
}
