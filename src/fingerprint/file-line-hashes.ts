import { computeLineHashes } from "./line-hash.js";
import type { FileLines } from "./track-keys.js";

/**
 * Reads a file of the analysed commit; the caller owns caching. Resolves null when the file is not
 * available there (deleted, binary, too large); rejects only on internal failures, which propagate.
 */
export type ContentFetcher = (path: string) => Promise<Uint8Array | null>;

/** Files fetched at once: enough to hide latency, few enough to stay clear of secondary rate limits. */
export const CONTENT_FETCH_CONCURRENCY = 8;

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Line hashes and texts of each path (null when unavailable), each file fetched and hashed once,
 * and only as far as the last line a finding needs.
 */
export async function lineHashesByPath(
  lastLines: ReadonlyMap<string, number>,
  getContent: ContentFetcher,
  concurrency: number = CONTENT_FETCH_CONCURRENCY,
): Promise<Map<string, FileLines | null>> {
  const queue = [...lastLines.keys()];
  const hashes = new Map<string, FileLines | null>();
  const worker = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const content = await getContent(path);
      hashes.set(path, content === null ? null : fileLines(content, lastLines.get(path)));
    }
  };
  const workers = Math.max(1, Math.min(concurrency, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return hashes;
}

/** Lines end at LF, CRLF or a lone CR, as they do for the line hash. */
function fileLines(content: Uint8Array, untilLine = Infinity): FileLines {
  const text = decoder.decode(content);
  const texts: string[] = [];
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = lineEnd.exec(text); m !== null && texts.length < untilLine; m = lineEnd.exec(text)) {
    texts.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  if (texts.length < untilLine) texts.push(text.slice(start));
  return { texts, hashes: computeLineHashes(text, untilLine) };
}
