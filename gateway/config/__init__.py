"""Rule files: parsing with line numbers, validation, compilation into one frozen RuleSet."""
