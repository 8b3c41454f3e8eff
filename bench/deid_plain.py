"""Ordinary Dutch text without personal data, for counting false positives (and as filler between the
identifying sentences of the case notes).

Sentences about rules, services, money, health, weather, household and work, built from templates with
varied fillers: amounts (`€ 1.234,56`), percentages, times (`14.30 uur`), years, article numbers, weekdays
and months without a day, agencies, laws, countries, nationalities, languages, holidays. By design it holds
no calendar dates, phone numbers, e-mail addresses, URLs or place names: the de-identifier hides those
wherever they stand, so they would be counted against it here without saying anything about its judgement.
Written for this benchmark.
"""

from __future__ import annotations

import random


def _s(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split("|"))


NOUN = _s(
    "de aanvraag|het formulier|de uitkering|de toeslag|het huurcontract|de energierekening|de zorgverzekering|"
    "het eigen risico|de bijstand|de schuldhulp|de thuiszorg|de dagbesteding|het persoonsgebonden budget|"
    "de indicatie|het keukentafelgesprek|het ondersteuningsplan|de woningaanpassing|de traplift|de rolstoel|"
    "de huishoudelijke hulp|de maaltijdservice|het vervoer|de taxipas|de mantelzorgwaardering|de jeugdhulp|"
    "de begeleiding|de respijtzorg|de vrijwilligersvergoeding|de kwijtschelding|de betalingsregeling|"
    "het budgetbeheer|de inkomenstoets|de aanmelding|de wachtlijst|de evaluatie|de klachtenregeling|"
    "de bezwaarprocedure|de beschikking|het besluit|de brief|de afspraak|de vergadering|de cursus|de workshop|"
    "de informatieavond|het spreekuur|de inloop|de nieuwsbrief|de website|de folder|het jaarverslag"
)
ADJ = _s(
    "nieuwe|oude|ingewikkelde|eenvoudige|tijdelijke|definitieve|gewijzigde|aangepaste|volledige|digitale|"
    "papieren|gezamenlijke|jaarlijkse|maandelijkse|wekelijkse|extra|verplichte|vrijwillige|landelijke|lokale"
)
AGENCY = _s(
    "het UWV|de SVB|de Belastingdienst|DUO|het CAK|het CJIB|de IND|het Juridisch Loket|het Nibud|de GGD|"
    "Veilig Thuis|de Raad voor de Kinderbescherming|de zorgverzekeraar|het zorgkantoor|het wijkteam|de gemeente|"
    "de woningcorporatie|de huisarts|de apotheek|de bibliotheek|de voedselbank|de schuldhulpverlening"
)
LAW = _s(
    "de Wmo|de Wet langdurige zorg|de Jeugdwet|de Participatiewet|de Zorgverzekeringswet|de AVG|de Awb|"
    "de Wet gemeentelijke schuldhulpverlening|de Wet inburgering|de Woningwet|de Algemene wet bestuursrecht|"
    "de Wet maatschappelijke ondersteuning|de Huurwet|de Grondwet"
)
COUNTRY = _s(
    "Nederland|België|Duitsland|Marokko|Turkije|Suriname|Polen|Eritrea|Syrië|Ghana|Somalië|Oekraïne|Spanje|Frankrijk|Europa"
)
NATIONALITY = _s(
    "Nederlandse|Marokkaanse|Turkse|Surinaamse|Poolse|Eritrese|Syrische|Ghanese|Somalische|Oekraïense|Duitse|Belgische"
)
LANGUAGE = _s("Nederlands|Arabisch|Turks|Engels|Pools|Tigrinya|Somalisch|Oekraïens|Frans|Duits|Papiaments|Berbers")
MONTH = _s("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")
WEEKDAY = _s("maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag")
HOLIDAY = _s(
    "Kerstmis|Pasen|Pinksteren|Koningsdag|het Suikerfeest|het Offerfeest|Sinterklaas|Oud en Nieuw|de Ramadan|Divali|Keti Koti"
)
ROLE = _s(
    "de consulent|de klantmanager|de wijkverpleegkundige|de begeleider|de huisarts|de casemanager|de jobcoach|"
    "de bewindvoerder|de vrijwilliger|de mantelzorger|de cliëntondersteuner|de tolk|de maatschappelijk werker|"
    "de medewerker van het loket|de coördinator|de teamleider|de jurist|de beleidsmedewerker"
)
PEOPLE = _s(
    "ouderen|mantelzorgers|jongeren|gezinnen|alleenstaanden|statushouders|werkzoekenden|huurders|vrijwilligers|"
    "inwoners|ouders|kinderen|studenten|zzp'ers|gepensioneerden|mensen met een beperking|nieuwkomers"
)
ACTIVITY = _s(
    "wandelen|fietsen|koken|zwemmen|lezen|tuinieren|schilderen|breien|zingen|voetballen|klaverjassen|"
    "puzzelen|dansen|fotograferen|vissen|yoga|computerles|taalles|naailes"
)
WEATHER = _s(
    "Het regent de hele dag|Er staat een harde wind|Het is zonnig maar koud|Vannacht heeft het gevroren|"
    "De temperatuur loopt op tot boven de twintig graden|Het KNMI waarschuwt voor gladheid|"
    "In de middag valt er plaatselijk onweer|Het blijft de rest van de week droog|Er komt mist in de ochtend"
)
FOOD = _s(
    "soep|stamppot|pannenkoeken|rijst met kip|couscous|linzensoep|roti|nasi|erwtensoep|appeltaart|"
    "gehaktballen|groentecurry|bruine bonen|pasta|pizza|salade|havermout|broodjes kaas"
)


