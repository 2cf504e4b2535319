import { PassThrough } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { createLogger } from "../../src/logger.js";

async function logged(
  write: (log: Awaited<ReturnType<typeof createLogger>>) => void,
): Promise<string> {
  const destination = new PassThrough();
  const chunks: string[] = [];
  destination.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const log = await createLogger({ level: "info", format: "json", destination });
  write(log);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return chunks.join("");
}

describe("createLogger", () => {
  it("redacts credentials wherever they appear", async () => {
    const out = await logged((log) => {
      log.info({ headers: { authorization: "token ghs_secret1" } }, "request");
      log.info({ request: { headers: { authorization: "bearer jwt_secret2" } } }, "nested");
      log.info({ privateKey: "-----BEGIN RSA PRIVATE KEY----- secret3" }, "key");
      log.info({ options: { token: "ghs_secret4", secret: "webhook_secret5" } }, "options");
      log.info(
        { req: { headers: { "x-hub-signature-256": "sha256=secret6", cookie: "secret7" } } },
        "req",
      );
    });
    for (const secret of [
      "secret1",
      "secret2",
      "secret3",
      "secret4",
      "secret5",
      "secret6",
      "secret7",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[redacted]");
    expect(out.trim().split("\n")).toHaveLength(5);
  });
});
