/** How a person is named on every page: their name, else their email. */
export function displayName(user: { name: string | null; email: string }): string {
  return user.name ?? user.email;
}
