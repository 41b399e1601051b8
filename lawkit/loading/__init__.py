"""Loading: YAML norm and case files, validated, into the frozen model."""
