import { loadConfig } from "../config/load-config.js";
import { parseConfig } from "../config/parse-config.js";
import type { GuardrailConfig } from "../config/schema.js";
import type { Note } from "../findings/finding.js";
import type { GitHub } from "../github/octokit.js";

export interface RepositoryConfig {
  config: GuardrailConfig;
  /** A config that does not load is a read error: the defaults apply and the check fails closed. */
  notes: Note[];
  readErrors: number;
}

/** `.github/guardrail.yml` of the default branch, or the defaults with a note saying why. */
export async function repositoryConfig(
  github: GitHub,
  where: { owner: string; repo: string },
): Promise<RepositoryConfig> {
  const loaded = await loadConfig(github, where);
  if (loaded.ok) return { config: loaded.config, notes: [], readErrors: 0 };
  return {
    // The defaults, still under the organisation's enforced policy when that could be read.
    config: loaded.fallback ?? defaultConfig(),
    notes: [{ level: "error", source: "repository config", message: loaded.error }],
    readErrors: 1,
  };
}

export function defaultConfig(): GuardrailConfig {
  const parsed = parseConfig(undefined);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}
