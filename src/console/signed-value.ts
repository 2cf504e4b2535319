import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `payload.mac` with an HMAC-SHA256 over the payload and a purpose label, so a value signed for
 * one cookie (the OAuth state) can never be replayed as another (the session).
 */
export function sign(secret: string, purpose: string, payload: string): string {
  return `${payload}.${mac(secret, purpose, payload)}`;
}

/** The payload when the signature is valid; undefined otherwise (compared in constant time). */
export function verify(secret: string, purpose: string, signed: string): string | undefined {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const payload = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return payload;
}

function mac(secret: string, purpose: string, payload: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${payload}`).digest("base64url");
}
