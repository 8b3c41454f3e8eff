"""Realistic synthetic Dutch people: names, addresses, phone numbers, valid BSNs and IBANs.

Nothing here is a real person: names and streets are drawn independently, BSNs and account numbers
are random numbers that merely pass the checks (BSN 11-proof, IBAN mod-97), as test data must.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

FIRST = ["Anna", "Bram", "Daan", "Emma", "Eva", "Fenna", "Finn", "Gerrit", "Henk", "Ilse", "Jan", "Jesse", "Johanna", "Julia", "Klaas", "Lars", "Lieke", "Lotte", "Luuk", "Maaike", "Marieke", "Mark", "Noah", "Noor", "Pieter", "Roos", "Ruben", "Sanne", "Sem", "Sophie", "Stijn", "Thijs", "Tess", "Willem", "Yara", "Zoë", "Aaltje", "Hendrik", "Geertje", "Harm", "Jantje", "Roelof", "Wietske", "Tjitske", "Albert", "Ria", "Karin", "Ahmed", "Fatima", "Mohamed", "Priya", "Samira", "Youssef", "Dewi", "Kees", "Truus"]
PREFIX = ("", "", "", "", "de ", "van ", "van der ", "van den ", "ter ", "ten ")
LAST = ["Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Kok", "Jacobs", "Vermeulen", "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Kuiper", "Veenstra", "Boer", "Haan", "Groot", "Wit", "Vries", "Berg", "Linden", "Bergsma", "Wiersma", "Postma", "Zijlstra", "Hofstra", "Kramer", "Scholten", "Timmermans", "Oosterhuis", "Lubbers", "Drenth", "Nijboer", "Wolters", "Hulshof", "Kamps", "Bulthuis", "Yilmaz", "Kaya", "Bouzid", "El Amrani", "Ramdin"]
STREETS = ["Kloosterstraat", "Brink", "Oudestraat", "Markt", "Torenlaan", "Vaart", "Weiersstraat", "Collardslaan", "Ceresstraat", "Hoofdweg", "Kerkstraat", "Schoolstraat", "Dorpsstraat", "Stationsstraat", "Molenweg", "Beilerstraat", "Esweg", "Zuidersingel", "Noordersingel", "Industrieweg", "Asserstraat", "Groningerstraat", "Rolderstraat", "Europaweg", "Lindelaan"]
PLACES = (("Assen", "94"), ("Assen", "94"), ("Assen", "94"), ("Rolde", "94"), ("Loon", "94"), ("Zeijen", "94"),
          ("Vries", "94"), ("Gieten", "95"), ("Beilen", "94"), ("Hooghalen", "94"), ("Groningen", "97"))
BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB")
EVENTS = ("Mantelzorgcafé Assen", "Workshop omgaan met stress", "Informatieavond respijtzorg",
          "Dag van de Mantelzorg", "Wandeling langs de Drentsche Aa")
QUESTIONS = ("Wanneer wordt de waardering uitbetaald?", "Ik ben mijn inloggegevens kwijt.",
             "Kan ik de aanvraag voor mijn moeder doen?", "Mijn rekeningnummer is veranderd.",
             "Hoe meld ik me af voor de nieuwsbrief?")


def bsn(rng: random.Random) -> str:
    """A 9-digit number that passes the BSN 11-proof: sum(d_i * (9..2)) - d_9 is divisible by 11."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))


def _iban_check(country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(numeric) % 97:02d}"


def iban(rng: random.Random) -> str:
    """A Dutch IBAN: NL, mod-97 check digits, a real bank code, a 10-digit account passing the old 11-proof."""
    while True:
        account = [rng.randint(0, 9) for _ in range(10)]
        if sum(d * w for d, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0 and any(account):
            break
    bban = rng.choice(BANKS) + "".join(map(str, account))
    return f"NL{_iban_check('NL', bban)}{bban}"


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(PREFIX)}{rng.choice(LAST)}"


_LETTERS = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase if a + b not in ("SA", "SD", "SS")]


def postcode(rng: random.Random, area: str) -> str:
    letters = rng.choice(_LETTERS)
    return f"{area}{rng.randint(0, 99):02d} {letters}"


def address(rng: random.Random) -> tuple[str, str]:
    place, area = rng.choice(PLACES)
    return f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {place}", postcode(rng, area)


def phone(rng: random.Random) -> str:
    return f"06{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.7 else f"0592{rng.randint(300_000, 699_999)}"


def email(rng: random.Random, full_name: str) -> str:
    local = full_name.lower().replace(" ", ".").replace("ë", "e")
    return f"{local}{rng.randint(1, 999)}@{rng.choice(('gmail.com', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl'))}"


def birth_date(rng: random.Random) -> date:
    return date(1935, 1, 1) + timedelta(days=rng.randint(0, 365 * 70))
