import picomatch from "picomatch";
import type { Suppression } from "../store/suppression.js";

/** What a command knows of the finding it is about (the finding itself may be gone since). */
export interface FindingKey {
  fingerprint: string;
  tool?: string | undefined;
  ruleId?: string | undefined;
  path?: string | undefined;
}

/** Every suppression that covers the finding, whatever its scope (for `/open` and `list`). */
export function coveringSuppressions(
  key: FindingKey,
  suppressions: readonly Suppression[],
): Suppression[] {
  return suppressions.filter((s) => {
    const scope = s.scope;
    if (scope.kind === "finding") return scope.fingerprint === key.fingerprint;
    if (!key.tool || !key.ruleId) return false;
    if (scope.tool.toLowerCase() !== key.tool.toLowerCase() || scope.ruleId !== key.ruleId)
      return false;
    return (
      scope.kind === "rule" ||
      (key.path !== undefined && picomatch.isMatch(key.path, scope.pathGlob, { dot: true }))
    );
  });
}
