/** Moved to src/pipeline/job-context.ts (below commands and jobs); kept for in-flight imports. */
export type { JobContext } from "../pipeline/job-context.js";
