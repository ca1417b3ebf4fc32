const test = require('node:test');
const assert = require('node:assert/strict');
const { addItems, removeItem, listInventory, uniqueTags, groupBy } = require('./inventory.js');

test('adds items to an empty inventory', () => {
  assert.deepStrictEqual(addItems({}, ['wood', 'iron', 'wood']), { wood: 2, iron: 1 });
});

test('changes the inventory in place and returns it', () => {
  const inventory = { coal: 1 };
  const result = addItems(inventory, ['coal']);
  assert.strictEqual(result, inventory);
  assert.deepStrictEqual(inventory, { coal: 2 });
});

test('remove an item decrements and never goes below zero', () => {
  const inventory = { wood: 1 };
  removeItem(inventory, 'wood');
  removeItem(inventory, 'wood');
  assert.deepStrictEqual(inventory, { wood: 0 });
});

test('removing a missing item throws', () => {
  assert.throws(() => removeItem({}, 'gold'), { name: 'Error', message: 'no gold in inventory' });
});

test('list the inventory as sorted pairs, skipping zeros', () => {
  assert.deepStrictEqual(listInventory({ wood: 2, coal: 0, iron: 1 }), [['iron', 1], ['wood', 2]]);
});

test('unique tags as a Set', () => {
  const tags = uniqueTags([{ tags: ['a', 'b'] }, { tags: ['b', 'c'] }, { tags: [] }]);
  assert.ok(tags instanceof Set);
  assert.deepStrictEqual(tags, new Set(['a', 'b', 'c']));
});

test('groupBy returns a Map of arrays', () => {
  const items = [{ kind: 'fruit', name: 'fig' }, { kind: 'veg', name: 'leek' },
    { kind: 'fruit', name: 'date' }];
  assert.deepStrictEqual(groupBy(items, (item) => item.kind), new Map([
    ['fruit', [items[0], items[2]]],
    ['veg', [items[1]]],
  ]));
});

test('groupBy keeps the items themselves', () => {
  const items = [{ kind: 'a' }];
  const groups = groupBy(items, (item) => item.kind);
  assert.strictEqual(groups.get('a')[0], items[0]);
});

test('nested objects are compared deeply', () => {
  const inventory = { tools: { axe: 1 } };
  addItems(inventory, ['rope']);
  assert.deepStrictEqual(inventory, { tools: { axe: 1 }, rope: 1 });
});
