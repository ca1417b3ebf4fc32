"""The suite's XBlocks: coding_exercise, lesson, quiz, bootcamp_module (one subpackage each)."""
