/**
 * Several results of one rule at one location are one finding (design.md "Findings"): tools
 * report the same sink once per source, or once per query variant.
 */
import { severityRank, type RawFinding } from "../findings/finding.js";

/** Length-prefixed parts cannot run into each other, whatever characters SARIF puts in them. */
function locationKey(finding: RawFinding): string {
  const { path, region } = finding.location;
  const lines = region === undefined ? "file" : `${region.startLine}-${region.endLine}`;
  const tool = finding.tool.name;
  const rule = finding.rule.id;
  return `${tool.length}:${tool}${rule.length}:${rule}${path.length}:${path}${lines}`;
}

export interface Deduper {
  add(finding: RawFinding): void;
  /** The findings kept so far, in order of first appearance of their location. */
  readonly kept: RawFinding[];
}

/** Keeps, per tool + rule + path + lines, the most severe result, the first among equals. */
export function createDeduper(): Deduper {
  const kept: RawFinding[] = [];
  const positions = new Map<string, number>();
  return {
    kept,
    add(finding) {
      const key = locationKey(finding);
      const position = positions.get(key);
      if (position === undefined) {
        positions.set(key, kept.length);
        kept.push(finding);
      } else if (severityRank(finding.severity) < severityRank(kept[position]!.severity)) {
        kept[position] = finding;
      }
    },
  };
}

export function dedupeFindings(findings: readonly RawFinding[]): RawFinding[] {
  const deduper = createDeduper();
  for (const finding of findings) deduper.add(finding);
  return deduper.kept;
}
