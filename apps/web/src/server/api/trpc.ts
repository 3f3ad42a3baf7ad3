import type { CustomerScope, DbHandle } from "@creditseg/db";
import type { JobQueue } from "@creditseg/engine";
import { can, type Permission } from "@creditseg/core/access";
import type { Role } from "@creditseg/core/constants";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Auth } from "../auth/auth";
import { readSession, type AppSession, type SessionUser } from "../auth/session";
import { readRequestMeta, type RequestMeta } from "../request-meta";
import { AppErrorCause, appError } from "./errors";
import { isSameOriginRequest } from "./csrf";
import { jobQueueFor } from "../runs/job-queue";

/**
 * Who may call a procedure. Every procedure carries one (as tRPC meta), and the role-table test
 * reads them all: a procedure without a rule fails it.
 */
export type AccessRule =
  | { kind: "public" }
  | { kind: "authenticated" }
  | { kind: "permission"; permission: Permission }
  | { kind: "roles"; roles: readonly Role[] };

export type ProcedureMeta = { access: AccessRule };

/**
 * `http`: a request through the fetch adapter, cookie-authenticated, so mutations are CSRF-checked;
 * `server`: a caller inside the server (React server components), which cannot be forged cross-site.
 */
export type CallSource = "http" | "server";

export type TrpcContext = {
  handle: DbHandle;
  db: DbHandle["db"];
  auth: Auth;
  session: AppSession | null;
  headers: Headers;
  meta: RequestMeta;
  source: CallSource;
  trustedOrigins: readonly string[];
  /** Where runs go to be executed (the PostgreSQL queue, or this process on the embedded database). */
  jobs: JobQueue;
};

export type CreateContextOptions = {
  handle: DbHandle;
  auth: Auth;
  headers: Headers;
  source: CallSource;
  trustedOrigins: readonly string[];
  /** Reverse proxies whose X-Forwarded-For is believed when resolving the client address. */
  trustedProxies: readonly string[];
  /** Default: the queue for the handle's database (runs/job-queue.ts). */
  jobs?: JobQueue;
};

/** Builds a request's context: the database, the session its cookie names, and where it came from. */
export async function createTrpcContext(options: CreateContextOptions): Promise<TrpcContext> {
  const session = await readSession(options.auth, options.headers);
  return {
    handle: options.handle,
    db: options.handle.db,
    auth: options.auth,
    session,
    headers: options.headers,
    meta: readRequestMeta(options.headers, options.trustedProxies),
    source: options.source,
    trustedOrigins: options.trustedOrigins,
    jobs: options.jobs ?? jobQueueFor(options.handle),
  };
}

const INTERNAL_MESSAGE =
  "Something went wrong on the server. Please try again; if it keeps happening, tell your administrator.";

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Clients get a stable code and a user-fit message; never SQL, stack traces or internal detail.
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const isInternal = error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof AppErrorCause);
      const issues =
        cause instanceof ZodError
          ? cause.issues
              .slice(0, 20)
              .map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }))
          : null;
      const appCode =
        cause instanceof AppErrorCause ? cause.appCode : issues ? "INVALID_INPUT" : isInternal ? "INTERNAL" : null;
      const message = isInternal
        ? INTERNAL_MESSAGE
        : issues
          ? `Invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`
          : shape.message;
      return {
        code: shape.code,
        message,
        data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, appCode, issues },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Refuses cookie-authenticated mutations that a browser sent from another site. */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.source === "http" && !isSameOriginRequest(ctx.headers, ctx.trustedOrigins)) {
    throw appError("FORBIDDEN", "CSRF_REJECTED", "This request did not come from the CreditSeg site and was refused.");
  }
  return next();
});

const baseProcedure = t.procedure.use(csrfGuard);

/** Anyone, signed in or not. */
export const publicProcedure = baseProcedure.meta({ access: { kind: "public" } });

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw appError("UNAUTHORIZED", "NOT_SIGNED_IN", "Please sign in to continue.");
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

const signedInProcedure = baseProcedure.use(requireSession);

/** Any signed-in user; `ctx.user` is set. */
export const protectedProcedure = signedInProcedure.meta({ access: { kind: "authenticated" } });

function forbidden(): never {
  throw appError("FORBIDDEN", "NOT_PERMITTED", "Your role does not allow this action.");
}

/** Signed-in users whose role holds the permission (core's permission table); others get FORBIDDEN. */
export function permissionProcedure(permission: Permission) {
  return signedInProcedure.meta({ access: { kind: "permission", permission } }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) forbidden();
    return next();
  });
}

/** Signed-in users with one of the roles; others get FORBIDDEN. Prefer permissionProcedure. */
export function roleProcedure(...roles: Role[]) {
  return signedInProcedure.meta({ access: { kind: "roles", roles } }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) forbidden();
    return next();
  });
}

/**
 * Whose customers a user may see: everyone's, or one officer's book (a WHERE on officer in every query function).
 * A credit officer without a staff code sees no customers rather than everyone's.
 */
export function customerScopeOf(user: SessionUser): CustomerScope {
  return can(user.role, "customer.readAll") ? "all" : { officer: user.officerCode ?? "" };
}
