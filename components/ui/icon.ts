import { createElement, type SVGProps } from "react";

/** An icon's drawing: its SVG elements and their attributes, on a 24 × 24 grid. */
export type IconNode = readonly (readonly [tag: string, attributes: Readonly<Record<string, string>>])[];

export type IconProps = SVGProps<SVGSVGElement>;

/**
 * Makes an icon component from its drawing: a 24 px stroked SVG in the text's colour, sized
 * by its classes (`size-4`, or a button's `[&_svg]:size-4`). It is hidden from assistive
 * technology unless it is given a label or role of its own. The drawings are Lucide's (ISC
 * licence), one module per icon under `components/icons/`, written by `scripts/make-icons.ts`;
 * this small maker replaces lucide-react's runtime, which every page loaded.
 */
export function icon(displayName: string, node: IconNode) {
  function Icon(props: IconProps) {
    const labelled = Object.keys(props).some((name) => (name.startsWith("aria-") || name === "role") && props[name as keyof IconProps] != null);
    return createElement(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        width: 24,
        height: 24,
        viewBox: "0 0 24 24",
        fill: "none",
        stroke: "currentColor",
        strokeWidth: 2,
        strokeLinecap: "round",
        strokeLinejoin: "round",
        "aria-hidden": labelled ? undefined : true,
        ...props,
      },
      node.map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes })),
    );
  }
  Icon.displayName = displayName;
  return Icon;
}
