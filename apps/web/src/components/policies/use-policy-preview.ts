"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPCClient } from "~/trpc/react";

/** How often a preview being computed is polled, milliseconds. */
const POLL_MS = 1_000;

/** The query key of every policy preview: invalidating it recomputes the previews on screen. */
export const POLICY_PREVIEW_KEY = ["policyPreview"] as const;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

/**
 * A version's impact preview on a period, as one query: it asks for the preview (a job a worker computes) and polls
 * the job until the impact is there, so the page shows loading, the impact or the engine's error as for any query.
 */
export function usePolicyPreview(
  args: { version: number; period: string },
  options: { enabled: boolean; staleTime?: number },
) {
  const client = useTRPCClient();
  return useQuery({
    queryKey: [...POLICY_PREVIEW_KEY, args.version, args.period],
    queryFn: async ({ signal }) => {
      const { id } = await client.policy.requestPreview.mutate(args, { signal });
      for (;;) {
        const job = await client.policy.previewJob.query({ previewId: id }, { signal });
        if (job.impact) return job.impact;
        await sleep(POLL_MS, signal);
      }
    },
    enabled: options.enabled,
    staleTime: options.staleTime,
    // A refusal (no data for the period) is an answer, not a glitch to retry.
    retry: false,
  });
}
