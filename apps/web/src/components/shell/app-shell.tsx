"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { MeProvider, type Me } from "../session/me-context";
import { LocaleSwitcher } from "./locale-switcher";
import { listNavItems } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The signed-in frame: top bar (who, language, sign out), the role's navigation, and the page. */
export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <MeProvider me={me}>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="shell">
        <header className="topbar">
          <Link href="/" className="brand">
            {t("common.appName")}
          </Link>
          <span className="spacer" />
          <span className="who" data-testid="who">
            <span translate="no">{me.name}</span> · {t(`roles.${me.role}`)}
            {me.officerCode ? ` · ${me.officerCode}` : ""}
          </span>
          <LocaleSwitcher isSignedIn />
          <SignOutButton />
        </header>
        <nav className="sidenav" aria-label={t("common.mainNav")}>
          <ul>
            {listNavItems(me.role).map((item) => (
              <li key={item.key}>
                <Link href={item.href} aria-current={isActive(pathname, item.href) ? "page" : undefined}>
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </MeProvider>
  );
}
