/** .NET tools start SARIF with a UTF-8 byte order mark, which JSON parsers reject. */
const BOM = [0xef, 0xbb, 0xbf];

/**
 * A filter for a byte stream that drops a leading byte order mark, even one split across chunks.
 * `flush()` returns what it held back when the stream ended within the first three bytes.
 */
export function withoutByteOrderMark(): ((chunk: Uint8Array) => Uint8Array) & {
  flush(): Uint8Array;
} {
  let head: number[] | null = [];
  const filter = (chunk: Uint8Array): Uint8Array => {
    if (head === null) return chunk;
    let i = 0;
    while (i < chunk.length && head.length < BOM.length) head.push(chunk[i++]!);
    if (head.length < BOM.length && head.every((byte, k) => byte === BOM[k])) {
      return new Uint8Array(0);
    }
    const isBom = head.length === BOM.length && head.every((byte, k) => byte === BOM[k]);
    const kept = isBom ? [] : head;
    head = null;
    return Buffer.concat([Uint8Array.from(kept), chunk.subarray(i)]);
  };
  return Object.assign(filter, {
    flush(): Uint8Array {
      const rest = Uint8Array.from(head ?? []);
      head = null;
      return rest;
    },
  });
}
