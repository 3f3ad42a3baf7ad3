import { RequirePermission } from "~/components/session/require-permission";
import { UPLOAD_LIST_INPUT } from "~/components/uploads/upload-list-input";
import { UploadsView } from "~/components/uploads/uploads-view";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** Uploads, the batch history's first page fetched on the server: the first paint shows the batches. */
export default function Page() {
  return (
    <RequirePermission
      permission="upload.read"
      prefetch={() =>
        getServerQueryClient().prefetchQuery(
          serverTrpc.upload.list.queryOptions({ ...UPLOAD_LIST_INPUT, cursor: null }),
        )
      }
    >
      <HydrateClient>
        <UploadsView />
      </HydrateClient>
    </RequirePermission>
  );
}
