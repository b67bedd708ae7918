import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import * as bodies from "@/lib/upstream/fixtures/errors";
import { describeAppError, errorSentence } from "@/lib/i18n/error-message";
import {
  UpstreamError,
  isErrorBody,
  parseRetryAfter,
  readProviderError,
  upstreamErrorFromResponse,
  upstreamMalformed,
  upstreamMessages,
  upstreamUnreachable,
} from "@/lib/upstream/upstream-error";

describe("upstreamErrorFromResponse", () => {
  it.each([
    [401, bodies.errorObjectUnauthorized, "UPSTREAM_UNAUTHORIZED"],
    [403, bodies.errorObjectUnauthorized, "UPSTREAM_UNAUTHORIZED"],
    [402, bodies.errorObjectInsufficientBalance, "UPSTREAM_INSUFFICIENT_BALANCE"],
    [429, bodies.errorObjectRateLimited, "UPSTREAM_RATE_LIMITED"],
    [400, bodies.errorObjectBadRequest, "UPSTREAM_REJECTED"],
    [404, { error: { message: "task not found" } }, "UPSTREAM_REJECTED"],
    [500, bodies.errorObjectServer, "UPSTREAM_ERROR"],
    [502, undefined, "UPSTREAM_ERROR"],
    [503, bodies.errorCodeIntServer, "UPSTREAM_ERROR"],
    [400, bodies.errorCodeInt, "UPSTREAM_REJECTED"],
    [401, bodies.errorCodeString, "UPSTREAM_UNAUTHORIZED"],
  ] as const)("HTTP %i → %s", (status, body, code) => {
    const error = upstreamErrorFromResponse({ httpStatus: status, body, method: "GET", path: "/v1/tasks/x" });
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    expect(error.detail.httpStatus).toBe(status);
    expect(error.detail.body).toEqual(body);
  });

  it.each([
    [bodies.errorCodeInt, "UPSTREAM_REJECTED", 400],
    [bodies.errorCodeString, "UPSTREAM_UNAUTHORIZED", 401],
    [bodies.errorCodeStringBalance, "UPSTREAM_INSUFFICIENT_BALANCE", 402],
    [bodies.errorCodeIntServer, "UPSTREAM_ERROR", 500],
    [bodies.errorObjectUnauthorized, "UPSTREAM_UNAUTHORIZED", 401],
    [bodies.errorObjectInsufficientBalance, "UPSTREAM_INSUFFICIENT_BALANCE", 402],
    [bodies.errorObjectRateLimited, "UPSTREAM_RATE_LIMITED", 429],
    [{ code: "weird_failure", message: "?" }, "UPSTREAM_ERROR", 200],
  ] as const)("an error envelope in HTTP 200 is classified by its code: %j", (body, code, status) => {
    const error = upstreamErrorFromResponse({ httpStatus: 200, body });
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    expect(error.detail.httpStatus).toBe(200);
  });

  it("keeps the provider's reason in detail and never in the message", () => {
    const error = upstreamErrorFromResponse({ httpStatus: 400, body: bodies.errorObjectBadRequest, method: "POST", path: "/v1/seedance2/private-avatar" });
    expect(error.message).toBe(upstreamMessages.UPSTREAM_REJECTED);
    expect(error.message).not.toContain("assets and url");
    expect(error.detail).toMatchObject({
      method: "POST",
      path: "/v1/seedance2/private-avatar",
      reason: "assets and url cannot be used together",
      providerCode: "invalid_parameter",
      providerType: "invalid_request_error",
      param: "assets",
    });
  });

  it("keeps Retry-After for 429 in seconds or as a date", () => {
    expect(upstreamErrorFromResponse({ httpStatus: 429, body: bodies.errorObjectRateLimited, retryAfter: "7" }).retryAfterMs).toBe(7000);
    const at = new Date(Date.now() + 60_000).toUTCString();
    const ms = upstreamErrorFromResponse({ httpStatus: 429, retryAfter: at }).retryAfterMs ?? 0;
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });

  it("keeps a non-JSON body's text (cut) in detail", () => {
    const error = upstreamErrorFromResponse({ httpStatus: 502, text: `<html>${"x".repeat(10_000)}</html>` });
    expect(error.code).toBe("UPSTREAM_ERROR");
    expect(typeof error.detail.body).toBe("string");
    expect((error.detail.body as string).length).toBeLessThan(4100);
    expect(error.detail.reason).toMatch(/^<html>/);
  });

  it("says a 404 on a lookup means an unknown task", async () => {
    expect(await describeAppError(upstreamErrorFromResponse({ httpStatus: 404, method: "GET" }), "en")).toMatch(/does not know this task/);
  });

  it("marks which errors may be retried", () => {
    expect(upstreamErrorFromResponse({ httpStatus: 429 }).retryable).toBe(true);
    expect(upstreamErrorFromResponse({ httpStatus: 500 }).retryable).toBe(true);
    expect(upstreamErrorFromResponse({ httpStatus: 400 }).retryable).toBe(false);
    expect(upstreamErrorFromResponse({ httpStatus: 401 }).retryable).toBe(false);
    expect(upstreamErrorFromResponse({ httpStatus: 402 }).retryable).toBe(false);
    expect(upstreamUnreachable(new Error("x")).retryable).toBe(true);
    expect(upstreamMalformed("x").retryable).toBe(false);
  });
});

