import Link from "next/link";
import { ExplainerList } from "@/components/explainer/explainer-list";

export default function NotFound() {
  return (
    <>
      <h1>We couldn’t find that page</h1>
      <p className="lede">
        The link may be mistyped, or the page may have moved. These will get you back on track:
      </p>
      <ul>
        <li>
          <Link href="/">The home page</Link>, with where things stand today
        </li>
        <li>
          <Link href="/timeline">The timeline</Link>, every event from 2017 on
        </li>
        <li>
          <Link href="/quiz">The quiz</Link>
        </li>
      </ul>
      <h2>Or read an explainer</h2>
      <ExplainerList />
    </>
  );
}
