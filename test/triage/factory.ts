import { createHash } from "node:crypto";
import type { Finding, Region, SarifSuppression, Severity } from "../../src/findings/finding.js";
import type { DiffMap, FileDiff } from "../../src/diff/diff-map.js";
import type { Suppression, SuppressionScope } from "../../src/store/suppression.js";
import type { SuppressedBy, TriagedFinding } from "../../src/triage/disposition.js";

export interface FindingSpec {
  tool?: string;
  rule?: string;
  path?: string;
  /** A start line, a region, or null for a file-level finding. */
  line?: number | Region | null;
  severity?: Severity;
  fingerprint?: string;
  suppressions?: SarifSuppression[];
}

export function finding(spec: FindingSpec = {}): Finding {
  const tool = spec.tool ?? "CodeQL";
  const rule = spec.rule ?? "js/xss";
  const path = spec.path ?? "src/app.ts";
  const fingerprint = spec.fingerprint ?? `${tool}/${rule}/${path}/hash`;
  const line = spec.line === undefined ? 10 : spec.line;
  const region = typeof line === "number" ? { startLine: line, endLine: line } : line;
  return {
    tool: { name: tool },
    rule: { id: rule, tags: [] },
    severity: spec.severity ?? "high",
    message: "m",
    location: region === null ? { path } : { path, region },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: spec.suppressions ?? [],
    identity: {},
    fingerprint,
    id: "GR-" + createHash("sha256").update(fingerprint).digest("hex").slice(0, 8),
  };
}

/** A diff map from `{ path: { added, context } }`; `null` lines mean a file without patch. */
export function diffMap(
  files: Record<string, { added?: number[]; context?: number[] } | null>,
): DiffMap {
  const map: DiffMap = new Map();
  for (const [path, lines] of Object.entries(files)) {
    const all = [...(lines?.added ?? []), ...(lines?.context ?? [])];
    const file: FileDiff = {
      path,
      status: "modified",
      hasPatch: lines !== null,
      added: new Set(lines?.added ?? []),
      context: new Set(lines?.context ?? []),
      hunks: all.length === 0 ? [] : [{ start: Math.min(...all), end: Math.max(...all) }],
    };
    map.set(path, file);
  }
  return map;
}

export function suppression(
  scope: SuppressionScope,
  over: Partial<Omit<Suppression, "scope">> = {},
): Suppression {
  return {
    id: 1,
    repo: "acme/app",
    scope,
    reason: "false-positive",
    justification: "escaped upstream",
    author: "alice",
    createdAt: new Date("2025-01-01T00:00:00Z"),
    expiresAt: null,
    source: null,
    status: "active",
    findingId: null,
    ...over,
  };
}

export function triaged(
  spec: FindingSpec & { isNew?: boolean; suppressedBy?: SuppressedBy | null } = {},
): TriagedFinding {
  return {
    finding: finding(spec),
    position: "added",
    isNew: spec.isNew ?? true,
    suppressedBy: spec.suppressedBy ?? null,
    commentable: true,
    expiredSuppression: null,
  };
}
