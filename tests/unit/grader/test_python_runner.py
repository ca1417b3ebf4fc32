"""The Python runner, through the real sandboxes: test styles, submissions, learner errors."""
import dataclasses

import pytest

from grader.exercise import SourceFile
from grader.runners.python import RUNNER, learner_modules
from tests.unit.grader.test_python_runner_support import (bare_unittest, describe, exercise,
                                                           grade, outcomes, passed_names)

pytestmark = pytest.mark.sandbox

SOMME_TESTS = {"test_somme.py": """
    import unittest
    from somme import somme

    class TestSomme(unittest.TestCase):
        def test_exemple(self):
            self.assertEqual(somme([1, 2, 3]), 6)

        def test_vide(self):
            self.assertEqual(somme([]), 0)

        def test_negatifs(self):
            self.assertEqual(somme([-1, -2]), -3)

        def test_type(self):
            self.assertIsInstance(somme([1]), int)
    """}


def test_correct_solution_scores_one():
    verdict = grade(SOMME_TESTS, {"somme.py": "def somme(l):\n    return sum(l)\n"})
    assert verdict.status == "ok", describe(verdict)
    assert verdict.score == 1.0
    assert sorted(outcomes(verdict)) == ["TestSomme.test_exemple", "TestSomme.test_negatifs",
                                         "TestSomme.test_type", "TestSomme.test_vide"]


@pytest.mark.parametrize("code", [
    "def somme(l):\n    return 6\n",
    "def somme(l):\n    total = 0\n    for x in l:\n        if x > 0:\n            total += x\n"
    "    return total\n",
    "def somme(l):\n    return float(sum(l))\n",
    "def somme(l):\n    return l[0] + sum(l[1:])\n",
])
def test_wrong_solutions_match_a_bare_unittest_run(code):
    files = {"somme.py": code}
    verdict = grade(SOMME_TESTS, files)
    assert verdict.status == "ok", describe(verdict)
    assert 0 <= verdict.score < 1
    bare = bare_unittest(SOMME_TESTS, files)
    assert {name: outcome == "passed" for name, outcome in outcomes(verdict).items()} == bare


def test_failure_messages_say_what_was_expected():
    verdict = grade(SOMME_TESTS, {"somme.py": "def somme(l):\n    return 6\n"})
    message = next(t.message for t in verdict.tests if t.name == "TestSomme.test_vide")
    assert "6 != 0" in message and "test_somme.py line 10" in message


def test_pytest_style_tests():
    tests = {"test_geo.py": """
        import pytest
        from geo import aire, Rectangle, valider

        @pytest.fixture
        def carre():
            yield Rectangle(2, 2)

        def test_aire():
            assert aire(2, 3) == 6

        def test_aire_approx():
            assert aire(0.1, 3) == pytest.approx(0.3)

        @pytest.mark.parametrize("l, h, attendu", [(1, 1, 1), (2, 5, 10), (2, 2, 4)])
        def test_aire_parametree(l, h, attendu):
            assert aire(l, h) == attendu

        def test_fixture(carre):
            assert carre.perimetre() == 8

        def test_raises():
            with pytest.raises(ValueError, match="négative"):
                valider(-1)

        class TestRectangle:
            def test_attributs(self):
                r = Rectangle(3, 4)
                assert (r.largeur, r.hauteur) == (3, 4)
        """}
    good = """
        def aire(l, h):
            return l * h

        def valider(x):
            if x < 0:
                raise ValueError("valeur négative")

        class Rectangle:
            def __init__(self, largeur, hauteur):
                self.largeur, self.hauteur = largeur, hauteur
            def perimetre(self):
                return 2 * (self.largeur + self.hauteur)
        """
    verdict = grade(tests, {"geo.py": good})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    assert "test_aire_parametree[2-5-10]" in outcomes(verdict)
    assert verdict.total == 8
    wrong = good.replace("return l * h", "return l + h").replace("négative", "invalide")
    verdict = grade(tests, {"geo.py": wrong})
    assert passed_names(verdict) == {"test_aire_parametree[2-2-4]", "test_fixture",
                                     "TestRectangle.test_attributs"}, describe(verdict)
    message = dict((t.name, t.message) for t in verdict.tests)["test_aire"]
    assert "assert aire(2, 3) == 6" in message and "left:  5" in message


