import { describe } from "vitest";
import { createDb, type DbHandle } from "../client";
import { readDbEnv } from "../env";
import { migratedPgliteTemplate, migratedPostgresTemplate } from "./migrated-templates";

export { migratedPostgresTemplate } from "./migrated-templates";
import { openThrowawayTestDb } from "./throwaway-postgres";

export {
  createLocatedDb,
  createThrowawayPostgres,
  withThrowawayPostgres,
  type LocatedDb,
  type ThrowawayPostgres,
} from "./throwaway-postgres";

export type TestDbKind = "pglite" | "postgres";

/**
 * The databases integration tests run on: PGlite always; PostgreSQL too when TEST_DATABASE_URL
 * is set (CI sets it). Tests never mock the database.
 */
export function testDbKinds(): TestDbKind[] {
  return readDbEnv().TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A freshly migrated, empty database: in-memory PGlite, or a throwaway PostgreSQL database
 * created on TEST_DATABASE_URL's server and dropped on close. Each is a copy of one migrated
 * template (see migrated-templates.ts), so no test pays for the migrations.
 */
export async function createTestDb(kind: TestDbKind): Promise<DbHandle> {
  if (kind === "pglite") {
    return createDb({ pgliteDir: "memory://", pgliteTemplate: await migratedPgliteTemplate() });
  }
  return openThrowawayTestDb(migratedPostgresTemplate);
}

/** `describe` once per test database kind, titled with the kind so the output shows both ran. */
export function describeEachDb(title: string, body: (kind: TestDbKind) => void): void {
  for (const kind of testDbKinds()) {
    describe(`${title} [${kind}]`, () => body(kind));
  }
}

export { createUnmigratedTestDb, migrateDbThrough } from "./migrate-through";
