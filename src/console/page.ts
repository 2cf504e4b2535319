import type { FigureSource } from "./org-figures.js";
import type { ConsoleDb } from "./queries/console-tables.js";
import type { Render } from "./render.js";
import type { UserAccess } from "./repository-access.js";

/** What every page handler gets: the visible repositories decide every query's scope. */
export interface PageContext {
  db: ConsoleDb;
  access: UserAccess;
  /** The console's URL path (`/console`, or below the public URL's path). */
  root: string;
  render: Render;
  now: number;
  url: URL;
  figures: FigureSource;
}

export type PageResult =
  | { kind: "html"; status: number; body: string }
  | { kind: "csv"; filename: string; body: string }
  | { kind: "not-found" };

export function layoutData(ctx: PageContext, title: string, charts = false) {
  return { title, root: ctx.root, login: ctx.access.login, charts };
}

/** The visible repositories' store keys, for every query's `repo in (…)`. */
export function visibleKeys(ctx: PageContext): string[] {
  return [...ctx.access.repositories.keys()];
}
