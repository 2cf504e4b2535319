/** Long enough to recognise what was typed, short enough for a one-line reply. */
const MAX_ECHO_LENGTH = 60;

/**
 * Shows a piece of user input inside an error message as inline code. Backticks and line
 * breaks are dropped so the input cannot close the code span; GitHub does not notify
 * @mentions inside code.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/[`\r\n]/g, "");
  const short = flat.length > MAX_ECHO_LENGTH ? `${flat.slice(0, MAX_ECHO_LENGTH)}…` : flat;
  return short === "" ? "(nothing)" : `\`${short}\``;
}
