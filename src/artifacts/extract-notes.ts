import type { Entry } from "yauzl";
import { ARTIFACT_LIMIT_ENV } from "./limits.js";

/** Entry names are untrusted and unbounded (64 KiB); the note only needs to point at one. */
const MAX_NAME_IN_NOTE = 200;

export function tooBig(bytes: number, limit: number): string {
  return (
    `The artifact is ${mib(bytes)} compressed, over the ${mib(limit)} limit (${ARTIFACT_LIMIT_ENV.maxBytes}), ` +
    "so it was not opened. Upload only the SARIF files, or raise the limit."
  );
}

export function notAZip(error: unknown): string {
  return `The artifact is not a readable zip file (${reason(error)}), so none of its SARIF was read.`;
}

export function tooManyEntries(count: number, limit: number): string {
  return (
    `The artifact has ${count} entries, over the limit of ${limit} ` +
    `(${ARTIFACT_LIMIT_ENV.maxEntries}), so it was not read. Upload only the SARIF files.`
  );
}

export function unsafeName(name: string, why: string): string {
  return (
    `Skipped entry ${quote(name)}: ${why}. Entry names must be relative paths inside the ` +
    "artifact; this one could write outside the extraction folder."
  );
}

export function ratioTooHigh(name: string, entry: Entry, limit: number): string {
  return (
    `Skipped ${quote(name)}: it declares ${entry.uncompressedSize} bytes from ` +
    `${entry.compressedSize} compressed, over the compression ratio limit of ${limit} ` +
    `(${ARTIFACT_LIMIT_ENV.maxRatio}); this is how zip bombs look.`
  );
}

export function ratioExceededWhileReading(name: string, limit: number): string {
  return (
    `Stopped reading ${quote(name)}: it inflated past ${limit} times its compressed size ` +
    `(${ARTIFACT_LIMIT_ENV.maxRatio}); this is how zip bombs look.`
  );
}

export function totalTooBig(name: string, limit: number): string {
  return (
    `Stopped at ${quote(name)}: the artifact's SARIF inflates to more than ${mib(limit)} ` +
    `(${ARTIFACT_LIMIT_ENV.maxUncompressedBytes}), so it and the entries after it were not read.`
  );
}

export function sizeLied(name: string, declared: number): string {
  return (
    `Stopped reading ${quote(name)}: it inflates past the ${declared} bytes its zip header ` +
    "declares, so the artifact is corrupt or forged."
  );
}

export function unreadable(name: string, message: string): string {
  return `Could not read ${quote(name)} (${message}); the other entries were still read.`;
}

export function damaged(error: unknown): string {
  return (
    `The artifact's zip directory is damaged (${reason(error)}); entries after the damage ` +
    "were not read."
  );
}

export function noSarif(): string {
  return "The artifact contains no SARIF file (names ending in .sarif or .sarif.json).";
}

function quote(name: string): string {
  const shown = name.length > MAX_NAME_IN_NOTE ? `${name.slice(0, MAX_NAME_IN_NOTE)}…` : name;
  return JSON.stringify(shown);
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
