/** The SARIF stage: bytes → validated log → RawFinding[] + notes. */
export { readSarif } from "./read-sarif.js";
export type { SarifLog, SarifReadResult } from "./sarif-log.js";
export { normaliseSarif, MAX_RESULTS_PER_FILE } from "./normalise.js";
export type { NormaliseOptions, NormalisedSarif } from "./normalise.js";
export { resolveEscapedPaths } from "./resolve-escaped-paths.js";
export { dedupeFindings } from "./dedupe-findings.js";
export { isEscapingPath } from "./repo-path.js";
