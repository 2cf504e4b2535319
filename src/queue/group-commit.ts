/** Deliveries per transaction: enough for any burst, few enough for SQLite's bound parameters. */
export const MAX_GROUP = 200;

/**
 * Group commit: items submitted while a commit is being written (or in the same turn of the event
 * loop) go into the next commit together, so a burst costs one transaction per group instead of
 * one per item. Each caller gets its own item's outcome, or the group's error.
 */
export function groupCommit<I, O>(commit: (items: I[]) => Promise<O[]>): (item: I) => Promise<O> {
  let waiting: { item: I; done: (outcome: O) => void; fail: (error: unknown) => void }[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(group.length);
      try {
        const outcomes = await commit(group.map(({ item }) => item));
        group.forEach(({ done }, i) => done(outcomes[i]!));
      } catch (error) {
        for (const { fail } of group) fail(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((done, fail) => {
      waiting.push({ item, done, fail });
      // The first of a group waits one turn for the others handled alongside it.
      if (!writing && waiting.length === 1) setImmediate(() => void flush());
    });
}
