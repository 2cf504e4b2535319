import type { SuppressionReason } from "../store/suppression.js";

/** The short words people type, in the order the help lists them. */
export const REASON_WORDS = ["fp", "ar", "wontfix", "tests", "other"] as const;
export type ReasonWord = (typeof REASON_WORDS)[number];

const REASON_BY_WORD: Readonly<Record<ReasonWord, SuppressionReason>> = {
  fp: "false-positive",
  ar: "accepted-risk",
  wontfix: "wont-fix",
  tests: "used-in-tests",
  other: "other",
};

export function isReasonWord(word: string): word is ReasonWord {
  return (REASON_WORDS as readonly string[]).includes(word);
}

/** Accepts the short word or the stored name (`fp` or `false-positive`), any case. */
export function reasonFromWord(word: string): SuppressionReason | null {
  const lower = word.toLowerCase();
  if (isReasonWord(lower)) return REASON_BY_WORD[lower];
  const stored = Object.values(REASON_BY_WORD).find((reason) => reason === lower);
  return stored ?? null;
}
