import { computeLineHashes } from "./line-hash.js";

/**
 * Reads a file of the analysed commit; the caller owns caching. Resolves null when the file is not
 * available there (deleted, binary, too large); rejects only on internal failures, which propagate.
 */
export type ContentFetcher = (path: string) => Promise<Uint8Array | null>;

/** Files fetched at once: enough to hide latency, few enough to stay clear of secondary rate limits. */
export const CONTENT_FETCH_CONCURRENCY = 8;

/**
 * Line hashes of each path (null when unavailable), each file fetched and hashed once, and only
 * as far as the last line a finding needs.
 */
export async function lineHashesByPath(
  lastLines: ReadonlyMap<string, number>,
  getContent: ContentFetcher,
  concurrency: number = CONTENT_FETCH_CONCURRENCY,
): Promise<Map<string, string[] | null>> {
  const queue = [...lastLines.keys()];
  const hashes = new Map<string, string[] | null>();
  const worker = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const content = await getContent(path);
      hashes.set(path, content === null ? null : computeLineHashes(content, lastLines.get(path)));
    }
  };
  const workers = Math.max(1, Math.min(concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return hashes;
}
