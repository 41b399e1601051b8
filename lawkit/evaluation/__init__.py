"""Evaluation: the three-valued check of a case against its norms."""