def _amount(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"€ {rng.randint(5, 99)},{rng.randint(0, 99):02d}"
    if kind < 0.7:
        return f"€ {rng.randint(1, 9)}.{rng.randint(0, 999):03d},{rng.randint(0, 99):02d}"
    if kind < 0.85:
        return f"{rng.randint(10, 990)} euro"
    return f"€ {rng.randint(100, 990)},-"


def _time(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(8, 20)}.{rng.choice(('00', '15', '30', '45'))} uur",
            f"{rng.randint(8, 20)}:{rng.choice(('00', '30'))}",
        )
    )


TEMPLATES = _s(
    "{Noun} moet binnen {n} weken worden ingediend.|"
    "Voor {noun} betaalt u {amount} per maand.|"
    "Het eigen risico is dit jaar {amount}.|"
    "Ongeveer {pct} procent van de {people} maakt gebruik van {noun}.|"
    "{Agency} beslist binnen {n} weken over {noun}.|"
    "Volgens {law} heeft u recht op {noun}.|"
    "Op grond van artikel {art} van {law} kunt u bezwaar maken.|"
    "Het spreekuur is elke {weekday} van {time} tot {time}.|"
    "In {month} begint een {adj} cursus {activity} voor {people}.|"
    "De {adj} regels gelden vanaf {year}.|"
    "Sinds {year} is {noun} anders geregeld.|"
    "Veel {people} weten niet dat {noun} bestaat.|"
    "{Weather}.|"
    "Vanavond eten we {food}.|"
    "Rond {holiday} is het loket gesloten.|"
    "De informatie is ook beschikbaar in het {language}.|"
    "Er zijn tolken voor het {language} en het {language2}.|"
    "Steeds meer {people} uit {country} vinden de weg naar {agency}.|"
    "{Role} legt uit hoe {noun} werkt.|"
    "Neem uw legitimatiebewijs mee naar de afspraak.|"
    "U kunt de {adj} brief bewaren bij uw administratie.|"
    "De kosten stijgen met {pct} procent ten opzichte van vorig jaar.|"
    "Een kopje koffie kost {amount} in de kantine.|"
    "Het maximale bedrag is {amount} per jaar.|"
    "De wachttijd voor {noun} is gemiddeld {n} weken.|"
    "Er doen {n} {people} mee aan het project.|"
    "In hoofdstuk {n} staat meer over {noun}.|"
    "Zie ook paragraaf {art} van de handleiding.|"
    "De {nationality} vereniging organiseert een bijeenkomst over {noun}.|"
    "Tijdens {holiday} zijn er extra activiteiten voor {people}.|"
    "Het nieuwe seizoen {activity} start in {month}.|"
    "{Agency} heeft de regels over {noun} aangepast.|"
    "Bij twijfel kunt u altijd contact opnemen met {agency}.|"
    "Wie {activity} leuk vindt, kan op {weekday} meedoen.|"
    "Het is belangrijk om genoeg water te drinken als het warm is.|"
    "Wie langer dan {n} maanden ziek is, krijgt een gesprek met {role}.|"
    "De afspraak duurt ongeveer {n} minuten.|"
    "Het inkomen mag niet hoger zijn dan {amount} per maand.|"
    "Het vermogen mag niet boven {amount} uitkomen.|"
    "De vergoeding wordt elk kwartaal uitbetaald.|"
    "{People} kunnen gratis deelnemen.|"
    "Het aantal aanvragen steeg met {pct} procent.|"
    "De bus vertrekt om {time} en is rond {time} terug.|"
    "Kinderen tot {n} jaar betalen niets.|"
    "Vanaf {age} jaar heeft u recht op AOW.|"
    "Jongeren vanaf {n} jaar mogen zelf een aanvraag doen.|"
    "Ouderen boven de {age} jaar krijgen voorrang.|"
    "Een termijn van {n} jaar is gebruikelijk.|"
    "Al {n} jaar lang organiseren vrijwilligers de inloop.|"
    "Het project loopt nog {n} jaar.|"
    "Een gemiddeld huishouden geeft {amount} per maand uit aan boodschappen.|"
    "De rente op de lening is {pct},{n} procent.|"
    "Op {weekday}middag is er inloop voor {people}.|"
    "Wie in {country} woont, valt onder andere regels.|"
    "De folder is vertaald in het {language}.|"
    "Meer dan {n} duizend {people} kregen vorig jaar {noun}.|"
    "Het college besprak {noun} in de raadsvergadering van {month}.|"
    "De Tweede Kamer stemde in met de wijziging van {law}.|"
    "De minister wil {noun} eenvoudiger maken.|"
    "Na het gesprek ontvangt u binnen {n} werkdagen een verslag.|"
    "Heeft u vragen over {noun}? Kom dan langs op het spreekuur.|"
    "Let op: {noun} moet elk jaar opnieuw worden aangevraagd.|"
    "Tip: zet de verwarming een graad lager en bespaar {amount} per jaar.|"
    "Stap {n}: vul het formulier volledig in.|"
    "Bewaar bonnetjes en facturen minstens {n} jaar.|"
    "Het recept voor {food} staat in de nieuwsbrief.|"
    "Dit jaar waren er {n} activiteiten rond {holiday}.|"
    "De Europese Unie stelt eisen aan {noun}.|"
    "In Nederland werken ruim {n} duizend mensen in de zorg.|"
    "Met DigiD kunt u veilig inloggen bij {agency}.|"
    "Via WhatsApp kunt u ook een vraag stellen.|"
    "De app werkt op Android en op de iPhone.|"
    "De versie van {year} vervangt de oude handleiding.|"
    "Het pakket weegt ongeveer {n} kilo.|"
    "De afstand is zo'n {n} kilometer.|"
    "Het gebouw is van {year} en wordt in {year2} gerenoveerd.|"
    "Wie {activity} doet, blijft langer fit.|"
    "Goede buren helpen elkaar met {activity} en boodschappen.|"
    "Mantelzorgers kunnen {noun} aanvragen bij {agency}.|"
    "Door de drukte kan het antwoord {n} dagen langer duren.|"
    "Een deel van de kosten wordt vergoed door {agency}.|"
    "De uitslag volgt in {month}.|"
    "Na {n} maanden volgt een evaluatie.|"
    "Bel bij spoed altijd 112.|"
    "De thermostaat staat op {n} graden.|"
    "Het water kookt bij honderd graden.|"
    "Sommige {people} spreken alleen {language}.|"
    "Ramadan eindigt met het Suikerfeest.|"
    "Het Oranjefonds steunt projecten voor {people}.|"
    "Op Koningsdag is de vrijmarkt in het centrum.|"
    "De gemeenteraad vergadert op {weekday}avond.|"
    "Gisteren was het erg druk bij het loket.|"
    "Morgen is de bibliotheek gesloten.|"
    "Iedereen is welkom, ook zonder aanmelding.|"
    "Ook dit jaar doen veel {people} mee aan de actie.|"
    "De uitnodiging volgt per post.|"
    "Neem gerust iemand mee naar het gesprek.|"
    "Soms is een huisbezoek nodig.|"
    "Het verslag wordt na afloop toegestuurd.|"
    "Twee van de {n} deelnemers hadden vragen over {noun}.|"
    "Bijna de helft van de {people} heeft moeite met digitale formulieren.|"
    "Volgens het Nibud is een buffer van {amount} verstandig."
)


