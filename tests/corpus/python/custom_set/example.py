class CustomSet:
    def __init__(self, elements=()):
        self._items = {}
        for element in elements:
            self._items[element] = True

    def isempty(self):
        return not self._items

    def __contains__(self, element):
        return element in self._items

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def issubset(self, other):
        return all(element in other for element in self)

    def isdisjoint(self, other):
        return not any(element in other for element in self)

    def __eq__(self, other):
        if not isinstance(other, CustomSet):
            return NotImplemented
        return len(self) == len(other) and self.issubset(other)

    __hash__ = None

    def add(self, element):
        self._items[element] = True

    def intersection(self, other):
        return CustomSet(e for e in self if e in other)

    def __sub__(self, other):
        return CustomSet(e for e in self if e not in other)

    def __add__(self, other):
        return CustomSet(list(self) + list(other))
