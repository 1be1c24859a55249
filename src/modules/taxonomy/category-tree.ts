/** A category with its place in the tree. */
export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  translationKey: string | null;
  /** slugs from the root down to this category */
  path: string[];
}

/** An edition's categories, indexed for path lookups and descendant queries. */
export class CategoryTree {
  private readonly byId = new Map<number, CategoryNode>();
  private readonly byPath = new Map<string, CategoryNode>();
  private readonly children = new Map<number | null, CategoryNode[]>();

  constructor(rows: { id: number; slug: string; name: string; description: string; parent_id: number | null; translation_key: string | null }[]) {
    for (const r of rows) {
      this.byId.set(r.id, { id: r.id, slug: r.slug, name: r.name, description: r.description, parentId: r.parent_id, translationKey: r.translation_key, path: [] });
    }
    for (const node of this.byId.values()) {
      const list = this.children.get(node.parentId) ?? [];
      list.push(node);
      this.children.set(node.parentId, list);
      node.path = this.ancestry(node).map((n) => n.slug);
      this.byPath.set(node.path.join('/'), node);
    }
  }

  /** The node and its ancestors, root first; stops at cycles. */
  ancestry(node: CategoryNode): CategoryNode[] {
    const chain: CategoryNode[] = [];
    const seen = new Set<number>();
    for (let n: CategoryNode | undefined = node; n && !seen.has(n.id); n = n.parentId === null ? undefined : this.byId.get(n.parentId)) {
      seen.add(n.id);
      chain.unshift(n);
    }
    return chain;
  }

  /** Every category, each followed by its sub-categories (for pickers). */
  inTreeOrder(): CategoryNode[] {
    const out: CategoryNode[] = [];
    const walk = (parent: number | null) => {
      for (const n of this.children.get(parent) ?? []) {
        out.push(n);
        walk(n.id);
      }
    };
    walk(null);
    return out;
  }

  get(id: number): CategoryNode | undefined {
    return this.byId.get(id);
  }

  findByPath(slugs: string[]): CategoryNode | undefined {
    return this.byPath.get(slugs.join('/'));
  }

  childrenOf(id: number | null): CategoryNode[] {
    return this.children.get(id) ?? [];
  }

  /** The category's id and those of all categories below it (a category archive lists them all). */
  descendantIds(id: number): number[] {
    const ids: number[] = [];
    const stack = [id];
    while (stack.length) {
      const current = stack.pop()!;
      if (ids.includes(current)) continue;
      ids.push(current);
      for (const c of this.childrenOf(current)) stack.push(c.id);
    }
    return ids;
  }
}
