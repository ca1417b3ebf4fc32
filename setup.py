"""JobInTech Bootcamp Suite: Open edX XBlocks, a sandboxed grader and an LTI 1.3 bridge."""
import os

from setuptools import find_packages, setup


def package_data(package, roots):
    """Non-Python files (templates, static, translations, harness scripts) under *package*."""
    found = []
    for root in roots:
        for dirname, _, files in os.walk(os.path.join(package, root)):
            for name in files:
                found.append(os.path.relpath(os.path.join(dirname, name), package))
    return {package: found}


def requirements(path):
    with open(path, encoding="utf-8") as f:
        return [line.split("#")[0].strip() for line in f if line.split("#")[0].strip()
                and not line.startswith("-")]


setup(
    name="jobintech-bootcamp-suite",
    version="0.1.0",
    description=__doc__,
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=find_packages(include=["grader*", "xblocks*", "lti_bridge*", "jobintech*"]),
    include_package_data=True,
    package_data={
        **package_data("grader", ["harness"]),
        **package_data("xblocks", ["."]),
        **package_data("lti_bridge", ["templates", "static", "locale", "lti/templates", "lti/locale"]),
    },
    install_requires=requirements("requirements/base.in"),
    entry_points={
        "xblock.v1": [
            "coding_exercise = xblocks.coding_exercise.block:CodingExerciseBlock",
            "lesson = xblocks.lesson.block:LessonBlock",
            "quiz = xblocks.quiz.block:QuizBlock",
            "bootcamp_module = xblocks.bootcamp_module.block:BootcampModuleBlock",
        ],
        "console_scripts": ["jobintech = jobintech.cli:main"],
    },
    classifiers=[
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
