"""A restriction never stands between the subject and their own data (art. 15, 18(2) AVG).

The portal for citizens comes later; the gate is asked directly with a citizen account linked to
the subject, as the portal will.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.consent.conftest import new_subject
from waarborg.engine.accounts.models import User
from waarborg.engine.consent.gates import restriction_gate
from waarborg.engine.consent.objections import restriction_set
from waarborg.engine.policy.active import current
from waarborg.engine.vault.gates import AccessContext


@pytest.mark.promise("S3-22")
def test_the_subject_still_reads_their_own_restricted_data(care: Any) -> None:
    subject, other = new_subject(), new_subject()
    restriction_set("system:test", subject=subject)
    citizen = User.objects.create(username="kees", kind=User.Kind.CITIZEN, subject=subject)

    def ask(actor: Any, action: str, whose: Any) -> Any:
        return restriction_gate(AccessContext(actor=actor, action=action, purpose="client_support",
                                              policy=current(), subject=whose))

    assert ask(citizen, "read", subject) is None
    assert ask(citizen, "export", subject) is None
    assert ask(care["supporter"].user, "read", subject).reason == "restricted"
    # Own access is reading, not changing: and only of one's own data
    assert ask(citizen, "write", subject).reason == "restricted"
    restriction_set("system:test", subject=other)
    assert ask(citizen, "read", other).reason == "restricted"
    # Deleting (erasure, the retention sweep) is never held up by a restriction
    assert ask("system:sweep", "delete", subject) is None
