import type { GuardrailConfig } from "../config/schema.js";
import type { Finding, Note } from "../findings/finding.js";
import { enrichFindings, type EnrichmentData } from "../policy/enrich-findings.js";
import type { EnrichmentSource } from "./enrichment-source.js";

/**
 * Enrichment for one analysis: a dataset is read only when the config wants it and some finding
 * has a CVE id to look up (most SAST-only repositories never cost a download).
 */
export async function enrichAnalysis(
  source: EnrichmentSource,
  findings: Finding[],
  config: Pick<GuardrailConfig, "enrichment">,
): Promise<{ findings: Finding[]; notes: Note[] }> {
  const anyCve = findings.some((f) => (f.cve?.length ?? 0) > 0);
  const data: EnrichmentData = {
    kev: anyCve && config.enrichment.kev ? await source.kev() : null,
    epss: anyCve && config.enrichment.epss ? await source.epss() : null,
  };
  return enrichFindings(findings, data);
}
