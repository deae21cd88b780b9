/** The quotation a "who said it" question asks about, with when and where it was said. */
export function WhoSaidQuote({ quote, context }: { quote: string; context: string }) {
  return (
    <figure className="quote">
      <blockquote>
        <p>“{quote}”</p>
      </blockquote>
      <figcaption>{context}</figcaption>
    </figure>
  );
}
