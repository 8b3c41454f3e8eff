"""Values for the de-identification benchmark that the detector's lexicons do NOT hold (held out).

The generator draws about a quarter of its names, and some of its places and institutions, from here, so
the benchmark measures what happens to people the lexicons never saw. Whether a drawn value is "seen" is
decided at run time against the detector's own lists (`waarborg.engine.deidentify.lexicons`), never assumed: an
entry here that a later lexicon edit adds counts as seen from then on.
Written for this benchmark; nothing is a real person.
"""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


UNSEEN_FIRST: dict[str, tuple[str, ...]] = {
    "dutch": _split(
        "Aafke Alie Berber Brecht Coen Dieuwke Femmy Gerbrand Gonnie Harmina Hielke Jacomijn Jelte Jikke Kasper "
        "Liesbeth Lodewijk Maartje Machteld Olof Otto Pim Reinier Rosanne Siebe Sjors Tjerk Wendelien Wietse "
        "Ymke Zeger Floortje Geesje Ids Jildou Lammie Marrit Nelleke Pleun Quirine Roelien Sientje Tonny Ubbo "
        "Wijnie Anneke Bartje Cato Dorus Evertje Frouke Gijsbert Hanna Immetje Jorrit Klaasje Lubbert Menno"
    ),
    "moroccan": _split(
        "Abdelghani Achraf Btissam Chafik Ferdaous Habiba Lahcen Mohcine Najoua Ouafae Rachida Saloua Touria "
        "Yamina Zakia Hayat Kaoutar Mounia Nezha Rkia Abdeslam Aziza Boujemaa Lamiae Fadwa Jawad Latifa Mhamed"
    ),
    "turkish": _split(
        "Alper Aysel Bülent Canan Dilek Erol Feride Gönül Hilal Irmak Kenan Lale Nazlı Oğuz Pınar Sedat Tuğba "
        "Umut Yeter Zafer Şükrü Selda Taner Nuray Gülten Tarkan"
    ),
    "surinamese": _split(
        "Anoeska Bishnoe Chitra Dharam Gajadhar Hemraj Indira Jiwan Kamla Latchmi Mahindra Nandini Poonam Radhika "
        "Sarita Soenita Tjandra Urmila Wiedjai Marvin Sheila Cyriel Rinaldo Glenda Humphrey Lesley Ferdinand"
    ),
    "polish": _split(
        "Aleksander Bożena Cezary Dominika Eryk Felicja Henryk Izabela Jadwiga Konrad Leszek Marzena Norbert "
        "Patrycja Roksana Sławomir Urszula Waldemar Zuzanna Bartłomiej Grażyna Wanda"
    ),
    "eritrean": _split(
        "Adhanom Akberet Eyerusalem Feven Fithawi Ghenet Hadnet Kibra Lemlem Medhin Mebrat Nardos Rigbe Senay "
        "Simret Tesfalem Tsehaye Weini Yodit Zewdi Habtom Kesete Yosief Mihret Temesghen Goitom"
    ),
    "ghanaian": _split(
        "Akwasi Ato Baaba Dede Ekua Fiifi Kakra Maame Naa Obaapa Panyin Sena Selorm Edem Elikem Mawuli Dzifa "
        "Kekeli Yawa Afi Esinam Delali"
    ),
    "syrian": _split(
        "Aboud Batoul Diala Eyad Firas Ghina Hala Iyad Joud Kinan Lujain Maysa Nizar Obada Raghad Tala Wissam Yamen"
    ),
    "somali": _split(
        "Abdiwali Bilan Caasha Deeqa Faduma Guuleed Idiris Jamaal Khadar Liibaan Muna Nasteexo Qamar Ridwaan Sahra Timiro Ubah Xamdi"
    ),
    "other": _split(
        "Ajmal Bibi Fawad Gulnaz Hakimullah Mursal Nazanin Rahmatullah Shukria Zarghona Guo Huan Jun Kai Lian Qiang Rui Tao Xue"
    ),
}

