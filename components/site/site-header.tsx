import { NAV_LINKS, SITE_NAME } from "@/lib/site";

function NavList() {
  return (
    <ul className="site-nav">
      {NAV_LINKS.map((link) => (
        <li key={link.href}>
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The brand and the main navigation on one row. Where the links do not fit
 * beside the brand (phones), they sit in a "Menu" disclosure: a native
 * <details>, so it opens by keyboard and without JavaScript. CSS shows one
 * of the two navs; the other is display:none, so assistive technology
 * meets the links once.
 */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__brand">
          {SITE_NAME}
        </a>
        <nav aria-label="Main" className="site-header__nav">
          <NavList />
        </nav>
        <details className="site-menu">
          <summary>Menu</summary>
          <nav aria-label="Main">
            <NavList />
          </nav>
        </details>
      </div>
    </header>
  );
}
