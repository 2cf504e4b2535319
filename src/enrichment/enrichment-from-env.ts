import { parseDuration } from "../policy/duration.js";
import { createEnrichmentSource, type EnrichmentSource } from "./enrichment-source.js";

const DEFAULT_REFRESH_MS = 24 * 3_600_000;

/** `GUARDRAIL_KEV_FILE`, `GUARDRAIL_EPSS_FILE`, `GUARDRAIL_ENRICHMENT_REFRESH` (validated in env.ts). */
export function enrichmentFromEnv(env: {
  GUARDRAIL_KEV_FILE?: string | undefined;
  GUARDRAIL_EPSS_FILE?: string | undefined;
  GUARDRAIL_ENRICHMENT_REFRESH?: string | undefined;
}): EnrichmentSource {
  return createEnrichmentSource({
    kevFile: env.GUARDRAIL_KEV_FILE || undefined,
    epssFile: env.GUARDRAIL_EPSS_FILE || undefined,
    refreshMs: parseDuration(env.GUARDRAIL_ENRICHMENT_REFRESH ?? "") ?? DEFAULT_REFRESH_MS,
  });
}
