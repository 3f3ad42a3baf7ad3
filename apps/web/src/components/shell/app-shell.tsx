"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { MeProvider, type Me } from "../session/me-context";
import { LocaleSwitcher } from "./locale-switcher";
import { listNavItems, type NavItem } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** A navigation entry; the first of a section (客户细分 / 客户群体) carries the section's name and its meaning. */
function NavEntry({
  item,
  isFirstOfSection,
  children,
}: {
  item: NavItem;
  isFirstOfSection: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("nav");
  if (!item.section || !isFirstOfSection) return <li>{children}</li>;
  const title = item.section === "segmentation" ? t("sectionSegmentation") : t("sectionGrouping");
  const hint = item.section === "segmentation" ? t("sectionSegmentationHint") : t("sectionGroupingHint");
  return (
    <li>
      <div className="nav-section" data-testid={`nav-section-${item.section}`}>
        {title}
        <span className="nav-hint">{hint}</span>
      </div>
      {children}
    </li>
  );
}

/** The signed-in frame: top bar (who, language, sign out), the role's navigation, and the page. */
export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const t = useTranslations();
  const pathname = usePathname();
  // On narrow screens the navigation folds behind a menu button; it folds again once a page is chosen.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const isNavOpen = openedOn === pathname;
  return (
    <MeProvider me={me}>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="shell">
        <header className="topbar">
          <button
            type="button"
            className="nav-toggle"
            aria-expanded={isNavOpen}
            aria-controls="main-nav"
            onClick={() => setOpenedOn(isNavOpen ? null : pathname)}
          >
            {isNavOpen ? t("common.menuClose") : t("common.menu")}
          </button>
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
        <nav id="main-nav" className="sidenav" data-open={isNavOpen} aria-label={t("common.mainNav")}>
          <ul>
            {listNavItems(me.role).map((item, index, items) => (
              <NavEntry key={item.key} item={item} isFirstOfSection={items[index - 1]?.section !== item.section}>
                <Link href={item.href} aria-current={isActive(pathname, item.href) ? "page" : undefined}>
                  {t(`nav.${item.key}`)}
                </Link>
              </NavEntry>
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
