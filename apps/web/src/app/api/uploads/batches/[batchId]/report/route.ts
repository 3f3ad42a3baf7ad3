import { getAppServer } from "~/server/app-server";
import { describeErrorForLog } from "~/server/http/log-error";
import { downloadBatchReport } from "~/server/uploads/downloads";

export const dynamic = "force-dynamic";

/** The rows a committed upload batch set aside, as CSV. */
export async function GET(req: Request, { params }: { params: Promise<{ batchId: string }> }): Promise<Response> {
  try {
    const { handle, auth } = await getAppServer();
    return await downloadBatchReport(req, (await params).batchId, { auth, handle });
  } catch (error) {
    console.error(`[batch report] failed: ${describeErrorForLog(error)}`);
    return Response.json({ error: { message: "The report could not be built. Please try again." } }, { status: 500 });
  }
}
