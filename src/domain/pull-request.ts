/** A pull request as the pipeline needs it: from the API, never from artifact content. */
export interface PullRequestRef {
  number: number;
  baseRef: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository. */
  headRepo: string;
  authorLogin: string;
}
