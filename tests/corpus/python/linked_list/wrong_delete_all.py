class LinkedList:
    # delete removes every occurrence; no __reversed__
    def __init__(self):
        self.items = []

    def push(self, value):
        self.items.append(value)

    def pop(self):
        if not self.items:
            raise IndexError("List is empty")
        return self.items.pop()

    def shift(self):
        if not self.items:
            raise IndexError("List is empty")
        return self.items.pop(0)

    def unshift(self, value):
        self.items.insert(0, value)

    def delete(self, value):
        if value not in self.items:
            raise ValueError("Value not found")
        self.items = [v for v in self.items if v != value]

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        yield from self.items
