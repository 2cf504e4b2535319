/**
 * File contents by git blob SHA: a blob SHA names its content forever, so entries never go stale.
 * Bounded by total bytes, least recently used evicted first. One per process, passed in.
 */
export class BlobCache {
  readonly #entries = new Map<string, Uint8Array>();
  #bytes = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get(sha: string): Uint8Array | undefined {
    const value = this.#entries.get(sha);
    if (value) {
      this.#entries.delete(sha);
      this.#entries.set(sha, value);
    }
    return value;
  }

  set(sha: string, content: Uint8Array): void {
    if (content.byteLength > this.maxBytes || this.#entries.has(sha)) return;
    this.#entries.set(sha, content);
    this.#bytes += content.byteLength;
    for (const [key, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(key);
      this.#bytes -= value.byteLength;
    }
  }
}
