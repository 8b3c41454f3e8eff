"""When does a record expire? The retention clock, computed from the record's rule and the facts.

The order of the computation is the order of the explanation a user reads:
1. the collection moment, moved to the newest record of the same subject and purpose when the rule
   restarts on a new record (S0-30);
2. the start: collection, the N-th date of an organisation calendar on or after it (policy dates
   plus org-level events named after the calendar: S0-29), an event on the record or subject
   (S2-16), a date field of the record, or the earliest/latest of several of these; no start yet
   means no expiry yet;
3. `until`: nothing expires before it; then `period` (or at once) from whichever of start and `until`
   comes last (S0-33, S1-07). Steps 2 and 3 follow the rule's compiled `policy.anchors.Plan`, the same
   form its words in the statement and the register are written from;
4. a purpose that keeps these records longer (`further_processing` with `keep`: an archive, complaints),
   then extensions (at most `rule.extension.times`: S2-21), a shortening on request (destroy now: S2-20);
5. an `ends_early` event ends it at once, before the period has run out (no agreement: S2-18);
6. holds keep data past that date (S2-22), and the ceiling caps everything (`start + ceiling`).

`expires_at` is stored on the record (the sweep selects on it); whatever changes a fact calls
`retention.recompute` for exactly the records that depend on it (`retention.events`, `retention.holds`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from waarborg.core.language import in_language
from waarborg.engine.policy.anchors import Anchor, Plan, compile_rule
from waarborg.engine.policy.schema import EventStart, FieldDate, Policy, RetentionRule
from waarborg.engine.retention.explain import (
    Capital,
    Labels,
    Lasting,
    On,
    Own,
    Step,
    anchor_words,
    event_words,
    hold_words,
)
from waarborg.engine.retention.explain import what as _what


@dataclass
class Clock:
    rule_id: str
    rule: RetentionRule
    expires_at: datetime | None = None
    start: datetime | None = None
    ceiling_at: datetime | None = None
    held: bool = False
    due_at: datetime | None = None  # when the data would go without any hold
    steps: list[Step] = field(default_factory=list)  # read in words only when asked (`retention.explain`)

    def explanation(self, lang: str = "nl") -> str:
        return in_language(lang, lambda: self.words())

    def words(self, first: int = 0) -> str:
        """The explanation from step `first` on, in the active language."""
        return " ".join(str(step) for step in self.steps[first:])


def rule_of(record: Any, policy: Policy) -> tuple[str, RetentionRule]:
    """The record's rule: the one stored at creation, or its type's current rule if that one is gone."""
    rule_id = record.retention_rule or ""
    if rule_id not in policy.retention:
        rule_id = policy.record_types[record.type].retention
    return rule_id, policy.retention[rule_id]


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def calendar_dates(policy: Policy, calendar: str, cache: dict[str, Any] | None = None) -> list[date]:
    """The calendar's dates: those in the policy plus org-level events (no subject, no record) of its name."""
    from waarborg.engine.retention.models import Event

    key = f"calendar:{calendar}"
    if cache is not None and key in cache:
        return list(cache[key])
    spec = policy.calendars[calendar]
    days = set(spec.dates)
    if spec.event:
        moments = Event.objects.filter(name=spec.event, subject__isnull=True, record_id__isnull=True)
        days.update(local_date(at) for at in moments.values_list("at", flat=True))
    result = sorted(days)
    if cache is not None:
        cache[key] = result
    return result


def _collected(record: Any, rule: RetentionRule, clock: Clock) -> datetime:
    from waarborg.engine.vault.models import Record

    # Periods count in the organisation's calendar (Europe/Amsterdam): 12:00 plus 3 months is 12:00,
    # whatever daylight saving did in between, and whatever time zone the value arrived in.
    collected: datetime = timezone.localtime(record.collected_at)
    clock.steps.append(Step(pgettext_lazy("retention clock", "Vastgelegd op %(day)s."), day=On(collected)))
    if rule.restart_on_new_record and record.subject_id:
        siblings = Record.objects.filter(subject_id=record.subject_id, purpose=record.purpose,
                                         anonymised_at__isnull=True).exclude(pk=record.pk)
        newest = siblings.aggregate(newest=Max("collected_at"))["newest"]
        if newest is not None and newest > collected:
            collected = timezone.localtime(newest)
            clock.steps.append(Step(pgettext_lazy("retention clock",
                "De termijn begon opnieuw met een nieuwe vastlegging voor hetzelfde doel op %(day)s."), day=On(newest)))
    return collected


