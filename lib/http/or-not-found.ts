import { notFound } from "next/navigation";

/** For pages: a domain "not found" (unknown or expired id) renders the 404 page; anything else propagates. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === "not_found") notFound();
    throw error;
  }
}
