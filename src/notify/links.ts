import type { Finding } from "../findings/finding.js";

/** The finding's file and line at the analysed commit; path segments are percent-encoded. */
export function fileLink(repoUrl: string, sha: string, finding: Finding): string {
  const path = finding.location.path.split("/").map(encodeURIComponent).join("/");
  const line = finding.location.region?.startLine;
  return `${repoUrl}/blob/${sha}/${path}${line === undefined ? "" : `#L${line}`}`;
}

export function fileLabel(finding: Finding): string {
  const line = finding.location.region?.startLine;
  return line === undefined ? finding.location.path : `${finding.location.path}:${line}`;
}
