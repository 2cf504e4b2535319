import type { Finding, Note, RawFinding } from "../findings/finding.js";
import { isEscapingPath } from "../sarif/repo-path.js";
import { resolveEscapedPaths } from "../sarif/resolve-escaped-paths.js";
import type { ContentFetcher } from "./file-line-hashes.js";
import { fingerprintFindings } from "./identity.js";

/** The analysed commit's files: the app's from the API, the CLI's from the working tree. */
export interface AnalysedFiles {
  /** Every file path; asked for only when a finding's path escapes the checkout. */
  paths(): Promise<readonly string[]> | readonly string[];
  content: ContentFetcher;
}

/**
 * Normalised findings of every SARIF file of an analysis → placed, de-duplicated and
 * fingerprinted findings: the one step the app, the CLI and the benchmarks share. One rule's
 * results at one location are one finding across files as within one file; paths that escape the
 * checkout are matched to the commit's files; file contents are read only for findings that
 * need them.
 */
export async function identifyFindings(
  raw: RawFinding[],
  files: AnalysedFiles,
): Promise<{ findings: Finding[]; notes: Note[] }> {
  const escaping = raw.some((f) => isEscapingPath(f.location.path));
  const placed = resolveEscapedPaths(raw, escaping ? await files.paths() : []);
  const identified = await fingerprintFindings(placed.findings, files.content);
  return { findings: identified.findings, notes: [...placed.notes, ...identified.notes] };
}
