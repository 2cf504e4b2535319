/** Reading the real SARIF fixtures once per test file. */
import { readdirSync, readFileSync } from "node:fs";
import type { RawFinding } from "../../src/findings/finding.js";
import { normaliseSarif } from "../../src/sarif/normalise.js";
import { readSarif } from "../../src/sarif/read-sarif.js";

const ROOT = new URL("../fixtures/sarif/", import.meta.url);

export function fixtureFiles(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(new URL(`${dir.name}/`, ROOT)).map((file) => `${dir.name}/${file}`),
    )
    .sort();
}

const cache = new Map<string, ReturnType<typeof readSarif>>();
export function read(file: string): ReturnType<typeof readSarif> {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const outcome = readSarif(readFileSync(new URL(file, ROOT)), file);
  cache.set(file, outcome);
  return outcome;
}

export function findings(file: string): RawFinding[] {
  const outcome = read(file);
  if (!outcome.ok) throw new Error(`${file} was refused`);
  return normaliseSarif(outcome.log, { source: file }).findings;
}