UNSEEN_SURNAME: dict[str, tuple[str, ...]] = {
    "dutch": _split(
        "Aardema Bijlsma Doornbosch Everts Fokkema Gorter Harkema Hummel IJzerman Jelsma Keuning Lautenbach "
        "Mesman Nijwening Olthof Pettinga Rinsma Siersema Tromp Uildriks Veltman Woltjer Zwerver Bennink Kroeze "
        "Lansink Morsink Reuvekamp Scholtens Temmink Vaanholt Wigger Brummelkamp Dolfing Ekkel Hijlkema Kremer "
        "Meinema Oldenhof Ruiterkamp Smeenk Hove Heide Haas Wijngaarden Kooten Akker Hoeven Riele Velzen Goor"
    ),
    "moroccan": _split(
        "Amezian Bakkach Chaouch Darouich Hamdaoui Fikri Ghoulam Hajjaji Jabri Kharbouch Lamrini Mahdaoui Naji "
        "Ouahbi Rifi Slimani Wahbi Yacoubi Zerouali Ouaddou Boukharouaa Azaaj Bentaleb"
    ),
    "turkish": _split(
        "Acar Balcı Duman Ekinci Gök Kahraman Karataş Kurtuluş Özer Sevim Taş Uysal Yaman Yazıcı Yiğit Aydemir "
        "Bayram Çınar Erdem Gündoğdu Kaçar Oral Soylu"
    ),
    "surinamese": _split(
        "Bhoelai Chedi Dihal Goerdin Hoebba Jairam Kalloe Lalbahadoersing Moensi Nandoe Poeran Rambocus Sewtahal "
        "Tewari Wirjosentono Amatmoekrim Deekman Ferrier Gummels Leeflang Mijnals Panka Sporkslede Wijdenbosch Zaalman"
    ),
    "polish": _split(
        "Chmielewski Czarnecki Dudziak Fijałkowski Gajewski Kalinowski Kołodziej Laskowski Mróz Nowacki "
        "Przybylski Sobczak Szczepański Urbański Wasilewski Zawadzki Żak"
    ),
    "eritrean": _split(
        "Araya Embaye Fessehaye Gebrehiwet Habtemariam Kifle Mesfun Negassi Okbamichael Sium Tecle Tewolde "
        "Woldegiorgis Andebrhan Ghebrehiwet Hailemichael Tesfamichael"
    ),
    "ghanaian": _split(
        "Abankwa Bediako Donkor Essien Fosu Gyasi Kwarteng Nyarko Ofosu Opoku Quansah Sarfo Twumasi Wiredu Agyei Ankomah Dankwa Kuffour"
    ),
    "syrian": _split("Barakat Dahhan Fares Ghanem Hijazi Khoury Nahas Qassab Rifai Sabbagh Tawil Zoubi Hamwi Kurdi"),
    "somali": _split("Adan Bile Dualeh Gedi Jibril Kahin Mire Nuur Roble Samatar"),
    "other": _split("Akbari Baheer Durrani Luo Song Tang Xu Quispe Mamani"),
}

# Particles that go with a surname core, per origin (empty string: none).
PARTICLES: dict[str, tuple[str, ...]] = {
    "dutch": ("", "", "", "van", "de", "van der", "van den", "ter", "ten", "van 't", "in 't"),
    "moroccan": ("", "", "", "El", "el", "Ben", "Ait", "Bou"),
    "other": ("",),
}

ORIGINS = (
    ("dutch", 48), ("moroccan", 10), ("turkish", 8), ("surinamese", 7), ("polish", 5), ("eritrean", 5),
    ("ghanaian", 4), ("syrian", 5), ("somali", 3), ("other", 5),
)  # fmt: skip

UNSEEN_PLACES = _split(
    "Anderen Balloo Deurze Ekehaar Eleveld Gasteren Grolloo Amen Ees Schipborg Taarlo Yde Zeegse Lhee Wapse "
    "Nijlande Spier Hijken Ansen Oudemolen Midlaren Westdorp Drouwen Bronneger Buinen Ellertshaar Bovensmilde "
    "Hoogersmilde Orvelte Zwiggelte Wijster Mantinge Elp Schoonloo Ouwsterhaule Rottevalle Hurdegaryp Oldeberkoop "
    "Wanneperveen Kraggenburg Nagele Espel Luttelgeest Tollebeek Creil Ooltgensplaat Piershil Goudswaard "
    "Heinenoord Westmaas Klaaswaal Cillaarshoek"
)
UNSEEN_PLACES = (
    *UNSEEN_PLACES,
    "Sint Jansklooster",
    "Nieuw-Beijerland",
    "Zuid-Beijerland",
    "Tweede Exloërmond",
    "Stad aan 't Haringvliet",
)

