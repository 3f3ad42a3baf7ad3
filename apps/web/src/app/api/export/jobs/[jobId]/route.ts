import { getAppServer } from "~/server/app-server";
import { describeErrorForLog } from "~/server/http/log-error";
import { downloadCustomerExport } from "~/server/uploads/downloads";

export const dynamic = "force-dynamic";

/** The file of a finished customer export (CSV or XLSX), for the user who asked for it. */
export async function GET(req: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  try {
    const { auth, handle } = await getAppServer();
    return await downloadCustomerExport(req, (await params).jobId, { auth, handle });
  } catch (error) {
    console.error(`[export] download failed: ${describeErrorForLog(error)}`);
    return Response.json({ error: { message: "The export could not be read. Please try again." } }, { status: 500 });
  }
}
