class CustomSet:
    # a list inside: duplicates are kept, and + changes the left operand
    def __init__(self, elements=()):
        self.items = list(elements)

    def isempty(self):
        return len(self.items) == 0

    def __contains__(self, element):
        return element in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def issubset(self, other):
        return all(e in other.items for e in self.items)

    def isdisjoint(self, other):
        return all(e not in other.items for e in self.items)

    def __eq__(self, other):
        return sorted(self.items) == sorted(other.items)

    def add(self, element):
        self.items.append(element)

    def intersection(self, other):
        return CustomSet([e for e in self.items if e in other.items])

    def __sub__(self, other):
        return CustomSet([e for e in self.items if e not in other.items])

    def __add__(self, other):
        self.items.extend(e for e in other.items if e not in self.items)
        return self
