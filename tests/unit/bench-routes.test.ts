import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The benchmark's code stays out of the product. Its routes are
 * `app/api/bench/…/route.bench.ts`: a route only in a build whose
 * next.config.js adds "bench.ts" to the page extensions, which it does with
 * BENCH_BUILD=1 alone (set by `npm run bench` for its own build). Any other
 * build reads them as files named "route.bench", which are no route, and
 * compiles none of their code, nor ships their files. And no module the
 * product is built from imports bench/ or has a branch for it.
 * tests/e2e/bench-routes.crawl.ts checks the production build itself.
 */

const ROOT = process.cwd();
const require = createRequire(import.meta.url);
const NEXT_DEFAULT_EXTENSIONS = ["tsx", "ts", "jsx", "js"];

interface NextConfig {
  pageExtensions?: string[];
  outputFileTracingExcludes?: Record<string, string[]>;
}

function nextConfig(benchBuild: string | undefined): NextConfig {
  const file = require.resolve(path.join(ROOT, "next.config.js"));
  const saved = process.env.BENCH_BUILD;
  if (benchBuild === undefined) delete process.env.BENCH_BUILD;
  else process.env.BENCH_BUILD = benchBuild;
  try {
    delete require.cache[file];
    return require(file) as NextConfig;
  } finally {
    if (saved === undefined) delete process.env.BENCH_BUILD;
    else process.env.BENCH_BUILD = saved;
  }
}

afterEach(() => {
  delete require.cache[require.resolve(path.join(ROOT, "next.config.js"))];
});

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
}

const isBenchRoute = (file: string) => file.endsWith(".bench.ts");
/** What the product is built from: the app's routes except the benchmark's, lib/, components/ and Next's hooks. */
const productFiles = () =>
  ["app", "lib", "components", "proxy.ts", "instrumentation.ts"]
    .flatMap(filesUnder)
    .filter((file) => /\.(tsx?|jsx?|mjs)$/.test(file) && !isBenchRoute(file));

/** Every module specifier in a source file: static and dynamic imports, re-exports. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)].map((match) => match[1] ?? "");
}

function resolvesIntoBench(file: string, specifier: string): boolean {
  const target = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier))
      : specifier;
  return target === "bench" || target.startsWith("bench/");
}

describe("the benchmark's routes", () => {
  it("are routes only in a build made with BENCH_BUILD=1", () => {
    expect(nextConfig(undefined).pageExtensions).toEqual(NEXT_DEFAULT_EXTENSIONS);
    expect(nextConfig("").pageExtensions).toEqual(NEXT_DEFAULT_EXTENSIONS);
    expect(nextConfig("0").pageExtensions).toEqual(NEXT_DEFAULT_EXTENSIONS);
    expect(nextConfig("1").pageExtensions).toEqual([...NEXT_DEFAULT_EXTENSIONS, "bench.ts"]);
  });

  it("are left out of every function's files, though the tracer lists the whole project", () => {
    expect(nextConfig(undefined).outputFileTracingExcludes?.["/**"]).toEqual(expect.arrayContaining(["./bench/**/*", "./app/api/bench/**/*"]));
  });

  it("are every file under app/api/bench, and only those", () => {
    const app = filesUnder("app");
    const underBench = app.filter((file) => file.startsWith(path.join("app", "api", "bench") + path.sep));
    expect(underBench.length).toBeGreaterThan(0);
    expect(underBench.filter((file) => !isBenchRoute(file))).toEqual([]);
    expect(app.filter(isBenchRoute).filter((file) => !underBench.includes(file))).toEqual([]);
    // The ones a bench build turns into routes: `route.bench.ts`, nothing a normal build would serve.
    expect(underBench.filter((file) => path.basename(file) !== "route.bench.ts")).toEqual([]);
  });
});

describe("the product", () => {
  it("imports nothing from bench/", () => {
    const files = productFiles();
    expect(files.length).toBeGreaterThan(100);
    const imports = files.flatMap((file) =>
      specifiers(readFileSync(path.join(ROOT, file), "utf8"))
        .filter((specifier) => resolvesIntoBench(file, specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(imports).toEqual([]);
  });

  it("has no branch for the benchmark", () => {
    const branches = productFiles().filter((file) => /\bBENCH_[A-Z_]+|\/api\/bench\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(branches).toEqual([]);
  });
});
