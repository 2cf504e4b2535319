import type { ServerResponse } from "node:http";

/**
 * Every console response: scripts and styles only from this origin, nothing may frame it, no
 * plugins, forms post only here, and the browser never guesses a content type.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": contentType,
    "cache-control": "no-store",
    ...headers,
  });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  send(res, 302, "text/plain; charset=utf-8", "", {
    location,
    ...(cookies.length > 0 ? { "set-cookie": cookies } : {}),
  });
}

export const HTML = "text/html; charset=utf-8";
