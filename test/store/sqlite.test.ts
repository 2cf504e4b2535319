import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { openStore } from "../../src/store/open-store.js";
import { describeStoreContract } from "./contract.js";

const dir = mkdtempSync(join(tmpdir(), "guardrail-store-"));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract("sqlite in memory", () => openStore("sqlite::memory:"));
describeStoreContract("sqlite file", () =>
  openStore(`file:${join(dir, `contract-${(files += 1)}.db`)}`),
);

describe("sqlite store", () => {
  it("creates the directory, uses WAL and foreign keys, and migrates an existing file once", async () => {
    const path = join(dir, "nested", "deeper", "guardrail.db");
    const first = await openStore(`sqlite:${path}`);
    expect(first.kind).toBe("sqlite");
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(
      first.db,
    );
    const { rows: keys } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(
      first.db,
    );
    expect(journal[0]?.journal_mode).toBe("wal");
    expect(keys[0]?.foreign_keys).toBe(1);
    await first.deliveries.recordDelivery("kept", "push");
    await first.close();

    const second = await openStore(`sqlite://${path}`);
    expect(await second.deliveries.recordDelivery("kept", "push")).toBe(false);
    await second.close();
  });

  it("answers ping false once closed", async () => {
    const store = await openStore("sqlite::memory:");
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});
