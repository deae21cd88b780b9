import type { ReactNode } from "react";
import { OUTAGE_COPY } from "@/lib/http/outage-copy";
import { StoreUnavailableError } from "@/lib/store/errors";

/**
 * What a page that needs the store shows while the store is unreachable:
 * plain markup in the site's layout, so it reads the same without
 * JavaScript. "Try again" is the address in the browser's bar, which is
 * the page asked for, with its query (the proxy answers at that address:
 * lib/http/store-gate.ts).
 */
export function StoreOutageNotice() {
  return (
    <>
      <h1>{OUTAGE_COPY.title}</h1>
      <p className="lede">{OUTAGE_COPY.lede}</p>
      <p style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
        {/* An empty href is the current page's own address. */}
        <a className="button" href="">
          {OUTAGE_COPY.retry}
        </a>
        <a className="button button--secondary" href="/timeline">
          Read the timeline meanwhile
        </a>
      </p>
    </>
  );
}

/**
 * A page that needs the store, showing the outage notice instead of
 * failing when the store goes down between the proxy's check and the
 * page's own call (a failed render is a blank page without JavaScript).
 */
export function storePage<Props>(page: (props: Props) => Promise<ReactNode>): (props: Props) => Promise<ReactNode> {
  return async (props) => {
    try {
      return await page(props);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return <StoreOutageNotice />;
      throw error;
    }
  };
}
