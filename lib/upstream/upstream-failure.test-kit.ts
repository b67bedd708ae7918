import { expect } from "vitest";
import { UpstreamError } from "@/lib/upstream/upstream-error";

/** The UpstreamError a call fails with; the test fails if it succeeds or fails otherwise. */
export async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error("expected a failure");
}
