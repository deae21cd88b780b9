import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * What a page's first load can pull in: every module a client component
 * reaches by static, non-type imports. Zod and the profanity word list load
 * only when a form is first used or stay on the server (lib/forms/schema-resolver.ts,
 * lib/nickname.ts); one static import of them from a client module puts
 * them into the JavaScript of every page with that component (Zod alone is
 * 13 kB compressed; the benchmark weighs the pages).
 */

const ROOT = path.resolve(__dirname, "../..");
const KEPT_OUT_OF_FIRST_LOAD = ["zod", "obscenity"];
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  const found = ["", ...EXTENSIONS].map((ext) => base + ext).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return found ?? null;
}

const isTypeOnly = (clause: ts.ImportClause | undefined): boolean =>
  clause !== undefined &&
  (clause.isTypeOnly ||
    (clause.name === undefined &&
      clause.namedBindings !== undefined &&
      ts.isNamedImports(clause.namedBindings) &&
      clause.namedBindings.elements.length > 0 &&
      clause.namedBindings.elements.every((element) => element.isTypeOnly)));

/** The specifiers a module imports for their values, in the order written. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement) && !isTypeOnly(statement.importClause) && ts.isStringLiteral(statement.moduleSpecifier)) {
      return [statement.moduleSpecifier.text];
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      return [statement.moduleSpecifier.text];
    }
    return [];
  });
}

/** Each package reached from `entry`, with the chain of modules that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local) walk(local, [...chain, path.relative(ROOT, local)]);
      else if (!reached.has(specifier)) reached.set(specifier, chain);
    }
  };
  walk(entry, [path.relative(ROOT, entry)]);
  return reached;
}

const clientModules = [...sourceFiles(path.join(ROOT, "components")), ...sourceFiles(path.join(ROOT, "lib"))].filter((file) =>
  /^\s*["']use client["']/.test(readFileSync(file, "utf8")),
);

describe("client components' first load", () => {
  it("finds the client components", () => {
    expect(clientModules.length).toBeGreaterThan(10);
  });

  it.each(clientModules.map((file) => [path.relative(ROOT, file), file]))("%s imports neither Zod nor the word list", (_name, file) => {
    const offending = [...packagesReached(file)].filter(([specifier]) =>
      KEPT_OUT_OF_FIRST_LOAD.some((name) => specifier === name || specifier.startsWith(`${name}/`)),
    );
    expect(offending.map(([specifier, chain]) => `${chain.join(" → ")} → ${specifier}`)).toEqual([]);
  });
});