def _latest_event(record: Any, start: EventStart, since: datetime) -> Any:
    from waarborg.engine.retention.models import Event

    events = Event.objects.filter(name=start.event)
    if start.of == "record":
        events = events.filter(record_id=record.pk)
    elif record.subject_id is None:
        return None
    else:
        # A subject event before this record was collected belongs to an earlier episode (an old
        # unsubscription must not expire a new subscription at once).
        events = events.filter(subject_id=record.subject_id, at__gte=since)
        # An event about one purpose (a withdrawn consent for tips) does not end another purpose's
        # records (the newsletter subscription).
        events = events.filter(Q(attributes__purpose=record.purpose) | ~Q(attributes__has_key="purpose"))
    return events.order_by("-at").first()


def _field_moment(record: Any, field_name: str) -> datetime | None:
    value = (record.plain or {}).get(field_name)
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        if len(value) == 10:
            return day_start(date.fromisoformat(value))
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return timezone.localtime(moment) if timezone.is_aware(moment) else timezone.make_aware(moment)


def _moments(record: Any, policy: Policy, collected: datetime, cache: dict[str, Any] | None) -> Any:
    """When each term happened for this record (None: not yet), looked up once per term."""
    seen: dict[Any, datetime | None] = {}

    def moment_of(term: Any) -> datetime | None:
        key = term if isinstance(term, str) else term.model_dump_json()
        if key in seen:
            return seen[key]
        found: datetime | None
        if term == "collected":
            found = collected
        elif isinstance(term, EventStart):
            event = _latest_event(record, term, collected)
            found = timezone.localtime(event.at) if event is not None else None
        elif isinstance(term, FieldDate):
            found = _field_moment(record, term.field)
        else:
            # A calendar date on the collection day itself still counts: an application on the closing
            # day belongs to the edition that closes that day.
            ahead = [d for d in calendar_dates(policy, term.calendar, cache) if d >= local_date(collected)]
            found = day_start(ahead[term.occurrence - 1]) if len(ahead) >= term.occurrence else None
        seen[key] = found
        return found

    return moment_of


def _terms_known(anchor: Anchor, moment_of: Any, policy: Policy, clock: Clock) -> None:
    """For an anchor of several terms: which of them happened when."""
    if anchor.how == "one":
        return
    for term in anchor.terms:
        name, moment = Capital(_what(term, policy)), moment_of(term)
        if moment is None:
            clock.steps.append(Step(pgettext_lazy("retention clock", "%(what)s: nog niet."), what=name))
        else:
            clock.steps.append(Step(pgettext_lazy("retention clock", "%(what)s: %(day)s."), what=name, day=On(moment)))


def _start(plan: Plan, moment_of: Any, policy: Policy, clock: Clock) -> datetime | None:
    anchor = plan.start
    if anchor.collected:
        clock.steps.append(Step(pgettext_lazy("retention clock", "De termijn begint bij de vastlegging.")))
        return moment_of("collected")
    _terms_known(anchor, moment_of, policy, clock)
    started: datetime | None = anchor.resolve(moment_of)
    name = anchor_words(anchor.how, anchor.terms, policy)
    single = anchor.terms[0] if anchor.how == "one" else None
    if started is None:
        if isinstance(single, EventStart):
            clock.steps.append(Step(pgettext_lazy("retention clock",
                "Nog geen einddatum: de termijn begint bij %(what)s, die nog niet heeft plaatsgevonden."), what=name))
        else:
            clock.steps.append(Step(pgettext_lazy("retention clock",
                "Nog geen einddatum: de termijn begint bij %(what)s, en die datum is nog niet bekend."), what=name))
        return None
    if isinstance(single, EventStart):
        clock.steps.append(Step(pgettext_lazy("retention clock", "De termijn begint bij %(what)s op %(day)s."), what=name,
                                day=On(started)))
    else:
        clock.steps.append(Step(pgettext_lazy("retention clock", "De termijn begint bij %(what)s: %(day)s."), what=name,
                                day=On(started)))
    return started


