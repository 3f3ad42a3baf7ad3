import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const systemRouter = createTRPCRouter({
  /** Liveness for load balancers and the start script: answers without touching customer data. */
  health: publicProcedure.input(z.object({}).strict().optional()).query(() => ({ ok: true as const })),
});