def test_multi_file_submission_with_a_package():
    tests = {"test_magasin.py": """
        import unittest
        from models import Produit
        from models.stock import Stock
        from service import valeur_stock

        class TestMagasin(unittest.TestCase):
            def test_produit(self):
                p = Produit("thé", 12.5)
                self.assertEqual(p.nom, "thé")
                self.assertIsInstance(p, Produit)
                p.prix = 10
                self.assertEqual(p.prix, 10)

            def test_stock(self):
                s = Stock()
                s.ajouter(Produit("sucre", 8), 3)
                s.ajouter(Produit("thé", 12), 2)
                self.assertEqual(len(s), 2)
                self.assertEqual(valeur_stock(s), 48)
                self.assertEqual([p.nom for p in s], ["sucre", "thé"])
        """}
    files = {
        "models/__init__.py": "from models.produit import Produit\n",
        "models/produit.py": """
            class Produit:
                def __init__(self, nom, prix):
                    self.nom, self.prix = nom, prix
            """,
        "models/stock.py": """
            class Stock:
                def __init__(self):
                    self.lignes = []
                def ajouter(self, produit, quantite):
                    self.lignes.append((produit, quantite))
                def __len__(self):
                    return len(self.lignes)
                def __iter__(self):
                    return (p for p, _ in self.lignes)
            """,
        "service.py": """
            def valeur_stock(stock):
                return sum(p.prix * q for p, q in stock.lignes)
            """,
    }
    verdict = grade(tests, files)
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    assert learner_modules(files) == ["models", "service"]


