import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CategoryTree } from '../../../src/modules/taxonomy/index.js';

const row = (id: number, slug: string, parent_id: number | null) => ({ id, slug, name: slug, description: '', parent_id, translation_key: null });

describe('the category tree', () => {
  const tree = new CategoryTree([row(1, 'politics', null), row(2, 'middle-east', 1), row(3, 'iran', 2), row(4, 'economy', null), row(5, 'trade', 4)]);

  it('finds categories by their full slug path', () => {
    assert.equal(tree.findByPath(['politics', 'middle-east', 'iran'])!.id, 3);
    assert.equal(tree.findByPath(['iran']), undefined);
  });

  it('gives a category with everything below it', () => {
    assert.deepEqual(tree.descendantIds(1).sort(), [1, 2, 3]);
    assert.deepEqual(tree.descendantIds(3), [3]);
  });

  it('survives a parent cycle in the data', () => {
    const cyclic = new CategoryTree([row(1, 'a', 2), row(2, 'b', 1)]);
    assert.ok(cyclic.get(1)!.path.length <= 2);
    assert.deepEqual(cyclic.descendantIds(1).sort(), [1, 2]);
  });
});
