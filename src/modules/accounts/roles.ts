/** Who may do what in the newsroom, from most to least. */
export const ROLES = ['administrator', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A signed-in person as the permission rules see them. `editions` null: every edition. */
export interface Actor {
  id: number;
  role: Role;
  editions: readonly string[] | null;
}
