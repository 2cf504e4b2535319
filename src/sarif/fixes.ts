/**
 * SARIF fixes → Fix[]. gosec writes `artifactChanges: null` with only a description: that fix
 * is kept for its advice. Replacements need line-based regions; offset-only ones are skipped.
 */
import type { Result } from "sarif";
import type { Fix, Replacement } from "../findings/finding.js";
import { resolveArtifactPath, type PathContext } from "./artifact-path.js";
import { asString, isRecord, records } from "./json-guards.js";
import { readRegion } from "./region.js";
import { MAX_MESSAGE_LENGTH, truncateText } from "./truncate-text.js";

/** Suggested fixes shown per finding. */
export const MAX_FIXES = 10;
/** Edits per fix; more is a rewrite, not a suggestion. */
export const MAX_REPLACEMENTS = 100;

function textOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const text = asString(value["markdown"]) ?? asString(value["text"]);
  return text === undefined || text === "" ? undefined : truncateText(text, MAX_MESSAGE_LENGTH);
}

function replacementsOf(context: PathContext, change: Record<string, unknown>): Replacement[] {
  const path = resolveArtifactPath(context, change["artifactLocation"]);
  if (path === undefined || !Array.isArray(change["replacements"])) return [];
  const out: Replacement[] = [];
  for (const replacement of (change["replacements"] as unknown[]).filter(isRecord)) {
    const region = readRegion(replacement["deletedRegion"]);
    if (region.kind !== "lines") continue;
    const inserted = replacement["insertedContent"];
    const text = isRecord(inserted) ? asString(inserted["text"]) : undefined;
    out.push({
      path,
      deleted: region.region,
      inserted: truncateText(text ?? "", MAX_MESSAGE_LENGTH),
    });
  }
  return out;
}

export function readFixes(context: PathContext, result: Result): Fix[] {
  const fixes: Fix[] = [];
  for (const fix of records(result.fixes)) {
    if (fixes.length >= MAX_FIXES) break;
    const changes = Array.isArray(fix.artifactChanges)
      ? (fix.artifactChanges as unknown[]).filter(isRecord)
      : [];
    const replacements = changes
      .flatMap((change) => replacementsOf(context, change))
      .slice(0, MAX_REPLACEMENTS);
    const description = textOf(fix.description);
    if (description === undefined && replacements.length === 0) continue;
    fixes.push({ ...(description === undefined ? {} : { description }), replacements });
  }
  return fixes;
}
