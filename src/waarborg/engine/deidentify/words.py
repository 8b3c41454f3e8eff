"""Small closed word classes the name finder reasons with: titles, relations, sentence starters, the words
that make a name an institution or a street. They are grammar, not lexicon, so they live in code."""

from __future__ import annotations

import re


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Before a name: "mevrouw Bouzid", "dhr. J. de Vries", "dr. Mensah".
TITLES = _set(
    "mevrouw mevr mw mvr mej mejuffrouw meneer mnr dhr heer hr mr dr drs ir ing prof ds zr zuster broeder juf "
    "juffrouw meester dokter familie fam wijlen pastoor imam pater jhr"
)

# The titles written abbreviated: a full stop after one of these does not end the sentence ("dr. Boven"), after
# a whole word it does ("dokter Ten Meester. Cliënt: ...").
TITLE_ABBREVIATIONS = _set("mevr mw mvr mej mnr dhr hr mr dr drs ir ing prof ds zr fam jhr")

# Before a name as its relation to the client: "haar zoon Kofi", "buurvrouw Jansen".
RELATIONS = _set(
    "zoon dochter moeder vader broer broertje zus zusje oom tante neef nicht opa oma partner vriend vriendin "
    "buurvrouw buurman huisarts casemanager begeleider begeleidster mentor cliënt client kleinzoon kleindochter "
    "schoonzoon schoondochter schoonmoeder schoonvader ex-partner ex-man ex-vrouw echtgenoot echtgenote "
    "contactpersoon collega werkgever leidinggevende verzorgende wijkverpleegkundige verpleegkundige consulent "
    "klantmanager jobcoach bewindvoerder mantelzorger stiefvader stiefmoeder pleegmoeder pleegvader pleegkind "
    "kleinkind zoontje dochtertje docent leerkracht therapeut psycholoog psychiater fysiotherapeut tandarts "
    "specialist wijkagent agent werker coach vrijwilliger tolk advocaat notaris curator voogd gezinsvoogd "
    "jeugdbeschermer trajectbegeleider schuldhulpverlener adviseur medewerker medewerkster coördinator teamleider "
    "manager directeur eigenaar huisbaas verhuurder conciërge cliente kind man vrouw verloofde aanvrager "
    "aanvraagster melder klager ouder mama papa mam pap zwager schoonzus stiefzoon stiefdochter"
)

# The gender a title or a relation word gives the person after it ("mevrouw El Amrani", "haar broer Henk"): two
# mentions of one surname with different genders are two people (`replace.Replacer`, `family`).
FEMALE_WORDS = _set(
    "mevrouw mevr mw mvr mej mejuffrouw juffrouw zuster juf dochter moeder zus zusje tante nicht oma vriendin "
    "buurvrouw kleindochter schoondochter schoonmoeder ex-vrouw echtgenote stiefmoeder pleegmoeder dochtertje "
    "cliente vrouw aanvraagster medewerkster begeleidster mama mam schoonzus stiefdochter"
)
MALE_WORDS = _set(
    "meneer mnr dhr heer hr broeder zoon vader broer broertje oom neef opa vriend buurman kleinzoon schoonzoon "
    "schoonvader ex-man echtgenoot stiefvader pleegvader zoontje man papa pap zwager stiefzoon pater imam pastoor"
)


_APPOSITION = re.compile(r",?[ \u00a0]+(?:haar|zijn|hun|d'r|de)[ \u00a0]+([^\W\d_][\w-]*)")


def relation_around(text: str, start: int, end: int) -> str | None:
    """The relation word of a mention: right before it (`haar zoon El Amrani`) or in apposition after it
    (`meneer El Amrani, haar man`); None when there is none."""
    word = Before(text, start).last.strip(".,:;(")
    if word in RELATIONS:
        return word
    m = _APPOSITION.match(text, end)
    return word if m is not None and (word := m.group(1).casefold()) in RELATIONS else None


def gender_before(text: str, start: int) -> str | None:
    """"f" or "m" when a title or relation word of one gender stands right before `start`, else None."""
    word = Before(text, start).last.strip(".,:;(")
    return "f" if word in FEMALE_WORDS else "m" if word in MALE_WORDS else None