def _base_expiry(plan: Plan, moment_of: Any, policy: Policy, start: datetime, clock: Clock) -> datetime | None:
    rule = plan.rule
    if plan.until is not None:
        _terms_known(plan.until, moment_of, policy, clock)
        until = plan.until.resolve(moment_of)
        name = anchor_words(plan.until.how, plan.until.terms, policy)
        if until is None:
            clock.steps.append(Step(pgettext_lazy("retention clock", "Geen einddatum zolang %(what)s niet heeft plaatsgevonden."),
                                    what=name))
            return None
        clock.steps.append(Step(pgettext_lazy("retention clock", "%(what)s vond plaats op %(day)s."), what=Capital(name),
                                day=On(until)))
        base = plan.runs_from(start, until)
        assert base is not None
        if base > until:
            clock.steps.append(Step(pgettext_lazy("retention clock", "De termijn loopt pas vanaf de start op %(day)s, die later is."),
                                    day=On(base)))
        if rule.period is None:
            clock.steps.append(Step(pgettext_lazy("retention clock", "Daarna wordt er niets meer bewaard.")))
            return base
        clock.steps.append(Step(pgettext_lazy("retention clock", "Daarna wordt %(period)s bewaard."), period=Lasting(rule.period)))
        return rule.period.after(base)
    assert rule.period is not None
    clock.steps.append(Step(pgettext_lazy("retention clock", "Bewaartermijn: %(period)s."), period=Lasting(rule.period)))
    return plan.expiry(start, None)


def _kept(record: Any, policy: Policy, expires: datetime, clock: Clock) -> datetime:
    """A purpose that keeps this purpose's records past their own period (`further_processing` with `access:
    [keep]`, an archive or complaints that may still come) moves the end by its `keep_for`; the longest wins.
    Extensions, a shortening on request, an early end and the ceiling still apply after it."""
    keepers = policy.keepers(getattr(record, "purpose", "") or "")
    if not keepers:
        return expires
    pid, longest = max(keepers, key=lambda k: k[1].keep_for.after(expires))  # type: ignore[union-attr]
    assert longest.keep_for is not None
    clock.steps.append(Step(pgettext_lazy("retention clock",
        "Voor het doel ‘%(purpose)s’ worden de gegevens daarna nog %(period)s bewaard."),
        purpose=Own(policy.purposes[pid].label), period=Lasting(longest.keep_for)))
    return longest.keep_for.after(expires)


def _adjust(record: Any, rule_id: str, rule: RetentionRule, expires: datetime, clock: Clock) -> datetime:
    from waarborg.engine.retention.models import Adjustment

    if record.subject_id is None or (rule.extension is None and not rule.shorten_on_request):
        return expires
    adjustments = list(Adjustment.objects.filter(subject_id=record.subject_id, rule=rule_id).order_by("at"))
    extensions = [a for a in adjustments if a.kind == Adjustment.Kind.EXTENSION]
    if rule.extension is not None and extensions:
        for adjustment in extensions[: rule.extension.times]:
            expires = rule.extension.by.after(expires)
            clock.steps.append(Step(pgettext_lazy("retention clock", "Op %(day)s verlengd met %(by)s (%(basis)s)."), day=On(adjustment.at),
                                    by=Lasting(rule.extension.by),
                                    basis=Labels([Adjustment.Basis(adjustment.basis).label])))
    shortenings = [a for a in adjustments if a.kind == Adjustment.Kind.SHORTENING]
    if rule.shorten_on_request and shortenings and shortenings[0].at < expires:
        expires = shortenings[0].at
        clock.steps.append(Step(pgettext_lazy("retention clock", "Op verzoek verkort op %(day)s: de gegevens worden direct vernietigd."),
                                day=On(expires)))
    return expires


def _ended_early(record: Any, rule: RetentionRule, collected: datetime, expires: datetime | None,
                 clock: Clock) -> datetime | None:
    for anchor in rule.ends_early:
        event = _latest_event(record, anchor, collected)
        if event is None or (expires is not None and event.at >= expires):
            continue
        expires = timezone.localtime(event.at)
        clock.steps.append(Step(pgettext_lazy("retention clock", "%(what)s op %(day)s beëindigt de termijn eerder."),
                                what=Capital(event_words(anchor)), day=On(expires)))
    return expires


