// Test stand-in for the "server-only" marker package (it only guards bundling).
export {};
