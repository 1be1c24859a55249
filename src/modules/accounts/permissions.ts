import type { Actor } from './roles.js';

/** The parts of an item the rules look at. */
export interface ItemAccess {
  edition: string;
  authorId: number | null;
  status: string;
}

/** Whether the actor may work in the edition at all (see it, list it, write in it). */
export function canUseEdition(actor: Actor, edition: string): boolean {
  return actor.editions === null || actor.editions.includes(edition);
}

const own = (actor: Actor, item: ItemAccess) => item.authorId === actor.id;

/** Administrators and editors edit anything in their editions; authors and contributors their own. */
export function canEditItem(actor: Actor, item: ItemAccess): boolean {
  if (!canUseEdition(actor, item.edition)) return false;
  if (actor.role === 'administrator' || actor.role === 'editor') return true;
  if (!own(actor, item)) return false;
  // A contributor's item leaves their hands once it is scheduled or published.
  return actor.role === 'author' || item.status === 'draft' || item.status === 'pending';
}

/** Whether the actor may set the item to `status` (publishing and scheduling are publishing). */
export function canSetStatus(actor: Actor, status: string): boolean {
  if (status === 'draft' || status === 'pending') return true;
  return actor.role !== 'contributor';
}

/** Whether the actor may name someone else as the item's author. */
export function canAssignAuthor(actor: Actor): boolean {
  return actor.role === 'administrator' || actor.role === 'editor';
}

/** Menus and taxonomy of an edition: editors and administrators. */
export function canManageSite(actor: Actor, edition: string): boolean {
  return (actor.role === 'administrator' || actor.role === 'editor') && canUseEdition(actor, edition);
}

/** Users, roles, editions and site-wide settings: administrators only. */
export function canAdminister(actor: Actor): boolean {
  return actor.role === 'administrator';
}

/** Every role may upload; editing or deleting someone else's file takes an editor. */
export function canChangeMedia(actor: Actor, uploadedBy: number | null): boolean {
  return actor.role === 'administrator' || actor.role === 'editor' || uploadedBy === actor.id;
}

/** Readers' comments on an item: editors and administrators of its edition; an author on their own items. */
export function canModerateComments(actor: Actor, item: { edition: string; authorId: number | null }): boolean {
  if (!canUseEdition(actor, item.edition)) return false;
  if (actor.role === 'administrator' || actor.role === 'editor') return true;
  return actor.role === 'author' && own(actor, { ...item, status: '' });
}
