"""The model: norms, elements, cases, facts and the three-valued logic, all frozen values."""
