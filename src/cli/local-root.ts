/**
 * Scanners run on a laptop write absolute paths under the checkout (`file:///home/me/repo/x.js`).
 * The app strips a hosted runner's checkout prefix; here the checkout is the local repository, so
 * each run is read as if it declared that directory as its working directory. Pure; the input log
 * is not modified.
 */
import type { Invocation } from "sarif";
import { pathToFileURL } from "node:url";
import type { SarifLog } from "../sarif/sarif-log.js";

/** `roots`: the repository's absolute directory, and its real path if that differs (symlinks). */
export function withLocalRoot(log: SarifLog, roots: readonly string[]): SarifLog {
  if (!Array.isArray(log.runs)) return log;
  const invocations: Invocation[] = [...new Set(roots)].map((root) => ({
    executionSuccessful: true,
    workingDirectory: { uri: pathToFileURL(root).href },
  }));
  return {
    ...log,
    runs: log.runs.map((run) => ({
      ...run,
      invocations: [...(Array.isArray(run.invocations) ? run.invocations : []), ...invocations],
    })),
  };
}
