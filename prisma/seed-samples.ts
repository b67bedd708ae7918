// The demo team's first gallery: a few approved sample avatars (abstract shapes drawn here,
// no people), one the review refuses with its reason, and one finished video. Everything goes
// the way the app's own does: the upload service stores the files, the submit service sends
// them to the provider (the simulator, over HTTP), the worker follows the review and the
// video. Runs once the app serves files (the provider downloads them from it); idempotent;
// `DEMO_SEED=off` skips it.
import { Readable } from "node:stream";
import sharp from "sharp";
import { prisma } from "@/lib/db";
import { getGenerationSettings } from "@/lib/generation/get-generation-settings";
import { startOneClickJobs } from "@/lib/generation/start-one-click-jobs";
import { ingestUpload } from "@/lib/media/ingest-upload";
import { upstreamClientForTeam } from "@/lib/settings/upstream-client-for-team";
import { getStorage } from "@/lib/storage/get-storage";
import { submitAssets } from "@/lib/submissions/submit-assets";
import { DEMO_TEAM } from "./seed";

export const SAMPLE_GROUP = "Demo samples";
const SAMPLE_OWNER = "creator@demo.local";

type Sample = { name: string; file: string; svg: string };

/** A 768 × 1024 picture of gradients and shapes, as SVG for sharp to draw. */
function picture(from: string, to: string, shapes: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="768" height="1024" viewBox="0 0 768 1024">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="768" height="1024" fill="url(#g)"/>${shapes}</svg>`;
}

export const samples: Sample[] = [
  {
    name: "Aurora orbit",
    file: "aurora-orbit.png",
    svg: picture("#312e81", "#0ea5e9", `<circle cx="384" cy="420" r="220" fill="#fde68a" opacity="0.85"/><circle cx="384" cy="420" r="300" fill="none" stroke="#ffffff" stroke-width="10" opacity="0.5"/>`),
  },
  {
    name: "Coral tiles",
    file: "coral-tiles.png",
    svg: picture("#f97316", "#db2777", `<rect x="120" y="200" width="240" height="240" rx="36" fill="#fff7ed" opacity="0.8"/><rect x="408" y="480" width="240" height="240" rx="36" fill="#1e1b4b" opacity="0.7"/>`),
  },
  {
    name: "Mint waves",
    file: "mint-waves.png",
    svg: picture("#064e3b", "#34d399", `<path d="M0 640 Q192 520 384 640 T768 640 V1024 H0 Z" fill="#ecfeff" opacity="0.6"/><path d="M0 760 Q192 640 384 760 T768 760 V1024 H0 Z" fill="#022c22" opacity="0.5"/>`),
  },
  {
    name: "Violet prism",
    file: "violet-prism.png",
    svg: picture("#4c1d95", "#a78bfa", `<polygon points="384,180 640,760 128,760" fill="#f5f3ff" opacity="0.75"/><polygon points="384,320 540,700 228,700" fill="#2e1065" opacity="0.6"/>`),
  },
  // The simulator refuses names with "real-person" in them as the provider would a photo of one.
  {
    name: "Flagged sample (real-person)",
    file: "flagged-real-person.png",
    svg: picture("#475569", "#cbd5e1", `<rect x="184" y="312" width="400" height="400" fill="none" stroke="#0f172a" stroke-width="24" opacity="0.6"/><rect x="284" y="412" width="200" height="200" fill="#0f172a" opacity="0.5"/>`),
  },
];

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`demo samples: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Seeds the samples once; returns what it did, for the log line. */
export async function seedSamples(): Promise<string> {
  const team = await prisma.team.findFirst({ where: { name: DEMO_TEAM }, select: { id: true } });
  const owner = await prisma.user.findUnique({ where: { email: SAMPLE_OWNER }, select: { id: true } });
  if (!team || !owner) return "no demo team: nothing to add";
  const teamId = team.id;

  let group = await prisma.assetGroup.findFirst({ where: { teamId, name: SAMPLE_GROUP }, select: { id: true } });
  if (!group) {
    const storage = getStorage();
    const items = [];
    for (const sample of samples) {
      const png = await sharp(Buffer.from(sample.svg)).png().toBuffer();
      const result = await ingestUpload(
        { teamId, uploaderId: owner.id, fileName: sample.file, contentType: "image/png", contentLength: png.length, body: Readable.from([new Uint8Array(png)]) },
        { storage },
      );
      if (result.status === "refused") throw new Error(`demo samples: ${sample.file} refused: ${result.violations.map((v) => v.message).join(" ")}`);
      items.push({ source: "upload" as const, uploadId: result.upload.id, name: sample.name });
    }
    const submitted = await submitAssets(
      { target: { kind: "new", name: SAMPLE_GROUP, description: "Sample avatars the demo starts with." }, projectName: "default", items },
      { teamId, userId: owner.id },
    );
    group = { id: submitted.groupId };
  }

  // The worker follows the review; wait for its outcome.
  const groupId = group.id;
  await until("the review", 120_000, async () => {
    const open = await prisma.asset.count({ where: { teamId, groupId, state: { in: ["PENDING", "IN_REVIEW"] } } });
    return open === 0 ? true : null;
  });

  const approved = await prisma.asset.findFirst({ where: { teamId, groupId, state: "APPROVED" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!approved) return `"${SAMPLE_GROUP}" has no approved avatar: no sample video`;
  let job = await prisma.videoJob.findFirst({ where: { teamId, references: { some: { assetId: approved.id } } }, select: { id: true } });
  if (!job) {
    const [{ client, settings }, generation] = await Promise.all([upstreamClientForTeam(teamId), getGenerationSettings(teamId)]);
    const [result] = await startOneClickJobs({ teamId, userId: owner.id, assetIds: [approved.id], defaults: generation.defaults }, { client, models: settings.models });
    if (!result?.ok) throw new Error(`demo samples: the sample video was refused: ${result && !result.ok ? result.error : "no result"}`);
    job = await prisma.videoJob.findFirst({ where: { teamId, references: { some: { assetId: approved.id } } }, select: { id: true } });
  }
  const jobId = job!.id;
  const state = await until("the sample video", 180_000, async () => {
    const row = await prisma.videoJob.findUnique({ where: { id: jobId }, select: { state: true, videoKey: true } });
    return row && (row.state === "FAILED" || row.state === "CANCELLED" || (row.state === "SUCCEEDED" && row.videoKey)) ? row.state : null;
  });
  const counts = await prisma.asset.groupBy({ by: ["state"], where: { teamId, groupId }, _count: true });
  return `"${SAMPLE_GROUP}": ${counts.map((c) => `${c._count} ${c.state.toLowerCase()}`).join(", ")}; sample video ${state.toLowerCase()}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (["off", "0", "false"].includes((process.env.DEMO_SEED ?? "").toLowerCase())) {
    console.log("DEMO_SEED=off: no sample avatars");
  } else {
    seedSamples()
      .then((done) => console.log(`Demo samples: ${done}`))
      .catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      })
      .finally(() => prisma.$disconnect());
  }
}
