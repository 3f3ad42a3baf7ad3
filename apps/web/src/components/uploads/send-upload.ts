import { RouteRefusal } from "~/components/ui/error-text";

/** What `POST /api/uploads` answers once the file is stored. */
export type StoredUpload = { fileId: string; name: string; size: number };

/**
 * Sends a file's bytes to `POST /api/uploads`, reporting progress (0..1) as it goes: XMLHttpRequest,
 * because fetch does not report upload progress. Rejects with the server's refusal (its code and parameters, rendered by useErrorText) on failure.
 */
export function sendUpload(file: File, onProgress: (share: number) => void): Promise<StoredUpload> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error("network"));
    request.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(request.responseText) as StoredUpload & {
            error?: { code?: string; params?: Record<string, string | number>; message?: string };
          };
        } catch {
          return null;
        }
      })();
      if (request.status === 201 && body?.fileId) resolve({ fileId: body.fileId, name: body.name, size: body.size });
      else
        reject(
          new RouteRefusal(
            body?.error?.code ?? null,
            body?.error?.params ?? null,
            body?.error?.message ?? `HTTP ${request.status}`,
          ),
        );
    };
    request.send(file);
  });
}
