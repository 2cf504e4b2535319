import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import pg from "pg";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/open-store.js";
import { describeStoreContract } from "./contract.js";

const BASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONNECT_TIMEOUT_MS = 3_000;

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: BASE_URL,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Each store gets its own schema so parallel runs and tests never see each other's rows. */
function schemaUrl(schema: string): string {
  const url = new URL(BASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

if (await reachable()) {
  const admin = new pg.Pool({ connectionString: BASE_URL, max: 2 });
  const schemas: string[] = [];
  const freshSchema = async (): Promise<string> => {
    const schema = `guardrail_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await admin.query(`create schema ${schema}`);
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  describeStoreContract("postgres", async () => openStore(schemaUrl(await freshSchema())));

  describe("postgres store", () => {
    it("is shared by several processes: migrations, deliveries and claims happen once", async () => {
      const url = schemaUrl(await freshSchema());
      const stores: Store[] = await Promise.all([openStore(url), openStore(url), openStore(url)]);
      try {
        expect(stores.map((s) => s.kind)).toEqual(["postgres", "postgres", "postgres"]);
        const [a, b, c] = stores as [Store, Store, Store];
        const first = await Promise.all(
          stores.map((s) => s.deliveries.recordDelivery("d", "push")),
        );
        expect(first.filter(Boolean)).toHaveLength(1);

        for (let i = 0; i < 30; i += 1) await a.jobs.enqueue({ name: "analyse", payload: i });
        const claimed: number[] = [];
        await Promise.all(
          [a, b, c, a, b, c].map(async (store, worker) => {
            for (;;) {
              const job = await store.jobs.claim(`w${worker}`, 30_000, new Date());
              if (job === null) return;
              claimed.push(job.id);
            }
          }),
        );
        expect(claimed).toHaveLength(30);
        expect(new Set(claimed).size).toBe(30);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it("reports unreachable as a failed ping, not a throw", async () => {
      const store = await openStore(schemaUrl(await freshSchema()));
      await store.close();
      expect(await store.ping()).toBe(false);
    });
  });
} else {
  describe("postgres store", () => {
    it.skip(`skipped: no PostgreSQL at ${new URL(BASE_URL).host} (set TEST_DATABASE_URL)`, () =>
      undefined);
  });
  console.warn(
    `store contract: PostgreSQL not reachable at ${new URL(BASE_URL).host}; postgres suite skipped`,
  );
}
