import { createDb, migrateDb, type DbHandle } from "@creditseg/db";
import { withThrowawayPostgres } from "@creditseg/db/throwaway-postgres";

/** A fresh, migrated PostgreSQL database on `serverUrl`'s server, dropped when `work` ends. */
export function withMigratedPostgres<T>(
  serverUrl: string,
  work: (handle: DbHandle, url: string) => Promise<T>,
): Promise<T> {
  return withThrowawayPostgres(
    serverUrl,
    async (url) => {
      const handle = await createDb({ url, maxConnections: 4 });
      try {
        await migrateDb(handle);
        return await work(handle, url);
      } finally {
        await handle.close();
      }
    },
    "creditseg_bench",
  );
}
