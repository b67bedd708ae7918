import type { Role } from "@/lib/generated/prisma/enums";

/** Who may do what. Pages, actions and the sidebar read this one table. */
export const permissions = {
  manageTeam: ["ADMIN"],
  manageSettings: ["ADMIN"],
  reviewFailed: ["ADMIN", "LEAD"],
  viewRawPayload: ["ADMIN", "LEAD"],
  viewAudit: ["ADMIN", "LEAD"],
  manageBudgets: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export const roleLabels: Record<Role, string> = { ADMIN: "Admin", LEAD: "Team lead", CREATOR: "Creator" };
