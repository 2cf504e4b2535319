/** "1 finding", "3 findings", "2 entries": a count with its noun, for messages people read. */
export function plural(
  count: number | bigint,
  noun: string,
  pluralNoun = defaultPlural(noun),
): string {
  return `${count} ${count === 1 || count === 1n ? noun : pluralNoun}`;
}

function defaultPlural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}
