import type { IdentityHints, RawFinding, Region } from "../../src/findings/finding.js";

/** A minimal RawFinding for identity tests; only what identity reads varies. */
export function rawFinding(options: {
  path?: string;
  ruleId?: string;
  tool?: string;
  version?: string;
  line?: number;
  region?: Region;
  message?: string;
  identity?: IdentityHints;
}): RawFinding {
  const line = options.line ?? 1;
  const region = options.region ?? { startLine: line, endLine: line };
  return {
    tool: { name: options.tool ?? "Semgrep", version: options.version ?? "1.0.0" },
    rule: { id: options.ruleId ?? "js.eval", tags: [] },
    severity: "high",
    message: options.message ?? "Avoid eval",
    location:
      options.line === undefined && options.region === undefined
        ? { path: options.path ?? "src/app.js" }
        : { path: options.path ?? "src/app.js", region },
    relatedLocations: [],
    codeFlows: [],
    fixes: [],
    suppressions: [],
    identity: options.identity ?? {},
  };
}
