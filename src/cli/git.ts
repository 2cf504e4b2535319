/**
 * The few git questions the CLI asks, each one `git` process with an argument array (never a
 * shell string: refs and paths come from the user and the repository).
 */
import { spawnSync } from "node:child_process";
import { CliError } from "./cli-error.js";

/** A diff or file list bigger than this is no pull request anyone reviews. */
const MAX_GIT_OUTPUT_BYTES = 256 * 1024 * 1024;

interface GitOutput {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: readonly string[]): GitOutput {
  // quotePath=false: non-ASCII paths come out as written, not as octal escapes.
  const run = spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: MAX_GIT_OUTPUT_BYTES,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
  if (run.error !== undefined) {
    const missing = (run.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new CliError(
      missing ? "git is not installed or not on PATH" : `git failed: ${run.error.message}`,
    );
  }
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

function gitOrFail(cwd: string, args: readonly string[], what: string): string {
  const out = git(cwd, args);
  if (!out.ok) throw new CliError(`${what}: ${out.stderr.trim().split("\n")[0] ?? "git failed"}`);
  return out.stdout;
}

export function repoRoot(cwd: string): string {
  const out = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!out.ok) {
    throw new CliError(
      `not a git repository: ${cwd} (run guardrail inside the repository the SARIF describes)`,
    );
  }
  return out.stdout.trim();
}

export function commitOf(root: string, ref: string): string | undefined {
  // A ref starting with "-" would be read as an option.
  if (ref.startsWith("-")) return undefined;
  const out = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  return out.ok ? out.stdout.trim() : undefined;
}

export interface DefaultBranch {
  name: string;
  /** What to resolve: `origin/<name>` when the remote names it (a local branch may be stale). */
  ref: string;
}

/** `origin/HEAD`'s branch, else `main`, else `master`; undefined when none exists. */
export function defaultBranch(root: string): DefaultBranch | undefined {
  const origin = git(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]);
  if (origin.ok) {
    const name = origin.stdout.trim().replace(/^refs\/remotes\/origin\//, "");
    return { name, ref: `origin/${name}` };
  }
  const name = ["main", "master"].find((candidate) => commitOf(root, candidate) !== undefined);
  return name === undefined ? undefined : { name, ref: name };
}

/**
 * The branch a ref names (`main`, `origin/release/1` → `release/1`); undefined for anything else
 * (a SHA, a tag, `HEAD`, `main~1`): `HEAD` is the work under review, not its target.
 */
export function branchOf(root: string, ref: string): string | undefined {
  const candidates = ref.startsWith("refs/") ? [ref] : [`refs/heads/${ref}`, `refs/remotes/${ref}`];
  const found = candidates.find((full) => git(root, ["show-ref", "--verify", "--quiet", full]).ok);
  if (found?.startsWith("refs/heads/")) return found.slice("refs/heads/".length);
  return found === undefined ? undefined : /^refs\/remotes\/[^/]+\/(.+)$/.exec(found)?.[1];
}

export function mergeBase(root: string, a: string, b: string): string | undefined {
  const out = git(root, ["merge-base", a, b]);
  return out.ok ? out.stdout.trim() : undefined;
}

/** The working tree (staged and unstaged changes included) against `commit`, as a unified diff. */
export function diffAgainst(root: string, commit: string): string {
  return gitOrFail(
    root,
    [
      "diff",
      "--no-color",
      "--no-ext-diff",
      "--unified=3",
      "--find-renames",
      // Fixed prefixes whatever diff.noprefix or diff.mnemonicPrefix say.
      "--src-prefix=a/",
      "--dst-prefix=b/",
      commit,
      "--",
    ],
    "git diff failed",
  );
}

/** Tracked and untracked (not ignored) files, repository-relative. */
export function listFiles(root: string): string[] {
  const out = gitOrFail(
    root,
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    "git ls-files failed",
  );
  return [...new Set(out.split("\0").filter((path) => path !== ""))];
}

/** `owner/name` of a GitHub `origin` remote, if there is one. */
export function originRepo(cwd: string): string | undefined {
  const out = git(cwd, ["remote", "get-url", "origin"]);
  if (!out.ok) return undefined;
  const match = /[/:]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(out.stdout.trim());
  return match?.[1];
}
