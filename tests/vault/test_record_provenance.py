"""Every record keeps where its data came from (source, S2-13), how it reached us (channel, S0-03)
and the legal basis it was collected under (S4-01)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from tests.vault import factories
from waarborg.core.errors import Invalid
from waarborg.engine.records.actions import record_create
from waarborg.engine.vault.models import Record


def _create(personas: Any, subject: Any, **kwargs: Any) -> Record:
    return record_create(personas["assessor"].user, subject=subject, type="application",
                         data=factories.application(), purpose="eligibility", **kwargs)


@pytest.mark.promise("S0-03")
@pytest.mark.parametrize("channel", ["website", "email", "chat", "phone"])
def test_a_direct_channel_is_stored_with_the_record(personas: Any, subject: Any, channel: str) -> None:
    record = _create(personas, subject, channel=channel)
    assert Record.objects.get(pk=record.pk).channel == channel


@pytest.mark.promise("S0-03")
def test_an_intermediary_is_named_with_the_record(personas: Any, subject: Any) -> None:
    record = _create(personas, subject, channel="intermediary", channel_detail="Steunpunt Mantelzorg Assen")
    stored = Record.objects.get(pk=record.pk)
    assert (stored.channel, stored.channel_detail) == ("intermediary", "Steunpunt Mantelzorg Assen")


@pytest.mark.promise("S0-03")
def test_an_intermediary_without_a_name_is_refused(personas: Any, subject: Any) -> None:
    with pytest.raises(Invalid) as caught:
        _create(personas, subject, channel="intermediary")
    assert list(caught.value.errors) == ["channel_detail"]
    assert not Record.objects.exists()


@pytest.mark.promise("S0-03")
def test_an_unknown_channel_is_refused(personas: Any, subject: Any) -> None:
    with pytest.raises(Invalid) as caught:
        _create(personas, subject, channel="pigeon")
    assert list(caught.value.errors) == ["channel"]


@pytest.mark.promise("S2-13", "S4-01")
def test_the_source_and_the_legal_basis_are_stored_with_the_record(personas: Any, subject: Any) -> None:
    record = _create(personas, subject, source_kind="representative", source_detail="dochter, gemachtigd")
    stored = Record.objects.get(pk=record.pk)
    assert (stored.source_kind, stored.source_detail) == ("representative", "dochter, gemachtigd")
    assert stored.basis == "contract"


@pytest.mark.promise("S4-01")
def test_without_a_source_the_purposes_declared_source_is_recorded(personas: Any, subject: Any) -> None:
    record = _create(personas, subject)
    assert (record.source_kind, record.basis) == ("subject", "contract")
    # website visits come from the website form, as the statistics purpose declares
    visit = record_create("system:web", subject=subject, type="visit", data={"ip": "192.0.2.7"},
                          purpose="statistics")
    assert (visit.source_kind, visit.basis) == ("website_form", "legitimate_interest")


@pytest.mark.promise("S2-13", "S4-01")
@pytest.mark.parametrize("kind", ["gossip", ""])
def test_a_record_without_a_known_source_is_refused(personas: Any, subject: Any, kind: str) -> None:
    with pytest.raises(Invalid) as caught:
        _create(personas, subject, source_kind=kind)
    assert list(caught.value.errors) == ["source.kind"]
    assert not Record.objects.exists()


def test_a_back_dated_collection_time_is_kept_for_imports(personas: Any, subject: Any) -> None:
    then = timezone.now() - timedelta(days=400)
    assert _create(personas, subject, collected_at=then).collected_at == then


def test_a_collection_time_more_than_five_minutes_ahead_is_refused(personas: Any, subject: Any) -> None:
    with time_machine.travel(timezone.now(), tick=False):
        assert _create(personas, subject, collected_at=timezone.now() + timedelta(minutes=4)).pk
        with pytest.raises(Invalid) as caught:
            _create(personas, subject, collected_at=timezone.now() + timedelta(minutes=6))
    assert list(caught.value.errors) == ["collected_at"]
