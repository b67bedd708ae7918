import type { ComponentProps } from "react";
import { buttonBase, buttonSize, buttonVariant } from "@/components/ui/button-classes";
import { cn } from "@/lib/utils";

export type ButtonLook = { variant?: keyof typeof buttonVariant | null; size?: keyof typeof buttonSize | null };

/**
 * A button's classes for a variant and size (the defaults when left out), with `className`
 * merged over them: for links and other elements drawn as buttons, e.g.
 * `<Link href="/" className={buttonVariants({ variant: "outline" })}>`.
 */
export function buttonVariants({ variant, size, className }: ButtonLook & { className?: string } = {}): string {
  return cn(buttonBase, buttonVariant[variant ?? "default"], buttonSize[size ?? "default"], className);
}

export function Button({ className, variant, size, ...props }: ComponentProps<"button"> & ButtonLook) {
  return <button className={buttonVariants({ variant, size, className })} {...props} />;
}