# Words that start a sentence far more often than they name someone ("Ben je...", "Dan komt...", "Wil jij...").
FUNCTION = _set(
    "de het een ik je jij u hij zij ze we wij jullie men dit dat deze die er daar hier toen nu dan ook nog al "
    "maar en of want dus omdat als wanneer waar wat wie welke hoe waarom zo zoals na voor tijdens bij met zonder "
    "door over onder op in uit aan tot naar om te van volgens vanwege ondanks sinds vanaf tegen tussen achter "
    "naast binnen buiten boven via per mits tenzij hoewel terwijl nadat voordat zodra totdat doordat zodat indien "
    "ben bent is zijn was waren wordt worden werd werden heb hebt heeft hebben had hadden kan kun kunt kunnen kon "
    "konden mag mogen moet moeten moest wil wilt willen wilde zal zult zullen zou zouden ga gaat gaan ging kom "
    "komt komen kwam laat laten zie ziet zien zag doe doet doen deed geen niet nooit altijd vaak soms misschien "
    "waarschijnlijk eigenlijk gelukkig helaas verder daarna daarom daarnaast bovendien echter inmiddels eerst "
    "kortom vandaag gisteren morgen vanmorgen vanochtend vanmiddag vanavond straks later eerder graag alvast "
    "bedankt dank ja nee oké ok goed prima mijn jouw uw haar ons onze hun alle elke iedere ieder iedereen niemand "
    "iemand iets niets alles veel weinig meer minder beide sommige andere enkele hele heel erg zeer best echt wel "
    "vooral alleen samen even toch juist zelfs bijna ongeveer zowel noch hoewel daardoor hierdoor waardoor "
    "hierbij daarbij verder tevens hoi hallo beste geachte dag groet groeten vriendelijke lieve let zij mee "
    "eens nogmaals tenslotte uiteindelijk opnieuw intussen ondertussen vervolgens daarop sindsdien wegens "
    "betreft vanuit richting rond rondom langs hierna daarvoor hiervoor daarmee hiermee waarbij waarmee "
    "hopelijk zeker zeg stel stuur bel mail vraag neem geef kijk lees schrijf maak vul wacht hou houd namens "
    "will may june april"
)

# Capitalised inside a run of names, these start a new sentence ("... Tao Tang Ik ben ontevreden"); unlike
# "De", "Het" or "In" they are never part of a name.
STARTERS = _set(
    "ik wij we hij zij ze jij jullie er dit dat deze die wat wie hoe waarom graag kunt kan wilt zou zal mag "
    "moet is was heeft hebben hoi hallo beste tijdens volgens vandaag gisteren morgen verder daarna"
)

# A word that makes the name around it an institution: before ("Basisschool De Regenboog") ...
INSTITUTION_FIRST = _set(
    "basisschool school obs cbs rkbs pcbs ikc kindcentrum kindcentra kinderopvang kinderdagverblijf kdv bso "
    "peuterspeelzaal peutergroep college lyceum gymnasium atheneum scholengemeenschap roc mbo hogeschool "
    "universiteit academie huisartsenpraktijk huisartsenpost huisartsengroep gezondheidscentrum praktijk "
    "tandartspraktijk fysiotherapie fysiotherapiepraktijk apotheek ziekenhuis kliniek polikliniek zorggroep "
    "zorgcentrum woonzorgcentrum verpleeghuis verzorgingshuis zorginstelling thuiszorg thuiszorgorganisatie ggz "
    "stichting vereniging sportvereniging voetbalvereniging wijkteam buurtteam jeugdteam gebiedsteam woningcorporatie "
    "woonstichting wooncorporatie welzijnsorganisatie welzijn voedselbank kerk moskee parochie gemeente "
    "bakkerij slagerij supermarkt restaurant café hotel garage autobedrijf transportbedrijf bouwbedrijf "
    "schildersbedrijf installatiebedrijf schoonmaakbedrijf uitzendbureau loonbedrijf hoveniersbedrijf "
    "kapsalon tuincentrum bibliotheek buurthuis wijkcentrum dorpshuis inloophuis revalidatiecentrum "
    "dagbesteding activiteitencentrum zorgboerderij opvang vrouwenopvang daklozenopvang jeugdzorg "
    "jeugdhulp centrum expertisecentrum behandelcentrum advocatenkantoor notariskantoor administratiekantoor "
    "makelaardij accountantskantoor bewindvoering budgetbeheer werkplein taalhuis"
)
# ... or after it ("Jansen Transport", "Noorderboog Zorg").
INSTITUTION_LAST = _set(
    "zorg thuiszorg zorggroep transport bouw installatietechniek installaties schilders schoonmaak "
    "schoonmaakdiensten groep group holding beheer services diensten logistiek techniek advies consultancy "
    "catering uitzendbureau uitzendgroep kinderopvang makelaardij ziekenhuis kliniek college lyceum academie "
    "bibliotheek apotheek school scholengemeenschap wonen woondiensten welzijn bewindvoering administratie "
    "accountants advocaten notarissen partners bakkerij autoservice verhuizingen metaal kozijnen dakwerken "
    "hoveniers tuinen elektro elektrotechniek fysiotherapie mc umc"
)
# Where an institution works, written after its name ("Welzijn Ouderen Drenthe", "GGZ Noord-Holland-Noord"):
# the provinces and the regions that name branches. Places come from the places lexicon.
REGIONS = _set(
    "Drenthe Groningen Friesland Fryslân Overijssel Gelderland Utrecht Flevoland Noord-Holland Zuid-Holland "
    "Zeeland Noord-Brabant Brabant Limburg Twente Achterhoek Salland Veluwe Westland Rijnmond Haaglanden "
    "Noord-Nederland Oost-Nederland Zuid-Nederland West-Nederland Midden-Nederland Nederland Noord Oost Zuid West "
    "Midden Noordoost Noordwest Zuidoost Zuidwest"
)
# A one-word institution by its ending ("Julianaschool", "Noorderpoortcollege").
INSTITUTION_ENDINGS = ("school", "college", "lyceum", "praktijk", "ziekenhuis", "kliniek", "apotheek", "zorg")
LEGAL_FORM = re.compile(
    r"[ \u00a0]+(?:B\.V\.|BV|B\.V|N\.V\.|NV|V\.O\.F\.|VOF|C\.V\.|& Zn\.?|& Zonen|en Zonen|Holding)(?![\w])"
)
_LEGAL_FIRST = frozenset("BNVC&eH \u00a0")


