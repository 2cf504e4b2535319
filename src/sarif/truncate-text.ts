import { truncate } from "../text/truncate.js";

/** Caps on untrusted text carried from SARIF into findings (a 10 MB message must not travel). */

/** Enough for any real scanner message; GitHub caps a comment body at 65,536 characters anyway. */
export const MAX_MESSAGE_LENGTH = 16 * 1024;
/** Rule help can be a whole page of markdown (CodeQL query help). */
export const MAX_HELP_LENGTH = 32 * 1024;
/** Names, short descriptions, tags, justifications: one line of text. */
export const MAX_SHORT_TEXT_LENGTH = 1024;
/** URIs and paths; longer ones are not real files. */
export const MAX_URI_LENGTH = 4096;

/** Cuts `text` to at most `maxLength` UTF-16 code units, never splitting a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  return truncate(text, maxLength);
}

/** A string capped to `maxLength`, or undefined when the value is not a string. */
export function cappedString(value: unknown, maxLength: number): string | undefined {
  return typeof value === "string" ? truncateText(value, maxLength) : undefined;
}
