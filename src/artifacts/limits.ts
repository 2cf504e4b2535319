import { z } from "zod";

/** Bounds on one untrusted artifact zip (design.md "Limits on untrusted artifacts"). */
export interface ArtifactLimits {
  /** Size of the zip as downloaded. */
  readonly maxBytes: number;
  /** Bytes inflated across all its SARIF entries, counted as they stream. */
  readonly maxUncompressedBytes: number;
  /** Entries in its central directory, checked before anything is read. */
  readonly maxEntries: number;
  /** Uncompressed / compressed size of one entry; zip bombs reach thousands. */
  readonly maxRatio: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = Object.freeze({
  maxBytes: 100 * MIB,
  maxUncompressedBytes: 512 * MIB,
  maxEntries: 1_000,
  maxRatio: 200,
});

/** Environment variable that overrides each limit. */
export const ARTIFACT_LIMIT_ENV: Readonly<Record<keyof ArtifactLimits, string>> = Object.freeze({
  maxBytes: "GUARDRAIL_ARTIFACT_MAX_BYTES",
  maxUncompressedBytes: "GUARDRAIL_ARTIFACT_MAX_UNCOMPRESSED_BYTES",
  maxEntries: "GUARDRAIL_ARTIFACT_MAX_ENTRIES",
  maxRatio: "GUARDRAIL_ARTIFACT_MAX_RATIO",
});

const positiveInteger = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** The defaults, overridden by any variable that is set and non-empty; a bad value throws. */
export function artifactLimitsFromEnv(env: NodeJS.ProcessEnv): ArtifactLimits {
  const limits = { ...DEFAULT_ARTIFACT_LIMITS };
  for (const key of Object.keys(ARTIFACT_LIMIT_ENV) as (keyof ArtifactLimits)[]) {
    const name = ARTIFACT_LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = positiveInteger.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    }
    limits[key] = parsed.data;
  }
  return Object.freeze(limits);
}
