/**
 * Readers for values from an untrusted SARIF log. The schema check lets harmless violations
 * through (`artifactChanges: null`, a string where a number belongs), so every field is checked
 * at the point of use instead of trusting its declared `@types/sarif` type.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value as a SARIF object type when it is an object; its fields still need checking. */
export function asRecord<T extends object>(value: unknown): T | undefined {
  return isRecord(value) ? (value as T) : undefined;
}

/** A non-negative integer usable as an array index. */
export function asIndex(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The object elements of an array; anything else reads as empty. */
export function records<T extends object>(value: readonly T[] | null | undefined): T[] {
  if (!Array.isArray(value)) return [];
  return (value as readonly unknown[]).filter(isRecord) as T[];
}

/** The element at `index` when it is an object. */
export function recordAt<T extends object>(
  value: readonly T[] | null | undefined,
  index: number | undefined,
): T | undefined {
  if (index === undefined || !Array.isArray(value)) return undefined;
  const element: unknown = (value as readonly unknown[])[index];
  return isRecord(element) ? (element as T) : undefined;
}

/** `{ [key]: value }` when value is defined, else `{}`: spreads cleanly into optional fields. */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}
