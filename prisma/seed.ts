import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "avatar-demo";
export const DEMO_TEAM = "Demo Studio";
export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.local", name: "Ada Admin", role: "ADMIN" },
  { email: "lead@demo.local", name: "Lee Lead", role: "LEAD" },
  { email: "creator@demo.local", name: "Cleo Creator", role: "CREATOR" },
];

/** Creates the demo team and its three users once; later runs leave them as they are. */
export async function seedDemo(): Promise<void> {
  let team = await prisma.team.findFirst({ where: { name: DEMO_TEAM } });
  team ??= await prisma.team.create({ data: { name: DEMO_TEAM } });
  for (const u of demoUsers) {
    const existing = await prisma.user.findUnique({ where: { email: u.email } });
    if (existing) continue;
    await prisma.user.create({
      data: {
        email: u.email,
        name: u.name,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        membership: { create: { teamId: team.id, role: u.role } },
      },
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemo()
    .then(() => console.log(`Seeded "${DEMO_TEAM}": ${demoUsers.map((u) => u.email).join(", ")} (password ${DEMO_PASSWORD})`))
    .finally(() => prisma.$disconnect());
}
