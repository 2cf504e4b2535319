import type { GitHub } from "./octokit.js";
import { ourMarker } from "./our-comment.js";

export interface GuardrailThread {
  threadId: string;
  isResolved: boolean;
  /** REST id of the thread's first comment (Guardrail's), to reply to. */
  commentId: number;
  /** Every finding the comment's marker carries, most severe first; `ids[i]` is `fingerprints[i]`'s. */
  fingerprints: string[];
  ids: string[];
  /** The first of them. */
  fingerprint: string;
  findingId: string;
}

const THREADS_QUERY = /* GraphQL */ `
  query ($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $number) {
        reviewThreads(first: 100, after: $cursor) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            isResolved
            comments(first: 1) {
              nodes {
                databaseId
                body
                viewerDidAuthor
                author {
                  login
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface ThreadsPage {
  repository?: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          isResolved: boolean;
          comments: {
            nodes: {
              databaseId: number;
              body: string;
              viewerDidAuthor?: boolean;
              author: { login: string } | null;
            }[];
          };
        }[];
      };
    } | null;
  };
}

/** Hard stop for pathological PRs: 50 pages of 100 threads. */
const MAX_THREAD_PAGES = 50;

/**
 * Guardrail's inline threads on a PR, recognised by the hidden marker in a first comment written
 * by the App itself (a marker pasted by someone else does not count).
 */
export async function listGuardrailThreads(
  github: GitHub,
  where: { owner: string; repo: string; pullNumber: number; appSlug: string },
): Promise<GuardrailThread[]> {
  const threads: GuardrailThread[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page += 1) {
    const data: ThreadsPage = await github.graphql<ThreadsPage>(THREADS_QUERY, {
      owner: where.owner,
      repo: where.repo,
      number: where.pullNumber,
      cursor,
    });
    // A PR GitHub does not know (deleted meanwhile) has no threads to reconcile.
    const connection = data.repository?.pullRequest?.reviewThreads;
    if (!connection) break;
    for (const node of connection.nodes) {
      const first = node.comments.nodes[0];
      if (!first) continue;
      const author = { login: first.author?.login, viewerDidAuthor: first.viewerDidAuthor };
      const marker = ourMarker(first.body, author, where.appSlug);
      if (!marker) continue;
      threads.push({
        threadId: node.id,
        isResolved: node.isResolved,
        commentId: first.databaseId,
        fingerprints: marker.fingerprints,
        ids: marker.ids,
        fingerprint: marker.fingerprint,
        findingId: marker.id,
      });
    }
    if (!connection.pageInfo.hasNextPage) break;
    cursor = connection.pageInfo.endCursor;
  }
  return threads;
}

export async function setThreadResolved(
  github: GitHub,
  threadId: string,
  resolved: boolean,
): Promise<void> {
  const mutation = resolved
    ? `mutation ($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id } } }`
    : `mutation ($id: ID!) { unresolveReviewThread(input: { threadId: $id }) { thread { id } } }`;
  await github.graphql(mutation, { id: threadId });
}
