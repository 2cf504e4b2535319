/**
 * Glob matching for config keys. Compile once (`*Matcher`) when testing many findings;
 * the `matches*` forms are for one-off checks.
 */
import picomatch from "picomatch";

/** In branch patterns, the repository's default branch whatever it is called. */
export const DEFAULT_BRANCH_TOKEN = "$default";

/**
 * A glob compiled to a plain RegExp test: picomatch's own matcher re-normalises its input on
 * every call, which costs more than the match when thousands of findings are tested.
 * `dot: true` so `.github/**` and dotfiles are matched like any other path.
 */
export function compileGlob(
  glob: string,
  options: { nocase?: boolean } = {},
): (text: string) => boolean {
  const regex = picomatch.makeRe(glob, { dot: true, nocase: options.nocase === true });
  return (text) => regex.test(text);
}

/** Returns the first pattern that matches, or null. */
export type PatternMatcher<Args extends unknown[]> = (...args: Args) => string | null;

export function branchMatcher(
  patterns: readonly string[],
  defaultBranch: string,
): PatternMatcher<[string]> {
  const compiled = patterns.map((pattern) => ({
    pattern,
    test:
      pattern === DEFAULT_BRANCH_TOKEN
        ? (branch: string) => branch === defaultBranch
        : compileGlob(pattern),
  }));
  return (branch) => compiled.find(({ test }) => test(branch))?.pattern ?? null;
}

export function pathMatcher(globs: readonly string[]): PatternMatcher<[string]> {
  const compiled = globs.map((pattern) => ({ pattern, test: compileGlob(pattern) }));
  return (path) => compiled.find(({ test }) => test(path))?.pattern ?? null;
}

/**
 * `tool:rule` matches the rule of that tool (tool name case-insensitive, as scanners vary their
 * capitalisation between versions); a plain pattern matches the rule id of any tool. Rule ids
 * follow path semantics: `*` stops at `/`, so CodeQL's `js/xss` is matched by `js/*`.
 */
export function ruleMatcher(
  globs: readonly string[],
): PatternMatcher<[tool: string, ruleId: string]> {
  const compiled = globs.map((pattern) => {
    const whole = compileGlob(pattern);
    const colon = pattern.indexOf(":");
    if (colon <= 0) return { pattern, test: (_tool: string, ruleId: string) => whole(ruleId) };
    const tool = compileGlob(pattern.slice(0, colon), { nocase: true });
    const rule = compileGlob(pattern.slice(colon + 1));
    // A rule id may itself contain a colon, so the whole pattern is tried as a rule id too.
    return {
      pattern,
      test: (toolName: string, ruleId: string) => (tool(toolName) && rule(ruleId)) || whole(ruleId),
    };
  });
  return (tool, ruleId) => compiled.find(({ test }) => test(tool, ruleId))?.pattern ?? null;
}

export function matchesBranch(
  patterns: readonly string[],
  branch: string,
  defaultBranch: string,
): boolean {
  return branchMatcher(patterns, defaultBranch)(branch) !== null;
}

export function matchesPath(globs: readonly string[], path: string): boolean {
  return pathMatcher(globs)(path) !== null;
}

export function matchesRule(globs: readonly string[], tool: string, ruleId: string): boolean {
  return ruleMatcher(globs)(tool, ruleId) !== null;
}

/** Artifact names are matched case-insensitively: `SARIF-results` is as much a SARIF artifact. */
export function matchesArtifactName(globs: readonly string[], name: string): boolean {
  return globs.some((glob) => compileGlob(glob, { nocase: true })(name));
}
