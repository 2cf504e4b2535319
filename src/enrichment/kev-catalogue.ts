/**
 * CISA's Known Exploited Vulnerabilities catalogue, as published
 * (`known_exploited_vulnerabilities.json`): only `vulnerabilities[].cveID` matters here.
 */
import { z } from "zod";

export const KEV_URL =
  "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

const catalogue = z.object({
  vulnerabilities: z.array(z.object({ cveID: z.string() })),
});

/** Upper-cased CVE ids; throws when the document is not the catalogue. */
export function parseKevCatalogue(text: string): Set<string> {
  const parsed = catalogue.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error("not a KEV catalogue (expected {vulnerabilities: [{cveID, …}]})");
  }
  return new Set(parsed.data.vulnerabilities.map((v) => v.cveID.trim().toUpperCase()));
}
