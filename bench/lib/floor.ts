import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { childEnv, ROOT, runNext, TMP } from "./app-server";

/**
 * The framework's floor: an App Router app with one empty page, generated
 * here and built with the same `next`, `react` and `react-dom` as the site
 * (its node_modules is a link to ours).
 */

export const FLOOR_DIR = path.join(TMP, "floor");

const FLOOR_FILES: Record<string, string> = {
  "app/layout.tsx": `import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  // A heading and a sentence: Lighthouse needs something to paint (no LCP element is an error).
  "app/page.tsx": `import type { Metadata } from "next";

export const metadata: Metadata = { title: "Floor", description: "An empty App Router page, the framework's floor." };

export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
      <p>An empty App Router page.</p>
    </main>
  );
}
`,
  // Turbopack's root is ours (where node_modules is), and without a hook of its own the floor would
  // compile the site's root instrumentation.ts. An empty one keeps the floor empty; it is server-only.
  "instrumentation.ts": "export function register(): void {}\n",
  // Likewise the site's proxy.ts: one that matches no path the bench requests keeps the floor without one.
  "proxy.ts": 'import { NextResponse } from "next/server";\nexport function proxy() {\n  return NextResponse.next();\n}\nexport const config = { matcher: ["/__floor-has-no-proxy"] };\n',
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "dom.iterable", "esnext"],
        strict: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        isolatedModules: true,
        skipLibCheck: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
    },
    null,
    2,
  ),
  // The framework's defaults, as the site has them (compression on).
  "next.config.js": "module.exports = { poweredByHeader: false };\n",
  "package.json": JSON.stringify({ name: "bench-floor", private: true }),
};

/**
 * Builds the floor, unless its last build is of the same files and newer
 * than the installed Next.js. Returns what it did, for the log.
 */
export async function ensureFloorBuild(): Promise<string> {
  // Written after a build: what was built (`next build` itself rewrites the floor's tsconfig.json).
  const recorded = path.join(FLOOR_DIR, ".next", "bench-floor.json");
  const wanted = JSON.stringify(FLOOR_FILES);
  const nextInstalled = statSync(path.join(ROOT, "node_modules", "next", "package.json")).mtimeMs;
  if (existsSync(recorded) && readFileSync(recorded, "utf8") === wanted && statSync(recorded).mtimeMs > nextInstalled) {
    return "reused the floor's build";
  }

  const started = performance.now();
  await rm(FLOOR_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    const target = path.join(FLOOR_DIR, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(FLOOR_DIR, "node_modules"), "dir");
  await runNext(["build"], { cwd: FLOOR_DIR, env: childEnv({}), logFile: path.join(TMP, "logs", "build-floor.log") });
  await writeFile(recorded, wanted);
  return `built the floor in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}
