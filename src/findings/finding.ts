/**
 * The normalised finding: what every stage after SARIF parsing works with.
 * Every string in here that came from SARIF is untrusted (see src/report/sanitize.ts).
 */

export const SEVERITIES = ["critical", "high", "medium", "low", "note"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank = more severe; used to sort "most severe first". */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Region {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** 1-based; only kept when the SARIF gives them. */
  startColumn?: number;
  endColumn?: number;
}

export interface Location {
  /** Repository-relative POSIX path, no leading "./" or "/". */
  path: string;
  /** Absent for a file-level finding (never inline; annotated at line 1). */
  region?: Region;
  /** Untrusted message attached to a related location or flow step. */
  message?: string;
}

export interface Replacement {
  path: string;
  /** Region deleted; inserted text goes in its place. */
  deleted: Region;
  inserted: string;
}

export interface Fix {
  description?: string;
  replacements: Replacement[];
}

export type SuppressionKind = "inSource" | "external";
export type SuppressionStatus = "accepted" | "underReview" | "rejected";

export interface SarifSuppression {
  kind: SuppressionKind;
  /** Absent in SARIF means accepted. */
  status?: SuppressionStatus;
  justification?: string;
}

export interface ToolInfo {
  /** `tool.driver.name`, as written. */
  name: string;
  version?: string;
}

export interface RuleInfo {
  id: string;
  name?: string;
  shortDescription?: string;
  helpText?: string;
  helpMarkdown?: string;
  helpUri?: string;
  /** Tags such as `security`, `external/cwe/cwe-079`, `CWE-79`. */
  tags: string[];
}

/** What the SARIF says about identity, before Guardrail computes anything. */
export interface IdentityHints {
  /** The first of the tool's own `fingerprints` (sorted by key), as `key/value`. */
  toolFingerprint?: string;
  /** `partialFingerprints.primaryLocationLineHash` when the tool supplied one. */
  primaryLocationLineHash?: string;
}

/** A finding as read from SARIF: located, classified, not yet fingerprinted. */
export interface RawFinding {
  tool: ToolInfo;
  rule: RuleInfo;
  severity: Severity;
  /** Untrusted; markdown preferred over text, templates already filled. */
  message: string;
  location: Location;
  relatedLocations: Location[];
  /** Each flow is an ordered list of steps. */
  codeFlows: Location[][];
  fixes: Fix[];
  suppressions: SarifSuppression[];
  identity: IdentityHints;
  /** The SARIF level in effect (result, rule default, else `warning`); absent in old analyses. */
  level?: "error" | "warning" | "note" | "none";
  /** `CVE-…` ids from the rule id, name, descriptions, tags and properties (src/sarif/vulnerability-ids.ts). */
  cve?: string[];
  /** `CWE-<n>` ids from tags, taxonomy relationships and properties. */
  cwe?: string[];
  /** CVSS base score (or `security-severity`) in (0, 10]. */
  cvss?: number;
  /** In CISA's Known Exploited Vulnerabilities catalogue (set by enrichment). */
  kev?: boolean;
  /** FIRST EPSS probability in [0, 1] (set by enrichment). */
  epss?: number;
}

/**
 * What the tracker (src/tracking/) matches on beyond the fingerprint; rule, path and line come
 * from the finding itself. An empty string means unknown (the file was not read).
 */
export interface TrackKeys {
  /** `primaryLocationLineHash` of the flagged line without its `:n` occurrence count. */
  window: string;
  /** Hash of the flagged line with whitespace collapsed. */
  snippet: string;
}

/** A finding with its stable identity. */
export interface Finding extends RawFinding {
  /** Stable across line shifts; see src/fingerprint/identity.ts. */
  fingerprint: string;
  /** `GR-` + first 8 hex of SHA-256 of `fingerprint`. */
  id: string;
  /** Absent on findings stored before identity tracking (migration 0005). */
  track?: TrackKeys;
}

/** Something the user must be told about (shown in the check run summary). */
export interface Note {
  level: "error" | "warning" | "info";
  /** Where it came from: artifact name, file name, config key… */
  source: string;
  /** Plain text; rendered sanitised. */
  message: string;
  /**
   * Set when a scanner said it did not analyse everything (src/sarif/execution-problems.ts):
   * the check is then not `success`, whatever the findings.
   */
  incompleteTool?: string;
}
