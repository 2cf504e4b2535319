/**
 * Reads `.github/guardrail.yml` through Probot's config plugin, which reads the default branch,
 * falls back to the organisation's `.github` repository and follows `_extends`.
 */
import { applyEnforce, type EnforceConfig } from "./apply-enforce.js";
import { parseConfig } from "./parse-config.js";
import type { GuardrailConfig } from "./schema.js";

export const CONFIG_PATH = ".github/guardrail.yml";

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  config: Record<string, unknown> | null;
}

/** The slice of a ProbotOctokit this needs (`octokit.config` from @probot/octokit-plugin-config). */
export interface ConfigReader {
  config: {
    get(options: { owner: string; repo: string; path: string }): Promise<{
      config: Record<string, unknown>;
      files: ConfigFile[];
    }>;
  };
}

export type LoadConfigResult =
  | { ok: true; config: GuardrailConfig; source: string[] }
  | {
      ok: false;
      error: string;
      /** The defaults with the organisation's enforced policy, when that could be read. */
      fallback?: GuardrailConfig;
    };

export async function loadConfig(
  octokit: ConfigReader,
  { owner, repo }: { owner: string; repo: string },
): Promise<LoadConfigResult> {
  let loaded: Awaited<ReturnType<ConfigReader["config"]["get"]>> | null = null;
  let repoError: string | null = null;
  try {
    loaded = await octokit.config.get({ owner, repo, path: CONFIG_PATH });
  } catch (error) {
    repoError = `Could not load ${CONFIG_PATH}: ${explain(error)}`;
  }
  // The organisation's policy is read first and whatever the repository's file holds: a broken
  // repository config falls back to the defaults, still under the enforced policy.
  const org = await organisationPolicy(octokit, owner, loaded?.files ?? []);
  if (!org.ok) return { ok: false, error: repoError ?? org.error };
  const withPolicy = (config: GuardrailConfig) => applyEnforce(config, org.enforce, org.raw);
  const fail = (error: string): LoadConfigResult => ({
    ok: false,
    error,
    fallback: withPolicy(defaults()),
  });
  if (loaded === null) return fail(repoError ?? "");

  const present = loaded.files.filter((file) => file.config !== null);
  // Each file is checked on its own first so an error names the file that holds the mistake.
  for (const file of present) {
    const checked = parseConfig(file.config);
    if (!checked.ok) return fail(`${describeFile(file)}:\n${checked.error}`);
  }
  // `enforce:` counts only from the organisation's own file, never from the repository's chain.
  const repoConfig = { ...loaded.config };
  delete repoConfig["enforce"];
  const merged = parseConfig(repoConfig);
  if (!merged.ok) return fail(`${CONFIG_PATH} (merged):\n${merged.error}`);
  const source = present.map(describeFile);
  if (org.source !== null && !source.includes(org.source)) source.push(org.source);
  return { ok: true, config: withPolicy(merged.config), source };
}

type OrganisationPolicy =
  | { ok: true; enforce: EnforceConfig | undefined; raw: unknown; source: string | null }
  | { ok: false; error: string };

/** The organisation file's `enforce:`, validated; only that key (the rest is others' config). */
async function organisationPolicy(
  octokit: ConfigReader,
  owner: string,
  files: ConfigFile[],
): Promise<OrganisationPolicy> {
  const org = await organisationFile(octokit, owner, files);
  if (!org.ok) return org;
  const raw = org.file?.config?.["enforce"];
  if (org.file === null || raw === undefined) {
    return { ok: true, enforce: undefined, raw: undefined, source: null };
  }
  const checked = parseConfig({ enforce: raw });
  if (!checked.ok) return { ok: false, error: `${describeFile(org.file)}:\n${checked.error}` };
  return { ok: true, enforce: checked.config.enforce, raw, source: describeFile(org.file) };
}

function defaults(): GuardrailConfig {
  const parsed = parseConfig(undefined);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.config;
}

/**
 * The organisation's `.github` repository's file, whether or not the repository's own config
 * led there. Unreadable (other than absent) fails closed: a policy that cannot be read must not
 * be taken for no policy.
 */
async function organisationFile(
  octokit: ConfigReader,
  owner: string,
  files: ConfigFile[],
): Promise<{ ok: true; file: ConfigFile | null } | { ok: false; error: string }> {
  const isOrgFile = (file: ConfigFile) =>
    file.owner.toLowerCase() === owner.toLowerCase() &&
    file.repo === ORG_REPO &&
    file.path === CONFIG_PATH;
  const seen = files.find(isOrgFile);
  if (seen !== undefined) return { ok: true, file: seen.config === null ? null : seen };
  try {
    const read = await octokit.config.get({ owner, repo: ORG_REPO, path: CONFIG_PATH });
    const file = read.files.find(isOrgFile);
    return { ok: true, file: file?.config ? file : null };
  } catch (error) {
    return {
      ok: false,
      error: `Could not load the organisation policy ${owner}/${ORG_REPO}:${CONFIG_PATH}: ${explain(error)}`,
    };
  }
}

const ORG_REPO = ".github";

function describeFile(file: ConfigFile): string {
  return `${file.owner}/${file.repo}:${file.path}`;
}

const PLUGIN_PREFIX = "[@probot/octokit-plugin-config] ";

function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") return `GitHub answered ${status} (${firstLine(error.message)})`;
  const message = firstLine(error.message.replace(PLUGIN_PREFIX, "")).replace(
    API_FILE_URL,
    (_url, owner: string, repo: string, path: string) =>
      `${owner}/${repo}:${decodeURIComponent(path)}`,
  );
  // The YAML parser's own message carries the line and column of the syntax error.
  return error.cause instanceof Error ? `${message}: ${firstLine(error.cause.message)}` : message;
}

/** The plugin names files by API URL; people know them as `owner/repo:path`. */
const API_FILE_URL = /\bhttps?:\/\/\S*?\/repos\/([^/\s]+)\/([^/\s]+)\/contents\/([^\s?]+)\S*/g;

function firstLine(text: string): string {
  return (text.split("\n", 1)[0] ?? "").replace(/:$/, "");
}
