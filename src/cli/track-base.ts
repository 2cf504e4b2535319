/**
 * `--base-sarif`: the app's tracker in the CLI. The base SARIF's findings are placed and
 * fingerprinted from the files at the merge base (git's object store), the head's from the
 * working tree; each head finding tracked to a base one takes its identity, and the base's
 * findings become the baseline, as the base branch's baseline is in a pull request.
 */
import type { PullRequestFile } from "../diff/build-diff-map.js";
import type { DiffMap } from "../diff/diff-map.js";
import type { Finding, Note } from "../findings/finding.js";
import type { ContentFetcher } from "../fingerprint/file-line-hashes.js";
import { fillTrackKeys } from "../fingerprint/fill-track-keys.js";
import { adoptIdentities } from "../tracking/adopt-identities.js";
import { onAddedLineIn } from "../tracking/added-lines.js";
import { baseSnippets, type BaseSnippets } from "../tracking/known-at-base.js";
import { olderPathOf } from "../tracking/renames.js";
import { trackableOf } from "../tracking/trackable.js";
import { collectFindings } from "./collect-findings.js";
import { filesAt, readerAt } from "./git-show.js";
import { readSarifInputs } from "./sarif-inputs.js";

export interface TrackedAgainstBase {
  findings: Finding[];
  /** Tool (lower-cased) → the base's fingerprints; every tool of the base SARIF is listed. */
  baseline: Map<string, Set<string>>;
  baseSnippets: BaseSnippets;
  notes: Note[];
}

export async function trackAgainstBase(
  head: readonly Finding[],
  where: {
    root: string;
    roots: string[];
    cwd: string;
    mergeBase: string;
    baseSarif: readonly string[];
    /** `git diff -M` as PR files: renames come from `previous_filename`. */
    files: readonly PullRequestFile[];
    diff: DiffMap;
    headContent: ContentFetcher;
  },
): Promise<TrackedAgainstBase> {
  const inputs = await readSarifInputs(where.baseSarif, where.cwd);
  const baseContent = readerAt(where.root, where.mergeBase);
  const base = await collectFindings(inputs, {
    roots: where.roots,
    listFiles: () => filesAt(where.root, where.mergeBase),
    getContent: baseContent,
  });
  const [baseFindings, headFindings] = await Promise.all([
    withAllKeys(base.findings, baseContent),
    withAllKeys(head, where.headContent),
  ]);
  const older = baseFindings.map(trackableOf);
  const tracked = adoptIdentities(headFindings, older, {
    olderPath: olderPathOf(where.files),
    onAddedLine: onAddedLineIn(where.diff),
  });
  const baseline = new Map<string, Set<string>>(
    base.toolNames.map((name) => [name.toLowerCase(), new Set<string>()]),
  );
  for (const f of baseFindings) {
    const tool = f.tool.name.toLowerCase();
    baseline.set(tool, (baseline.get(tool) ?? new Set()).add(f.fingerprint));
  }
  const notes = base.notes.map((n) => ({ ...n, source: `base: ${n.source}` }));
  return { findings: tracked.findings, baseline, baseSnippets: baseSnippets(older), notes };
}

/** Local files are cheap to read: every finding gets its snippet, not only unmatched ones. */
function withAllKeys(findings: readonly Finding[], content: ContentFetcher): Promise<Finding[]> {
  return fillTrackKeys(findings, new Set(findings.keys()), content);
}
