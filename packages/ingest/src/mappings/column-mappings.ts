import { IMPORT_KINDS, type ImportKind } from "@creditseg/core/constants";
import type { DbHandle } from "@creditseg/db";
import { columnMappings } from "@creditseg/db/schema";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { HeaderMapping } from "../headers/match-headers";
import { IngestError } from "../ingest-error";
import { KIND_SPECS } from "../specs";

export type SavedMapping = {
  id: number;
  name: string;
  kind: ImportKind;
  mapping: HeaderMapping;
  createdBy: string | null;
  createdAt: Date;
};

/** Input of saveMapping; shared with the API. */
export const saveMappingInput = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(IMPORT_KINDS),
  mapping: z.record(z.string().min(1).max(200), z.string().min(1)),
});
export type SaveMappingInput = z.infer<typeof saveMappingInput>;

function assertTargetsExist(kind: ImportKind, mapping: HeaderMapping): void {
  const names = new Set(KIND_SPECS[kind].columns.map((column) => column.name));
  const unknown = Object.values(mapping).filter((target) => !names.has(target));
  if (unknown.length > 0)
    throw new IngestError("unknown_mapping_target", `not a ${kind} column: ${unknown.join(", ")}`);
}

/** Saves (or replaces, by name) a header mapping for a recurring file layout. */
export async function saveMapping(args: {
  handle: DbHandle;
  input: SaveMappingInput;
  actorId: string | null;
}): Promise<SavedMapping> {
  const input = saveMappingInput.parse(args.input);
  assertTargetsExist(input.kind, input.mapping);
  const [saved] = await args.handle.db
    .insert(columnMappings)
    .values({ name: input.name, kind: input.kind, mapping: input.mapping, createdBy: args.actorId })
    .onConflictDoUpdate({ target: columnMappings.name, set: { kind: input.kind, mapping: input.mapping } })
    .returning();
  if (!saved) throw new Error("mapping not saved");
  return saved;
}

/** Saved mappings, by name; of one kind when given. */
export async function listMappings(args: { handle: DbHandle; kind?: ImportKind }): Promise<SavedMapping[]> {
  const query = args.handle.db.select().from(columnMappings);
  return args.kind
    ? query.where(eq(columnMappings.kind, args.kind)).orderBy(asc(columnMappings.name))
    : query.orderBy(asc(columnMappings.name));
}

/** A mapping given inline, or the saved one with that name (which must be for the same kind). */
export async function resolveMapping(args: {
  handle: DbHandle;
  kind: ImportKind;
  mapping: HeaderMapping | string | undefined;
}): Promise<HeaderMapping> {
  if (args.mapping === undefined) return {};
  if (typeof args.mapping !== "string") {
    assertTargetsExist(args.kind, args.mapping);
    return args.mapping;
  }
  const [saved] = await args.handle.db.select().from(columnMappings).where(eq(columnMappings.name, args.mapping));
  if (!saved) throw new IngestError("mapping_not_found", `no saved column mapping named "${args.mapping}"`);
  if (saved.kind !== args.kind)
    throw new IngestError("invalid_option", `mapping "${args.mapping}" is for ${saved.kind}, not ${args.kind}`);
  return saved.mapping;
}
