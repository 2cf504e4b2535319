/**
 * How a query is narrowed to the user's repositories. A few repositories: `repo in (…)`, answered
 * from the primary key's repo prefix. Many (a security team sees hundreds): the query groups by
 * repository over the whole table, which is cheaper than a thousand index lookups, and the rows of
 * repositories the user cannot see are dropped by `keep`. Every row is checked either way.
 */
export const IN_LIST_MAX = 200;

export interface RepoScope {
  /** The repositories to name in SQL, or undefined to group over every repository. */
  inList: string[] | undefined;
  keep(repo: string): boolean;
}

export function repoScope(repos: readonly string[]): RepoScope {
  const visible = new Set(repos);
  return {
    inList: repos.length <= IN_LIST_MAX ? [...visible] : undefined,
    keep: (repo) => visible.has(repo),
  };
}

/** Every repository: for organisation-wide figures that are filtered per user afterwards. */
export const ALL_REPOSITORIES: RepoScope = { inList: undefined, keep: () => true };
