"use client";

/** Shown when a page cannot be rendered, for example while the store is unreachable. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>This page could not load</h1>
      <p className="lede">
        Something went wrong on our side, or the quiz service is briefly unavailable. Please try again in a few seconds.
      </p>
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <a className="button button--secondary" href="/">
          Home
        </a>
      </p>
    </>
  );
}
