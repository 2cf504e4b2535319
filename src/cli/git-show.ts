/**
 * Files of a commit, for the base side of tracking: read from git's object store, so the working
 * tree (the head side) is never disturbed. Arguments as arrays, never a shell string.
 */
import { spawnSync } from "node:child_process";
import type { ContentFetcher } from "../fingerprint/file-line-hashes.js";
import { CliError } from "./cli-error.js";

/** The app's blob limit too: a bigger file's findings are tracked by fingerprint only. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_LISTING_BYTES = 256 * 1024 * 1024;

function gitBytes(root: string, args: readonly string[], maxBuffer: number) {
  return spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd: root,
    maxBuffer,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
}

/** Repository-relative paths of the files in `commit`. */
export function filesAt(root: string, commit: string): string[] {
  const run = gitBytes(root, ["ls-tree", "-r", "-z", "--name-only", commit], MAX_LISTING_BYTES);
  if (run.status !== 0)
    throw new CliError(`git ls-tree ${commit} failed: ${String(run.stderr).trim()}`);
  return run.stdout
    .toString("utf8")
    .split("\0")
    .filter((p) => p !== "");
}

/** A file's content at `commit`; null when it is not there or too large. */
export function readerAt(root: string, commit: string): ContentFetcher {
  return (path) => {
    // `commit:path` with a path from SARIF: one starting with "-" or climbing out is not read.
    if (path.startsWith("-") || path.split("/").includes("..")) return Promise.resolve(null);
    const run = gitBytes(root, ["cat-file", "blob", `${commit}:${path}`], MAX_FILE_BYTES + 1);
    if (run.status !== 0 || run.error !== undefined) return Promise.resolve(null);
    return Promise.resolve(new Uint8Array(run.stdout));
  };
}
