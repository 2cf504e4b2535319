import { generateKeyPairSync } from "node:crypto";

let privateKey: string | undefined;

/** A real RSA key, made once per test file: Probot signs real JWTs with it. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ type: "pkcs1", format: "pem" })
    .toString();
  return privateKey;
}
