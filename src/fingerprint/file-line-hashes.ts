import { computeLineHashes } from "./line-hash.js";

/**
 * Reads a file of the analysed commit; the caller owns caching. Resolves null when the file is not
 * available there (deleted, binary, too large); rejects only on internal failures, which propagate.
 */
export type ContentFetcher = (path: string) => Promise<Uint8Array | null>;

/** Files fetched at once: enough to hide latency, few enough to stay clear of secondary rate limits. */
export const CONTENT_FETCH_CONCURRENCY = 8;

/** Line hashes of each distinct path (null when unavailable), each file fetched and hashed once. */
export async function lineHashesByPath(
  paths: Iterable<string>,
  getContent: ContentFetcher,
  concurrency: number = CONTENT_FETCH_CONCURRENCY,
): Promise<Map<string, string[] | null>> {
  const queue = [...new Set(paths)];
  const hashes = new Map<string, string[] | null>();
  const worker = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const content = await getContent(path);
      hashes.set(path, content === null ? null : computeLineHashes(content));
    }
  };
  const workers = Math.max(1, Math.min(concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return hashes;
}
