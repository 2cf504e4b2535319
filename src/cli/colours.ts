/**
 * ANSI styling for a terminal only: piped output (CI logs, files, other tools) stays plain.
 * `NO_COLOR` (no-color.org) always wins; `FORCE_COLOR` asks for colour without a TTY.
 */
export type Style = "bold" | "dim" | "red" | "yellow" | "green";

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
};

export type Paint = (style: Style, text: string) => string;

export function useColour(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0")
    return true;
  return isTTY && env.TERM !== "dumb";
}

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_style, text) => text;
  return (style, text) => `\u001B[${CODES[style][0]}m${text}\u001B[${CODES[style][1]}m`;
}
