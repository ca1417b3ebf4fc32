function addItems(inventory, items) {
  for (const item of items) inventory[item] = (inventory[item] || 0) + 1;
  return inventory;
}

function removeItem(inventory, item) {
  if (!(item in inventory)) throw new Error(`no ${item} in inventory`);
  inventory[item] = Math.max(0, inventory[item] - 1);
}

function listInventory(inventory) {
  return Object.entries(inventory).filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function uniqueTags(records) {
  return new Set(records.flatMap((record) => record.tags));
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

module.exports = { addItems, removeItem, listInventory, uniqueTags, groupBy };
