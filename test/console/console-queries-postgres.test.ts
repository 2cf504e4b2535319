import { afterAll, describe, it } from "@jest/globals";
import { openStore } from "../../src/store/open-store.js";
import { freshSchema, postgresReachable, TEST_DATABASE_URL } from "../helpers/postgres.js";
import { consoleQueriesContract } from "./console-queries.js";

if (await postgresReachable()) {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });
  describe("console queries: postgres", () =>
    consoleQueriesContract(async () => {
      const schema = await freshSchema();
      drops.push(schema.drop);
      return openStore(schema.url);
    }));
} else {
  describe("console queries: postgres", () => {
    it.skip(`skipped: no PostgreSQL at ${new URL(TEST_DATABASE_URL).host}`, () => undefined);
  });
}
