/**
 * SARIF logs → fingerprinted findings, the same stages as the app (steps 2 and 4), with the
 * working tree standing in for the analysed commit.
 */
import type { Finding, Note, RawFinding } from "../findings/finding.js";
import type { ContentFetcher } from "../fingerprint/file-line-hashes.js";
import { identifyFindings } from "../fingerprint/identify-findings.js";
import { normaliseSarif } from "../sarif/normalise.js";
import { isEscapingPath } from "../sarif/repo-path.js";
import { resolveEscapedPaths } from "../sarif/resolve-escaped-paths.js";
import type { SarifLog } from "../sarif/sarif-log.js";
import { withLocalRoot } from "./local-root.js";
import type { SarifInput } from "./sarif-inputs.js";

export interface Workspace {
  /** Absolute repository directory (and its real path, if different). */
  roots: string[];
  /** Repository files, for paths that escape it; called only when one does. */
  listFiles: () => string[];
  getContent: ContentFetcher;
}

export interface CollectedFindings {
  findings: Finding[];
  notes: Note[];
  toolNames: string[];
  /** Normalises and places another log exactly as the inputs were (for one result at a time). */
  reread: (log: SarifLog) => RawFinding[];
}

export async function collectFindings(
  inputs: readonly SarifInput[],
  workspace: Workspace,
): Promise<CollectedFindings> {
  let files: string[] | undefined;
  const repoFilesFor = (found: readonly RawFinding[]): string[] =>
    found.some((f) => isEscapingPath(f.location.path)) ? (files ??= workspace.listFiles()) : [];
  const normalise = (log: SarifLog, source: string) =>
    normaliseSarif(withLocalRoot(log, workspace.roots), { source });

  const notes: Note[] = inputs.flatMap((input) => input.warnings);
  const raw: RawFinding[] = [];
  for (const input of inputs) {
    const normalised = normalise(input.log, input.path);
    raw.push(...normalised.findings);
    notes.push(...normalised.notes);
  }
  const identified = await identifyFindings(raw, {
    paths: () => (files ??= workspace.listFiles()),
    content: workspace.getContent,
  });
  notes.push(...identified.notes);
  const reread = (log: SarifLog): RawFinding[] => {
    const found = normalise(log, "").findings;
    return resolveEscapedPaths(found, repoFilesFor(found)).findings;
  };
  return { findings: identified.findings, notes, toolNames: toolNames(inputs), reread };
}

function toolNames(inputs: readonly SarifInput[]): string[] {
  const names = new Set<string>();
  for (const { log } of inputs) {
    for (const run of Array.isArray(log.runs) ? log.runs : []) {
      const name = run.tool?.driver?.name;
      if (typeof name === "string" && name !== "") names.add(name);
    }
  }
  return [...names];
}
