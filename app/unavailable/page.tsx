import { OUTAGE_METADATA, StoreOutageNotice } from "@/components/site/store-outage";

export const metadata = OUTAGE_METADATA;

/**
 * The outage page, prerendered: while the store is down the proxy answers
 * every page that needs it with this page's HTML and a 503 (lib/http/store-gate.ts).
 */
export default function Page() {
  return <StoreOutageNotice />;
}
