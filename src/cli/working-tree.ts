/** File contents for fingerprints, from the working tree: what the scanner just looked at. */
import { readFile, stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import type { ContentFetcher } from "../fingerprint/file-line-hashes.js";

/** The app's limit for blobs too: a bigger file's findings fall back to message identity. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function workingTreeReader(root: string): ContentFetcher {
  return async (path) => {
    const full = resolve(root, path);
    // Paths come from SARIF: one that climbs out of the repository is not read.
    if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    try {
      const info = await stat(full);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return null;
      return await readFile(full);
    } catch {
      return null;
    }
  };
}
