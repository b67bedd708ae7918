/** React Query's key for the team's recent submits (the Upload page's panel). */
export const submissionsQueryKey = ["submissions"] as const;
