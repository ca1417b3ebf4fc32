"""The benchmark's exercise: 10 unittest tests, and submissions with known scores.

Half the submissions are right (score 1.0); the other half carry one bug each, failing a known
number of tests, so that every method's scores can be checked, not only timed.
"""
from __future__ import annotations

TESTS = '''import unittest
from notes import moyenne, mediane, mention, meilleure, classement


class TestNotes(unittest.TestCase):
    def test_moyenne_simple(self):
        self.assertAlmostEqual(moyenne([10, 12, 14]), 12)

    def test_moyenne_vide(self):
        self.assertEqual(moyenne([]), 0)

    def test_mediane_impaire(self):
        self.assertEqual(mediane([15, 9, 12]), 12)

    def test_mediane_paire(self):
        self.assertEqual(mediane([8, 10, 12, 14]), 11)

    def test_mention_tres_bien(self):
        self.assertEqual(mention(16.5), "Très bien")

    def test_mention_passable(self):
        self.assertEqual(mention(10), "Passable")

    def test_mention_ajourne(self):
        self.assertEqual(mention(9.99), "Ajourné")

    def test_meilleure(self):
        self.assertEqual(meilleure({"Amina": 15, "Youssef": 17, "Salma": 12}), "Youssef")

    def test_classement(self):
        self.assertEqual(classement({"Amina": 15, "Youssef": 17, "Salma": 12}),
                         ["Youssef", "Amina", "Salma"])

    def test_classement_egalite(self):
        self.assertEqual(classement({"Omar": 14, "Hiba": 14}), ["Hiba", "Omar"])
'''

RIGHT = '''def moyenne(notes):
    return sum(notes) / len(notes) if notes else 0


def mediane(notes):
    s = sorted(notes)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def mention(note):
    if note >= 16:
        return "Très bien"
    if note >= 14:
        return "Bien"
    if note >= 12:
        return "Assez bien"
    if note >= 10:
        return "Passable"
    return "Ajourné"


def meilleure(notes):
    return max(notes, key=notes.get)


def classement(notes):
    return sorted(notes, key=lambda nom: (-notes[nom], nom))
'''

# (bug as (old, new) replacement in RIGHT, number of tests it fails)
BUGS = [
    (("return sum(notes) / len(notes) if notes else 0", "return sum(notes) / len(notes)"), 1),
    (("if note >= 10:", "if note > 10:"), 1),
    (("(s[n // 2 - 1] + s[n // 2]) / 2", "s[n // 2]"), 1),
    (("key=lambda nom: (-notes[nom], nom)", "key=lambda nom: -notes[nom]"), 1),
    (("return max(notes, key=notes.get)", "return min(notes, key=notes.get)"), 1),
    (("if note >= 16:", "if note > 17:"), 1),
    (("return sorted(notes, key=lambda nom: (-notes[nom], nom))", "return list(notes)"), 2),
    (("def moyenne(notes):", "def moyenne(notes):\n    raise NotImplementedError\n\ndef _old(notes):"), 2),
]
TOTAL = 10


def submissions(count: int) -> list[tuple[str, float]]:
    """*count* (code, expected score) pairs, half right and half wrong."""
    out = []
    for i in range(count):
        if i % 2 == 0:
            out.append((RIGHT + f"\n# submission {i}\n", 1.0))
        else:
            (old, new), failing = BUGS[(i // 2) % len(BUGS)]
            assert old in RIGHT
            out.append((RIGHT.replace(old, new) + f"\n# submission {i}\n", (TOTAL - failing) / TOTAL))
    return out
