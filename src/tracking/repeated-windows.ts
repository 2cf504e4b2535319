import { groupKey, type Trackable } from "./trackable.js";

/**
 * A line hash's `:n` count numbers equal windows in file order, so once a copy of such a line
 * appears or goes above another, equal fingerprints name different findings. Findings whose
 * window repeats in their file and rule are left to the window pass, which pairs them in order.
 */
export function repeatedWindows(items: readonly Trackable[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    if (item.window === "") continue;
    const id = windowId(item);
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return repeated;
}

export function windowId(item: Trackable): string {
  return `${groupKey(item)}\0${item.path}\0${item.window}`;
}
