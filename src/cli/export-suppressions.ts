/**
 * `guardrail suppressions export`: the repository's active suppressions, requests and denials, as YAML
 * (to commit and review) or SARIF, both of which `check --suppressions` applies offline.
 */
import { openStore } from "../store/open-store.js";
import type { Suppression } from "../store/suppression.js";
import type { ExportOptions } from "./args.js";
import { CliError, EXIT_PASSED, firstLine } from "./cli-error.js";
import type { CommandOutput } from "./check.js";
import { originRepo } from "./git.js";
import { suppressionsToSarif } from "./suppressions-sarif.js";
import { suppressionsToYaml } from "./suppressions-yaml.js";

const REPO_NAME = /^[\w.-]+\/[\w.-]+$/;

export interface ExportContext {
  cwd: string;
  now: Date;
  databaseUrl: string | undefined;
  version: string;
}

export async function runExport(
  options: ExportOptions,
  context: ExportContext,
): Promise<CommandOutput> {
  const repo = (options.repo ?? originRepo(context.cwd))?.toLowerCase();
  if (repo === undefined)
    throw new CliError("no --repo owner/name given, and no origin remote to take it from");
  if (!REPO_NAME.test(repo)) throw new CliError(`--repo must be owner/name (got "${repo}")`);
  // Requests and denials travel too, so the file shows every decision still in force.
  const active = (await listSuppressions(repo, context.databaseUrl)).filter(
    (s) =>
      s.status === "requested" ||
      s.status === "denied" ||
      (s.status === "active" && (s.expiresAt === null || s.expiresAt > context.now)),
  );
  const meta = { repo, now: context.now, version: context.version };
  const stdout =
    options.format === "yaml"
      ? suppressionsToYaml(active, meta)
      : `${JSON.stringify(suppressionsToSarif(active, meta), null, 2)}\n`;
  return { stdout, stderr: "", exitCode: EXIT_PASSED };
}

async function listSuppressions(
  repo: string,
  databaseUrl: string | undefined,
): Promise<Suppression[]> {
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(databaseUrl);
  } catch (error) {
    // openStore's messages name the scheme only, never a password from the URL.
    throw new CliError(`cannot open the store (DATABASE_URL): ${firstLine(error)}`);
  }
  try {
    return await store.suppressions.listForRepo(repo);
  } finally {
    await store.close();
  }
}
