import type { FastifyInstance } from 'fastify';
import { menuTree, type MenuNode } from '../../modules/menus/index.js';
import type { ApiContext } from './api-context.js';
import { apiNotFound } from './api-errors.js';
import { queryOf } from './query-params.js';

/** /editions (from the configuration) and /menus/{edition} (each edition's nested menu). */
export function registerEditionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const codes = new Set(ctx.editions.map((e) => e.code));

  app.get('/editions', async (req) => {
    queryOf(req, []);
    return {
      items: ctx.editions.map((e) => ({
        code: e.code, name: e.name, native_name: e.nativeName, dir: e.dir, locale: e.locale, calendar: e.calendar, numbering_system: e.numberingSystem,
        prefix: e.prefix, title: e.title, url: ctx.urls.inEdition(e.code, '/'),
      })),
    };
  });

  /** Where an entry leads, as the public menu resolves it; null for a label that only opens its sub-menu. */
  const urlOf = (edition: string, target: string): string | null => {
    if (target === '#') return null;
    if (/^https?:\/\//.test(target)) return target;
    if (target.startsWith('edition:')) return codes.has(target.slice(8)) ? ctx.urls.inEdition(target.slice(8), '/') : null;
    return ctx.urls.inEdition(edition, target);
  };
  const entry = (edition: string, n: MenuNode): unknown => ({ id: n.id, label: n.label, target: n.target, url: urlOf(edition, n.target), children: n.children.map((c) => entry(edition, c)) });

  app.get<{ Params: { edition: string } }>('/menus/:edition', async (req) => {
    queryOf(req, []);
    const { edition } = req.params;
    if (!codes.has(edition)) throw apiNotFound(`There is no edition "${edition.slice(0, 20)}". See /api/v1/editions.`);
    const tree = await menuTree(ctx.db, edition);
    return { edition, items: tree.map((n) => entry(edition, n)) };
  });
}
