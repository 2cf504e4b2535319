import type { BlobCache } from "./blob-cache.js";
import type { GitHub } from "./octokit.js";

/** Files bigger than this are not hashed (a fingerprint falls back to the message). */
const MAX_BLOB_BYTES = 5 * 1024 * 1024;

interface Blob {
  sha: string;
  size: number;
}

export interface RepoFiles {
  /** Every file path of the commit (for matching paths that escape the checkout). */
  paths(): Promise<string[]>;
  /** A file's content at the commit, or null when absent, too large or unreadable. */
  content(path: string): Promise<Uint8Array | null>;
}

/**
 * The analysed commit's files, read lazily: one recursive tree request, then blobs by SHA through
 * the cache, only for files a fingerprint needs.
 */
export function repoFilesAt(
  github: GitHub,
  where: { owner: string; repo: string; sha: string },
  cache: BlobCache,
): RepoFiles {
  let tree: Promise<Map<string, Blob>> | undefined;
  const loadTree = () =>
    (tree ??= github.rest.git
      .getTree({ owner: where.owner, repo: where.repo, tree_sha: where.sha, recursive: "true" })
      .then(({ data }) => {
        const blobs = new Map<string, Blob>();
        for (const entry of data.tree) {
          if (entry.type === "blob" && entry.path && entry.sha)
            blobs.set(entry.path, { sha: entry.sha, size: entry.size ?? 0 });
        }
        return blobs;
      })
      .catch((error: unknown) => {
        // A commit GitHub cannot show (gone, or an API without the route): no file is readable,
        // and fingerprints fall back to the message, each with a note.
        if ((error as { status?: number }).status === 404) return new Map<string, Blob>();
        throw error;
      }));

  return {
    async paths() {
      return [...(await loadTree()).keys()];
    },
    async content(path) {
      const blob = (await loadTree()).get(path);
      if (!blob || blob.size > MAX_BLOB_BYTES) return null;
      const cached = cache.get(blob.sha);
      if (cached) return cached;
      const { data } = await github.rest.git.getBlob({
        owner: where.owner,
        repo: where.repo,
        file_sha: blob.sha,
      });
      const content = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
      cache.set(blob.sha, content);
      return content;
    },
  };
}
