"""Grader: runs learner code in a sandbox and turns test results into verdicts.

Pure library: no Django or XBlock import here. Everything that runs learner code lives here.
"""
from grader.exercise import Exercise, Limits, SourceFile
from grader.verdict import TestResult, Verdict

__all__ = ["Exercise", "Limits", "SourceFile", "TestResult", "Verdict"]
