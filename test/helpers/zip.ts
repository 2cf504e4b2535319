import { zipSync } from "fflate";

/** A well-formed zip, as actions/upload-artifact makes them. */
export function zipOf(entries: Record<string, string | Uint8Array>): Buffer {
  const files = Object.fromEntries(
    Object.entries(entries).map(([name, content]) => [
      name,
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    ]),
  );
  return Buffer.from(zipSync(files));
}
