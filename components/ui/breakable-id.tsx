import { Fragment } from "react";

/**
 * An id, model name or URL that may wrap after its separators (- . _ / :) rather than
 * mid-word; a part longer than the line still wraps anywhere rather than widen the page.
 */
export function BreakableId({ value, className }: { value: string; className?: string }) {
  const parts = value.split(/(?<=[-._/:])/);
  return (
    <span className={className} style={{ overflowWrap: "anywhere" }}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
