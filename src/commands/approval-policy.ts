import type { GuardrailConfig } from "../config/schema.js";
import { severityRank, type Severity } from "../findings/finding.js";

type Approval = GuardrailConfig["suppressions"]["approval"];

const DAY_MS = 86_400_000;

/**
 * Whether suppressing a finding of this severity needs an approver. A finding no longer
 * reported has no known severity: it is asked for whenever approval is configured at all, so a
 * vanished finding is never a way around the rule.
 */
export function needsApproval(approval: Approval, severity: Severity | undefined): boolean {
  if (approval.required_for === "none") return false;
  if (severity === undefined) return true;
  return severityRank(severity) <= severityRank(approval.required_for);
}

/**
 * The expiry an approval grants: the requested one, shortened to `max_expiry` from the moment of
 * approval; "never" becomes `max_expiry` too. Null: no limit configured and none requested.
 */
export function grantedExpiry(approval: Approval, requested: Date | null, now: Date): Date | null {
  const days = approval.max_expiry === null ? null : Number.parseInt(approval.max_expiry, 10);
  if (days === null || !Number.isFinite(days)) return requested;
  const cap = new Date(now.getTime() + days * DAY_MS);
  return requested === null || requested > cap ? cap : requested;
}
