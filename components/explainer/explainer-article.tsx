import { Breadcrumbs } from "@/components/site/breadcrumbs";
import { ExplainerPictures } from "@/components/pictures/explainer-pictures";
import { ShareSection } from "@/components/share/share-section";
import { CurrencyBanner } from "@/components/site/currency-banner";
import { JsonLd } from "@/components/site/json-ld";
import { UpdatesSection } from "@/components/updates/update-notes";
import { CONTENT_AS_OF, getUpdatesAbout, getWhatWeKnow, type Explainer } from "@/lib/content";
import { absoluteUrl, formatDate, SITE_NAME } from "@/lib/site";
import { SourceList } from "./source-list";
import { TableOfContents } from "./table-of-contents";
import { WhatWeKnowBox } from "./what-we-know";

export async function ExplainerArticle({ explainer }: { explainer: Explainer }) {
  const path = `/explainers/${explainer.slug}`;
  return (
    <article>
      <Breadcrumbs
        trail={[
          { href: "/explainers", label: "Explainers" },
          { href: path, label: explainer.title },
        ]}
      />
      <CurrencyBanner />
      <header className="explainer-header">
        <h1>{explainer.title}</h1>
        <p className="lede">{explainer.description}</p>
        <p className="meta">
          Facts checked <time dateTime={explainer.updated}>{formatDate(explainer.updated)}</time> · covers events to{" "}
          {formatDate(CONTENT_AS_OF)} · {explainer.readingMinutes} min read
        </p>
      </header>
      <section className="callout takeaways" aria-labelledby="takeaways-heading">
        <h2 id="takeaways-heading">Key takeaways</h2>
        <ul>
          {explainer.takeaways.map((takeaway) => (
            <li key={takeaway}>{takeaway}</li>
          ))}
        </ul>
      </section>
      <TableOfContents headings={explainer.headings} />
      {/* Rendered from our own Markdown at build time; raw HTML in the source is rejected by the loader. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: explainer.html }} />
      <ExplainerPictures slug={explainer.slug} />
      <WhatWeKnowBox box={getWhatWeKnow(explainer.slug)} />
      <section className="callout" aria-labelledby="test-yourself" style={{ marginTop: "2rem" }}>
        <h2 id="test-yourself" style={{ marginTop: 0 }}>
          Test yourself
        </h2>
        <p>This explainer answers questions such as:</p>
        <ul>
          {explainer.relatedQuestions.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
        <a className="button" href={`/quiz?topic=${explainer.quizTopic}`}>
          Take the quiz on this topic
        </a>
      </section>
      <ShareSection
        id="share-heading"
        heading="Share this explainer"
        url={absoluteUrl(path)}
        title={explainer.title}
        text={explainer.description}
      />
      <SourceList sources={explainer.citations} />
      <UpdatesSection entries={getUpdatesAbout("explainer", explainer.slug)} />
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "Article",
          headline: explainer.title,
          description: explainer.description,
          dateModified: explainer.updated,
          datePublished: explainer.updated,
          mainEntityOfPage: absoluteUrl(path),
          publisher: { "@type": "Organization", name: SITE_NAME },
          citation: explainer.citations.map((source) => source.url),
        }}
      />
    </article>
  );
}
