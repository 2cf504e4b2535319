import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";

const BASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const created: string[] = [];

/** Drops the PostgreSQL schemas the stores were given. */
export async function dropLifecycleSchemas(): Promise<void> {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  for (const schema of created.splice(0))
    await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}

/** SQLite always; PostgreSQL (a fresh schema per store) when TEST_DATABASE_URL answers. */
export async function lifecycleStores(): Promise<[string, () => Promise<Store>][]> {
  const stores: [string, () => Promise<Store>][] = [["sqlite", () => openStore("sqlite::memory:")]];
  if (!(await reachable())) {
    console.warn("PostgreSQL unreachable: the lifecycle history runs on SQLite only");
    return stores;
  }
  stores.push([
    "postgres",
    async () => {
      const schema = `guardrail_lifecycle_${process.pid}_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: BASE_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      created.push(schema);
      await admin.end();
      const url = new URL(BASE_URL);
      url.searchParams.set("options", `-c search_path=${schema}`);
      return openStore(url.toString());
    },
  ]);
  return stores;
}
