import { describe, expect, it } from "vitest";
import { buttonVariant, plainButtonClasses } from "./button-classes";
import { buttonVariants } from "./button";
import { cn } from "@/lib/utils";

describe("plainButtonClasses", () => {
  it("gives each variant the classes the Button component gives it", () => {
    for (const variant of Object.keys(buttonVariant) as (keyof typeof buttonVariant)[]) {
      expect(plainButtonClasses(variant)).toBe(cn(buttonVariants({ variant })));
    }
  });
});
