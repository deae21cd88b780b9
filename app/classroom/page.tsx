import type { Metadata } from "next";
import { connection } from "next/server";
import { CreateSessionForm } from "@/components/classroom/create-session-form";
import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { classroomPath, joinPath } from "@/lib/classroom/paths";

export const metadata: Metadata = {
  title: "For teachers: run the quiz with your class",
  description:
    "Put a join code on the projector and the class plays on their phones: live, question by question, or as homework. No accounts; a dashboard and a CSV at the end.",
  alternates: { canonical: classroomPath },
};

export default async function Page() {
  // Rendered per request: a refused form post (no JavaScript) comes back here with its choices in the query.
  await connection();
  return (
    <>
      <Breadcrumbs trail={[{ href: classroomPath, label: "For teachers" }]} />
      <h1>Run the quiz with your class</h1>
      <p className="lede">
        Put a code on the projector; students join on their phones in seconds, without accounts. Run it live, one
        question at a time, or set it as homework. Afterwards, see who got what on the dashboard and download a CSV.
      </p>
      <p className="callout">
        Joining a class? <a href={joinPath()}>Type the code from your teacher’s screen</a>.
      </p>
      <h2>Set up a session</h2>
      <CreateSessionForm />
      <p className="meta" style={{ marginTop: "1.5rem" }}>
        No account needed: this browser keeps a private key to your session, and the dashboard gives you a link to open it
        on another device. Students are known only by the nickname they choose. Everything is deleted 7 days after the
        session ends, and at the latest 30 days after you create it.
      </p>
    </>
  );
}