def test_print_based_exercise():
    tests = {"test_bonjour.py": """
        import io, subprocess, sys, unittest
        from contextlib import redirect_stdout
        from unittest import mock
        import bonjour

        class TestBonjour(unittest.TestCase):
            def test_programme(self):
                run = subprocess.run([sys.executable, "bonjour.py"], input="Amina\\n",
                                     capture_output=True, text=True)
                self.assertEqual(run.stdout, "Votre nom ? Bonjour, Amina !\\n")
                self.assertEqual(run.returncode, 0)

            def test_fonction_avec_input_simule(self):
                out = io.StringIO()
                with mock.patch("builtins.input", return_value="Youssef") as fake, \\
                        redirect_stdout(out):
                    bonjour.saluer()
                fake.assert_called_once_with("Votre nom ? ")
                self.assertEqual(out.getvalue(), "Bonjour, Youssef !\\n")
        """, "test_bonjour_capsys.py": """
        import bonjour

        def test_capsys(capsys, monkeypatch):
            monkeypatch.setattr("builtins.input", lambda prompt: "Salma")
            bonjour.saluer()
            assert capsys.readouterr().out == "Bonjour, Salma !\\n"
        """}
    code = """
        def saluer():
            nom = input("Votre nom ? ")
            print(f"Bonjour, {nom} !")

        if __name__ == "__main__":
            saluer()
        """
    verdict = grade(tests, {"bonjour.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    assert "Bonjour, Amina !" in verdict.output
    verdict = grade(tests, {"bonjour.py": code.replace("Bonjour,", "Salut,")})
    assert verdict.passed == 0, describe(verdict)


def test_in_place_mutation_comes_back_to_the_test():
    tests = {"test_listes.py": """
        import unittest
        from listes import trier, ajouter_note, doubler_matrice, meme_liste

        class TestListes(unittest.TestCase):
            def test_trier_en_place(self):
                donnees = [3, 1, 2]
                self.assertIsNone(trier(donnees))
                self.assertEqual(donnees, [1, 2, 3])

            def test_dict(self):
                notes = {"amina": [12]}
                ajouter_note(notes, "amina", 15)
                ajouter_note(notes, "omar", 9)
                self.assertEqual(notes, {"amina": [12, 15], "omar": [9]})

            def test_imbrique(self):
                m = [[1, 2], [3]]
                ligne = m[0]
                doubler_matrice(m)
                self.assertEqual(m, [[2, 4], [6]])
                self.assertIs(m[0], ligne)

            def test_identite(self):
                l = [1]
                self.assertIs(meme_liste(l), l)
        """}
    code = """
        def trier(l):
            l.sort()

        def ajouter_note(notes, nom, note):
            notes.setdefault(nom, []).append(note)

        def doubler_matrice(m):
            for ligne in m:
                for i, x in enumerate(ligne):
                    ligne[i] = 2 * x

        def meme_liste(l):
            return l
        """
    verdict = grade(tests, {"listes.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    verdict = grade(tests, {"listes.py": code.replace("l.sort()", "l = sorted(l)")})
    assert outcomes(verdict)["TestListes.test_trier_en_place"] == "failed"


def test_exceptions_cross_with_their_type():
    tests = {"test_banque.py": """
        import unittest
        import banque

        class TestBanque(unittest.TestCase):
            def test_builtin(self):
                with self.assertRaisesRegex(ValueError, "montant"):
                    banque.Compte(10).retirer(-5)

            def test_classe_de_l_apprenant(self):
                compte = banque.Compte(10)
                with self.assertRaises(banque.SoldeInsuffisant) as ctx:
                    compte.retirer(50)
                self.assertEqual(ctx.exception.manque, 40)
                self.assertIsInstance(ctx.exception, banque.ErreurBanque)
                self.assertIn("40", str(ctx.exception))

            def test_division(self):
                self.assertRaises(ZeroDivisionError, banque.ratio, 1, 0)
                with self.assertRaises(KeyError):
                    banque.taux("inconnu")
        """}
    code = """
        class ErreurBanque(Exception):
            pass

        class SoldeInsuffisant(ErreurBanque):
            def __init__(self, manque):
                super().__init__(f"il manque {manque} dirhams")
                self.manque = manque

        class Compte:
            def __init__(self, solde):
                self.solde = solde
            def retirer(self, montant):
                if montant < 0:
                    raise ValueError("le montant doit être positif")
                if montant > self.solde:
                    raise SoldeInsuffisant(montant - self.solde)
                self.solde -= montant

        def ratio(a, b):
            return a / b

        def taux(nom):
            return {"livret": 0.02}[nom]
        """
    verdict = grade(tests, {"banque.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_learner_exception_message_names_the_learner_line():
    tests = {"test_div.py": """
        from div import moyenne

        def test_vide():
            assert moyenne([]) == 0
        """}
    verdict = grade(tests, {"div.py": "def moyenne(l):\n    return sum(l) / len(l)\n"})
    (result,) = verdict.tests
    assert result.outcome == "error"
    assert "ZeroDivisionError" in result.message and "div.py line 2" in result.message


def test_learner_syntax_error_fails_each_test_with_its_line():
    verdict = grade(SOMME_TESTS, {"somme.py": "def somme(l):\n    return sum(l\n"})
    assert verdict.status == "ok" and verdict.total == 4, describe(verdict)
    for result in verdict.tests:
        assert result.outcome == "failed"
        assert result.message.startswith("SyntaxError in somme.py line 2"), result.message


def test_learner_error_at_import_fails_each_test():
    verdict = grade(SOMME_TESTS, {"somme.py": "x = 1 / 0\ndef somme(l):\n    return 0\n"})
    assert verdict.total == 4 and verdict.passed == 0
    assert all("ZeroDivisionError" in t.message and "somme.py line 1" in t.message
               for t in verdict.tests), describe(verdict)


def test_missing_learner_file_fails_the_tests():
    with_starter = dataclasses.replace(
        exercise(SOMME_TESTS), starter=(SourceFile("somme.py", "def somme(l):\n    pass\n"),))
    verdict = RUNNER.grade(with_starter, {"autre.py": "def somme(l):\n    return sum(l)\n"})
    assert verdict.status == "ok" and verdict.total == 4 and verdict.passed == 0
    assert verdict.tests[0].message == "ImportError: No module named 'somme'"


def test_a_module_nobody_provides_is_an_author_error():
    tests = {"test_np.py": "import numpy_absent\nfrom somme import somme\n"
                           "def test_a():\n    assert somme([1]) == 1\n"}
    verdict = grade(tests, {"somme.py": "def somme(l):\n    return sum(l)\n"})
    assert verdict.status == "error"
    assert "test_np.py line 1" in verdict.message and "numpy_absent" in verdict.message


def test_broken_test_file_is_an_author_error():
    verdict = grade({"test_somme.py": "import unittest\nclass T(unittest.TestCase)\n    pass\n"},
                    {"somme.py": "def somme(l):\n    return 0\n"})
    assert verdict.status == "error"
    assert "test_somme.py line 2" in verdict.message and "SyntaxError" in verdict.message


def test_values_of_every_builtin_kind_and_learner_objects():
    tests = {"test_valeurs.py": """
        import unittest
        from valeurs import *

        class TestValeurs(unittest.TestCase):
            def test_types(self):
                self.assertEqual(valeurs(), (None, True, 2 ** 100, 1.5, 2j, "é", b"\\x00",
                                             [1], {"a": (1, 2)}, {1, 2}, frozenset({3})))
                self.assertEqual(type(valeurs()[3]), float)

            def test_namedtuple(self):
                p = point()
                self.assertEqual(p, (1, 2))
                self.assertEqual(p.x, 1)

            def test_generateur(self):
                self.assertEqual(list(carres(4)), [0, 1, 4, 9])
                gen = carres(2)
                self.assertEqual(next(gen), 0)

            def test_callback(self):
                self.assertEqual(appliquer(lambda x: x * 10, [1, 2]), [10, 20])
                self.assertEqual(trier_par(["bb", "a", "ccc"], len), ["a", "bb", "ccc"])

            def test_objets(self):
                a, b = Vecteur(1, 2), Vecteur(1, 2)
                self.assertEqual(a, b)
                self.assertEqual(a + b, Vecteur(2, 4))
                self.assertEqual(repr(a), "Vecteur(1, 2)")
                self.assertIn(a, {b})
                self.assertEqual(sorted([Vecteur(3, 0), a]), [a, Vecteur(3, 0)])
                self.assertEqual(COMPTEUR["appels"], 0)
        """}
    code = """
        from collections import namedtuple

        Point = namedtuple("Point", "x y")
        COMPTEUR = {"appels": 0}

        def valeurs():
            return (None, True, 2 ** 100, 1.5, 2j, "é", b"\\x00", [1], {"a": (1, 2)}, {1, 2},
                    frozenset({3}))

        def point():
            return Point(1, 2)

        def carres(n):
            for i in range(n):
                yield i * i

        def appliquer(f, l):
            return [f(x) for x in l]

        def trier_par(l, cle):
            return sorted(l, key=cle)

        class Vecteur:
            def __init__(self, x, y):
                self.x, self.y = x, y
            def __eq__(self, other):
                return isinstance(other, Vecteur) and (self.x, self.y) == (other.x, other.y)
            def __hash__(self):
                return hash((self.x, self.y))
            def __lt__(self, other):
                return (self.x, self.y) < (other.x, other.y)
            def __add__(self, other):
                return Vecteur(self.x + other.x, self.y + other.y)
            def __repr__(self):
                return f"Vecteur({self.x}, {self.y})"
        """
    verdict = grade(tests, {"valeurs.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_hidden_tests_are_flagged():
    tests = {"test_visible.py": "from somme import *\ndef test_a():\n    assert somme([1]) == 1\n",
             "test_cache.py": "from somme import *\ndef test_b():\n    assert somme([2]) == 2\n"}
    verdict = grade(tests, {"somme.py": "def somme(l):\n    return sum(l)\n"},
                    hidden=("test_cache.py",))
    assert {t.name: t.hidden for t in verdict.tests} == {"test_a": False, "test_b": True}


def test_set_up_class_and_sub_tests():
    tests = {"test_carre.py": """
        import unittest
        from carre import carre

        class TestCarre(unittest.TestCase):
            @classmethod
            def setUpClass(cls):
                cls.cas = [(2, 4), (3, 9), (-1, 1)]

            def test_cas(self):
                for n, attendu in self.cas:
                    with self.subTest(n=n):
                        self.assertEqual(carre(n), attendu)
        """}
    assert grade(tests, {"carre.py": "def carre(n):\n    return n * n\n"}).score == 1.0
    verdict = grade(tests, {"carre.py": "def carre(n):\n    return n * abs(n)\n"})
    assert verdict.passed == 0 and "n=-1" in verdict.tests[0].message, describe(verdict)


def test_dates_decimals_and_fractions_cross_as_values():
    tests = {"test_dates.py": """
        import datetime, unittest
        from decimal import Decimal
        from fractions import Fraction
        from dates import echeance, duree, prix_ttc, part, horodatage

        class TestDates(unittest.TestCase):
            def test_date(self):
                self.assertEqual(echeance(datetime.date(2026, 1, 30), 5), datetime.date(2026, 2, 4))

            def test_duree(self):
                self.assertEqual(duree(90), datetime.timedelta(minutes=90))

            def test_decimal(self):
                self.assertEqual(prix_ttc(Decimal("10.00")), Decimal("12.0000"))

            def test_fraction(self):
                self.assertEqual(part(1, 3), Fraction(1, 3))

            def test_datetime(self):
                utc = datetime.timezone.utc
                self.assertEqual(horodatage(), datetime.datetime(2026, 5, 1, 8, 30, tzinfo=utc))
        """}
    code = """
        import datetime
        from decimal import Decimal
        from fractions import Fraction

        def echeance(debut, jours):
            return debut + datetime.timedelta(days=jours)

        def duree(minutes):
            return datetime.timedelta(minutes=minutes)

        def prix_ttc(ht):
            return ht * Decimal("1.20")

        def part(a, b):
            return Fraction(a, b)

        def horodatage():
            return datetime.datetime(2026, 5, 1, 8, 30, tzinfo=datetime.timezone.utc)
        """
    verdict = grade(tests, {"dates.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_scripts_stdin_and_mocks_of_learner_modules():
    tests = {"test_script.py": """
        import importlib, io, unittest
        from unittest import mock

        class TestScript(unittest.TestCase):
            def test_import_avec_input_simule(self):
                with mock.patch("builtins.input", side_effect=["3", "4"]), \\
                        mock.patch("sys.stdout", new_callable=io.StringIO) as out:
                    import calc
                self.assertEqual(out.getvalue(), "Somme : 7\\n")

            def test_reload_avec_stdin(self):
                import calc
                with mock.patch("sys.stdin", io.StringIO("10\\n5\\n")), \\
                        mock.patch("sys.stdout", new_callable=io.StringIO) as out:
                    importlib.reload(calc)
                self.assertEqual(out.getvalue(), "a ? b ? Somme : 15\\n")

            def test_lire_les_lignes(self):
                import lignes
                with mock.patch("sys.stdin", io.StringIO("a\\nbb\\nccc\\n")):
                    self.assertEqual(lignes.longueurs(), [1, 2, 3])

            def test_remplacer_une_fonction_de_l_apprenant(self):
                import jeu
                with mock.patch.object(jeu, "lancer_de", return_value=6) as fake:
                    self.assertEqual(jeu.jouer(), "gagné")
                fake.assert_called_once_with()
                with mock.patch("jeu.random.randint", return_value=1):
                    self.assertEqual(jeu.jouer(), "perdu")
        """}
    files = {
        "calc.py": 'a = int(input("a ? "))\nb = int(input("b ? "))\nprint("Somme :", a + b)\n',
        "lignes.py": "import sys\n"
                     "def longueurs():\n    return [len(l.rstrip()) for l in sys.stdin]\n",
        "jeu.py": """
            import random

            def lancer_de():
                return random.randint(1, 6)

            def jouer():
                return "gagné" if lancer_de() == 6 else "perdu"
            """,
    }
    verdict = grade(tests, files)
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
    assert verdict.output.startswith("a ? 3\nb ? 4\nSomme : 7\n")


def test_missing_function_fails_the_tests_with_an_import_message():
    verdict = grade(SOMME_TESTS, {"somme.py": "def total(l):\n    return sum(l)\n"})
    assert verdict.status == "ok" and verdict.total == 4 and verdict.passed == 0
    assert "cannot import name 'somme'" in verdict.tests[0].message, describe(verdict)


def test_patching_random_and_time_reaches_the_learner_code():
    tests = {"test_de.py": """
        import random, time, unittest
        from unittest import mock
        import de

        class TestDe(unittest.TestCase):
            def test_patch_randint(self):
                with mock.patch("random.randint", return_value=6) as fake:
                    self.assertEqual(de.lancer(), 6)
                fake.assert_called_once_with(1, 6)
                self.assertIn(de.lancer(), range(1, 7))

            def test_seed(self):
                random.seed(42)
                attendu = [random.randint(1, 6) for _ in range(5)]
                random.seed(42)
                self.assertEqual([de.lancer() for _ in range(5)], attendu)

            def test_sleep(self):
                with mock.patch("time.sleep") as fake_sleep:
                    self.assertEqual(de.attendre_et_lancer(), "fini")
                fake_sleep.assert_called_once_with(30)
        """}
    code = """
        import random
        import time

        def lancer():
            return random.randint(1, 6)

        def attendre_et_lancer():
            time.sleep(30)
            return "fini"
        """
    verdict = grade(tests, {"de.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)


def test_pytest_module_hooks_and_marks():
    tests = {"test_hooks.py": """
        import pytest
        from somme import somme

        journal = []

        def setup_module(module):
            journal.append("module")

        def setup_function():
            journal.append("function")

        def test_un():
            assert journal == ["module", "function"]
            assert somme([1]) == 1

        def test_deux():
            assert journal == ["module", "function", "function"]

        @pytest.mark.skip(reason="plus tard")
        def test_saute():
            pass

        @pytest.mark.xfail
        def test_echec_attendu():
            assert somme([1]) == 2
        """}
    verdict = grade(tests, {"somme.py": "def somme(l):\n    return sum(l)\n"})
    assert outcomes(verdict) == {"test_un": "passed", "test_deux": "passed",
                                 "test_saute": "failed", "test_echec_attendu": "passed"}, \
        describe(verdict)


def test_files_written_by_tests_and_by_the_learner_code_are_shared():
    tests = {"test_fichiers.py": """
        import os, subprocess, sys, unittest
        from fichiers import compter_lignes, ecrire_rapport

        class TestFichiers(unittest.TestCase):
            def test_lire_un_fichier_du_test(self):
                with open("notes.txt", "w") as f:
                    f.write("12\\n15\\n9\\n")
                self.assertEqual(compter_lignes("notes.txt"), 3)

            def test_lire_le_fichier_ecrit(self):
                ecrire_rapport("rapport.txt", [1, 2])
                with open("rapport.txt") as f:
                    self.assertEqual(f.read(), "total: 3\\n")
                os.remove("rapport.txt")
                self.assertFalse(os.path.exists("rapport.txt"))

            def test_script_genere_execute_cote_apprenant(self):
                ecrire_rapport("script.py", [])
                run = subprocess.run([sys.executable, "script.py"], capture_output=True, text=True)
                self.assertEqual((run.returncode, run.stdout), (0, ""))  # `total: 0` is Python
        """}
    code = """
        def compter_lignes(chemin):
            with open(chemin) as f:
                return len(f.readlines())

        def ecrire_rapport(chemin, valeurs):
            with open(chemin, "w") as f:
                f.write(f"total: {sum(valeurs)}\\n")
        """
    verdict = grade(tests, {"fichiers.py": code})
    assert verdict.status == "ok" and verdict.score == 1.0, describe(verdict)
