import { describe, expect, it } from "vitest";
import { createAdmission, createPolledReadGate, DEFAULT_POLLED_READ_CONCURRENCY, isPolledRead, polledReadConcurrency } from "@/lib/http/read-admission";

/** Lets promises already resolved run their callbacks. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("isPolledRead", () => {
  it.each([
    ["GET", "/api/assets?tab=approved", true],
    ["GET", "/api/assets/abc", true],
    ["HEAD", "/api/jobs", true],
    ["GET", "/api/v1/assets?limit=10", true],
    ["POST", "/api/uploads?name=a.png", false],
    ["GET", "/api/live", false],
    ["GET", "/api/health", false],
    ["GET", "/api/auth/session", false],
    ["GET", "/api/livestock", true],
    ["GET", "/gallery", false],
    ["GET", "/files/uploads/x.png", false],
    ["POST", "/gallery", false],
    [undefined, undefined, false],
  ])("%s %s → %s", (method, url, expected) => {
    expect(isPolledRead(method, url)).toBe(expected);
  });
});

describe("polledReadConcurrency", () => {
  it("defaults to one per core, at least two, and reads a positive whole number", () => {
    expect(polledReadConcurrency(undefined)).toBe(DEFAULT_POLLED_READ_CONCURRENCY);
    expect(polledReadConcurrency("")).toBe(DEFAULT_POLLED_READ_CONCURRENCY);
    expect(DEFAULT_POLLED_READ_CONCURRENCY).toBeGreaterThanOrEqual(2);
    expect(polledReadConcurrency("3")).toBe(3);
  });
  it.each(["0", "-1", "2.5", "many"])("refuses %s by the setting's name", (value) => {
    expect(() => polledReadConcurrency(value)).toThrow(/POLLED_READ_CONCURRENCY/);
  });
});

describe("createAdmission", () => {
  it("admits up to the limit at once and the rest in order of arrival as places come back", async () => {
    const gate = createAdmission(() => 2);
    const order: number[] = [];
    const places = Array.from({ length: 5 }, (_, i) => {
      const place = gate.acquire();
      void place.admitted.then(() => order.push(i));
      return place;
    });
    await tick();
    expect(order).toEqual([0, 1]);
    expect(gate.state).toEqual({ active: 2, waiting: 3 });
    places[1]!.abandon();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    places[0]!.abandon();
    places[2]!.abandon();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    places[3]!.abandon();
    places[4]!.abandon();
    expect(gate.state).toEqual({ active: 0, waiting: 0 });
  });

  it("a waiter whose client went away leaves the queue and never holds a place", async () => {
    const gate = createAdmission(() => 1);
    const first = gate.acquire();
    const gone = gate.acquire();
    const third = gate.acquire();
    let goneAdmitted = false;
    void gone.admitted.then(() => (goneAdmitted = true));
    gone.abandon();
    expect(gate.state).toEqual({ active: 1, waiting: 1 });
    first.abandon();
    const release = await third.admitted;
    expect(goneAdmitted).toBe(false);
    expect(gate.state).toEqual({ active: 1, waiting: 0 });
    release();
    expect(gate.state).toEqual({ active: 0, waiting: 0 });
  });

  it("giving a place back twice frees it once", async () => {
    const gate = createAdmission(() => 1);
    const a = gate.acquire();
    const b = gate.acquire();
    const c = gate.acquire();
    (await a.admitted)();
    a.abandon();
    // b holds the place now; c still waits.
    expect(gate.state).toEqual({ active: 1, waiting: 1 });
    await b.admitted;
    b.abandon();
    await c.admitted;
    c.abandon();
    expect(gate.state).toEqual({ active: 0, waiting: 0 });
  });
});

describe("createPolledReadGate", () => {
  it("lets reads through up to the limit, one at a time while another request is in progress, and up to the limit again after", async () => {
    const gate = createPolledReadGate(3);
    const admitted: number[] = [];
    const ask = (i: number) => {
      const place = gate.acquire();
      void place.admitted.then(() => admitted.push(i));
      return place;
    };
    const upload = gate.otherBegan();
    const reads = [ask(0), ask(1), ask(2), ask(3)];
    await tick();
    expect(admitted).toEqual([0]);
    reads[0]!.abandon();
    await tick();
    expect(admitted).toEqual([0, 1]);
    // The upload ends: the limit is 3 again, and the waiting reads come in at once.
    upload();
    upload();
    await tick();
    expect(admitted).toEqual([0, 1, 2, 3]);
    expect(gate.state).toEqual({ active: 3, waiting: 0, othersInProgress: 0 });
  });

  it("a read already in progress is not stopped when another request begins; new ones wait until it ends", async () => {
    const gate = createPolledReadGate(2);
    const a = gate.acquire();
    const b = gate.acquire();
    await Promise.all([a.admitted, b.admitted]);
    const page = gate.otherBegan();
    const c = gate.acquire();
    let cIn = false;
    void c.admitted.then(() => (cIn = true));
    a.abandon();
    await tick();
    // One of two reads left, and one allowed while the page loads: c still waits.
    expect(cIn).toBe(false);
    b.abandon();
    await tick();
    expect(cIn).toBe(true);
    page();
    c.abandon();
    expect(gate.state).toEqual({ active: 0, waiting: 0, othersInProgress: 0 });
  });
});
