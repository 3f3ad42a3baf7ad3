import { getAppServer } from "~/server/app-server";
import { describeErrorForLog } from "~/server/http/log-error";
import { downloadTemplate } from "~/server/uploads/downloads";

export const dynamic = "force-dynamic";

/** The upload template of a kind: `GET /api/templates/loans?format=xlsx`. */
export async function GET(req: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  try {
    const { auth } = await getAppServer();
    return await downloadTemplate(req, (await params).kind, { auth });
  } catch (error) {
    console.error(`[templates] failed: ${describeErrorForLog(error)}`);
    return Response.json({ error: { message: "The template could not be built. Please try again." } }, { status: 500 });
  }
}
