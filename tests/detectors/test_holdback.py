"""What the stream guard holds back: only text a pattern could still grow from, never more than the bound."""

from __future__ import annotations

import pytest

from gateway.detectors.config import GuardConfig
from gateway.detectors.holdback import hold_for, open_token, spanning_hold, word_hold
from gateway.detectors.kinds import Action
from gateway.detectors.redact import PlaceholderState
from gateway.detectors.stream import StreamGuard, StreamRule

HOLD = word_hold(spanning=True)


@pytest.mark.parametrize(("text", "held"), [
    ("Hello there", "there"),                      # the open word may still become 'there@x.io'
    ("Hello there ", ""),                          # closed by whitespace: nothing can grow across it
    ("mail jane.", "jane."),                       # an e-mail's local part in the making
    ("key AKIA", "AKIA"),                          # a key's prefix
    ("card 4111 1111 ", "4111 1111 "),             # digits may run on across spaces
    ("call +1 (212) 555", "+1 (212) 555"),
    ("IBAN GB82 WEST 1234 ", "GB82 WEST 1234 "),   # letters inside an IBAN are held with its digits
    ("IBAN GB 82", "GB 82"),                       # the country code may be its own token
    ("order 42 shipped ", "42 shipped "),           # a number may still continue: held a while …
    ("order 42 shipped and is on its way to you now, it left the warehouse this morning ", ""),  # … not for long
    ("no digits here at all, only words ", ""),
    ("", ""),
])
def test_what_is_held(text: str, held: str) -> None:
    assert text[HOLD(text):] == held


@pytest.mark.parametrize(("text", "expected"), [("a b", 2), ("ab", 0), ("a\nb", 2), ("a ", 2)])
def test_open_token(text: str, expected: int) -> None:
    assert open_token(text) == expected


def test_digits_far_back_are_released() -> None:
    text = "5 " + "x" * 100 + " tail"
    assert spanning_hold(text) == len(text)


@pytest.mark.parametrize(("config", "spanning"), [
    ({"name": "s", "detector": "secrets", "where": ["output"], "action": "block"}, False),
    ({"name": "p", "detector": "pii", "where": ["output"], "action": "redact", "entities": ["EMAIL_ADDRESS"]}, False),
    ({"name": "p", "detector": "pii", "where": ["output"], "action": "redact", "entities": ["CREDIT_CARD"]}, True),
    ({"name": "p", "detector": "pii", "where": ["output"], "action": "redact"}, True),
])
def test_known_detectors_hold_by_word(config: dict[str, object], spanning: bool) -> None:
    hold = hold_for(GuardConfig.model_validate(config))
    assert hold is not None
    assert ("card 4111 1111 "[hold("card 4111 1111 "):] == "4111 1111 ") is spanning


def test_unknown_shapes_keep_the_window() -> None:
    config = {"name": "c", "detector": "pattern", "where": ["output"], "action": "block", "patterns": ["secret-\\d+"]}
    assert hold_for(GuardConfig.model_validate(config)) is None


def test_clean_text_flows_word_by_word_and_the_bound_holds() -> None:
    g = StreamGuard([StreamRule(Action.REDACT, lambda text: [], HOLD)], PlaceholderState(), holdback=16)
    assert g.push("Hello") == ""
    assert g.push(" there,") == "Hello "
    assert g.push(" friend") == "there, "
    assert g.push("x" * 40) == "friend" + "x" * 24  # one long token: never more than 16 held
    assert g.held == 16
    assert g.finish() == "x" * 16
