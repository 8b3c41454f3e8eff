"""Synthetic Dutch social-domain texts with gold spans: caseworker notes, client questions, complaints,
referrals. Every identifying value is recorded as it is written (start, end, category) and marked seen or
unseen: seen when the detector's lexicons hold every word of it, unseen when not (held-out values from
`deid_pools`, streets without a street ending, composed institution names).

Gold spans are the identifying core: a name without its title (`mevrouw` is not the person), an age's
number (`82` in `82 jaar`), a date without its weekday; a detector may hide more around it.
Written for this benchmark: the templates, the lists and the people are invented.
"""

from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import dataclass, field

from bench import deid_plain as plain
from bench import deid_pools as pools
from bench.dutch import iban as nl_iban
from waarborg.engine.deidentify import lexicons, words


@dataclass
class Gold:
    start: int
    end: int
    category: str
    seen: bool | None  # None: found by shape, no lexicon involved


@dataclass
class Doc:
    id: str
    kind: str
    text: str = ""
    gold: list[Gold] = field(default_factory=list)


class Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.gold: list[Gold] = []
        self.pos = 0

    def add(self, text: str, category: str | None = None, seen: bool | None = None) -> None:
        if category:
            self.gold.append(Gold(self.pos, self.pos + len(text), category, seen))
        self.parts.append(text)
        self.pos += len(text)

    def text(self) -> str:
        return "".join(self.parts)


# --- people --------------------------------------------------------------------------------------------------


def _lexicon_sections(name: str) -> dict[str, list[str]]:
    """The detector's name lists by origin (the `# ` headers of the data files)."""
    from importlib import resources

    raw = resources.files("waarborg.engine.deidentify").joinpath("data", name).read_text("utf-8")
    keys = {"dutch": "dutch", "frisian": "dutch", "moroccan": "moroccan", "turkish": "turkish", "surinamese": "surinamese",
            "polish": "polish", "romanian": "other", "syrian": "syrian", "eritrean": "eritrean", "ghanaian": "ghanaian",
            "somali": "somali", "indonesian": "other", "southern": "other", "english": "other"}  # fmt: skip
    out: dict[str, list[str]] = {}
    origin = "other"
    for line in raw.splitlines():
        if line.startswith("# "):
            origin = keys.get(line[2:].split()[0].strip(",").lower(), origin)
        elif line.strip():
            out.setdefault(origin, []).extend(line.split())
    return out


class People:
    def __init__(self) -> None:
        self.first_seen = _lexicon_sections("voornamen.txt")
        self.sur_seen = _lexicon_sections("achternamen.txt")

    def person(self, rng: random.Random) -> Person:
        origin = rng.choices([o for o, _ in pools.ORIGINS], [w for _, w in pools.ORIGINS])[0]
        first = rng.choice(pools.UNSEEN_FIRST[origin] if rng.random() < 0.25 else self.first_seen[origin])
        core = rng.choice(pools.UNSEEN_SURNAME[origin] if rng.random() < 0.25 else self.sur_seen[origin])
        particle = rng.choice(pools.PARTICLES.get(origin, pools.PARTICLES["other"]))
        return Person(first, particle, core, rng.random() < 0.5)


@dataclass
class Person:
    first: str
    particle: str
    core: str
    female: bool

    @property
    def surname(self) -> str:
        return f"{self.particle} {self.core}".strip()

    def seen(self, *parts: str) -> bool:
        names = lexicons.person_names()
        return all(p in names for p in parts)

    def title(self, rng: random.Random) -> str:
        if self.female:
            return rng.choice(("mevrouw", "mevrouw", "mw.", "mevr.", "Mevrouw", "Mw."))
        return rng.choice(("meneer", "de heer", "dhr.", "dhr.", "Meneer", "Dhr."))

    def write(self, b: Builder, rng: random.Random, form: str | None = None) -> None:
        form = form or rng.choices(("full", "title", "initials", "first", "title_full"), (30, 30, 12, 20, 8))[0]
        surname_alone = self.surname[:1].upper() + self.surname[1:] if rng.random() < 0.7 else self.surname
        if form == "full":
            b.add(f"{self.first} {self.surname}", "NAME", self.seen(self.first, self.core))
        elif form == "first":
            b.add(self.first, "NAME", self.seen(self.first))
        elif form == "title":
            b.add(self.title(rng) + " ")
            b.add(surname_alone, "NAME", self.seen(self.core))
        elif form == "title_full":
            b.add(self.title(rng) + " ")
            b.add(f"{self.first} {self.surname}", "NAME", self.seen(self.first, self.core))
        else:
            initials = self.first[0] + "." + (rng.choice(string.ascii_uppercase) + "." if rng.random() < 0.4 else "")
            b.add(self.title(rng) + " ")
            b.add(f"{initials} {self.surname}", "NAME", self.seen(self.core))