def legal_form(text: str, end: int) -> re.Match[str] | None:
    """`LEGAL_FORM` right after `end`; after most chains stands a space and a letter no legal form starts with."""
    if text[end : end + 1] not in (" ", "\u00a0") or text[end + 1 : end + 2] not in _LEGAL_FIRST:
        return None
    return LEGAL_FORM.match(text, end)


# Endings of street names: strong ones make a street on their own, weak ones only with a house number.
STREET_STRONG = (
    "straat", "laan", "weg", "plein", "singel", "gracht", "kade", "steeg", "dreef", "boulevard", "plantsoen",
    "allee", "straatje", "laantje", "dwarsstraat", "hof",
)  # fmt: skip
STREET_WEAK = (
    "dijk", "pad", "park", "erf", "veld", "baan", "wal", "haven", "ring", "markt", "kamp", "dam", "es", "brink",
    "diep", "vaart", "oord", "zoom", "tuin", "horst", "hoek", "rade", "donk", "akker", "weide", "heuvel", "berg",
    "bos", "lei", "loop", "burg", "hout", "stede", "meer", "wijk", "poort", "kwartier", "gaarde", "hoven",
)  # fmt: skip

# Greetings before a name ("Beste Mei,", "Hoi Kofi").
GREETINGS = _set("beste lieve hoi hallo hey dag goedemorgen goedemiddag goedenavond geachte groetjes groeten")
# Before a place ("woont in Beilen", "te Assen", "uit Emmen").
PLACE_BEFORE = _set("in te uit naar nabij vanuit richting omgeving regio gemeente woonplaats woonplaats: plaats:")
# Before an address ("woont aan de", "adres:", "verhuisd naar de"), within five words.
ADDRESS_CUES = _set(
    "woont wonen woonde woonachtig wonend wonende verhuisd verhuist verhuizen verhuizing adres adressen "
    "adresgegevens postadres bezoekadres huisadres woonadres p/a gevestigd ingeschreven verblijft verblijfadres "
    "afleveradres correspondentieadres"
)
_POSTCODE_END = re.compile(r"[1-9]\d{3}(?:[ \u00a0]{0,2}[A-Z]{2}|[a-z]{2})[ \u00a0,]{1,3}$")  # not "1981 in "
# Capitalised words with these endings name laws and funds, not people ("Zorgverzekeringswet").
# So do adjectives of origin and language ("Argentijns", "Kabylisch", "Centraal-Koerdisch").
ORDINARY_ENDINGS = (
    "wet",
    "wetten",
    "wetboek",
    "regeling",
    "verordening",
    "besluit",
    "isch",
    "ische",
    "aans",
    "aanse",
    "ijns",
    "ijnse",
)


class Before:
    """The words just before a position, for the context checks (a few set lookups, no regular expressions)."""

    __slots__ = ("last", "last2", "raw", "spaced", "tail")

    def __init__(self, text: str, i: int) -> None:
        self.tail = tail = text[max(0, i - 40) : i]
        self.spaced = tail[-1:] in (" ", "\u00a0")
        if self.spaced:
            parts = tail.rsplit(None, 2)  # the last two words are all that is asked for
            self.raw = parts[-1] if parts else ""
            self.last2 = parts[-2].lower() if len(parts) > 1 else ""
        else:
            self.raw = self.last2 = ""
        self.last = self.raw.lower()

    def title(self) -> bool:
        if self.raw.isupper() and len(self.raw) <= 3:
            return False  # "ZR" in "6623 ZR" is a postcode, not "zr." (zuster)
        word = self.last.rstrip(".")
        return word in TITLES or (word == "heer" and self.last2 == "de") or self.last in GREETINGS

    def relation(self) -> bool:
        return self.last.rstrip(",") in RELATIONS or self.last.rstrip(",") in GREETINGS

    def place(self) -> bool:
        return self.last in PLACE_BEFORE

    def institution(self) -> bool:
        return self.last in INSTITUTION_FIRST

    def postcode(self) -> bool:
        tail = self.tail[-12:]
        # Before the postcode's two letters stands a digit or a space; that one character rules out most words.
        c = tail.rstrip(" \u00a0,")[-3:-2]
        if not (c.isdigit() or c == " " or c == "\u00a0"):
            return False
        return bool(_POSTCODE_END.search(tail))

    def address(self) -> bool:
        cut = max(self.tail.rfind("."), self.tail.rfind("\n"), self.tail.rfind("?"), self.tail.rfind("!"))
        words = self.tail[cut + 1 :].split()[-6:]
        return any(w.lower().strip(":,") in ADDRESS_CUES for w in words)
