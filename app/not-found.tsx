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
          <a href="/">The home page</a>, with where things stand today
        </li>
        <li>
          <a href="/timeline">The timeline</a>, every event from 2017 on
        </li>
        <li>
          <a href="/quiz">The quiz</a>
        </li>
      </ul>
      <h2>Or read an explainer</h2>
      <ExplainerList />
    </>
  );
}
