// returns new objects instead of changing the inventory; arrays instead of Set / Map
function addItems(inventory, items) {
  const result = { ...inventory };
  for (const item of items) result[item] = (result[item] || 0) + 1;
  return result;
}

function removeItem(inventory, item) {
  inventory[item] -= 1;
}

function listInventory(inventory) {
  return Object.entries(inventory).sort();
}

function uniqueTags(records) {
  return [...new Set(records.flatMap((record) => record.tags))];
}

function groupBy(items, keyOf) {
  const groups = {};
  for (const item of items) (groups[keyOf(item)] ||= []).push({ ...item });
  return new Map(Object.entries(groups));
}

module.exports = { addItems, removeItem, listInventory, uniqueTags, groupBy };
