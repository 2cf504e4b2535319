import type { Finding } from "../findings/finding.js";
import type { LifecycleFinding } from "./lifecycle-record.js";

/** Enough of a message to recognise the finding on a console page; SARIF messages can be huge. */
export const LIFECYCLE_MESSAGE_MAX = 500;

/** The lifecycle's view of a finding (its fingerprint already kept by the identity tracker). */
export function lifecycleFindingOf(f: Finding): LifecycleFinding {
  return {
    fingerprint: f.fingerprint,
    findingId: f.id,
    tool: f.tool.name.toLowerCase(),
    rule: f.rule.id,
    severity: f.severity,
    path: f.location.path,
    line: f.location.region?.startLine ?? null,
    message: f.message.slice(0, LIFECYCLE_MESSAGE_MAX),
  };
}
