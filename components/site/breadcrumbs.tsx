import { JsonLd } from "@/components/site/json-ld";
import { absoluteUrl } from "@/lib/site";

export interface Crumb {
  href: string;
  label: string;
}

/**
 * The way back up (Home › Explainers), plus the matching BreadcrumbList
 * JSON-LD. The last crumb of `trail` is the current page: it ends the
 * JSON-LD list, but is not shown, because the page's h1 right below names
 * it and a screen reader would hear the title twice.
 */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const crumbs = [{ href: "/", label: "Home" }, ...trail];
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.slice(0, -1).map((crumb) => (
          <li key={crumb.href}>
            <a href={crumb.href}>{crumb.label}</a>
          </li>
        ))}
      </ol>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "BreadcrumbList",
          itemListElement: crumbs.map((crumb, index) => ({
            "@type": "ListItem",
            position: index + 1,
            name: crumb.label,
            item: absoluteUrl(crumb.href),
          })),
        }}
      />
    </nav>
  );
}