# Street roots: combined with a suffix they give "Lindelaan", "Kievitstraat", "Burgemeester Hulstlaan".
STREET_ROOTS = _split(
    "Linde Eiken Beuken Berken Wilgen Populieren Kastanje Esdoorn Meidoorn Vlier Hazelaar Iepen Kievit Merel "
    "Lijster Mussen Zwaluw Reiger Ooievaar Spechten Roodborst Vink Putter Zilvermeeuw Roos Tulp Narcis Iris "
    "Krokus Anjer Lavendel Goudsbloem Zonnebloem Klaproos Smeden Bakkers Molenaars Schippers Vissers Kerk "
    "School Molen Dorps Station Markt Haven Sluis Kanaal Veen Turf Heide Zand Klei Oranje Nassau Willem "
    "Juliana Beatrix Wilhelmina Emma Bernhard Rembrandt Vermeer Frans Hals Vondel Bilderdijk Multatuli Thorbecke "
    "Schaepman Troelstra Kennedy Churchill Roosevelt Mandela Gandhi Luther Erasmus Spinoza Huygens Lorentz "
    "Zeeman Kamerlingh Onnes Einthoven Nobel Curie Pasteur Galilei Kepler Newton Columbus Tasman Barentsz "
    "Heemskerk Ruyter Tromp Evertsen Piet Hein Karel Doorman Noorder Zuider Ooster Wester Hoog Laag Lange Korte "
    "Brede Smalle Nieuwe Oude Groene Witte Zwarte Rode Gouden Zilveren"
)
STREET_SUFFIXES = (
    "straat", "straat", "straat", "laan", "laan", "weg", "weg", "plein", "singel", "gracht", "kade", "dijk", "pad",
    "hof", "dreef", "steeg", "park", "erf", "veld", "akker", "hout", "brink", "es", "ring",
)  # fmt: skip
STREET_TITLES = (
    "Burgemeester",
    "Burg.",
    "Professor",
    "Prof.",
    "Dokter",
    "Dr.",
    "Koningin",
    "Prins",
    "Graaf",
    "Pastoor",
)
# Streets without a street ending: found only from their context (a house number in an address).
STREETS_PLAIN = (
    "Brink", "Oude Vaart", "Het Want", "De Kolk", "Oosteinde", "Westeinde", "Noordeinde", "Zuideinde", "De Kring",
    "Het Rond", "De Wieken", "Het Laar", "De Hors", "Oude Delft", "Lange Voorhout", "Vismarkt", "Grote Markt",
    "Achter de Muur", "Tussen de Bruggen", "Over de Vesten", "In de Hoven", "Kijk in de Pot", "De Weverij",
    "Het Spijk", "De Maten", "Het Vlak", "De Stoop", "Buitenwacht", "Zuiderdiep", "Kamp",
)  # fmt: skip

# Institution names: a type word with a name, or a name with a trade.
SCHOOL_NAMES = _split(
    "Regenboog Vlinder Kompas Wegwijzer Klimop Zonnewijzer Springplank Palet Fontein Ark Borg Horizon Sterrenwacht "
    "Vuurtoren Tandem Wingerd Schakel Kameleon Octopus Piramide Windroos Bongerd Notenkraker Toermalijn Dukdalf "
    "Esch Meander Trapeze Kleine Prins Mozaïek"
)
CARE_NAMES = _split(
    "Noorderlicht Zonnehoek Lindenhof Meerzicht Hofstede Bloemenhof Horstpark Wiekslag Schildershoek Vijverhof "
    "Heemhof Anholt Brinkhoven Oosterlengte Wilgenstaete Zuiderhuis Esdal Valkenhorst Vosseburg Dennenoord"
)
TRADE_WORDS = _split(
    "Transport Bouw Installatietechniek Schilders Schoonmaak Logistiek Techniek Catering Verhuizingen Metaal "
    "Kozijnen Dakwerken Hoveniers Elektrotechniek Autoservice"
)
TRADE_FIRST = _split(
    "Bakkerij Slagerij Schildersbedrijf Autobedrijf Hoveniersbedrijf Installatiebedrijf Loonbedrijf Kapsalon "
    "Transportbedrijf Bouwbedrijf Tuincentrum Restaurant Garage"
)
BRANDLIKE = _split(
    "Vitaalzorg Zorgkracht Woonkracht Thuisgenoten Welzijnslijn Hulpkompas Talentwerk Werkpunt Buurtkracht "
    "Zorgzaam Jeugdkracht Kansrijk Leefkracht Sterkwerk"
)
