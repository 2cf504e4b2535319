import { parseMarker, type Marker } from "../report/marker.js";

/** Who wrote a comment, as much of it as the API said. */
export interface CommentAuthor {
  login?: string | undefined;
  /** REST's `user.type`: "Bot" for Apps. */
  type?: string | undefined;
  /** GraphQL's `viewerDidAuthor`: with the installation token, true exactly for the App's own. */
  viewerDidAuthor?: boolean | undefined;
}

/**
 * The marker of a comment Guardrail itself wrote, or null: the one test of "is this comment
 * ours". Anyone can paste a marker, so the author must be the App (GraphQL's viewerDidAuthor, else
 * the App's login; when the slug could not be read, any bot will do).
 */
export function ourMarker(body: string, author: CommentAuthor, appSlug: string): Marker | null {
  const ours =
    author.viewerDidAuthor === true ||
    (appSlug ? isApp(author.login, appSlug) : author.type === "Bot");
  return ours ? parseMarker(body) : null;
}

/** GraphQL names a bot by its slug; REST by `<slug>[bot]`. */
export function isApp(login: string | undefined, appSlug: string): boolean {
  if (!login || !appSlug) return false;
  return login.replace(/\[bot\]$/, "").toLowerCase() === appSlug.toLowerCase();
}
