import type { UseFormRegisterReturn } from "react-hook-form";

/**
 * The nickname input of both nickname forms (joining a class, going on the
 * leaderboard): label, hint, and an error that is read out when it appears.
 * The input takes more than the 20 allowed characters, so a long name gets
 * the form's message instead of being cut short without a word.
 */
export function NicknameField({
  label,
  hint,
  error,
  registration,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  registration: UseFormRegisterReturn<"nickname">;
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
        maxLength={60}
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
