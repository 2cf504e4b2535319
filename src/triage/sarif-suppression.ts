import type { Finding, SarifSuppression } from "../findings/finding.js";
import type { SuppressedBy } from "./disposition.js";

/**
 * SARIF's own verdict (design.md "SARIF suppressions"): suppressed when a suppression is accepted
 * (status absent means accepted) and none is under review or rejected. `inSource` is visible in
 * the code under review, so it is always honoured; `external` comes from the artifact alone, and a
 * fork's artifacts are written by whoever opened the pull request, so there it is ignored.
 */
export function sarifSuppression(finding: Finding, isFork: boolean): SuppressedBy | null {
  const honoured = finding.suppressions.filter((s) => s.kind === "inSource" || !isFork);
  if (honoured.some((s) => s.status === "underReview" || s.status === "rejected")) return null;
  const accepted = honoured.filter((s) => s.status === undefined || s.status === "accepted");
  const chosen = accepted.find((s) => s.kind === "inSource") ?? accepted[0];
  return chosen === undefined ? null : describe(chosen);
}

function describe(suppression: SarifSuppression): SuppressedBy {
  return suppression.justification === undefined
    ? { kind: "sarif", suppressionKind: suppression.kind }
    : {
        kind: "sarif",
        suppressionKind: suppression.kind,
        justification: suppression.justification,
      };
}