# --- shaped values -------------------------------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def phone(rng: random.Random) -> str:
    m = "6" + _digits(rng, 8)
    area, local = rng.choice((("20", 7), ("10", 7), ("50", 7), ("592", 6), ("513", 6), ("74", 7), ("30", 7), ("40", 7)))
    num = _digits(rng, local)
    forms = (
        f"0{m[0]}-{m[1:]}", f"0{m[0]} {m[1:]}", f"0{m[0]} {m[1:5]} {m[5:]}", f"0{m[0]}-{m[1:3]} {m[3:5]} {m[5:7]} {m[7:]}",
        f"0{m}", f"+31 {m[0]} {m[1:]}", f"+31{m}", f"0031 {m[0]} {m[1:]}", f"+31 (0){m[0]} {m[1:]}", f"+316-{m[1:]}",
        f"0{area}-{num}", f"0{area} {num}", f"(0{area}) {num}", f"0{area} {num[:3]} {num[3:]}",
        f"+31 (0){area} {num[:3]} {num[3:]}", f"0031 {area} {num}", f"+31 {area} {num}",
        f"0900-{_digits(rng, 7)}", f"0800-{_digits(rng, 4)}", f"0900 {_digits(rng, 4)}",
    )  # fmt: skip
    return rng.choice(forms)


def bsn(rng: random.Random) -> str:
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            s = "".join(map(str, [*d, check]))
            return rng.choice(
                (s, s, f"{s[:4]} {s[4:6]} {s[6:]}", f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}.{s[3:6]}.{s[6:]}")
            )


def _foreign_iban(rng: random.Random, country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def iban(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        account = int(f"{rng.randint(1, 99):03d}{_digits(rng, 7)}")  # a bank code of the Belgian register
        value = _foreign_iban(rng, "BE", f"{account:010d}{account % 97 or 97:02d}")  # Belgian check digits
    elif roll < 0.12:
        value = _foreign_iban(rng, "DE", _digits(rng, 18))
    else:
        value = nl_iban(rng)
    form = rng.random()
    if form < 0.45:
        return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    if form < 0.55:
        return value.lower()
    return value


_DOC_LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ"


def iddoc(rng: random.Random) -> tuple[str, str]:
    """(context words, number)"""
    passport = (
        "".join(rng.choice(_DOC_LETTERS) for _ in range(2))
        + "".join(rng.choice(_DOC_LETTERS + string.digits * 2) for _ in range(6))
        + rng.choice(string.digits)
    )
    return rng.choice((
        ("paspoortnummer ", passport), ("paspoort nr. ", passport), ("ID-kaart ", passport),
        ("identiteitskaart met nummer ", passport), ("documentnummer ", passport),
        ("rijbewijsnummer ", _digits(rng, 10)), ("rijbewijs nr. ", _digits(rng, 10)),
        ("verblijfsvergunning ", passport), ("V-nummer ", _digits(rng, 10)),
    ))  # fmt: skip


def plate(rng: random.Random) -> str:
    letters = "BDFGHJKLNPRSTVXZ"

    def lt(n: int) -> str:
        return "".join(rng.choice(letters) for _ in range(n))

    return rng.choice((
        f"{_digits(rng, 2)}-{lt(3)}-{_digits(rng, 1)}", f"{lt(2)}-{_digits(rng, 3)}-{lt(1)}",
        f"{_digits(rng, 1)}-{lt(3)}-{_digits(rng, 2)}", f"{lt(3)}-{_digits(rng, 2)}-{lt(1)}",
        f"{lt(2)}-{_digits(rng, 2)}-{lt(2)}", f"{_digits(rng, 2)}-{lt(2)}-{_digits(rng, 2)}",
        f"{lt(1)}-{_digits(rng, 3)}-{lt(2)}",
    ))  # fmt: skip


_MONTHS = plain.MONTH
_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def date(rng: random.Random, birth: bool = False) -> str:
    y = rng.randint(1930, 2005) if birth else rng.randint(2018, 2026)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice((
        f"{d} {_MONTHS[m - 1]} {y}", f"{d} {_MONTHS[m - 1]} {y}", f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}",
        f"{d}/{m}/{str(y)[2:]}", f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {_SHORT[m - 1]} {y}",
        f"{d} {_SHORT[m - 1]}. {y}", f"{d} {_MONTHS[m - 1]}",
    ) if not birth else (
        f"{d} {_MONTHS[m - 1]} {y}", f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d:02d}/{m:02d}/{y}",
    ))  # fmt: skip


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c in ".-_"))


