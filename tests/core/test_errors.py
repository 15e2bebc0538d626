"""Failures carry their kind and values; whoever shows one says it in the user's language."""

from __future__ import annotations

import errno

from dtdesk.core.errors import Failure, say
from dtdesk.core.formats import ParseError, os_reason, parse_int
from dtdesk.core.i18n import Phrase, environment_language
from dtdesk.core.units import UnitError, check_code


def caught(action) -> Exception:
    try:
        action()
    except Exception as exc:  # noqa: BLE001  (the test looks at whatever was raised)
        return exc
    raise AssertionError("nothing was raised")


def test_a_failure_keeps_its_kind_and_values_and_speaks_vietnamese_by_default():
    exc = caught(lambda: parse_int("abc"))
    assert isinstance(exc, ParseError) and exc.values == {"text": "abc"}
    assert str(exc) == "«abc» không phải là số nguyên; chỉ nhập chữ số, ví dụ 1.671."
    assert say(exc, "en") == "«abc» is not a whole number; enter digits only, e.g. 1.671."


def test_a_reason_inside_a_sentence_is_said_in_the_same_language():
    inner = caught(lambda: check_code("../x"))
    outer = Failure("Tệp «{name}»: {reason}.", name="a.sqlite", reason=inner)
    assert isinstance(inner, UnitError)
    assert say(outer, "en").startswith("«a.sqlite»: The unit code «../x» is not valid.")
    assert not say(outer, "en").endswith("..")
    assert "không" in str(outer)


def test_a_phrase_and_an_os_reason_follow_the_sentence():
    reason = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert str(reason) == "ổ đĩa đã đầy" and reason.say("en") == "the disk is full"
    assert Phrase("cột «{column}» của đơn vị «{code}»", column="ten", code="HA").say("en") == "column «ten» of unit «HA»"


def test_an_exception_of_another_kind_is_said_as_it_speaks():
    assert say(ValueError("plain"), "en") == "plain"


def test_the_environment_chooses_the_language_as_gettext_does():
    assert environment_language({}) == "vi"
    assert environment_language({"LANG": "en_US.UTF-8"}) == "en"
    assert environment_language({"LANG": "C"}) == "vi"
    assert environment_language({"LANGUAGE": "vi", "LANG": "en_US.UTF-8"}) == "vi"
    assert environment_language({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}) == "en"
