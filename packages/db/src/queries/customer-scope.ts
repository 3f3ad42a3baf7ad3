import { eq, type Column, type SQL } from "drizzle-orm";

/**
 * Whose customers a read covers: one credit officer's book (their staff code) or the whole bank. Every query
 * function that returns customer data takes one and applies it as a WHERE on the officer column it reads.
 */
export type CustomerScope = "all" | { officer: string };

/** The officer a scope is limited to, or null for the whole bank. */
export function officerOf(scope: CustomerScope): string | null {
  return scope === "all" ? null : scope.officer;
}

/** A scope as a key of stored or cached figures: `all`, or `o:<officer>` for an officer's book. */
export function scopeKeyOf(scope: CustomerScope): string {
  return scope === "all" ? "all" : `o:${scope.officer}`;
}

/** `column = officer` for an officer's scope, nothing for the whole bank (drizzle's `and` skips undefined). */
export function inScope(column: Column, scope: CustomerScope): SQL | undefined {
  return scope === "all" ? undefined : eq(column, scope.officer);
}
