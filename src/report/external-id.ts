/** A check run's `external_id` names the workflow run attempt it reports on: `<run id>:<attempt>`. */
export function externalIdOf(runId: number, runAttempt: number): string {
  return `${runId}:${runAttempt}`;
}

export function parseExternalId(
  externalId: string | null | undefined,
): { runId: number; runAttempt: number } | null {
  const match = /^(\d+):(\d+)$/.exec(externalId ?? "");
  if (!match) return null;
  return { runId: Number(match[1]), runAttempt: Number(match[2]) };
}
