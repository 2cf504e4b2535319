import type { Finding, Severity } from "../../src/findings/finding.js";
import type { DiffPosition } from "../../src/diff/diff-map.js";
import type { TriagedFinding } from "../../src/triage/disposition.js";

export interface TriagedSpec {
  fingerprint: string;
  path: string;
  /** Omit for a file-level finding. */
  line?: number;
  endLine?: number;
  severity?: Severity;
  position?: DiffPosition;
  isNew?: boolean;
  suppressed?: boolean;
  commentable?: boolean;
}

/** A triaged finding with only the fields the report plan reads set to something meaningful. */
export function triaged(spec: TriagedSpec): TriagedFinding {
  const finding: Finding = {
    tool: { name: "CodeQL" },
    rule: { id: "js/test-rule", tags: [] },
    severity: spec.severity ?? "medium",
    message: `finding ${spec.fingerprint}`,
    location:
      spec.line === undefined
        ? { path: spec.path }
        : { path: spec.path, region: { startLine: spec.line, endLine: spec.endLine ?? spec.line } },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: {},
    fingerprint: spec.fingerprint,
    id: `GR-${spec.fingerprint}`,
  };
  return {
    finding,
    position: spec.position ?? "added",
    isNew: spec.isNew ?? true,
    suppressedBy: spec.suppressed
      ? { kind: "config", key: "rules_ignore", pattern: "js/test-rule" }
      : null,
    commentable: spec.commentable ?? true,
    expiredSuppression: null,
  };
}
