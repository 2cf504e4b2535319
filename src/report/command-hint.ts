/** The one line under a Guardrail comment saying how to answer it. */

const REASONS = "`/fp <why>`, `/ar <why>`, `/wontfix <why>`, `/tests <why>` or `/other <why>`";
const OPTIONS = "(options `--scope finding|rule|path:<glob>`, `--expires <YYYY-MM-DD|30d>`)";

/** For a comment about one finding. */
export const COMMAND_HINT = `Reply ${REASONS} to suppress ${OPTIONS}.`;

/** For a comment about several: a command applies to all of them unless it names ids. */
export function groupCommandHint(firstId: string): string {
  return (
    `Reply ${REASONS} to suppress all of them, or name the ones you mean: ` +
    `\`/fp ${firstId} <why>\` ${OPTIONS}.`
  );
}
