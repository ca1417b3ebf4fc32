import builtins

import pytest

import greeting


def test_greet_prints(capsys):
    greeting.greet("Nadia")
    captured = capsys.readouterr()
    assert captured.out == "Bonjour, Nadia !\n"
    assert captured.err == ""


def test_greet_returns_nothing(capsys):
    assert greeting.greet("Omar") is None


def test_greet_in_arabic(capsys):
    greeting.greet("ليلى", language="ar")
    assert capsys.readouterr().out == "مرحبا، ليلى!\n"


def test_unknown_language(capsys):
    with pytest.raises(KeyError):
        greeting.greet("Sam", language="xx")
    assert capsys.readouterr().out == ""


def test_banner_lines(capsys):
    greeting.banner("JobInTech", width=15)
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["*" * 15, "*  JobInTech  *", "*" * 15]


def test_interactive(monkeypatch, capsys):
    answers = iter(["Rachid", "fr"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    greeting.interactive()
    assert capsys.readouterr().out.endswith("Bonjour, Rachid !\n")


def test_default_language_is_a_module_setting(monkeypatch, capsys):
    monkeypatch.setattr(greeting, "DEFAULT_LANGUAGE", "en")
    greeting.greet("Lea")
    assert capsys.readouterr().out == "Hello, Lea!\n"
