import type { Finding, Note, RawFinding } from "../findings/finding.js";
import { fingerprintFindings } from "../fingerprint/identity.js";
import type { RepoFiles } from "../github/repo-files.js";
import { isEscapingPath } from "../sarif/repo-path.js";
import { resolveEscapedPaths } from "../sarif/resolve-escaped-paths.js";

/**
 * Pipeline step 4: paths that escape the checkout are matched to the commit's files, then every
 * finding gets its stable identity (file contents are fetched only for findings that need them).
 */
export async function identifyFindings(
  raw: RawFinding[],
  files: RepoFiles,
): Promise<{ findings: Finding[]; notes: Note[] }> {
  const notes: Note[] = [];
  let located = raw;
  if (raw.some((f) => isEscapingPath(f.location.path))) {
    const resolved = resolveEscapedPaths(raw, await files.paths());
    located = resolved.findings;
    notes.push(...resolved.notes);
  }
  const identified = await fingerprintFindings(located, (path) => files.content(path));
  return { findings: identified.findings, notes: [...notes, ...identified.notes] };
}
