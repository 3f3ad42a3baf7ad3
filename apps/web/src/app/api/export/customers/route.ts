import { can } from "@creditseg/core/access";
import { resolveRun } from "@creditseg/db";
import { EngineError } from "@creditseg/engine";
import { customerScopeOf } from "~/server/api/trpc";
import { resolveCustomerFilter } from "~/server/api/routers/customer-selection";
import { exportCustomersInput } from "~/server/api/schemas/customer";
import { readSession } from "~/server/auth/session";
import { getAppServer } from "~/server/app-server";
import { toCsv, toXlsx } from "~/server/export/customer-export";
import { describeErrorForLog } from "~/server/http/log-error";
import { readExportContext, readExportRows } from "~/server/export/read-export-rows";
const ARRAY_PARAMS = ["tiers", "grades", "clusters", "industries", "regions"] as const;
const NUMBER_PARAMS = new Set(["runId", "clusters"]);
const BOOLEAN_PARAMS = new Set(["isWithoutCluster"]);
/** Nested selections (a migration or draft impact cell) travel as one JSON parameter each. */
const JSON_PARAMS = new Set(["migration", "draft"]);

function readJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function readParams(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const toValue = (key: string, value: string) =>
    NUMBER_PARAMS.has(key)
      ? Number(value)
      : BOOLEAN_PARAMS.has(key)
        ? value === "true"
        : JSON_PARAMS.has(key)
          ? readJson(value)
          : value;
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).map((value) => toValue(key, value));
    params[key] = (ARRAY_PARAMS as readonly string[]).includes(key) ? values : values[0];
  }
  return params;
}

const problem = (status: number, message: string) => Response.json({ error: { message } }, { status });

/** The customer list as CSV or XLSX, with the list's filters and the caller's officer scope. GET, so no CSRF exposure. */
export async function GET(req: Request): Promise<Response> {
  const { handle, auth } = await getAppServer();
  const session = await readSession(auth, req.headers);
  if (!session) return problem(401, "Please sign in to continue.");
  if (!can(session.user.role, "export.customers") || !can(session.user.role, "customer.read"))
    return problem(403, "Your role does not allow this action.");
  const parsed = exportCustomersInput.safeParse(readParams(new URL(req.url)));
  if (!parsed.success) return problem(400, "Invalid export filters.");
  const input = parsed.data;
  try {
    const run = await resolveRun(handle.db, input);
    if (!run && input.runId !== undefined) return problem(404, "The segment run was not found.");
    const scope = customerScopeOf(session.user);
    const actor = { id: session.user.id, role: session.user.role };
    const filter = await resolveCustomerFilter(handle, { input, run, scope, actor });
    const rows = await readExportRows(handle.db, { run, scope, filter, input });
    const context = await readExportContext(handle.db, run);
    const stem = `customers-${run ? `run${run.id}-${run.period}` : "master"}`;
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (input.format === "csv") {
      return new Response(toCsv(rows, context), {
        headers: {
          ...headers,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${stem}.csv"`,
        },
      });
    }
    const body = await toXlsx(rows, context);
    return new Response(body as BodyInit, {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${stem}.xlsx"`,
      },
    });
  } catch (error) {
    // A refused selection (an officer naming a draft, a run that is not finished): the engine's message says why.
    if (error instanceof EngineError)
      return problem(error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 400, error.message);
    console.error(`[export] customers failed: ${describeErrorForLog(error)}`);
    return problem(500, "The export failed. Please try again.");
  }
}
