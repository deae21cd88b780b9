import type { UseFormRegisterReturn } from "react-hook-form";
import { NICKNAME_MAX_GRAPHEMES } from "@/lib/nickname-text";

/**
 * The nickname input of both nickname forms (joining a class, going on the
 * leaderboard): label, hint, and an error that is read out when it appears.
 * It takes no more characters than a nickname may have (the schema's own
 * limit), so the limit shows while typing rather than after sending.
 * `required`: without JavaScript, the browser asks for a name before posting.
 * `initial`: the name typed before a refused post, in the server's HTML.
 */
export function NicknameField({
  label,
  hint,
  error,
  registration,
  required = false,
  initial,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  registration: UseFormRegisterReturn<"nickname">;
  required?: boolean;
  initial?: string;
}) {
  return (
    <>
      <label htmlFor="nickname" style={{ fontWeight: 700, display: "block" }}>
        {label}
      </label>
      <p id="nickname-hint" className="meta" style={{ margin: "0 0 0.5rem" }}>
        {hint}
      </p>
      <input
        id="nickname"
        type="text"
        autoComplete="nickname"
        maxLength={NICKNAME_MAX_GRAPHEMES}
        required={required}
        defaultValue={initial}
        aria-describedby="nickname-hint nickname-error"
        aria-invalid={error ? true : undefined}
        {...registration}
      />
      <p id="nickname-error" role="alert" className="form-error">
        {error}
      </p>
    </>
  );
}
