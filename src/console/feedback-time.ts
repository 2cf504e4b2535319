import type { Histogram } from "prom-client";
import type { FeedbackTime } from "./page.js";

/**
 * Time to feedback (workflow run completed → check run completed) is measured by this instance's
 * histogram only; the store does not keep it, so the overview says whose numbers they are.
 */
export function feedbackFromHistogram(histogram: Histogram): () => Promise<FeedbackTime | null> {
  return async () => {
    const { values } = await histogram.get();
    const count = values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    const sum = values.find((v) => v.metricName?.endsWith("_sum"))?.value ?? 0;
    return count === 0 ? null : { count, meanMs: (sum / count) * 1000 };
  };
}
