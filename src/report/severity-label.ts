import type { Severity } from "../findings/finding.js";

/** Colour helps scanning a list; the word is what the contract requires (and what is accessible). */
const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: "🔴",
  high: "🟠",
  medium: "🟡",
  low: "🔵",
  note: "⚪",
};

/** `🟠 high`: the severity in words with its colour. */
export function severityLabel(severity: Severity): string {
  return `${SEVERITY_EMOJI[severity]} ${severity}`;
}
