import { trustedOrigins } from "~/env";
import { getAppServer } from "~/server/app-server";
import { describeErrorForLog } from "~/server/http/log-error";
import { receiveUpload } from "~/server/uploads/receive-upload";

/** Uploads stream into the database in the Node runtime; nothing here may be cached or prerendered. */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Receives a data file for the upload.* procedures (see receiveUpload). */
export async function POST(req: Request): Promise<Response> {
  try {
    const { auth, handle } = await getAppServer();
    return await receiveUpload(req, { auth, db: handle.db, trustedOrigins });
  } catch (error) {
    console.error(`[upload] receive failed: ${describeErrorForLog(error)}`);
    return Response.json(
      { error: { code: "INTERNAL", message: "The upload failed. Please try again." } },
      { status: 500 },
    );
  }
}
