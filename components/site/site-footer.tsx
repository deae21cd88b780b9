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
          <a href="/sources">All sources</a>
        </li>
        <li>
          <a href="/updates">Corrections and updates</a>
        </li>
        <li>
          <a href="/about">About and method</a>
        </li>
        <li>
          <a href="/classroom">For teachers</a>
        </li>
      </ul>
    </footer>
  );
}
