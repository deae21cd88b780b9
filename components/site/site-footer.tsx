import Link from "next/link";
import { CONTENT_AS_OF } from "@/lib/content";
import { formatDate } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Written from published reporting, as of {formatDate(CONTENT_AS_OF)}. Later events may not be covered.
      </p>
      <ul className="site-footer__links">
        <li>
          <Link href="/sources">All sources</Link>
        </li>
        <li>
          <Link href="/about">About and method</Link>
        </li>
        <li>
          <Link href="/classroom">For teachers</Link>
        </li>
      </ul>
    </footer>
  );
}
