import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { requireMe } from "~/components/session/read-me";

export const dynamic = "force-dynamic";

/** Everything behind sign-in: the session is checked here, then by every procedure on the server. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const me = await requireMe();
  return <AppShell me={me}>{children}</AppShell>;
}
