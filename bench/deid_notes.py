"""The texts of the de-identification benchmark: templates with slots, filled per document.

A document has a cast (the client, two relatives, a neighbour, a caseworker, a doctor, an institution, an
address) so names come back within it, as they do in real notes. `{C}` is the client in any written form,
`{Cf}` in full, `{Ct}` with a title, `{C1}` by first name; `{R}` a relative with the relation before the name;
`{Rt}` a relative who shares the client's surname, by title and surname only (`meneer El Amrani`);
`{P}` an ordinary sentence without personal data. Written for this benchmark.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench import deid_corpus as dc
from bench import deid_plain as plain

RELATIONS_F = ("haar dochter", "zijn dochter", "dochter", "zijn vrouw", "haar moeder", "zijn moeder", "de zus", "haar zus", "oma", "tante", "buurvrouw", "schoondochter", "de ex-partner", "vriendin")  # fmt: skip
RELATIONS_M = ("haar zoon", "zijn zoon", "zoon", "haar man", "haar vader", "zijn vader", "de broer", "zijn broer", "opa", "oom", "buurman", "schoonzoon", "de ex-partner", "vriend")  # fmt: skip

NOTES = (
    "Gesprek met {C} op {DATE}. {P} {Ct} vertelt dat {R} sinds kort bij haar woont.",
    "{Cf} ({AGEn} jaar) woont op {ADDR}, {PC} {CITY}. {P}",
    "Huisbezoek bij {Ct} aan de {ADDR} in {CITY}. {P} {R} was ook aanwezig.",
    "{C1} belde vanochtend. Ze is bereikbaar op {PHONE}. {P}",
    "Cliënt {Cf}, geboren op {BIRTH}, BSN {BSN}. {P}",
    "Overleg met {S} van {INST} over de situatie van {Ct}. {P}",
    "{Ct} heeft schulden bij {INST}. Het rekeningnummer is {IBAN}. {P}",
    "De {AGEj} {Cf} gaat steeds verder achteruit volgens {R}. {P}",
    "{R} ({AGEn} jaar) zit op {INST}. {P}",
    "Contact opgenomen met {D}. {P} Afgesproken dat {C1} volgende week op het spreekuur komt.",
    "{Ct} laat een kopie zien van haar {DOC}. {P}",
    "{C} rijdt in een auto met kenteken {PLATE}. {P}",
    "Per mail ({EMAIL}) laat {Ct} weten dat de afspraak van {DATE} niet doorgaat.",
    "{Cf} is verhuisd naar {ADDR}, {PC} {CITY}. {P}",
    "De buurvrouw, {N}, maakt zich zorgen om {Ct}. {P}",
    "{P} {C1} werkt sinds {DATE} bij {INST} en verdient daar {AMOUNT} per maand.",
    "Afspraak gemaakt met {Ct} en {R} voor {DATE} om {TIME}. {P}",
    "{Ct} is {AGEn} jaar en woont alleen sinds het overlijden van haar man. {P}",
    "Zoon {Rname} ({AGEn} jaar) heeft een eigen woning in {CITY}. {P}",
    "{S} (consulent) heeft op {DATE} een aanvraag ingediend voor {Ct}. {P}",
    "Tijdens het gesprek bleek dat {C1} al maanden geen post opent. {P}",
    "{R} heeft een profiel op {URL} waar hij over de situatie schrijft. {P}",
    "Melding van {INST}: {Ct} is op {DATE} niet verschenen. {P}",
    "{Ct} geeft toestemming om informatie op te vragen bij {D}.",
    "{P} {Cf} ontvangt een uitkering. BSN: {BSN}, IBAN: {IBAN}.",
    "{C1} vertelt dat {R} veel drinkt en soms agressief is. {P}",
    "Adres: {ADDR}, {PC} {CITY}. Telefoon: {PHONE}. E-mail: {EMAIL}.",
    "De {AGEj} {R2} gaat naar {INST}. {P}",
    "{Ct} woont aan de {ADDR} te {CITY} en is {AGEo}. {P}",
    "{Cf} is geboren in {BIRTHYEAR} in {COUNTRY} en woont sinds {YEAR} in {CITY}.",
    "{P} Volgens {D} is een verwijzing naar {INST} nodig.",
    "Op {DATE} heeft {S} gebeld met {R} over de mantelzorg.",
    "{Ct}, {AGEn} jaar, meldt zich bij het loket met vragen over {NOUN}.",
    "{C1} is op {DATE} opgenomen in {INST}. {P}",
    "Het rijbewijs van {Ct} ({DOC}) is verlopen. {P}",
    "{R} is bereikbaar via {PHONE} of {EMAIL}. {P}",
    "{Ct} kwam samen met {Rt} naar het spreekuur. {P}",
    "Gesproken met {Rt}, die zich zorgen maakt over {C1}. {P}",
)

QUESTIONS = (
    "Beste {S}, {P} Ik ben {Cf} en ik woon op {ADDR} in {CITY}. Kunt u mij bellen op {PHONE}? Met vriendelijke groet, {C1}",
    "Goedemiddag, mijn naam is {Cf}. {P} Mijn BSN is {BSN}. Groeten, {Cf}",
    "Hallo, ik vraag dit voor {R}. Hij is {AGEn} jaar en woont op {ADDR}. {P} Met vriendelijke groet, {Cf} ({EMAIL})",
    "Geachte heer, mevrouw, {P} Wilt u het geld overmaken op {IBAN} ten name van {Cf}? Bij voorbaat dank.",
    "Hoi {S1}, {P} Kan ik op {DATE} langskomen? Mijn nummer is {PHONE}. Groetjes, {C1}",
    "Ik heb een vraag over de aanvraag van {DATE}. {P} Mijn gegevens: {Cf}, {ADDR}, {PC} {CITY}, geboren {BIRTH}.",
    "Beste meneer of mevrouw, {R} heeft hulp nodig. {P} U kunt mij mailen op {EMAIL}. Vriendelijke groet, {Ct}",
)

COMPLAINTS = (
    "Klacht van {Cf} over {INST}. {P} Op {DATE} kwam er niemand opdagen. {Ct} is hier erg boos over.",
    "Ik ben ontevreden over hoe {S} met mij is omgegaan. {P} Ik wil graag teruggebeld worden op {PHONE}. {Cf}",
    "{Ct} klaagt dat {D} haar niet serieus neemt. {P}",
    "{P} De klacht van {Ct} ({EMAIL}) gaat over de bejegening door {S}.",
    "Namens {R} dien ik een klacht in. {P} Hij woont op {ADDR} in {CITY}. Met vriendelijke groet, {Cf}",
)

REFERRALS = (
    "Verwijzing naar {INST}. Betreft: {Cf}, geboren {BIRTH}, BSN {BSN}, {ADDR}, {PC} {CITY}. {P}",
    "Hierbij verwijzen wij {Ct} ({AGEn} jaar) door naar {INST}. {P} Contactpersoon: {S}, {PHONE}.",
    "Aanmelding {INST}: {Cf}, telefoon {PHONE}, {DOC}. {P}",
    "Verwijzer: {D}. Cliënt: {Cf}, {AGEo}, woonachtig {ADDR} te {CITY}. {P}",
)

KINDS = (("note", NOTES, 55), ("question", QUESTIONS, 20), ("complaint", COMPLAINTS, 12), ("referral", REFERRALS, 13))


class Cast:
    def __init__(self, rng: random.Random, people: dc.People) -> None:
        self.rng, self.people = rng, people
        self.client = people.person(rng)
        self.rels = [(people.person(rng), rng.random() < 0.5) for _ in range(2)]
        for p, female in self.rels:
            p.female = female
        self.neighbour = people.person(rng)
        self.staff = people.person(rng)
        self.doctor = people.person(rng)
        self.inst = dc.institution(rng, people)
        self.street = dc.street(rng, people)
        self.house = dc.house(rng)
        self.postcode = dc.postcode(rng)
        self.city = dc.place(rng)


def _slot(name: str, cast: Cast, b: dc.Builder) -> None:
    rng = cast.rng
    c = cast.client
    rel, female = rng.choice(cast.rels)
    slots: dict[str, Callable[[], None]] = {
        "C": lambda: c.write(b, rng),
        "Cf": lambda: c.write(b, rng, "full"),
        "Ct": lambda: c.write(b, rng, rng.choice(("title", "title", "initials", "title_full"))),
        "C1": lambda: c.write(b, rng, "first"),
        "R": lambda: (
            b.add(rng.choice(RELATIONS_F if female else RELATIONS_M) + " "),
            rel.write(b, rng, rng.choice(("first", "first", "full"))),
        ),
        "R2": lambda: (
            b.add(rng.choice(("zoon", "dochter", "kleinzoon", "kleindochter")) + " "),
            rel.write(b, rng, "first"),
        ),
        "Rt": lambda: dc.Person(rel.first, c.particle, c.core, female).write(b, rng, "title"),
        "Rname": lambda: rel.write(b, rng, rng.choice(("first", "full"))),
        "N": lambda: cast.neighbour.write(b, rng, rng.choice(("title", "title_full"))),
        "S": lambda: cast.staff.write(b, rng, rng.choice(("full", "title", "initials"))),
        "S1": lambda: cast.staff.write(b, rng, "first"),
        "D": lambda: _doctor(b, rng, cast),
        "ADDR": lambda: b.add(f"{cast.street[0]} {cast.house}", "ADDRESS", cast.street[1]),
        "PC": lambda: b.add(cast.postcode, "POSTCODE"),
        "CITY": lambda: b.add(cast.city[0], "CITY", cast.city[1]),
        "PHONE": lambda: b.add(dc.phone(rng), "PHONE"),
        "EMAIL": lambda: b.add(dc.email(rng, c), "EMAIL"),
        "URL": lambda: b.add(dc.url(rng, rel), "URL"),
        "BSN": lambda: b.add(dc.bsn(rng), "BSN"),
        "IBAN": lambda: b.add(dc.iban(rng), "IBAN"),
        "DOC": lambda: _doc(b, rng),
        "DATE": lambda: b.add(dc.date(rng), "DATE"),
        "BIRTH": lambda: b.add(dc.date(rng, birth=True), "DATE"),
        "BIRTHYEAR": lambda: b.add(str(rng.randint(1935, 2005)), "DATE"),
        "AGEn": lambda: b.add(str(rng.randint(18, 97)), "AGE"),
        "AGEj": lambda: (b.add(str(rng.randint(4, 97)), "AGE"), b.add("-jarige")),
        "AGEo": lambda: (b.add(str(rng.randint(18, 97)), "AGE"), b.add(" jaar oud")),
        "INST": lambda: b.add(cast.inst[0], "INSTITUTION", cast.inst[1]),
        "PLATE": lambda: b.add(dc.plate(rng), "PLATE"),
        "P": lambda: b.add(plain.sentence(rng)),
        "AMOUNT": lambda: b.add(plain._amount(rng)),
        "TIME": lambda: b.add(plain._time(rng)),
        "YEAR": lambda: b.add(str(rng.randint(1975, 2022))),
        "COUNTRY": lambda: b.add(rng.choice(plain.COUNTRY)),
        "NOUN": lambda: b.add(rng.choice(plain.NOUN)),
    }
    slots[name]()


def _doctor(b: dc.Builder, rng: random.Random, cast: Cast) -> None:
    d = cast.doctor
    b.add(rng.choice(("huisarts ", "dokter ", "de huisarts, ", "huisarts dr. ", "psychiater ", "dr. ")))
    if rng.random() < 0.3:
        d.write(b, rng, "full")
    else:
        b.add(d.surname[:1].upper() + d.surname[1:], "NAME", d.seen(d.core))


def _doc(b: dc.Builder, rng: random.Random) -> None:
    words, number = dc.iddoc(rng)
    b.add(words)
    b.add(number, "IDDOC")


_SLOT = re.compile(r"\{(\w+)\}")


def render(template: str, cast: Cast, b: dc.Builder) -> None:
    pos = 0
    for m in _SLOT.finditer(template):
        b.add(template[pos : m.start()])
        _slot(m.group(1), cast, b)
        pos = m.end()
    b.add(template[pos:])


def document(rng: random.Random, people: dc.People, number: int) -> dc.Doc:
    kind, templates, _ = rng.choices(KINDS, [k[2] for k in KINDS])[0]
    cast = Cast(rng, people)
    b = dc.Builder()
    if kind == "note":
        b.add(rng.choice(("Gespreksverslag", "Notitie", "Verslag huisbezoek", "Telefoonnotitie")) + " ")
        b.add(dc.date(rng), "DATE")
        b.add("\n")
    for i in range(rng.randint(3, 7) if kind == "note" else rng.randint(1, 3)):
        if i:
            b.add("\n" if rng.random() < 0.4 else " ")
        render(rng.choice(templates), cast, b)
        if rng.random() < 0.3:
            b.add(" " + plain.paragraph(rng, rng.randint(1, 3)))
    doc = dc.Doc(f"{kind}-{number}", kind, b.text(), b.gold)
    return doc


def corpus(rng: random.Random, chars: int) -> list[dc.Doc]:
    people = dc.People()
    docs: list[dc.Doc] = []
    total = 0
    while total < chars:
        doc = document(rng, people, len(docs))
        docs.append(doc)
        total += len(doc.text)
    return docs
