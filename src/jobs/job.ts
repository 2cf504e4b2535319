/** Moved to src/domain/job.ts (the floor every layer may import); kept for in-flight imports. */
export * from "../domain/job.js";
