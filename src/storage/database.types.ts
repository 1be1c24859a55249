import type { SessionTable, UserTable } from '../modules/accounts/user.table.js';
import type { ApiKeyTable } from '../modules/api-keys/api-key.table.js';
import type { GalleryPhotoTable, ItemBodyTable, ItemRevisionTable, ItemTable, ItemTagTable } from '../modules/content/item.table.js';
import type { ContactMessageTable } from '../modules/contact/contact.table.js';
import type { MailOutboxTable } from '../modules/mail/mail.table.js';
import type { ChangeTable } from '../modules/changes/change.table.js';
import type { CommentTable } from '../modules/comments/comment.table.js';
import type { ImportCheckpointTable, ImportSourceTable } from '../modules/import/import.table.js';
import type { MediaTable } from '../modules/media/media.table.js';
import type { MenuItemTable } from '../modules/menus/menu.table.js';
import type { RedirectTable } from '../modules/redirects/redirect.table.js';
import type { SettingTable } from '../modules/settings/settings.table.js';
import type { CategoryTable, TagTable } from '../modules/taxonomy/taxonomy.table.js';

/** Every table of nashr's schema, for Kysely's typing. */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  categories: CategoryTable;
  tags: TagTable;
  items: ItemTable;
  item_bodies: ItemBodyTable;
  item_tags: ItemTagTable;
  item_revisions: ItemRevisionTable;
  gallery_photos: GalleryPhotoTable;
  media: MediaTable;
  menu_items: MenuItemTable;
  settings: SettingTable;
  comments: CommentTable;
  mail_outbox: MailOutboxTable;
  contact_messages: ContactMessageTable;
  api_keys: ApiKeyTable;
  redirects: RedirectTable;
  changes: ChangeTable;
  import_sources: ImportSourceTable;
  import_checkpoints: ImportCheckpointTable;
}
