import { auditRouter } from "./routers/audit";
import { customerRouter } from "./routers/customer";
import { customerExportRouter } from "./routers/customer-export";
import { depositRouter } from "./routers/deposit";
import { groupRouter } from "./routers/group";
import { loanRouter } from "./routers/loan";
import { overrideRouter } from "./routers/override";
import { policyRouter } from "./routers/policy";
import { projectRouter } from "./routers/project";
import { segmentRouter } from "./routers/segment";
import { segmentRunRouter } from "./routers/segment-run";
import { systemRouter } from "./routers/system";
import { uploadRouter } from "./routers/upload";
import { userRouter } from "./routers/user";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  system: systemRouter,
  customer: customerRouter,
  customerExport: customerExportRouter,
  loan: loanRouter,
  deposit: depositRouter,
  project: projectRouter,
  upload: uploadRouter,
  segmentRun: segmentRunRouter,
  segment: segmentRouter,
  group: groupRouter,
  policy: policyRouter,
  override: overrideRouter,
  user: userRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side callers (React server components, tests): `createCaller(context)`. */
export const createCaller = createCallerFactory(appRouter);
