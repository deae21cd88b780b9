"use client";

/** Opens the browser's print dialog (the page is also printable with the browser's own menu). */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print
    </button>
  );
}
