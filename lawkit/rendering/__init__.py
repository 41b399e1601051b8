"""Rendering: the Gutachten (and Urteilsstil) as Markdown, HTML, plain text and JSON."""
