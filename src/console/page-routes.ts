import type { PageContext, PageResult } from "./page.js";
import { findingPage } from "./pages/finding-page.js";
import { overviewPage } from "./pages/overview-page.js";
import { repositoryPage } from "./pages/repository-page.js";
import { suppressionsCsv } from "./pages/suppressions-csv.js";
import { suppressionsPage } from "./pages/suppressions-page.js";

/** The signed-in pages, by path below `/console`; undefined when none matches. */
export function routePage(ctx: PageContext, rest: string): Promise<PageResult> | undefined {
  if (rest === "" || rest === "/") return overviewPage(ctx);
  if (rest === "/suppressions") return suppressionsPage(ctx);
  if (rest === "/suppressions.csv") return suppressionsCsv(ctx);
  const repo = /^\/repos\/([^/]+)\/([^/]+)(?:\/findings\/([^/]+))?$/.exec(rest);
  if (repo === null) return undefined;
  const [owner, name, finding] = [repo[1], repo[2], repo[3]].map((p) =>
    p === undefined ? undefined : decode(p),
  );
  if (owner === undefined || name === undefined) return Promise.resolve({ kind: "not-found" });
  const key = `${owner}/${name}`.toLowerCase();
  return finding === undefined ? repositoryPage(ctx, key) : findingPage(ctx, key, finding);
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
