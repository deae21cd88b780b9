import type { Metadata } from "next";
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

/** `load`, or what `instead` gives when the store goes down while it runs; anything else it throws propagates. */
export function whenStoreDown<Args extends unknown[], R>(load: (...args: Args) => Promise<R>, instead: () => R): (...args: Args) => Promise<R> {
  return async (...args) => {
    try {
      return await load(...args);
    } catch (error) {
      if (error instanceof StoreUnavailableError) return instead();
      throw error;
    }
  };
}

/**
 * A page that needs the store, showing the outage notice instead of
 * failing when the store goes down between the proxy's check and the
 * page's own call (a failed render is a blank page without JavaScript).
 */
export const storePage = <Props,>(page: (props: Props) => Promise<ReactNode>) => whenStoreDown(page, () => <StoreOutageNotice />);

/** The metadata of a page that needs the store, for the same moment. */
export const storeMetadata = <Props,>(metadata: (props: Props) => Promise<Metadata>) => whenStoreDown(metadata, (): Metadata => OUTAGE_METADATA);

export const OUTAGE_METADATA: Metadata = { title: "Briefly unavailable", robots: { index: false } };
