"""Superscript and circled digits ("м²", "①" as a list marker) are not numbers to read.

``str.isdigit`` is True for "²", "①" and "²³⁴", which ``int`` cannot read: a lexicon
reader that took such a token for a number raised ``ValueError`` and lost the whole
report (found in session 6 while timing ``_counts_traffic``). Numbers are decimal
digits (``str.isdecimal``: what ``int`` reads, in any script).
"""

from __future__ import annotations

from datetime import date

import pytest

from railtrack.extract import extract_shipments

REPORTS = {
    "ru": ("Эшелон из 40 вагонов прибыл 12 января в Брест, {x} далее.", "Брест"),
    "uk": ("Ешелон із 40 вагонів прибув 12 січня до Бреста, {x} далі.", "Бреста"),
    "be": ("Эшалон з 40 вагонаў прыбыў 12 студзеня ў Брэст, {x} далей.", "Брэст"),
    "pl": ("Pociąg z 40 wagonami przyjechał 12 stycznia do Brześcia, {x} dalej.", "Brześcia"),
    "en": ("A train of 40 cars arrived on 12 January in Brest, {x} further.", "Brest"),
}
SIGNS = ("²", "5²", "①", "250²", "²³⁴", "12.²", "② ③")


@pytest.mark.parametrize("sign", SIGNS)
@pytest.mark.parametrize("lang", sorted(REPORTS))
def test_a_digit_sign_is_no_number_and_costs_nothing(lang, sign):
    template, destination = REPORTS[lang]
    result = extract_shipments(
        template.format(x=sign), published=date(2023, 1, 13), network=False, report_id="r"
    )
    [shipment] = result.shipments
    assert shipment.destination.text == destination
    assert shipment.cars.total == 40


def test_decimal_digits_of_another_script_are_still_numbers():
    result = extract_shipments(
        "Эшелон из ٤٠ вагонов прибыл 12 января в Брест.",
        published=date(2023, 1, 13),
        network=False,
    )
    assert [s.cars.total for s in result.shipments] == [40]
