/**
 * SARIF region → line range. A region without lines (byte or char offsets only) makes a
 * file-level finding; lines that cannot be real make a file-level finding with a warning.
 */
import type { Region } from "../findings/finding.js";
import { isRecord } from "./json-guards.js";

/** No source file has ten million lines; a bigger number is a bug or an attack. */
export const MAX_LINE_NUMBER = 10_000_000;
/** Columns beyond this are minified code or junk; they are dropped, the line is kept. */
export const MAX_COLUMN_NUMBER = 1_000_000;

export type RegionReading =
  { kind: "lines"; region: Region } | { kind: "none" } | { kind: "invalid"; problem: string };

function isPositiveInteger(value: unknown, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max;
}

function problem(which: string, value: unknown): string {
  const shown = typeof value === "number" ? String(value) : `a ${typeof value}`;
  return `${which} line ${shown} is not a line number in 1..${MAX_LINE_NUMBER}`;
}

export function readRegion(region: unknown): RegionReading {
  if (!isRecord(region) || region["startLine"] === undefined) return { kind: "none" };
  const { startLine, endLine, startColumn, endColumn } = region;
  if (!isPositiveInteger(startLine, MAX_LINE_NUMBER)) {
    return { kind: "invalid", problem: problem("start", startLine) };
  }
  if (endLine !== undefined && !isPositiveInteger(endLine, MAX_LINE_NUMBER)) {
    return { kind: "invalid", problem: problem("end", endLine) };
  }
  return {
    kind: "lines",
    region: {
      startLine,
      // An end before the start is a producer bug; the start line is still right.
      endLine: endLine !== undefined && endLine >= startLine ? endLine : startLine,
      ...(isPositiveInteger(startColumn, MAX_COLUMN_NUMBER) ? { startColumn } : {}),
      ...(isPositiveInteger(endColumn, MAX_COLUMN_NUMBER) ? { endColumn } : {}),
    },
  };
}
