import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string } }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return session.user;
  },
}));

const { withRoute, withUser } = await import("@/lib/http/with-user");

const request = new Request("https://studio.example.com/api/x");

describe("withUser", () => {
  it("answers 401 without a session and never runs the handler", async () => {
    session.user = null;
    const handler = vi.fn();
    const res = await withUser("reading x", handler)(request);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the handler the user, the awaited params and a request id it also sends back", async () => {
    session.user = { id: "u1", teamId: "t1" };
    let seen: unknown;
    const res = await withUser<{ id: string }>("reading x", async (args) => {
      seen = { user: args.user, params: args.params, requestId: args.requestId };
      return Response.json({ ok: true });
    })(request, { params: Promise.resolve({ id: "j1" }) });
    expect(res.status).toBe(200);
    expect(seen).toEqual({ user: { id: "u1", teamId: "t1" }, params: { id: "j1" }, requestId: res.headers.get("x-request-id") });
  });

  it("answers an AppError with its code, its sentence from the catalogue, its key and values, and its status", async () => {
    session.user = { id: "u1", teamId: "t1" };
    const res = await withUser("reading x", async () => {
      throw new AppError("RATE_LIMITED", "tokenRateLimited", { values: { limit: 60, seconds: 12 } });
    })(request);
    expect(res.status).toBe(429);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: "Too many requests: 60 a minute per token. Try again in 12 s.",
        key: "tokenRateLimited",
        values: { limit: 60, seconds: 12 },
      },
    });
  });

  it("passes a sentence the catalogue does not know through as given", async () => {
    session.user = { id: "u1", teamId: "t1" };
    const res = await withUser("reading x", async () => {
      throw new AppError("NOT_FOUND", "No such thing.");
    })(request);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("No such thing.");
  });

  it("hides an unexpected error behind a generic message that names the request id", async () => {
    const res = await withRoute("reading x", async () => {
      throw new Error("database password is hunter2");
    })(request);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).not.toContain("hunter2");
    expect(body.error.message).toContain(`(ref ${res.headers.get("x-request-id")})`);
  });
});
