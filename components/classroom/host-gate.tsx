import { cookies } from "next/headers";
import { orNotFound } from "@/lib/http/or-not-found";
import { classroomService, type ClassroomService } from "@/lib/classroom";
import { ClassroomError } from "@/lib/classroom/errors";
import { readHostCookie } from "@/lib/classroom/cookies";

/**
 * For the teacher's pages: runs `load` on the classroom service with this
 * browser's host credential. An unknown or expired session is a 404; a
 * browser without the teacher's cookie gets null, and the page shows
 * NotHostNotice instead.
 */
export async function loadForHost<T>(
  sessionId: string,
  load: (classroom: ClassroomService, credential: string | undefined) => Promise<T>,
): Promise<T | null> {
  const credential = readHostCookie(await cookies(), sessionId);
  return orNotFound(
    load(await classroomService(), credential).catch((error: unknown) => {
      if (error instanceof ClassroomError && error.code === "not_host") return null;
      throw error;
    }),
  );
}

export function NotHostNotice() {
  return (
    <>
      <h1>This page is for the teacher</h1>
      <p>
        Only the browser that created this session can open it. To open it on another device, use the private host link
        from the dashboard on the device you used to create it.
      </p>
    </>
  );
}
