/**
 * KEV and EPSS data for the process: read from `GUARDRAIL_KEV_FILE` / `GUARDRAIL_EPSS_FILE` when
 * set, else fetched from the publishers; either way kept for `GUARDRAIL_ENRICHMENT_REFRESH`.
 * A source that cannot be read answers `{ok: false}`: enrichment is a bonus, never a reason for
 * an analysis to fail.
 */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { parseEpssCsv, EPSS_URL } from "./epss-scores.js";
import { KEV_URL, parseKevCatalogue } from "./kev-catalogue.js";

export type Lookup<T> = { ok: true; data: T } | { ok: false; reason: string };

export interface EnrichmentSource {
  kev(): Promise<Lookup<ReadonlySet<string>>>;
  epss(): Promise<Lookup<ReadonlyMap<string, number>>>;
}

export interface EnrichmentSettings {
  kevFile?: string | undefined;
  epssFile?: string | undefined;
  refreshMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The publishers answer in well under this; a hung one must not hold an analysis. */
const FETCH_TIMEOUT_MS = 15_000;
/** The full EPSS CSV is ~10 MB unzipped, the KEV catalogue ~2 MB. */
const MAX_BYTES = 64 * 1024 * 1024;
/** After a failure, try again this soon rather than after a whole refresh period. */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;

export function createEnrichmentSource(settings: EnrichmentSettings): EnrichmentSource {
  const now = settings.now ?? Date.now;
  const doFetch = settings.fetch ?? fetch;
  const read = (file: string | undefined, url: string) => () =>
    file === undefined ? download(doFetch, url) : readFile(file);
  return {
    kev: cached(
      read(settings.kevFile, KEV_URL),
      (bytes) => parseKevCatalogue(text(bytes)),
      settings.refreshMs,
      now,
    ),
    epss: cached(
      read(settings.epssFile, EPSS_URL),
      (bytes) => parseEpssCsv(text(bytes)),
      settings.refreshMs,
      now,
    ),
  };
}

function cached<T>(
  load: () => Promise<Buffer>,
  parse: (bytes: Buffer) => T,
  refreshMs: number,
  now: () => number,
): () => Promise<Lookup<T>> {
  let last: { lookup: Lookup<T>; until: number } | null = null;
  let pending: Promise<Lookup<T>> | null = null;
  return () => {
    if (last !== null && now() < last.until) return Promise.resolve(last.lookup);
    pending ??= load()
      .then((bytes): Lookup<T> => ({ ok: true, data: parse(bytes) }))
      .catch((error: unknown): Lookup<T> => ({ ok: false, reason: reasonOf(error) }))
      .then((lookup) => {
        // Stale data beats none: a failed refresh keeps serving what was read before.
        const kept = !lookup.ok && last?.lookup.ok === true ? last.lookup : lookup;
        last = { lookup: kept, until: now() + (lookup.ok ? refreshMs : RETRY_AFTER_FAILURE_MS) };
        pending = null;
        return kept;
      });
    return pending;
  };
}

async function download(doFetch: typeof fetch, url: string): Promise<Buffer> {
  const response = await doFetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_BYTES)
    throw new Error(`${new URL(url).host} sent more than ${MAX_BYTES} bytes`);
  return Buffer.from(await response.arrayBuffer());
}

/** The EPSS file is published gzipped; a local copy may be either. */
function text(bytes: Buffer): string {
  const plain =
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? gunzipSync(bytes, { maxOutputLength: MAX_BYTES })
      : bytes;
  return plain.toString("utf8");
}

function reasonOf(error: unknown): string {
  // Duck-typed: errors from node:fs and fetch may come from another realm than this module's Error.
  if (typeof error !== "object" || error === null) return String(error);
  const { message, code, cause } = error as { message?: unknown; code?: unknown; cause?: unknown };
  const text = typeof message === "string" ? message : "unknown error";
  const prefix = typeof code === "string" && !text.startsWith(code) ? `${code} ` : "";
  const because =
    typeof cause === "object" && cause !== null && "message" in cause
      ? `: ${String(cause.message)}`
      : "";
  return `${prefix}${text}${because}`.slice(0, 300);
}