def _held(record: Any, rule: RetentionRule, expires: datetime | None, clock: Clock) -> datetime | None:
    from waarborg.engine.retention.models import Hold

    holds = active_holds(record)
    if not holds:
        return expires
    if not rule.holds_allowed:
        clock.steps.append(Step(pgettext_lazy("retention clock", "Een bewaarplicht geldt niet voor deze bewaarregel.")))
        return expires
    clock.held = True
    reasons = Labels(Hold.Reason(h.reason).label for h in holds)
    if expires is None or any(h.until is None for h in holds):
        clock.steps.append(Step(pgettext_lazy("retention clock",
            "Een bewaarplicht (%(reasons)s) houdt de gegevens vast tot die wordt opgeheven."), reasons=reasons))
        clock.steps.extend(hold_words(h) for h in holds)
        return None
    until = max(h.until for h in holds if h.until is not None)
    clock.steps.extend(hold_words(h) for h in holds)
    if until > expires:
        clock.steps.append(Step(pgettext_lazy("retention clock", "Een bewaarplicht (%(reasons)s) houdt de gegevens vast tot %(day)s."),
                                reasons=reasons, day=On(until)))
        return until
    return expires


def holds_matching(record_id: Any, subject_id: Any, purpose: Any) -> Q:
    """The holds that name a record: itself, all of its subject, or all of its purpose. Used here and, with
    `OuterRef`s, by the sweep, so that both always agree on what is held."""
    return (Q(record_id=record_id) | Q(record_id__isnull=True, subject_id=subject_id)
            | Q(record_id__isnull=True, subject_id__isnull=True, purpose=purpose))


def active_holds(record: Any) -> list[Any]:
    from waarborg.engine.retention.models import Hold

    match = holds_matching(record.pk, record.subject_id, record.purpose) if record.subject_id else (
        Q(record_id=record.pk) | Q(record_id__isnull=True, subject_id__isnull=True, purpose=record.purpose))
    return list(Hold.objects.filter(match, released_at__isnull=True).order_by("created_at", "pk"))


def compute(record: Any, policy: Policy, cache: dict[str, Any] | None = None) -> Clock:
    """The full clock of one record (saved or about to be saved), with its explanation."""
    rule_id, rule = rule_of(record, policy)
    clock = Clock(rule_id=rule_id, rule=rule)
    clock.steps.append(Step(pgettext_lazy("retention clock", "Bewaarregel '%(label)s' (%(rule)s)."),
                            label=Own(rule.label) if rule.label else rule_id, rule=rule_id))
    if rule.legal_ground:  # where a period comes from the law, say which law (S3-17)
        clock.steps.append(Step(pgettext_lazy("retention clock", "Wettelijke grond: %(ground)s."), ground=Own(rule.legal_ground)))
    collected = _collected(record, rule, clock)
    plan = compile_rule(rule)
    moment_of = _moments(record, policy, collected, cache)
    start = _start(plan, moment_of, policy, clock)
    expires: datetime | None = None
    if start is not None:
        clock.start = start
        expires = _base_expiry(plan, moment_of, policy, start, clock)
        if expires is not None:
            expires = _kept(record, policy, expires, clock)
            expires = _adjust(record, rule_id, rule, expires, clock)
    # An early end does not wait for the start: the statement says the data goes when it happens.
    expires = _ended_early(record, rule, collected, expires, clock)
    clock.due_at = expires
    if start is not None or expires is not None:
        expires = _held(record, rule, expires, clock)
        if start is not None and rule.ceiling is not None:
            clock.ceiling_at = rule.ceiling.after(start)
            if expires is None or expires > clock.ceiling_at:
                expires = clock.ceiling_at
                clock.steps.append(Step(pgettext_lazy("retention clock",
                    "Het plafond van %(ceiling)s na de start gaat voor: uiterlijk %(day)s."),
                    ceiling=Lasting(rule.ceiling), day=On(expires)))
    clock.expires_at = expires
    if expires is not None:
        if rule.action == "anonymise":
            clock.steps.append(Step(pgettext_lazy("retention clock", "De gegevens worden geanonimiseerd op %(day)s."), day=On(expires)))
        else:
            clock.steps.append(Step(pgettext_lazy("retention clock", "De gegevens worden verwijderd op %(day)s."), day=On(expires)))
    return clock


def expiry_for(record: Any, policy: Policy) -> datetime | None:
    """The record's expiry under its rule; None while open-ended. Called by `vault.actions.record_create`."""
    return compute(record, policy).expires_at


def counts_from_fields(record: Any, policy: Policy) -> bool:
    """Does the record's clock read a date field of the record (so that correcting it moves the clock)?"""
    return any(isinstance(term, FieldDate) for _, term in rule_of(record, policy)[1].terms())
