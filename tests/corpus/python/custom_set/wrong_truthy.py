class CustomSet:
    # isempty answers with the set itself (truthy / falsy, never True / False)
    def __init__(self, elements=()):
        self.elements = set(elements)

    def isempty(self):
        return not self.elements or None

    def __contains__(self, element):
        return element in self.elements

    def __iter__(self):
        return iter(self.elements)

    def __len__(self):
        return len(self.elements)

    def issubset(self, other):
        return self.elements <= other.elements

    def isdisjoint(self, other):
        return self.elements.isdisjoint(other.elements)

    def __eq__(self, other):
        return self.elements == other.elements

    def add(self, element):
        self.elements.add(element)

    def intersection(self, other):
        return CustomSet(self.elements & other.elements)

    def __sub__(self, other):
        return CustomSet(self.elements - other.elements)

    def __add__(self, other):
        return CustomSet(self.elements | other.elements)
