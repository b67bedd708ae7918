import type { ReactElement } from "react";
import { prerenderToNodeStream } from "react-dom/static";

/** The HTML the server sends for an element, once everything it waits for has loaded. */
export async function serverHtml(element: ReactElement): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  return html;
}
