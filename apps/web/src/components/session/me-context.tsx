"use client";

import type { Permission } from "@creditseg/core/access";
import type { Role } from "@creditseg/core/constants";
import { createContext, useContext, type ReactNode } from "react";

/** The signed-in user as views need it: who, which role, and the permissions the server grants. */
export type Me = {
  id: string;
  name: string;
  email: string;
  role: Role;
  officerCode: string | null;
  locale: string;
  permissions: readonly Permission[];
};

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe is used outside the signed-in layout");
  return me;
}

/** True when the signed-in user's role holds the permission (controls it may not use are hidden). */
export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}
