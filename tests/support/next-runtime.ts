/**
 * What `next start` loads before anything else: it puts AsyncLocalStorage on
 * globalThis, which next/headers' request stores are built from when their
 * module loads. A test that calls route handlers in-process imports this
 * FIRST, before any route module (imports run in order).
 */
import "next/dist/server/node-environment-baseline";
