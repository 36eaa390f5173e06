"""Review 19 #13: one status list, its copies checked against it, and what each means.

:data:`railtrack.records.Status` is the source; :data:`railtrack.tracking.STATUSES`
is read from it, and the checked-in JSON schema and the briefing's meanings must name
the same statuses. The briefing's ``overdue`` and ``stale`` tell the announced and
planned trains' rules (review19 #2, #3).
"""

from __future__ import annotations

import json
from typing import get_args

from railtrack.briefing_html import STATUS_MEANINGS
from railtrack.records import SCHEMA_DIR, Status
from railtrack.tracking import STATUSES


def test_the_status_list_is_the_records_literal() -> None:
    assert get_args(Status) == STATUSES
    assert len(set(STATUSES)) == len(STATUSES)


def test_the_checked_in_schema_names_the_same_statuses() -> None:
    status = json.loads((SCHEMA_DIR / "status.json").read_text(encoding="utf-8"))
    assert tuple(status["properties"]["status"]["enum"]) == STATUSES


def test_the_briefing_explains_every_status_and_no_other() -> None:
    assert set(STATUS_MEANINGS) == set(STATUSES)
    assert "in transit" in STATUS_MEANINGS
    assert "moving" not in STATUS_MEANINGS


def test_the_briefing_explains_an_announced_train_overdue_and_stale() -> None:
    overdue = STATUS_MEANINGS["overdue"]
    assert "announced" in overdue
    assert "planned" in overdue
    assert "departure day" in overdue  # told only to leave on a day
    assert "announced" in STATUS_MEANINGS["stale"]
    assert "announced" not in STATUS_MEANINGS["in transit"]
