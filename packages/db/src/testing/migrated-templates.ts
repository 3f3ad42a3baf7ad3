import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createDb } from "../client";
import { MIGRATIONS_FOLDER, migrateDb } from "../migrate";

/**
 * Test databases start from a copy of one migrated template instead of running every migration again:
 * PGlite from a data-directory tarball, PostgreSQL with CREATE DATABASE … TEMPLATE. Both are keyed by a
 * fingerprint of the migration files, so a new or changed migration builds a new template.
 */

/** Hex digest of the journal and every SQL migration (16 characters: a name, not a security check). */
function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json")));
  for (const file of readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => name.endsWith(".sql"))
    .sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A migrated PGlite data directory as an uncompressed tarball: read from the OS temp folder when an
 * earlier test file built it, else built here and left there for the next one. Once per process.
 */
export function migratedPgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= loadOrBuildPgliteTemplate();
  return pgliteTemplate;
}

async function loadOrBuildPgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `creditseg-pglite-template-${migrationsFingerprint()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const handle = await createDb({ pgliteDir: "memory://" });
  try {
    await migrateDb(handle);
    const dump = await handle.pglite!.dumpDataDir("none");
    // Written under a name of its own, then renamed: a test file starting in parallel never reads half a file.
    const partial = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    try {
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    return dump;
  } finally {
    await handle.close();
  }
}

const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The name of a migrated template database on `serverUrl`'s server, built the first time any test
 * asks for it. Test files running in parallel wait on an advisory lock, so it is built once; it is built
 * under a temporary name and renamed when complete, so a crash never leaves a half-migrated template.
 */
export function migratedPostgresTemplate(serverUrl: string): Promise<string> {
  let template = postgresTemplates.get(serverUrl);
  if (!template) {
    template = buildPostgresTemplate(serverUrl);
    postgresTemplates.set(serverUrl, template);
  }
  return template;
}

/** Advisory-lock key for building templates (any fixed bigint; "creditsg" in ASCII). */
const TEMPLATE_LOCK_KEY = 0x6372656469747367n;

async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `creditseg_template_${migrationsFingerprint()}`;
  // One connection, so the session-level advisory lock and its unlock run on the same session.
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK_KEY.toString()}::bigint)`;
    const existing = await admin`select 1 from pg_database where datname = ${name}`;
    if (existing.length === 0) {
      const building = `${name}_build_${randomBytes(4).toString("hex")}`;
      await admin.unsafe(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      try {
        const handle = await createDb({ url: url.toString(), maxConnections: 1 });
        try {
          await migrateDb(handle);
        } finally {
          await handle.close();
        }
        await admin.unsafe(`alter database ${building} rename to ${name}`);
      } catch (error) {
        await admin.unsafe(`drop database if exists ${building} with (force)`);
        throw error;
      }
    }
    return name;
  } finally {
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY.toString()}::bigint)`.catch(() => undefined);
    await admin.end({ timeout: 5 });
  }
}
