import pytest

from file_report import count_lines, save_report, summarize


@pytest.fixture
def scores():
    return {"Amina": 17.5, "Youssef": 12.0, "Salma": 15.25}


def test_summarize(scores):
    assert summarize(scores) == {"count": 3, "best": "Amina", "mean": pytest.approx(14.9166, abs=1e-3)}


def test_summarize_empty():
    assert summarize({}) == {"count": 0, "best": None, "mean": None}


def test_save_report_writes_sorted_lines(tmp_path, scores):
    path = tmp_path / "report.txt"
    save_report(scores, str(path))
    assert path.read_text(encoding="utf-8") == "Amina;17.50\nSalma;15.25\nYoussef;12.00\n"


def test_count_lines_of_a_file_written_by_the_test(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("a\nb\nc\n", encoding="utf-8")
    assert count_lines(str(path)) == 3


def test_count_lines_of_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        count_lines(str(tmp_path / "absent.txt"))


class TestRoundTrip:
    def test_saved_report_has_one_line_per_learner(self, tmp_path, scores):
        path = tmp_path / "out.txt"
        save_report(scores, str(path))
        assert count_lines(str(path)) == 3
