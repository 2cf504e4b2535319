/** SARIF `suppressions` as the tool reported them; triage decides what they mean. */
import type { Result } from "sarif";
import type { SarifSuppression, SuppressionKind, SuppressionStatus } from "../findings/finding.js";
import { asString, records } from "./json-guards.js";
import { MAX_SHORT_TEXT_LENGTH, truncateText } from "./truncate-text.js";

/** A result has one or two in practice; more adds nothing to the decision. */
export const MAX_SUPPRESSIONS = 20;

const KINDS: readonly string[] = ["inSource", "external"] satisfies SuppressionKind[];
const STATUSES: readonly string[] = [
  "accepted",
  "underReview",
  "rejected",
] satisfies SuppressionStatus[];

export function readSuppressions(result: Result): SarifSuppression[] {
  const out: SarifSuppression[] = [];
  for (const suppression of records(result.suppressions)) {
    const kind = asString(suppression.kind);
    if (kind === undefined || !KINDS.includes(kind)) continue;
    const status = asString(suppression.status);
    const justification = asString(suppression.justification);
    out.push({
      kind: kind as SuppressionKind,
      ...(status !== undefined && STATUSES.includes(status)
        ? { status: status as SuppressionStatus }
        : {}),
      ...(justification === undefined
        ? {}
        : { justification: truncateText(justification, MAX_SHORT_TEXT_LENGTH) }),
    });
    if (out.length >= MAX_SUPPRESSIONS) break;
  }
  return out;
}
