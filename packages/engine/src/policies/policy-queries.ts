import type { PolicyStatus } from "@creditseg/core/constants";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/** A policy version without its document (lists). */
export type PolicyVersionSummary = {
  version: number;
  name: string;
  status: PolicyStatus;
  basedOnVersion: number | null;
  /** YYYY-MM-DD. */
  effectiveFrom: string | null;
  changeNote: string | null;
  createdBy: string | null;
  createdAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  retiredAt: Date | null;
};

/** A policy version with its document (JSON as stored; drafts may be invalid until submitted). */
export type PolicyVersion = PolicyVersionSummary & { document: unknown };

type PolicyRow = {
  version: number;
  name: string;
  status: PolicyStatus;
  based_on_version: number | null;
  effective_from: string | null;
  change_note: string | null;
  created_by: string | null;
  created_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  retired_at: Date | null;
  document?: unknown;
};

const SUMMARY_COLUMNS = `version, name, status::text as status, based_on_version, effective_from::text as effective_from, change_note, created_by, created_at,
  submitted_by, submitted_at, decided_by, decided_at, decision_comment, retired_at`;

function toSummary(row: PolicyRow): PolicyVersionSummary {
  return {
    version: row.version,
    name: row.name,
    status: row.status,
    basedOnVersion: row.based_on_version,
    effectiveFrom: row.effective_from,
    changeNote: row.change_note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    retiredAt: row.retired_at,
  };
}

/** Policy versions, newest first, optionally of some statuses; without documents. */
export async function listPolicyVersions(
  handle: DbHandle,
  args: { statuses?: readonly PolicyStatus[] } = {},
): Promise<PolicyVersionSummary[]> {
  const statuses = args.statuses?.length ? JSON.stringify(args.statuses) : null;
  const rows = await handle.raw<PolicyRow>(
    `select ${SUMMARY_COLUMNS} from policies where ($1::text::jsonb is null or status::text in (select jsonb_array_elements_text($1::text::jsonb))) order by version desc`,
    [statuses],
  );
  return rows.map(toSummary);
}

/**
 * A stored policy document as a JSON value. A document written as a JSON string through a driver that encodes jsonb
 * parameters itself arrives double-encoded (a jsonb string holding the JSON text); it is decoded here.
 */
export function decodePolicyDocument(document: unknown): unknown {
  if (typeof document !== "string") return document;
  try {
    return JSON.parse(document);
  } catch {
    return document;
  }
}

/** Reads one version with its document, optionally locking the row (inside a transaction). */
export async function readPolicyVersion(
  raw: RawQuery,
  version: number,
  options: { isLocked?: boolean } = {},
): Promise<PolicyVersion> {
  const [row] = await raw<PolicyRow>(
    `select ${SUMMARY_COLUMNS}, document from policies where version = $1${options.isLocked ? " for update" : ""}`,
    [version],
  );
  if (!row) throw new EngineError("NOT_FOUND", `Policy version ${version} does not exist.`);
  return { ...toSummary(row), document: decodePolicyDocument(row.document) };
}

/** The active version (with document), or null before any is approved. */
export async function readActivePolicyVersion(raw: RawQuery): Promise<PolicyVersion | null> {
  const [row] = await raw<{ version: number }>("select version from policies where status = 'active'");
  return row ? readPolicyVersion(raw, row.version) : null;
}

/** One policy version with its document; NOT_FOUND when it does not exist. */
export function getPolicyVersion(handle: DbHandle, args: { version: number }): Promise<PolicyVersion> {
  return readPolicyVersion(handle.raw, args.version);
}
