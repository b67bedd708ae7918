import { notFound, redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { callBack, settle } from "./use-action";

type Result = { data?: { id: string }; serverError?: string; validationErrors?: { name?: { _errors: string[] } } };

function callbacks() {
  return { onSuccess: vi.fn(), onError: vi.fn(), onSettled: vi.fn() };
}

async function run(action: (input: { name: string }) => Promise<Result | undefined>) {
  const cb = callbacks();
  const settled = await settle(action, { name: "Ada" });
  callBack(settled, { name: "Ada" }, cb);
  return { settled, ...cb };
}

describe("settle and callBack", () => {
  it("passes an answer with data to onSuccess, then onSettled", async () => {
    const { settled, onSuccess, onError, onSettled } = await run(async (input) => ({ data: { id: `id-${input.name}` } }));
    expect(settled).toEqual({ kind: "answered", result: { data: { id: "id-Ada" } } });
    expect(onSuccess).toHaveBeenCalledWith({ data: { id: "id-Ada" }, input: { name: "Ada" } });
    expect(onError).not.toHaveBeenCalled();
    expect(onSettled).toHaveBeenCalledWith({ result: { data: { id: "id-Ada" } }, input: { name: "Ada" } });
  });

  it("passes a server error or validation errors to onError, without data", async () => {
    const server = await run(async () => ({ serverError: "The group is full." }));
    expect(server.onError).toHaveBeenCalledWith({ error: { serverError: "The group is full." }, input: { name: "Ada" } });
    expect(server.onSuccess).not.toHaveBeenCalled();

    const invalid = await run(async () => ({ validationErrors: { name: { _errors: ["Too long"] } } }));
    expect(invalid.onError).toHaveBeenCalledWith({ error: { validationErrors: { name: { _errors: ["Too long"] } } }, input: { name: "Ada" } });
    expect(invalid.onSettled).toHaveBeenCalledTimes(1);
  });

  it("an action that answers nothing (void) is a success", async () => {
    const { settled, onSuccess } = await run(async () => undefined);
    expect(settled).toEqual({ kind: "answered", result: {} });
    expect(onSuccess).toHaveBeenCalledWith({ data: undefined, input: { name: "Ada" } });
  });

  it("a request that failed (the network) is an error with thrownError", async () => {
    const { settled, onError, onSuccess } = await run(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(settled.kind).toBe("thrown");
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].error.thrownError).toBeInstanceOf(TypeError);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("a redirect or not-found from the action is the router's: no callback", async () => {
    for (const navigate of [() => redirect("/gallery"), () => notFound()]) {
      const { settled, onSuccess, onError, onSettled } = await run(async () => navigate());
      expect(settled).toEqual({ kind: "navigated" });
      expect(onSuccess).not.toHaveBeenCalled();
      expect(onError).not.toHaveBeenCalled();
      expect(onSettled).not.toHaveBeenCalled();
    }
  });

  it("a callback that throws is logged and does not stop onSettled", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const onSettled = vi.fn();
    const settled = await settle(async () => ({ data: { id: "x" } }), {});
    callBack(settled, {}, {
      onSuccess: () => {
        throw new Error("toast failed");
      },
      onSettled,
    });
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: "toast failed" }));
    log.mockRestore();
  });
});
