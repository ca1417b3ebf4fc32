import pytest

from seasons import averages, convert, old_convert, season, stats


@pytest.mark.parametrize("month,expected", [(1, "hiver"), (7, "été"), (4, "mi-saison")],
                         ids=["janvier", "juillet", "avril"])
def test_season(month, expected):
    assert season(month) == expected


@pytest.mark.parametrize("name", ["été", "hiver"])
def test_season_names_are_known(name):
    assert name in {season(m) for m in range(1, 13)}


@pytest.mark.parametrize("celsius,fahrenheit", [(0, 32.0), (-40, -40.0), (36.6, 97.88)])
def test_convert(celsius, fahrenheit):
    assert convert(celsius) == pytest.approx(fahrenheit)


@pytest.mark.parametrize("rows", [[[1, 2], [3, 4]], [[0.1, 0.2]]])
def test_averages(rows):
    assert averages(rows) == pytest.approx([sum(r) / len(r) for r in rows])


def test_stats():
    assert stats([0.1, 0.2, 0.3]) == pytest.approx({"min": 0.1, "mean": 0.2})


def test_bad_month_message():
    with pytest.raises(ValueError, match=r"mois invalide : 13 \(1-12\)"):
        season(13)


def test_old_convert_warns():
    with pytest.warns(DeprecationWarning, match="obsolète"):
        assert old_convert(100) == 212


@pytest.fixture(scope="module")
def table():
    yield {m: season(m) for m in range(1, 13)}


class TestSeasons:
    def setup_method(self, method):
        self.winter = [12, 1, 2]

    def test_winter(self, table):
        assert {table[m] for m in self.winter} == {"hiver"}

    @pytest.mark.parametrize("month", [6, 7, 8])
    def test_summer(self, month, table):
        assert table[month] == "été"


@pytest.mark.parametrize("month", [3, 9])
@pytest.mark.parametrize("shift", [0, 12])
def test_between_seasons(month, shift):
    assert season((month + shift - 1) % 12 + 1) == "mi-saison"
