import { getAppServer } from "~/server/app-server";
import { describeErrorForLog } from "~/server/http/log-error";
import { downloadUploadReport } from "~/server/uploads/downloads";

export const dynamic = "force-dynamic";

/** The rejected rows of the latest check of an uploaded file, as CSV. */
export async function GET(req: Request, { params }: { params: Promise<{ fileId: string }> }): Promise<Response> {
  try {
    const { auth, handle } = await getAppServer();
    return await downloadUploadReport(req, (await params).fileId, { auth, handle });
  } catch (error) {
    console.error(`[upload report] failed: ${describeErrorForLog(error)}`);
    return Response.json({ error: { message: "The report could not be built. Please try again." } }, { status: 500 });
  }
}
