"""Coursework: the exercises as the teacher authors them (course/<id>.yaml) and their loader.

The values the generator, the answer form and the grader share, below all three: grading and
the exercise notebooks (lawkit.exercises) both import from here, never the reverse.
"""
