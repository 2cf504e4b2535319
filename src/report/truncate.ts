/** Moved to src/text/truncate.ts (shared by SARIF reading and reports); kept for its importers. */
export * from "../text/truncate.js";
