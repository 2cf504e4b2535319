/**
 * Upper bounds of `guardrail_finding_resolution_seconds`: remediation is measured in hours to
 * months, so the buckets run from an hour to a year.
 */
export const RESOLUTION_BUCKETS_SECONDS = [
  3_600, 21_600, 86_400, 259_200, 604_800, 1_209_600, 2_592_000, 7_776_000, 15_552_000, 31_536_000,
] as const;

/** Index of the first bound the duration fits under; the length of the list means +Inf. */
export function resolutionBucket(seconds: number): number {
  const index = RESOLUTION_BUCKETS_SECONDS.findIndex((bound) => seconds <= bound);
  return index === -1 ? RESOLUTION_BUCKETS_SECONDS.length : index;
}
