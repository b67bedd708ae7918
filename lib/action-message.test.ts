import { describe, expect, it } from "vitest";
import { actionErrorMessage, fieldError, firstValidationMessage } from "@/lib/action-message";

describe("action messages", () => {
  it("prefers the server's words, then the first validation message, then the fallback", () => {
    expect(actionErrorMessage({ serverError: "Not yours." }, "Could not dismiss.")).toBe("Not yours.");
    expect(actionErrorMessage({ validationErrors: { note: { _errors: ["Say why."] } } }, "Could not dismiss.")).toBe("Say why.");
    expect(actionErrorMessage({}, "Could not dismiss.")).toBe("Could not dismiss.");
    expect(actionErrorMessage(undefined)).toBeUndefined();
  });

  it("finds a message at any depth, the form's own first", () => {
    expect(firstValidationMessage({ _errors: ["Whole form"], a: { _errors: ["Field"] } })).toBe("Whole form");
    expect(firstValidationMessage({ _errors: [], items: { 0: { name: { _errors: ["Name is too long."] } } } })).toBe("Name is too long.");
    expect(firstValidationMessage("odd")).toBeUndefined();
  });

  it("reads one field's message", () => {
    const result = { validationErrors: { email: { _errors: ["Enter a valid email address."] }, password: { _errors: [] } } };
    expect(fieldError(result, "email")).toBe("Enter a valid email address.");
    expect(fieldError(result, "password")).toBeUndefined();
    expect(fieldError(undefined, "email")).toBeUndefined();
  });
});
