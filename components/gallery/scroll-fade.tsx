"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A row that scrolls sideways when it does not fit, with fading edges on the side where more
 * is hidden, so a phone shows that the row goes on. The fades are drawn only after mount (the
 * server cannot know the width), so the first render is the same on both sides.
 */
export function ScrollFade({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = el.scrollLeft > 1;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((prev) => (prev.start === start && prev.end === end ? prev : { start, end }));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure]);
  const mask =
    edges.start && edges.end
      ? "linear-gradient(to right, transparent, black 2rem, black calc(100% - 2rem), transparent)"
      : edges.end
        ? "linear-gradient(to right, black calc(100% - 2.5rem), transparent)"
        : edges.start
          ? "linear-gradient(to right, transparent, black 2.5rem)"
          : undefined;
  return (
    <div
      ref={ref}
      onScroll={measure}
      className={cn("min-w-0 overflow-x-auto [scrollbar-width:thin]", className)}
      style={mask ? { maskImage: mask, WebkitMaskImage: mask } : undefined}
      data-scrolls={edges.start || edges.end ? "true" : undefined}
    >
      {children}
    </div>
  );
}
