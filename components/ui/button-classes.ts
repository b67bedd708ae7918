/**
 * The button's looks as plain class lists: `components/ui/button.tsx` builds its variants from
 * them, and the few controls that must stay light (the error panel, which every page loads
 * with its error boundary) join them directly, without the variant and merge helpers.
 */
export const buttonBase =
  "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0";

export const buttonVariant = {
  default: "bg-primary text-primary-foreground hover:opacity-90",
  destructive: "bg-destructive text-destructive-foreground hover:opacity-90",
  outline: "border border-border bg-background hover:bg-muted",
  secondary: "bg-muted text-foreground hover:bg-accent",
  ghost: "hover:bg-muted",
  link: "text-primary underline-offset-4 hover:underline",
};

export const buttonSize = { default: "h-9 px-4 py-2", sm: "h-8 px-3 text-xs", lg: "h-10 px-6", icon: "size-9" };

/** A button's classes for one variant at the default size (what `buttonVariants({ variant })` gives). */
export function plainButtonClasses(variant: keyof typeof buttonVariant): string {
  return `${buttonBase} ${buttonVariant[variant]} ${buttonSize.default}`;
}
