import type { VisibleRepository } from "./repository-access.js";

/**
 * A file and line on GitHub. The path comes from SARIF, so each segment is percent-encoded: it
 * can only ever name a file below the repository's own URL. `HEAD` is the default branch.
 */
export function fileUrl(
  repo: VisibleRepository,
  path: string | null,
  line: number | null,
): string | null {
  if (path === null || path === "" || !/^https?:\/\//.test(repo.htmlUrl)) return null;
  const encoded = path
    .replace(/^\/+/, "")
    .split("/")
    // dot segments too, or a browser would resolve `../..` out of the repository
    .map((segment) =>
      encodeURIComponent(segment).replace(/^\.{1,2}$/, (dots) => "%2E".repeat(dots.length)),
    )
    .join("/");
  return `${repo.htmlUrl}/blob/HEAD/${encoded}${line !== null && line > 0 ? `#L${line}` : ""}`;
}

export function location(path: string | null, line: number | null): string {
  if (path === null) return "–";
  return line !== null && line > 0 ? `${path}:${line}` : path;
}

export function repoHref(root: string, repo: VisibleRepository): string {
  return `${root}/repos/${repo.fullName}`;
}

export function findingHref(root: string, repo: VisibleRepository, id: string): string {
  return `${root}/repos/${repo.fullName}/findings/${encodeURIComponent(id)}`;
}

export function pullUrl(repo: VisibleRepository, pr: number): string {
  return `${repo.htmlUrl}/pull/${pr}`;
}
