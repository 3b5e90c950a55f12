"""Names of the PII entities the pii detector can report, per tier."""

# Structured identifiers found by regex + checksum recognizers (no model needed).
PATTERN_ENTITIES = frozenset({"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"})
# Needs the local spaCy NER model (`models: ner`).
NER_ENTITIES = frozenset({"PERSON", "LOCATION"})