describe("other error kinds", () => {
  it("network failure and timeout", async () => {
    const cause = new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    const error = upstreamUnreachable(cause, { method: "GET", path: "/v1/tasks/a" });
    expect(error.code).toBe("UPSTREAM_UNREACHABLE");
    expect(error.detail.cause).toContain("ECONNREFUSED");
    expect(error.httpStatus).toBeUndefined();
    const timeout = upstreamUnreachable(new DOMException("timed out", "TimeoutError"), { timedOut: true });
    expect(await describeAppError(timeout, "en")).toMatch(/in time/);
    expect(timeout.detail.timedOut).toBe(true);
  });

  it("malformed", () => {
    const error = upstreamMalformed("the answer is not JSON", { httpStatus: 200, text: "<html>" });
    expect(error.code).toBe("UPSTREAM_MALFORMED");
    expect(error.detail).toMatchObject({ reason: "the answer is not JSON", body: "<html>", httpStatus: 200 });
  });

  it("every message is plain and provider-free", async () => {
    for (const key of Object.values(upstreamMessages)) {
      for (const locale of ["en", "zh"] as const) expect(await errorSentence(key, {}, locale)).toMatch(/^[A-Z\u4e00-\u9fff][^{}<>]*[.。]$/);
    }
  });
});

describe("reading error bodies", () => {
  it("reads both shapes with int and string codes", () => {
    expect(readProviderError(bodies.errorObjectInsufficientBalance)).toEqual({
      code: "402",
      type: "insufficient_quota",
      message: "Your balance is not enough",
      param: undefined,
    });
    expect(readProviderError(bodies.errorCodeString)).toEqual({ code: "401", type: undefined, message: "unauthorized" });
    expect(readProviderError(bodies.errorCodeInt)?.code).toBe("400");
    expect(readProviderError({ code: 200, data: {} })).toBeUndefined();
    expect(readProviderError("nope")).toBeUndefined();
  });

  it("tells error bodies from success bodies", () => {
    expect(isErrorBody(bodies.errorObjectServer)).toBe(true);
    expect(isErrorBody(bodies.errorCodeInt)).toBe(true);
    expect(isErrorBody(bodies.errorCodeString)).toBe(true);
    expect(isErrorBody({ code: 200, data: {} })).toBe(false);
    expect(isErrorBody({ code: "200", data: {} })).toBe(false);
    expect(isErrorBody({ id: "task" })).toBe(false);
    expect(isErrorBody([{ code: 500 }])).toBe(false);
    expect(isErrorBody(null)).toBe(false);
    expect(isErrorBody({ code: 200, data: {}, error: null })).toBe(false);
  });

  it("parses Retry-After", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("1.5")).toBe(1500);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(new Date(0).toUTCString(), 10_000)).toBe(0);
  });
});
