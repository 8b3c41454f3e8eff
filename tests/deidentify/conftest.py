"""Fixtures of the de-identification tests: Kwartier's shipped policy with the staff an access request needs;
Anna of Ik Zorg in Assen (the shipped policy with a citizen portal) and her records."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Persona, activate_example, make_staff
from tests.rights.conftest import administrator, anna  # noqa: F401 - fixtures


@pytest.fixture
def kwartier(db: Any) -> dict[str, Persona]:
    activate_example("kwartier")
    return {"social_worker": Persona(*make_staff("sanne", ["social_worker"])),
            "officer": Persona(*make_staff("pia", ["privacy_officer"])),
            "coordinator": Persona(*make_staff("cor", ["coordinator"]))}