def email(rng: random.Random, p: Person) -> str:
    first, sur = _ascii(p.first).lower(), _ascii(p.core).lower()
    local = rng.choice(
        (
            f"{first}.{sur}",
            f"{first[0]}.{sur}",
            f"{first}{sur}{rng.randint(1, 99)}",
            f"{sur}.{first[0]}",
            f"{first}_{rng.randint(60, 99)}",
        )
    )
    return f"{local}@{rng.choice(('gmail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl', 'icloud.com'))}"


def url(rng: random.Random, p: Person) -> str:
    first, sur = _ascii(p.first).lower(), _ascii(p.core).lower()
    return rng.choice((
        f"www.facebook.com/{first}.{sur}", f"https://www.instagram.com/{first}_{sur[:3]}{rng.randint(1, 99)}",
        f"linkedin.com/in/{first}-{sur}", f"https://www.tiktok.com/@{first}{rng.randint(1, 999)}",
        f"https://www.{sur}-klusbedrijf.nl", f"http://{first}{sur}.nl/contact",
    ))  # fmt: skip


# --- places, streets, institutions ---------------------------------------------------------------------------


def place(rng: random.Random) -> tuple[str, bool]:
    held_out = rng.random() < 0.25
    value = rng.choice(pools.UNSEEN_PLACES) if held_out else rng.choice(sorted(lexicons.places().entries))
    return value, value in lexicons.places()


def street(rng: random.Random, people: People) -> tuple[str, bool]:
    """(street, seen): seen when it ends in a street ending the detector knows."""
    roll = rng.random()
    if roll < 0.15:
        value = rng.choice(pools.STREETS_PLAIN)
    elif roll < 0.3:
        p = people.person(rng)
        value = f"{rng.choice(pools.STREET_TITLES)} {p.surname[:1].upper() + p.surname[1:]}{rng.choice(('straat', 'laan', 'weg', 'singel', 'plein'))}"
    elif roll < 0.38:
        p = people.person(rng)
        value = f"{p.first} {p.surname}{rng.choice(('straat', 'laan', 'weg'))}"
    else:
        root = rng.choice(pools.STREET_ROOTS)
        suffix = rng.choice(pools.STREET_SUFFIXES)
        value = f"{root} {suffix.capitalize()}" if " " in root or rng.random() < 0.05 else root + suffix
    last = value.split()[-1].lower()
    endings = words.STREET_STRONG + words.STREET_WEAK
    return value, any(last.endswith(e) and len(last) > len(e) + 1 for e in endings)


def house(rng: random.Random) -> str:
    n = str(rng.randint(1, 250))
    return rng.choices(
        (n, f"{n}a", f"{n}B", f"{n}-{rng.randint(1, 4)}", f"{n} II", f"{n}-III", f"{n} hs", f"{n}-A", f"{n} bis"),
        (50, 10, 5, 10, 6, 4, 5, 5, 1),
    )[0]


def postcode(rng: random.Random) -> str:
    letters = rng.choice(
        [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase if a + b not in ("SA", "SD", "SS")]
    )
    digits = str(rng.randint(1000, 9999))
    return rng.choice((f"{digits} {letters}", f"{digits} {letters}", f"{digits}{letters}", f"{digits}  {letters}"))


def institution(rng: random.Random, people: People) -> tuple[str, bool]:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(sorted(lexicons.institutions().entries)), True
    article = rng.choice(("De ", "Het ", "'t ", ""))
    if roll < 0.5:
        value = f"{rng.choice(('Basisschool', 'OBS', 'CBS', 'Kindcentrum', 'Kinderopvang'))} {article}{rng.choice(pools.SCHOOL_NAMES)}"
    elif roll < 0.62:
        value = f"{rng.choice(('Zorgcentrum', 'Woonzorgcentrum', 'Verpleeghuis', 'Thuiszorg', 'Zorggroep'))} {rng.choice(pools.CARE_NAMES)}"
    elif roll < 0.72:
        p = people.person(rng)
        value = (
            f"Huisartsenpraktijk {p.surname[:1].upper() + p.surname[1:]}"
            if rng.random() < 0.6
            else f"Huisartsenpraktijk {article}{rng.choice(pools.CARE_NAMES)}"
        )
    elif roll < 0.82:
        p = people.person(rng)
        value = f"{p.core} {rng.choice(pools.TRADE_WORDS)}" + rng.choice(("", " B.V.", " BV", ""))
    elif roll < 0.92:
        p = people.person(rng)
        value = f"{rng.choice(pools.TRADE_FIRST)} {p.core}"
    else:
        value = f"Stichting {rng.choice(pools.BRANDLIKE)}"
    return value, False
