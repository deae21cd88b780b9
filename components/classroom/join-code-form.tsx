import { joinPath } from "@/lib/classroom/paths";

/**
 * Typing the code from the screen. A plain GET form: it works before any
 * script has loaded on a slow school connection, and the join page checks
 * the code on the server (where wrong codes are counted). It has no script,
 * so the browser's own check asks for a code before sending an empty one.
 */
export function JoinCodeForm({ code, error }: { code?: string; error?: string }) {
  return (
    <form method="get" action={joinPath()}>
      <label htmlFor="code" style={{ fontWeight: 700, display: "block" }}>
        Code
      </label>
      <p id="code-hint" className="meta" style={{ margin: "0 0 0.5rem" }}>
        The 8 letters and numbers on your teacher’s screen, for example K7QF 3MZP.
      </p>
      <input
        id="code"
        name="code"
        type="text"
        defaultValue={code}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        aria-describedby="code-hint code-error"
        aria-invalid={error ? true : undefined}
        style={{ fontSize: "1.5rem", letterSpacing: "0.1em" }}
      />
      <p id="code-error" role="alert" className="form-error">
        {error}
      </p>
      <button type="submit" className="button">
        Next
      </button>
    </form>
  );
}