def sentence(rng: random.Random) -> str:
    template = rng.choice(TEMPLATES)
    values = {
        "noun": rng.choice(NOUN), "adj": rng.choice(ADJ), "agency": rng.choice(AGENCY), "law": rng.choice(LAW),
        "country": rng.choice(COUNTRY), "nationality": rng.choice(NATIONALITY), "language": rng.choice(LANGUAGE),
        "language2": rng.choice(LANGUAGE), "month": rng.choice(MONTH), "weekday": rng.choice(WEEKDAY),
        "holiday": rng.choice(HOLIDAY), "role": rng.choice(ROLE), "people": rng.choice(PEOPLE),
        "activity": rng.choice(ACTIVITY), "weather": rng.choice(WEATHER), "food": rng.choice(FOOD),
        "amount": _amount(rng), "time": _time(rng), "year": str(rng.randint(1990, 2030)),
        "year2": str(rng.randint(2024, 2032)), "n": str(rng.randint(2, 40)), "pct": str(rng.randint(2, 95)),
        "art": f"{rng.randint(1, 12)}.{rng.randint(1, 9)}", "age": str(rng.choice((65, 67, 70, 75, 80))),
    }  # fmt: skip
    values.update({k.capitalize(): v[0].upper() + v[1:] for k, v in list(values.items())})
    return template.format(**values)


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def corpus(rng: random.Random, words: int) -> list[str]:
    """Paragraphs of ordinary text adding up to about `words` words."""
    out: list[str] = []
    total = 0
    while total < words:
        text = paragraph(rng, rng.randint(3, 8))
        out.append(text)
        total += len(text.split())
    return out
