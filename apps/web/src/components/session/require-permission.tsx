import "server-only";
import { can, type Permission } from "@creditseg/core/access";
import { getServerTranslator } from "~/i18n/server-translator";
import type { ReactNode } from "react";
import type { Me } from "./me-context";
import { requireMe } from "./read-me";

/**
 * Page guard for server layouts: pages a role may not use say so instead of rendering their
 * controls (the server refuses the procedures anyway). `prefetch` fills the request's query cache for the
 * page's first paint, only for a role that may see the page; it gets the signed-in user, for queries that depend on
 * what else the role may read.
 */
export async function RequirePermission({
  permission,
  prefetch,
  children,
}: {
  permission: Permission;
  prefetch?: (me: Me) => Promise<unknown>;
  children: ReactNode;
}) {
  const me = await requireMe();
  if (!can(me.role, permission)) return <NotAllowed />;
  await prefetch?.(me);
  return <>{children}</>;
}

async function NotAllowed() {
  const t = await getServerTranslator();
  return (
    <div className="state error" role="alert">
      <p>{t("common.notAllowed")}</p>
    </div>
  );
}
