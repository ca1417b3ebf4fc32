function addItems(inventory, items) {
  throw new Error('Remove this line and implement the function');
}

function removeItem(inventory, item) {
  throw new Error('Remove this line and implement the function');
}

function listInventory(inventory) {
  throw new Error('Remove this line and implement the function');
}

function uniqueTags(records) {
  throw new Error('Remove this line and implement the function');
}

function groupBy(items, keyOf) {
  throw new Error('Remove this line and implement the function');
}

module.exports = { addItems, removeItem, listInventory, uniqueTags, groupBy };
