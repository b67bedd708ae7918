import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { makePng } from "@/lib/media/test-media";
import { uploadCreatedResponseSchema, uploadErrorResponseSchema } from "@/lib/media/upload-view";
import { setTestEnv } from "@/test/integration-kit";

const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string } }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return { ...session.user, email: "u@example.com", name: null, role: "CREATOR", teamName: "T" };
  },
}));

let root: string;
let POST: (request: Request) => Promise<Response>;
let prisma: typeof import("@/lib/db").prisma;
let teamId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-upload-route-"));
  Object.assign(process.env, { STORAGE_DIR: root, PUBLIC_BASE_URL: "https://studio.example.com" });
  setTestEnv();
  ({ POST } = await import("@/app/api/uploads/route"));
  ({ prisma } = await import("@/lib/db"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Route ${suffix}` } })).id;
  session.user = { id: `user-${suffix}`, teamId };
});

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: teamId } });
  await rm(root, { recursive: true, force: true });
});

function upload(name: string | null, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL("https://studio.example.com/api/uploads");
  if (name !== null) url.searchParams.set("name", name);
  return POST(new Request(url, { method: "POST", body, headers: { host: "studio.example.com", ...headers }, duplex: "half" } as RequestInit));
}

describe("POST /api/uploads", () => {
  it("stores a streamed file and answers 201 with its public URLs", async () => {
    const png = makePng(640, 480, 42);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(png.subarray(0, 1000)));
        controller.enqueue(new Uint8Array(png.subarray(1000)));
        controller.close();
      },
    });
    const response = await upload("Portrait – v2.png", stream, { "content-type": "image/png", origin: "https://studio.example.com" });
    expect(response.status).toBe(201);
    const body = uploadCreatedResponseSchema.parse(await response.json());
    expect(body.deduplicated).toBe(false);
    expect(body.upload).toMatchObject({ fileName: "Portrait – v2.png", type: "IMAGE", mimeType: "image/png", width: 640, height: 480 });
    expect(body.upload.url).toMatch(new RegExp(`^https://studio\\.example\\.com/files/t/${teamId}/[a-z2-7]{26}/Portrait-v2\\.png$`));
    expect(body.upload.thumbnailUrl).toMatch(/\/thumbnail\.webp$/);

    const again = await upload("again.png", new Uint8Array(png), { "content-type": "image/png" });
    expect(again.status).toBe(201);
    const second = uploadCreatedResponseSchema.parse(await again.json());
    expect(second).toEqual({ upload: body.upload, deduplicated: true });
  });

  it("answers 422 with every reason when a file breaks the limits", async () => {
    const response = await upload("tiny.png", new Uint8Array(makePng(100, 100, 43)), { "content-type": "image/png" });
    expect(response.status).toBe(422);
    expect(uploadErrorResponseSchema.parse(await response.json())).toEqual({
      error: { code: "FILE_REFUSED", message: "The image is 100×100 px; each side must be 300–6000 px." },
      violations: [
        {
          code: "IMAGE_SIDE_OUT_OF_RANGE",
          message: "The image is 100×100 px; each side must be 300–6000 px.",
          key: "limits.imageSideOutOfRange",
          values: { width: "100", height: "100", min: "300", max: "6000" },
        },
      ],
    });
  });

  it("answers 400 without a name or a body", async () => {
    const noName = await upload(null, "x");
    expect(noName.status).toBe(400);
    expect((await noName.json()).error.code).toBe("INVALID_INPUT");
    expect((await upload("a.png", null)).status).toBe(400);
  });

  it("answers 403 to another site's page", async () => {
    const response = await upload("a.png", "x", { origin: "https://evil.example.net" });
    expect(response.status).toBe(403);
  });

  it("answers 401 JSON when nobody is signed in", async () => {
    const user = session.user;
    session.user = null;
    try {
      const response = await upload("a.png", "x");
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: { code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." },
      });
    } finally {
      session.user = user;
    }
  });
});
