"""Place names in free text, with the role the words around them give.

:func:`find_places` finds a capitalised name after a cue ("from Slonim", "left the
Slonim station", "headed for the Matveyev-Kurhan station", "arrived at Osipovichi-1",
"to the Rostov region") and says whether it is an origin, a destination, a goal the
train may "reach", or just a place it was seen "at". :func:`resolve_place` sends a
name through the network's gazetteer (:meth:`RailNetwork.resolve
<railtrack.network.RailNetwork.resolve>`).

Examples
--------
>>> [(p.role, p.text) for p in find_places(
...     "A military echelon left the Slonim station for the Matveev Kurgan station "
...     "in the Rostov region.")]
[('origin', 'Slonim'), ('destination', 'Matveev Kurgan'), ('at', 'Rostov region')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from railtrack.extract.casefold import fold_compile
from railtrack.extract.lexicon import lexicon
from railtrack.extract.numbers import candidate_starts
from railtrack.models import Place

if TYPE_CHECKING:
    from railtrack.network import RailNetwork

__all__ = ["PlaceSpan", "find_places", "is_broad", "resolve_place"]

_ORIGIN = (
    # "left a station in the Voronezh region": the region is the origin
    # ("was sent from the railway station in Omsk, Russia": the town; issue 13, session 17)
    r"(?:left|leaving|departed(?:\s+from)?|from)\s+(?:(?:an?|the)\s+(?:railway\s+|train\s+)?station|"
    r"(?:railway\s+)?stations)\s+in|"
    # "The starting point was Yiwu", "the station of departure is Slonim", "The starting
    # point of the train was Yiwu"
    r"(?:starting\s+point|point\s+of\s+departure|station\s+of\s+departure)"
    r"(?:\s+of\s+(?:the|this|its)\s+(?:[\w-]+\s+){0,2}?(?:train|journey|trip|route|run))?"
    r"(?:\s+(?:was|is|will\s+be))?|"
    # "The train began its journey in Yelnya", "started its trip from Chongqing"
    r"(?:began|begun|begins|started|starts|starting)\s+(?:its|the|their|a)\s+"
    r"(?:[\w-]+\s+)?(?:journey|trip|route|run|voyage)\s+(?:in|at|from)|"
    # "The route of the train starts at Izov station", "the journey began in Yiwu"
    r"(?:route|journey|trip)\s+(?:of\s+(?:the|this|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:trains?|echelons?)\s+)?(?:starts|started|begins|began|start|begin)\s+(?:at|in|from)|"
    # "The train originated in Oxnard"
    r"originat(?:ed|es|ing)\s+(?:in|at|from)|"
    r"from|out\s+of|left|leaving|leaves|leave|departed(?:\s+from)?|departing(?:\s+from)?|"
    r"departs(?:\s+from)?|depart\s+from|dispatched\s+from|sent\s+from|"
    r"set\s+off\s+from|(?:loaded|formed|prepared|assembled|made\s+up)\s+(?:at|in)|"
    # ("loaded more than 20 tanks and about 16 Ural vans on platforms at Zaslonovo")
    r"loaded(?:\s+[\w-]+){0,10}?\s+(?:onto|on|into|on\s+to)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
    r"(?:trains?|echelons?|platforms|flat\s*cars|flats|wagons|cars)\s+(?:at|in)"
    # "loaded onto a train at the military's railhead in Wiltshire"
    r"(?:\s+(?:the|an?)\s+(?:[\w'’]+\s+)?(?:railhead|yard|depot|base|station)\s+(?:in|at|near))?"
)


def _phrases(phrases: tuple[str, ...]) -> str:
    """Return an English lexicon key's phrases as one alternation, longest first."""
    return (
        "|".join(
            r"\s+".join(re.escape(w) for w in phrase.split())
            for phrase in sorted(phrases, key=len, reverse=True)
        )
        or "(?!)"
    )


# "the territory of" before a country (the lexicon's ``territory_of``), after a verb of
# arriving (``territory_arrival``: the country is the end) or of entering
# (``territory_entry``: a place passed)
_TERRITORY_OF = _phrases(lexicon("en").territory_of)
_TERRITORY_END = rf"(?:{_phrases(lexicon('en').territory_arrival)})\s+(?:{_TERRITORY_OF})"
_TERRITORY_ENTERED = rf"(?:{_phrases(lexicon('en').territory_entry)})\s+(?:{_TERRITORY_OF})"
_DESTINATION_HEDGES = _phrases(lexicon("en").destination_hedges)
_DEST = (
    # "running through Mogilev before reaching Kalinkovichi": a place reached later on
    r"before\s+(?:it\s+|they\s+)?(?:reaching|reached|arriving\s+(?:at|in)|arrived\s+(?:at|in)|"
    r"getting\s+to|got\s+to)|"
    # "to the combat zone in the Donetsk region": the region is the destination
    r"(?:to|into|towards?)\s+the\s+(?:(?-i:[a-z][a-z-]*)\s+){0,2}(?:zone|front(?:\s*line)?)\s+in|"
    # ("will be sent to railway stations in Rostov Oblast": the region)
    r"(?:to|for|(?:arriv(?:ed|ing|es|e)\s+at))\s+(?:(?:an?|the)\s+(?:railway\s+|train\s+)?station|"
    r"(?:railway\s+)?stations)\s+in|"
    r"headed\s+(?:for|to|towards?)|heading\s+(?:for|to|towards?)|heads\s+(?:for|to|towards?)|"
    r"bound\s+for|destined\s+for|en\s+route\s+to|on\s+(?:its|the)\s+way\s+to|"
    # "arrived on the territory of Russia from North Korea": the country is the end
    r"in\s+the\s+direction\s+of|"
    rf"{_TERRITORY_END}|arriv(?:ed|ing|es|e)\s+(?:at|in)|"
    r"expected\s+(?:at|in)|due\s+(?:at|in)|"
    # "will terminate at Duisburg", "the run ends in Lodz": the end of the route
    # ("the route starts at Izov station to end at Dostyk station")
    r"terminat(?:e|es|ed|ing)\s+(?:at|in)|(?:ends|ended|ending|end)\s+(?:its\s+(?:journey|trip|"
    r"route|run)\s+)?(?:at|in)|"
    # "the destination station is Valuyki", "final destination station - Valuyki"
    # "the train's final destination in Germany will be Duisburg", "the final point of
    # Tashkent station"
    r"destination(?:\s+(?:railway\s+)?station)?(?:\s+in\s+(?-i:[A-Z])[\w'’-]*)?"
    r"(?:\s+(?:is\s+to\s+be|was\s+to\s+be|is|was|will\s+be|[-–—]))?:?"
    # "His destination is tentatively Slutsk": a hedge (the lexicon's
    # ``destination_hedges``) before the place leaves it the destination
    rf"(?:\s+(?:{_DESTINATION_HEDGES}))?|"
    r"(?:final|end)\s+(?:point|stop)(?:\s+(?:of|is|was|will\s+be|[-–—]))?:?|"
    r"to|for|towards?|into"
)
# the side a train came from ("from the direction of Minsk", "An echelon from the
# direction of Baranavichy" in a dateline post; lexicon key ``approach`` in the other
# languages): its origin when nothing better is told, else a place passed
_APPROACH = r"(?:coming\s+|arriving\s+)?from\s+the\s+(?:direction|side)\s+of"
_REACH = (
    r"reached|reaches|reaching|reach|get\s+to|gets\s+to|stopped\s+(?:at|in)|unloaded\s+(?:at|in)"
)
# the unit of a distance just before a compass point ("one mile west of", "5 km north of")
_AFTER_DISTANCE = (
    "(?:"
    + "|".join(
        rf"(?<={unit}\s)"
        for unit in (
            "mile",
            "miles",
            "km",
            "kms",
            "kilometre",
            "kilometres",
            "kilometer",
            "kilometers",
        )
    )
    + ")"
)
_AT = (
    # a stop on the way ("after stops in Lodz and Duisburg", "with a stop at Brest",
    # "calling at Malaszewicze"): a place passed, not an end
    r"(?:after|with|making)\s+(?:an?\s+|two\s+|three\s+|several\s+|brief\s+|short\s+)?"
    r"(?:stops?|stopovers?|calls?)\s+(?:at|in)|(?:stopping|calling|called)\s+(?:at|in)|"
    # "DB Cargo worked the final section from Duisburg to London", "the last leg from
    # Malaszewicze": a leg of the route starts at a place passed, not the train's start
    r"(?:section|leg|stretch|stage)\s+from|"
    # "residents of the Bryansk region noticed a train": seen where the onlookers are
    r"(?:residents|locals|inhabitants|witnesses|eyewitnesses|onlookers)\s+(?:of|in)|"
    # "seen at a station in Voronezh": the town is where it was seen
    r"(?:at|in|near)\s+an?\s+(?:railway\s+)?station\s+in|"
    # "is expected to arrive in Vientiane by way of Yunnan Province": a place passed
    r"by\s+way\s+of|"
    # "entered the territory of Belarus": the country entered
    rf"{_TERRITORY_ENTERED}|"
    r"at|in|near|nearby|outside|through|via|past|passed|passing|crossed|entered|"
    r"spotted\s+(?:at|in|near|nearby|outside)|"
    # "pulled by a train approximately one mile west of Gorham": a distance and a compass
    # point from a place locate the train by that place (it was seen there)
    rf"{_AFTER_DISTANCE}(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
)
_KIND = (
    r"railway\s+station|train\s+station|station|junction|stop|border\s+crossing|terminal|"
    r"region|oblast|district|area|krai|territory|province|republic"
)
_REGION_KINDS = frozenset(
    {"region", "oblast", "district", "area", "krai", "territory", "province", "republic"}
)
# "St. Petersburg", "Schwarzach-St. Veit", "Ft. Irwin": an abbreviation inside a name
_ABBREVIATION = r"(?-i:St|Ste|Mt|Ft)\.(?=[^\S\n]+(?-i:[A-Z]))"
_WORD = (
    rf"(?:{_ABBREVIATION}|[^\W\d_][\w'’]*)"
    rf"(?:-(?:{_ABBREVIATION}|[^\W\d_][\w'’]*|[IVX]+(?![\w'’])|\d+(?!\d)))*"
)
# a name never runs on past a line break (a headline's last word)
_NAME = rf"{_WORD}(?:[^\S\n]+(?:{_WORD}|[IVX]{{1,3}}(?![\w'’])|\d(?!\d)))*"

_PLACE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<p>{_APPROACH})|(?P<o>{_ORIGIN})|(?P<r>{_REACH})|(?P<d>{_DEST})|(?P<a>{_AT}))"
    # a colon before a list of places ("the train passed: Bereza, Zhabinka, Drogichyn",
    # "He continued through: Orsha, Mogilev and Zhlobin"; issue 13, session 17)
    r"(?:\s*:)?\s+"
    # a facility named by its kind, then its town: "departed from the Kazakh-Chinese
    # terminal in Xi'an", "from the railhead at Fort Bliss": the town is the place
    # (a facility with a name of its own, "the BNSF Eola Yard in Aurora", is that name)
    r"(?:(?:the|an?)\s+(?:(?-i:[a-z][\w-]*|[A-Z][\w]*-[A-Z][\w-]*|[A-Z][a-z]+(?:an|ese|ish|ic))\s+)"
    r"{0,3}?(?-i:terminal|yard|depot|railhead|base|hub|arsenal|facility|plant|works|"
    r"warehouse|silo|elevator|dry\s+port)\s+(?:in|at|near)\s+(?:the\s+)?(?=(?-i:[A-Z])))?"
    # "was sent from the railway station in Omsk, Russia": a station named by its town
    # (a station of its own name, "the Matveyev-Kurhan station in the Rostov region", is
    # that name; issue 13, session 17)
    r"(?:(?:the|an?)\s+(?:railway\s+|train\s+)?station\s+in\s+(?=(?-i:[A-Z])))?"
    # adjectives between the article and a station ("the nearby Valuyki station")
    r"(?:the\s+(?:(?-i:[a-z][\w-]*)\s+){1,2}(?=(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
    r"\s+(?:(?:railway|rail|container|freight)\s+)?"
    r"(?:station|junction|stop|terminal|port|yard|depot|railhead|hub)\b))?"
    # "the Chinese city of Chongqing", "the Belarusian station Slonim", "the small town of"
    # (only before a kind word and a name: "at Taman station", "the Kazan station" are
    # names that end like an adjective of a people)
    # ("the German port of Bremerhaven": a people's adjective only, "the railway port of
    # Horgos" is a border port passed)
    r"(?:the\s+)?(?:(?-i:[A-Z][a-z]+(?:an|ese|ish|ian|ic))\s+(?=port\s+of\s+(?:the\s+)?(?-i:[A-Z]))|"
    r"(?:[A-Z][a-z]+(?:an|ese|ish|ian|ic)|(?-i:[a-z][a-z-]+))\s+"
    r"(?=(?:station|city|town|village|settlement)\s+(?:of\s+)?(?:the\s+)?(?-i:[A-Z])))?"
    # ("the port of Constanta" is Constanta; "Port of San Diego" is a name)
    # ("through the border crossing station of Manchuria": a crossing named as such)
    # ("in the area of the Bolshaya Lopan village", "in the vicinity of Zhlobin": there)
    r"(?:(?:area|vicinity)\s+of\s+the\s+|vicinity\s+of\s+|"
    r"(?:(?:border\s+)?crossing\s+station|border\s+(?:station|crossing|post)|station|"
    r"city|town|village|settlement|region|area|(?-i:port))\s+(?:of\s+)?)?"
    rf"(?P<name>{_NAME})",
    re.IGNORECASE,
)
_KIND_RE = re.compile(_KIND, re.IGNORECASE)
# a name before "line" names a railway line ("the Homel-Kyiv rail line"), not a place
_LINE_AFTER_RE = re.compile(
    r"\s+(?:(?:rail(?:way|road)?|train|main|trunk|freight)\s+)?line\b|"
    # a name before a feature of the land names the feature ("to the Kerch bridge", "the
    # Dnieper river", "the Channel tunnel"), not a place a train starts or ends at
    # (a gloss may stand between: "the Kerch [Crimean] bridge")
    r"(?:\s*[\[(][^\[\]()\n]{1,30}[\])])?"
    r"\s+(?:bridge|river|strait|straits|canal|tunnel|highway|motorway|polygon|"
    # a firing range or training ground, where the load was kept ("the vehicles were
    # previously stationed at Obuz-Lesnovsky firing range"), is no station of the train
    r"(?:(?:firing|training|shooting|artillery|tank|military)\s+)?(?:range|ground|grounds))\b",
    re.IGNORECASE,
)
# a name before the kind of outlet or office it is ("According to the Xinhua news
# agency", "learned from the Akorda press service", "the Kremlin press office"): a
# source of the report, no place of the train
_OUTLET_AFTER_RE = re.compile(
    r"[^\S\n]+(?:(?:news|press|information)[^\S\n]+(?:agency|service|office)|agency|"
    r"(?:news[^\S\n]+)?outlet|newspaper|website|(?:telegram|tv|television)[^\S\n]+channel)\b",
    re.IGNORECASE,
)
# a distance right before "from" ("10 kilometres away from Lugansk", "20 km north of"):
# the name after it locates something, it is no end of a route
_DISTANCE_BEFORE_RE = re.compile(
    r"\d[\d.,]*\s*(?:km|kms|kilomet(?:re|er)s?|miles?|mi)\b"
    r"(?:\s+(?:away|[a-z]*(?:north|south|east|west)[a-z]*)){0,2}\s*$",
    re.IGNORECASE,
)
# a place's own location before a distance and compass point ("Located almost 130
# kilometers north of Lviv", "which lies 20 km east of Orsha"): no train is seen there
_COMPASS_POINTS = ("north", "south", "east", "west")
# ("Polonka station, 20 km west of Baranovichi": a gloss after a comma, the same kind)
_LOCATED_BEFORE_RE = re.compile(
    r"(?:\b(?:located|situated|lies|lying|lie|sits|stands)|\w,)\s+(?:(?:about|almost|around|"
    r"some|approximately|nearly|roughly|just|only)\s+)?[\w.,]+\s*[\w.]*\s*$",
    re.IGNORECASE,
)
# the place a distance from a town is, named after the town ("50 miles west of Kerch in
# the village of Lenine"): the place named after is where it was
_SITE_AFTER_RE = re.compile(
    r",?\s+(?:in|at)\s+(?:the\s+)?(?:village|town|city|settlement|station|hamlet)\s+of\s+"
    r"(?-i:[A-Z])"
)
# The first word of every cue above: the place pattern is tried only at these words.
_CUE_WORDS = (
    "originated originates originating from out left leaving leaves leave departed "
    "departing departs depart dispatched "
    "sent set loaded formed prepared assembled made headed heading heads bound destined "
    "en on in arrived arriving arrives arrive expected due destination to for toward "
    "towards into reached reaches reaching reach get gets stopped unloaded at near "
    "through via past passed passing crossed entered spotted nearby outside starting point "
    "station final end began begun begins started starts before terminate terminates "
    "terminated terminating ends ended ending residents locals inhabitants witnesses "
    "eyewitnesses onlookers after with making stopping calling called north south east west "
    "route journey trip section leg stretch stage coming by"
)
_CUE_FIRST_WORDS = frozenset(_CUE_WORDS.split())
_NUMERAL_RE = re.compile(r"[IVX]{1,3}|\d")
_KIND_AFTER_RE = fold_compile(rf"\s+(?P<kind>{_KIND})\b", re.IGNORECASE)
# "according to Hajun", "due to delays": these words before "to" make it no destination.
_BEFORE_TO = frozenset(
    [
        "according",
        "due",
        "close",
        "next",
        "thanks",
        "belonging",
        # a source cited ("reported by Railway Supply with reference to Rail.insider",
        # "referring to Nasha Niva"): no train's end
        "reference",
        "referring",
        "refers",
        "referred",
        # what a car or a soldier belongs to ("wagons assigned to the Yekaterinburg
        # station", "mobilized and assigned to the Taman Division"): no train's end
        "assigned",
        "allocated",
        "registered",
        "subordinated",
        "said",
        "similar",
        "compared",
        "attached",
        "back",
        "posted",
        "uploaded",
        "published",
        "shared",
        # a place described by its links ("the main gateway to the port of Gdansk",
        # "Connected to the Belgrano network"): no train's end
        "gateway",
        "connected",
        "connection",
        "link",
    ]
)

# verbs of moving before "back to" ("head back to Russia"): the place is an end
_MOVING_BACK = frozenset(
    [
        "head",
        "heads",
        "heading",
        "headed",
        "go",
        "goes",
        "going",
        "went",
        "gone",
        "come",
        "comes",
        "coming",
        "came",
        "return",
        "returns",
        "returning",
        "returned",
        "send",
        "sends",
        "sending",
        "sent",
        "move",
        "moves",
        "moving",
        "moved",
        "travel",
        "travels",
        "travelling",
        "traveling",
        "travelled",
        "traveled",
        "roll",
        "rolls",
        "rolling",
        "rolled",
    ]
)

# "platforms approved for the Eurotunnel", "cars suitable for Poland": what a thing is
# fit or meant for, not where a train goes
_BEFORE_FOR = frozenset(
    [
        "approved",
        "certified",
        "suitable",
        "designed",
        "adapted",
        "fit",
        "eligible",
        "ready",
        "known",
        "famous",
        "responsible",
        "tender",
        "contract",
        "licence",
        "license",
        "permission",
        "permit",
        "tariff",
        "tariffs",
    ]
)
# "Quote from Demchenko", "a statement from the ministry", "footage from Belgorod": who
# or what tells, not where a train left
_BEFORE_FROM = frozenset(
    [
        "quote",
        "quotes",
        "quoting",
        "statement",
        "statements",
        "message",
        "comment",
        "comments",
        "report",
        "reports",
        "information",
        "data",
        "words",
        "letter",
        "interview",
        "footage",
        "video",
        "videos",
        "photo",
        "photos",
        "image",
        "images",
        "post",
        "posts",
        "tweet",
        "reply",
        "response",
        "sources",
        "source",
        "briefing",
        "update",
    ]
)
# "every kind of military vehicle from Humvees to M1083", "ranging from ... to ...": a
# range of things listed, no route
_RANGE_OF_THINGS_RE = re.compile(
    r"(?:\b(?:kinds?|sorts?|types?|variety|range)\s+of\b[^.;:,\n]{0,40}?\bfrom\s+"
    r"[^.;:,\n]{0,40}|\b(?:ranging|everything|anything)\s+from\s+[^.;:,\n]{0,40}|"
    r"\b(?:kinds?|sorts?|types?|variety|range)\s+of\b[^.;:,\n]{0,40}|"
    r"\b(?:ranging|everything|anything))\s*$",
    re.IGNORECASE,
)

_NOT_PLACES_TEXT = (
    "the a an it its this that these those he she they we his her their our on in at by "
    "for from to of with and or but as after before since until january february march "
    "april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday hajun telegram russian belarusian "
    "ukrainian polish soviet military army armed forces general staff community railway "
    "railways workers monitoring group echelon train trains transport no hours one two "
    "three first second third another other each both all nato ministry defence defense "
    "lukashenka lukashenko putin zelensky reuters interfax according north south east "
    "west northeast northwest southeast southwest "
    # a people ("transfers ammunition to the Russians"): no place (issue 13, session 17)
    "russians ukrainians belarusians poles americans "
    # a headline in title case capitalises every word ("Tanks For Everything")
    "everything everyone everybody anything anyone anybody nothing nobody something "
    "someone somebody "
)
_NOT_PLACES = frozenset(_NOT_PLACES_TEXT.split())
# surnames of _NOT_PLACES: after a first name ("a gift from Vladimir Putin to the leader")
# the whole name is a person's, not a place's first word (issue 13, session 17)
_SURNAMES = frozenset({"putin", "lukashenka", "lukashenko", "zelensky"})

_COMPASS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
    ]
)
# heads of a name that goes on with "of": "Port of Newcastle", "Gulf of Finland"
_OF_HEADS = frozenset(
    [
        "port",
        "bay",
        "gulf",
        "isle",
        "cape",
        "lake",
        "city",
        "mouth",
        "strait",
        "straits",
    ]
)
# words of an organisation's name: "the Texas National Guard", "Sierra Army Depot",
# "Union Pacific Railroad" name who or which facility, not a place on the railway
# the last word of a company's trade name ("BAE Systems", "General Dynamics", "Uralvagon
# Works"): a town named right after it is where its works are
_COMPANY_TAILS = frozenset(
    ["systems", "industries", "technologies", "dynamics", "motors", "manufacturing", "works"]
)
_ORGANISATION_WORDS = frozenset(
    [
        "army",
        "guard",
        "depot",
        "corps",
        "brigade",
        "regiment",
        "battalion",
        "division",
        "navy",
        "command",
        "railroad",
        # railroad companies named without that word ("Union Pacific made the shipment")
        "pacific",
        "bnsf",
        "csx",
        "amtrak",
        "company",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "group",
        "agency",
        "ministry",
        "department",
        "university",
        "school",
        "college",
        "directorate",
        "intelligence",
        "service",
        "council",
        "office",
        "committee",
    ]
)
_STREET_WORDS = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "road",
        "lane",
        "square",
    ]
)
# an adjective of a people ("Syrian", "Chinese", "Polish") before a lowercase noun
# ("from Syrian rebels"): no place
_DEMONYM_RE = re.compile(r"(?:ian|ean|ese|ish)$")
# demonyms with none of those endings ("the Uzbek capital", "the Turkmen station")
_BARE_DEMONYMS = frozenset(
    [
        "uzbek",
        "kazakh",
        "turkmen",
        "kyrgyz",
        "tajik",
        "czech",
        "slovak",
        "dutch",
        "french",
        "greek",
        "thai",
        "afghan",
        "iraqi",
        "pakistani",
        "israeli",
        "azeri",
        "swiss",
    ]
)
# a word of the compass before a demonym ("Central Asian countries", "East European")
_COMPASS_ADJECTIVES = frozenset(
    ["central", "east", "west", "north", "south", "eastern", "western", "northern", "southern"]
)
_LOWER_NOUN_RE = re.compile(r"\s+([a-z][a-z-]+)")
_FUNCTION_WORDS = frozenset(
    [
        "to",
        "on",
        "and",
        "in",
        "at",
        "for",
        "via",
        "with",
        "the",
        "a",
        "an",
        "by",
        "of",
        "from",
        "or",
        "but",
        "as",
        "into",
        "onto",
        "near",
        "towards",
        "toward",
        "through",
        "past",
        "after",
        "before",
        "since",
        "until",
        "while",
        "when",
        "where",
        "which",
        "who",
        "that",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "had",
        "have",
        "will",
        "would",
    ]
)


_COUNTRY_NOUNS = frozenset(["border", "frontier", "territory", "side", "soil"])
# the last word of a name of a feature of the land, not of a place on the railway
# ("via the Channel Tunnel", "along the Trans-Canada Highway": a structure, no station;
# a bridge is not one of them: "London Bridge" is a station)
_FEATURE_HEADS = frozenset(
    ["river", "sea", "strait", "straits", "canal", "line", "tunnel", "highway"]
)
# a model's code ("M1083", "T72", "BMP2"): letters then digits, no place
_MODEL_CODE_RE = re.compile(r"[A-Za-z]{1,4}\d+(?:[A-Za-z]+\d*)?")


def _demonym_before_noun(name: str, kept: list[tuple[int, int]]) -> bool:
    """Whether a name is a people's adjective before its noun ("Syrian rebels").

    The adjective is one word with a demonym's ending, one of the demonyms without
    one ("the Uzbek capital", "the Turkmen side"), or either after a word of the
    compass ("to Central Asian countries", "East European ports").

    >>> _demonym_before_noun("Syrian rebels", [(0, 6)])
    True
    >>> _demonym_before_noun("Uzbek capital", [(0, 5)])
    True
    >>> _demonym_before_noun("Central Asian countries", [(0, 7), (8, 13)])
    True
    >>> _demonym_before_noun("Xian to Hamburg", [(0, 4)])
    False
    >>> _demonym_before_noun("Central Station", [(0, 7), (8, 15)])
    False
    """
    if len(kept) == 2 and name[kept[0][0] : kept[0][1]].lower() in _COMPASS_ADJECTIVES:
        kept = kept[1:]
    if len(kept) != 1:
        return False
    word = name[kept[0][0] : kept[0][1]]
    if not _DEMONYM_RE.search(word) and word.lower() not in _BARE_DEMONYMS:
        return False
    m = _LOWER_NOUN_RE.match(name, kept[0][1])
    if m is None or m.group(1) in _FUNCTION_WORDS or m.group(1) in _COUNTRY_NOUNS:
        return False  # ("towards the Ukrainian border": the country's border is a heading)
    return not _KIND_RE.fullmatch(m.group(1))


_US_STATES = frozenset(
    [
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "wisconsin",
        "wyoming",
        "calif",
        "ariz",
        "colo",
        "conn",
        "fla",
        "okla",
        "tenn",
        "wis",
        "wyo",
        "neb",
        "nev",
        "mich",
        "minn",
        "mont",
        "tex",
        "ore",
        "ark",
        "new hampshire",
        "new jersey",
        "new mexico",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "rhode island",
        "west virginia",
        # postal codes that are no English word ("Garrett, PA", "Killeen, TX")
        *[
            "al",
            "ak",
            "az",
            "ar",
            "ca",
            "ct",
            "fl",
            "ga",
            "ia",
            "il",
            "ks",
            "ky",
            "md",
            "mn",
            "mo",
            "ms",
            "mt",
            "nc",
            "nd",
            "nh",
            "nj",
            "nm",
            "nv",
            "ny",
            "pa",
            "ri",
            "sc",
            "sd",
            "tn",
            "tx",
            "ut",
            "va",
            "vt",
            "wa",
            "wi",
            "wv",
            "wy",
        ],
    ]
)
_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")


def _acronym_before_noun(name: str, kept: list[tuple[int, int]]) -> bool:
    """Whether a one-word name is an acronym before its noun ("the LCD screens").

    >>> _acronym_before_noun("LCD screens", [(0, 3)]), _acronym_before_noun("UK", [(0, 2)])
    (True, False)
    """
    if len(kept) != 1 or not _ACRONYM_RE.fullmatch(name[kept[0][0] : kept[0][1]]):
        return False
    m = _LOWER_NOUN_RE.match(name, kept[0][1])
    if m is None or m.group(1) in _FUNCTION_WORDS or m.group(1) in _COUNTRY_NOUNS:
        return False
    return not _KIND_RE.fullmatch(m.group(1))


_BROAD_NAMES = frozenset(
    {
        "belarus",
        "russia",
        "ukraine",
        "donbas",
        "donbass",
        "crimea",
        "poland",
        "kazakhstan",
        "lithuania",
        "latvia",
        "moldova",
        "georgia",
        "russian federation",
        "britain",
        "great britain",
        "uk",
        "the uk",
        "england",
        "europe",
        "asia",
        "middle east",
        "far east",
        "near east",
        "the front",
        "front",
        # the states of the USA, and their usual abbreviations ("Morgan Hill, Calif."):
        # a region, a gloss after a town ("Salem, Oregon") (Washington and New York name
        # cities too; Georgia is a country above)
        *_US_STATES,
    }
)


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place name found in a text.

    ``role`` is ``origin``, ``destination``, ``reach`` (a goal: "likely to reach
    Donbas"), or ``at`` (a place passed or seen at). ``cue_start`` is where the cue
    word starts; ``start``/``end`` delimit the name as written (``text``).
    """

    role: str
    text: str
    start: int
    end: int
    cue_start: int
    lang: str | None = None


_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
# "Russian-occupied", "Kremlin-controlled": an adjective, not a name
_PARTICIPLE_RE = re.compile(r"-(?:[a-z]+ed|held)$")


def _in_name(words: list[str], i: int, kept: bool) -> bool:
    """Whether a stop word at ``words[i]`` belongs to a longer capitalised name.

    A compass word between or before capitalised words ("New South Wales", "South
    Carolina") and "of" after a harbour or city head ("Port of Newcastle") are part
    of the name; alone they end it ("from the North", "of Russia").
    """
    low = words[i].lower()
    after = words[i + 1] if i + 1 < len(words) else ""
    capital_after = bool(after[:1].isupper()) and after.lower() not in _NOT_PLACES
    if low in _COMPASS:
        # ("the Middle East", "the Far East": the compass word ends a region's name)
        after_head = i > 0 and words[i - 1].lower() in ("middle", "far", "near")
        return words[i][:1].isupper() and (capital_after or after_head)
    return (
        low == "of"
        and kept
        and capital_after
        and i > 0
        and _POSSESSIVE_RE.sub("", words[i - 1]).lower() in _OF_HEADS
    )


def _name_or_site(name: str) -> tuple[int, int]:
    """Return the name's span, else the place its organisation is sited in."""
    first, last = _trim_name(name)
    if first == last:
        # "to the Sierra Army Depot in Herlong": the place the facility is in
        return organisation_place(name)
    return first, last


_SITED_IN_RE = re.compile(r"\s(?:in|at|near)\s+(?:the\s+)?(?=[A-Z])")


def organisation_place(name: str) -> tuple[int, int]:
    """Return the span of the place an organisation's name is sited in, if it says.

    "Sierra Army Depot in Herlong" is at Herlong; "the Texas National Guard" names
    no place (an empty span).

    >>> n = "Sierra Army Depot in Herlong"
    >>> n[slice(*organisation_place(n))]
    'Herlong'
    >>> organisation_place("Texas National Guard to the border")
    (0, 0)
    """
    words = name.split()
    head: list[str] = []
    for word in words:
        if not word[:1].isupper():
            break
        head.append(_POSSESSIVE_RE.sub("", word).lower())
    if not any(w in _ORGANISATION_WORDS for w in head):
        return 0, 0
    m = _SITED_IN_RE.search(name)
    if m is None or m.start() > len(" ".join(words[: len(head)])):
        return 0, 0
    first, last = _trim_name(name[m.end() :])
    if first == last:
        return 0, 0
    return m.end() + first, m.end() + last


# What may stand between a country, a region or a people's adjective and the place it
# glosses: a few lowercase words ending in the kind of place ("major northwestern
# city", "border checkpoint", "port city of"), or nothing after a possessive.
_GLOSS_RE = re.compile(
    r"[^\S\n]+(?:(?:[a-z][\w-]*[^\S\n]+){0,3}?(?:city|town|village|settlement|port|capital|"
    r"hub|station|checkpoint|terminal|junction|crossing)[^\S\n]+(?:of[^\S\n]+)?)?"
    r"(?=[A-Z][\w'’-]*[a-z])"
)
# a people's adjective right before a name ("Ukrainian Sknyliv", "Crimean Kirovskaya")
_PEOPLE_RE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")
# names a people's adjective begins that are no town ("Russian Federation")
_PEOPLE_NAMES = frozenset(
    ["federation", "union", "republic", "empire", "kingdom", "railways", "railway", "sea"]
)


_INITIALS_RE = re.compile(r"[A-Z]{3,5}")


def _company_initials(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is an operator's initials before a capitalised name.

    >>> _company_initials(["BNSF", "Eola", "Yard"], 0), _company_initials(["USA", "Today"], 0)
    (True, False)
    """
    return (
        _INITIALS_RE.fullmatch(words[i]) is not None
        and i + 1 < len(words)
        and words[i + 1][:1].isupper()
        and not words[i + 1].isupper()
        and not is_broad(words[i])
    )


def _glossed_name(name: str, match: re.Match[str], *, possessive: bool) -> int | None:
    """Return where the name a gloss names starts, if ``match`` begins a gloss.

    A possessive ("Germany's Duisburg", "China's major northwestern city Xi'an"), a
    country or region with the kind of place ("Kazakhstan border city Dostyk") and a
    people's adjective ("Ukrainian Sknyliv", "the Russian border town of Valuyki")
    gloss the name after them: that name is the place.

    >>> n = "China's major northwestern city Xi'an via"
    >>> n[_glossed_name(n, re.match(r"\\S+", n), possessive=True):]
    "Xi'an via"
    >>> n = "Russian Federation"
    >>> _glossed_name(n, re.match(r"\\S+", n), possessive=False) is None
    True
    """
    bare = _POSSESSIVE_RE.sub("", match.group())
    people = _PEOPLE_RE.fullmatch(bare) is not None
    if not (possessive or people or bare.lower() in _BROAD_NAMES):
        return None
    gloss = _GLOSS_RE.match(name, match.start() + len(match.group()))
    if gloss is None:
        return None
    if not gloss.group().strip() and not (possessive or people):
        return None  # a country right before a capital ("Belarus Hajun"): no gloss
    after = name[gloss.end() :].split(maxsplit=1)[0]
    low = _POSSESSIVE_RE.sub("", after).lower()
    if low in _NOT_PLACES or low in _ORGANISATION_WORDS or low in _PEOPLE_NAMES:
        return None
    for word in name[gloss.end() :].split():
        if not word[:1].isupper():
            break
        if _POSSESSIVE_RE.sub("", word).lower() in _ORGANISATION_WORDS:
            return None  # ("the Ukrainian Main Intelligence Directorate": an organisation)
    return gloss.end()


def _trim_name(name: str) -> tuple[int, int]:  # noqa: C901
    """Return the span, within ``name``, of its leading capitalised words.

    Stop words and kind words end the name. A country in the possessive before the
    name ("Russia's Kursk region", "Ukraine’s Luhansk") is skipped: the place is what
    follows. Another possessive word ends the name after its stem. An empty span
    (``start == end``) means no name: so is a single letter ("U.S." is no place
    read as "U"), a street ("Swanston Street") and an organisation ("the Texas
    National Guard", "Sierra Army Depot": :func:`organisation_end` finds the place
    after it).

    Examples
    --------
    >>> n = "New South Wales' north west"
    >>> n[slice(*_trim_name(n))]
    'New South Wales'
    >>> n = "Port of Newcastle"
    >>> n[slice(*_trim_name(n))]
    'Port of Newcastle'
    >>> _trim_name("U"), _trim_name("Swanston Street"), _trim_name("Texas National Guard")
    ((0, 0), (0, 0), (0, 0))
    """
    kept: list[tuple[int, int]] = []
    country: tuple[int, int] | None = None
    matches = list(re.finditer(r"\S+", name))
    words = [_POSSESSIVE_RE.sub("", m.group()) for m in matches]
    resume = 0
    for i, match in enumerate(matches):
        if match.start() < resume:
            continue  # (the words of a gloss: "major northwestern city")
        word = match.group()
        bare = words[i]
        possessive = bare != word
        if not kept and country is None and _company_initials(words, i):
            continue  # "the BNSF Eola Yard", "the KTZE Khorgos Gateway dry port": the operator's
        if not kept and country is None and bare[:1].isupper():
            glossed = _glossed_name(name, match, possessive=possessive)
            if glossed is not None:
                # "China's major northwestern city Xi'an", "Kazakhstan border city
                # Dostyk", "Ukrainian Sknyliv": the place is the name glossed
                country = (match.start(), match.start() + len(bare))
                resume = glossed
                continue
        if not bare or not (
            bare[0].isupper() or bare[0].isdigit() or _in_name(words, i, bool(kept))
        ):
            break
        if bare.lower() in _COMPANY_TAILS and i + 1 < len(words) and words[i + 1][:1].isupper():
            kept = []  # "BAE Systems York, PA": the company's name, then its works' town
            continue
        if bare.lower() in _ORGANISATION_WORDS or bare.lower() in _STREET_WORDS:
            return 0, 0  # an organisation or a street, not a place on the railway
        if kept and bare.lower() in _SURNAMES:
            return 0, 0  # "Vladimir Putin": a person, not "Vladimir"
        if (
            _PARTICIPLE_RE.search(bare)
            or (bare.lower() in _NOT_PLACES and (kept or bare.lower() not in {"no"}))
        ) and not _in_name(words, i, bool(kept)):
            if not kept:
                return 0, 0
            break
        if _KIND_RE.fullmatch(bare):
            break
        if _MODEL_CODE_RE.fullmatch(bare):
            if not kept:
                return 0, 0  # "from Humvees to M1083 medium transport vehicles": a model
            break
        if possessive and not kept and country is None and bare.lower() in _BROAD_NAMES:
            country = (match.start(), match.start() + len(bare))
            continue
        kept.append((match.start(), match.start() + len(bare)))
        if possessive:
            owned = _glossed_name(name, match, possessive=True)
            if owned is None or country is not None:
                break
            # "DP World's London Gateway terminal": the owner's place is what it owns
            country, kept, resume = (kept[0][0], kept[-1][1]), [], owned
    if len(kept) > 1 and name[kept[-1][0] : kept[-1][1]].lower() in _FEATURE_HEADS:
        return 0, 0  # "the Dnieper River", "the Black Sea": a feature of the land
    if (
        len(kept) > 1
        and name[kept[-1][0] : kept[-1][1]].lower().rstrip(".") in _US_STATES
        and name[kept[0][0] : kept[-1][1]].lower() not in _US_STATES
        and name[kept[-2][0] : kept[-2][1]].lower() not in _COMPASS
    ):
        kept.pop()  # "Salem Oregon": the town, its state written after it
    while len(kept) == 1 and _NUMERAL_RE.fullmatch(name[kept[0][0] : kept[0][1]]):
        kept.pop()
    if len(kept) == 1 and kept[0][1] - kept[0][0] == 1:
        kept.pop()  # a single letter: an initial or "U.S.", never a place
    if kept and kept[-1][1] < len(name) and _demonym_before_noun(name, kept):
        return 0, 0
    if kept and kept[-1][1] < len(name) and _acronym_before_noun(name, kept):
        return 0, 0
    if not kept:
        return country or (0, 0)
    return kept[0][0], kept[-1][1]


def _not_a_route_cue(text: str, cue_start: int, cue: str, role: str) -> bool:
    """Whether a cue names no end of a route: "close to X", "10 km away from X".

    Examples
    --------
    >>> _not_a_route_cue("a station 10 kilometres away from Lugansk", 29, "from", "origin")
    True
    >>> _not_a_route_cue("the train left from Lugansk", 15, "from", "origin")
    False
    """
    before = text[max(0, cue_start - 16) : cue_start].split()
    if cue == "to" and before and before[-1].lower() in _BEFORE_TO:
        # ("dating back to 1916" is no end; "head back to Russia", "sent back to
        # Brest" are: a verb of moving before "back")
        return not (
            before[-1].lower() == "back" and len(before) > 1 and before[-2].lower() in _MOVING_BACK
        )
    if cue == "for" and before and before[-1].lower() in _BEFORE_FOR:
        return True  # "platforms approved for the Eurotunnel": what they are fit for
    if cue == "from" and before and before[-1].lower().rstrip(",:") in _BEFORE_FROM:
        return True  # "Quote from Demchenko", "a statement from the ministry": a source
    if role in ("origin", "destination") and _RANGE_OF_THINGS_RE.search(
        text, max(0, cue_start - 60), cue_start
    ):
        return True  # "every kind of vehicle from Humvees to M1083 trucks": a range of things
    if (
        role == "at"
        and cue.startswith(_COMPASS_POINTS)
        and _LOCATED_BEFORE_RE.search(text, max(0, cue_start - 60), cue_start)
    ):
        return True  # "Located almost 130 kilometers north of Lviv, this junction": a gloss
    # a distance before "from" locates a place; it is not where a train left
    return role == "origin" and bool(
        _DISTANCE_BEFORE_RE.search(text, max(0, cue_start - 48), cue_start)
    )


def find_places(text: str) -> list[PlaceSpan]:
    """Return the place names in ``text`` that follow a cue, in order.

    Parameters
    ----------
    text
        Free text, e.g. one clause of a report.

    Returns
    -------
    list of PlaceSpan
        A region keeps its kind word ("Rostov region"); "station" is dropped.

    Examples
    --------
    >>> [(p.role, p.text) for p in find_places(
    ...     "It departed from Osypovychi on January 9 and is heading to Neklynivka.")]
    [('origin', 'Osypovychi'), ('destination', 'Neklynivka')]
    >>> find_places("According to Hajun, it left yesterday.")
    []
    """
    places = []
    pos = 0
    for cue_start in candidate_starts(text, _CUE_FIRST_WORDS):
        if cue_start < pos:
            continue
        m = _PLACE_RE.match(text, cue_start)
        if m is None:
            continue
        # The name pattern is greedy; resume right after the part kept.
        pos = m.start("name")
        role = (
            "approach"
            if m["p"]
            else "origin"
            if m["o"]
            else "reach"
            if m["r"]
            else "destination"
            if m["d"]
            else "at"
        )
        cue = (m["p"] or m["o"] or m["r"] or m["d"] or m["a"]).lower()
        if _not_a_route_cue(text, m.start(), cue, role):
            continue
        first, last = _name_or_site(m["name"])
        if (
            first == last
            or _LINE_AFTER_RE.match(text, m.start("name") + last)
            or _OUTLET_AFTER_RE.match(text, m.start("name") + last)
        ):
            continue  # (nothing left, "via the Homel-Kyiv rail line": a line, no place)
        start = m.start("name") + first
        end = m.start("name") + last
        pos = end
        if role == "at" and cue.startswith(_COMPASS_POINTS) and _SITE_AFTER_RE.match(text, end):
            continue  # "50 miles west of Kerch in the village of Lenine": seen at Lenine
        kind = _KIND_AFTER_RE.match(text, end)
        if kind and kind["kind"].lower() in _REGION_KINDS:
            end = kind.end()
        role, pos = _qualified_role(text, role, m.start(), end)
        places.append(PlaceSpan(role, text[start:end], start, end, m.start()))
        if role == "at" and cue.startswith(_LIST_CUES):
            # "passed through Zhabinka, Drogichin and Ivanovo": every name passed
            for extra in _listed_after(text, end, m.start()):
                places.append(extra)
                pos = extra.end
    # (the verb is searched first: the names before it are tried at every capital)
    for m in _RECEIVED_RE.finditer(text) if _RECEIVED_VERB_RE.search(text) else ():
        # "Nieklinovka received a train": a station before its verb
        first, last = _trim_name(m["name"])
        if first != last and not any(p.start <= m.start("name") + first < p.end for p in places):
            start, end = m.start("name") + first, m.start("name") + last
            places.append(PlaceSpan("destination", text[start:end], start, end, m.start("verb")))
            places.sort(key=lambda p: p.start)
    return _with_written_routes(text, places)


def _with_written_routes(text: str, places: list[PlaceSpan]) -> list[PlaceSpan]:
    """Add the ends of routes written with an arrow or a spaced dash, in text order."""
    if "→" in text or "->" in text or "=>" in text:
        places.extend(_arrow_places(text, places))
        places.sort(key=lambda p: p.start)
    if "route" in text or "–" in text or "—" in text or " -" in text:
        # (a list of three places first: "route A – B – C" is no route from A to B)
        places = _with_route_lists(text, places)
    if "route" in text:
        places.extend(_route_places(text, places))
        places.sort(key=lambda p: p.start)
    if " to " in text:
        places.extend(_named_route_places(text, places))
        places.sort(key=lambda p: p.start)
    return places


# a train named by its ends before its noun: "the 04.22 Tees Dock to Grangemouth freight",
# "the Chongqing to Duisburg train", "a Xi'an to Hamburg container service"
_NAME_WORDS = r"(?-i:[A-Z])[\w'’-]*(?:[^\S\n]+(?-i:[A-Z])[\w'’-]*){0,2}"
_NAMED_ROUTE_RE = re.compile(
    rf"(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their)\b)(?P<a>{_NAME_WORDS})[^\S\n]+to"
    rf"[^\S\n]+(?P<b>{_NAME_WORDS})[^\S\n]+(?:(?:freight|container|cargo|intermodal|block|"
    r"goods|coal|grain|fuel|oil|military)[^\S\n]+)?(?:trains?|services?|freights?|express|"
    r"shuttles?|echelons?)\b",
)


def _named_route_places(text: str, found: list[PlaceSpan]) -> list[PlaceSpan]:
    """Return the origin of a train named by its ends before its noun.

    In "the Tees Dock to Grangemouth freight" the name before "to" is the origin; the
    destination follows "to" and is found with the other cues.

    >>> [(p.role, p.text) for p in _named_route_places(
    ...     "the 04.22 Tees Dock to Grangemouth freight ran late", [])]
    [('origin', 'Tees Dock')]
    """
    extra = []
    for m in _NAMED_ROUTE_RE.finditer(text):
        first, last = _trim_name(m["a"])
        span = (m.start("a") + first, m.start("a") + last)
        if first == last or any(p.start <= span[0] < p.end for p in found):
            continue
        extra.append(PlaceSpan("origin", text[span[0] : span[1]], *span, m.start()))
    return extra


# cues after which a list of names is a list of places passed ("through A, B and C",
# "after stops in Lodz and Duisburg")
_LIST_CUES = (
    "through",
    "via",
    "past",
    "passed",
    "passing",
    "after",
    "with",
    "making",
    "stopping",
    "calling",
    "called",
)
# a time of day told after a place in a run of places passed ("passed Orsha at 10:00
# and Mogilev at 14:30"): skipped, the list goes on after it
_LIST_TIME_RE = re.compile(
    r"[^\S\n]+(?:(?:at|around|about|approximately)[^\S\n]+)*"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d:.])(?:[^\S\n]*(?:[ap]\.?m\.?|hrs?)\b)?",
    re.IGNORECASE,
)
_ALTERNATIVE_RE = re.compile(rf"\s+or\s+(?:the\s+)?(?=(?-i:[A-Z]))(?P<name>{_NAME})", re.IGNORECASE)
# a leg of the trip named as such: its ends are places the train passes
_LEG_RE = re.compile(
    r"\b(?:section|leg|stretch|portion)(?:\s+of\s+(?:the|its)\s+(?:journey|route|trip))?"
    r"\s+(?:from\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?$"
)
_ONWARD_RE = re.compile(
    # "from there", and a load moved to another train: "the containers were reloaded"
    r"\b(?:from\s+there|thence|onwards?|then\s+on|for\s+further\s+\w+|"
    r"(?:re-?loaded|tran(?:s)?shipped|transferred\s+to\s+(?:standard|european)))\b",
    re.IGNORECASE,
)


# "From there, the train continued ... to the final point of Tashkent": the same train
# goes on, its trip's end is still ahead (no later leg of another train or load)
_SAME_TRAIN_ON_RE = re.compile(
    r"(?:from\s+there|thence),?\s+(?:the|this|that|our)\s+(?:[\w-]+\s+)?"
    r"(?:train|echelon|service|freight|shuttle)\s+(?:then\s+)?(?:continued|went\s+on|"
    r"proceeded|carried\s+on|travell?ed\s+on|moved\s+on|ran\s+on)\b",
    re.IGNORECASE,
)


# "to the Saryagash border station and then to the final point of Tashkent": a place on
# the way to a further end told next
_THEN_TO_RE = re.compile(
    r"(?:[^\S\n]+(?-i:[a-z][\w-]*)){0,3},?[^\S\n]+and[^\S\n]+(?:then|later|finally)"
    r"[^\S\n]+(?:on[^\S\n]+)?(?:to|towards?|into)\b",
    re.IGNORECASE,
)


_LIST_NEXT_RE = re.compile(
    rf"(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?:the[^\S\n]+)?"
    rf"(?=(?-i:[A-Z]))(?P<name>{_NAME})",
    re.IGNORECASE,
)


# a place's region glossed after it in a list ("Lodz, central Poland and Duisburg,
# western Germany"): skipped, the list goes on after it
_LIST_GLOSS_RE = re.compile(
    r",[^\S\n]*(?:central|(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?)"
    r"[^\S\n]+(?-i:[A-Z])[\w'’-]*(?=[^\S\n]+and\b|,|[^\S\n]*$|[.;:])",
    re.IGNORECASE,
)


def _listed_after(text: str, end: int, cue_start: int) -> list[PlaceSpan]:
    """Return the names listed after a place passed ("through A, B and C"), in order.

    >>> [p.text for p in _listed_after("via Lodz, central Poland and Duisburg.", 8, 0)]
    ['Duisburg']
    """
    found: list[PlaceSpan] = []
    while True:
        gloss = _LIST_GLOSS_RE.match(text, end) or _LIST_TIME_RE.match(text, end)
        if gloss is not None:
            end = gloss.end()
        m = _LIST_NEXT_RE.match(text, end)
        if m is None:
            break
        first, last = _trim_name(m["name"])
        if first == last:
            break
        start, end = m.start("name") + first, m.start("name") + last
        found.append(PlaceSpan("at", text[start:end], start, end, cue_start))
    return found


def _qualified_role(text: str, role: str, cue_start: int, end: int) -> tuple[str, int]:
    """Return a place's role as its context qualifies it, and where to read on.

    "to Orsha or Vitebsk": two alternatives, neither a stated end (``alternative``);
    "from there it goes to Ilovaisk", "for further transportation to the EU", "the
    containers were reloaded ... and sent to Duisburg": a later leg, not this trip's
    end (``onward``); "the final section from Duisberg to London": a leg of this
    trip, both ends passed (``at``).
    """
    alt = _ALTERNATIVE_RE.match(text, end)
    if alt is not None and role in ("origin", "destination", "at"):
        first, last = _trim_name(alt["name"])
        if first != last:
            return "alternative", alt.start("name") + last
    if role == "destination" and _THEN_TO_RE.match(text, end):
        return "at", end  # "to the Saryagash border station and then to Tashkent": passed
    onward = _ONWARD_RE.search(text, 0, cue_start + 1) if role == "destination" else None
    if onward is not None and not _SAME_TRAIN_ON_RE.match(text, onward.start()):
        return "onward", end
    if role in ("origin", "destination") and _LEG_RE.search(
        text, max(0, cue_start - 60), cue_start
    ):
        return "at", end  # "working the final section from Duisberg to London": a leg, passed
    return role, end


_RECEIVED_RE = re.compile(
    r"(?<![\w-])(?P<name>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?)"
    r"(?:\s+(?:railway\s+)?station)?\s+(?P<verb>received|has\s+received|took\s+in|welcomed)\b",
    re.IGNORECASE,
)
# A match of _RECEIVED_RE holds one of these words: without them there is none.
_RECEIVED_VERB_RE = fold_compile(r"\s(?:received|took\s+in|welcomed)\b", re.IGNORECASE)
_ARROW_RE = re.compile(rf"(?P<a>{_NAME})\s*(?:→|->|=>|⟶)\s*(?P<b>{_NAME})", re.IGNORECASE)


def _arrow_places(text: str, found: list[PlaceSpan]) -> list[PlaceSpan]:
    """Origin and destination written as "Orsha → Smolensk"."""
    taken = {(p.start, p.end) for p in found}
    extra = []
    for m in _ARROW_RE.finditer(text):
        # the origin is the last capitalised words before the arrow
        words = m["a"].split()
        keep: list[str] = []
        for word in reversed(words):
            if not word[:1].isupper():
                break
            keep.insert(0, word)
        joined = " ".join(keep)
        base = m.end("a") - len(joined)
        first, last = _trim_name(joined)
        if first != last:
            span = (base + first, base + last)
            if span not in taken:
                extra.append(PlaceSpan("origin", text[span[0] : span[1]], *span, base))
        first, last = _trim_name(m["b"])
        if first != last:
            span = (m.start("b") + first, m.start("b") + last)
            if span not in taken:
                extra.append(PlaceSpan("destination", text[span[0] : span[1]], *span, m.start("b")))
    return extra


# a route written with a spaced dash, each end perhaps glossed with its country: "on the
# route Sknyliv (Ukraine) - Slawkow (Poland)" (a hyphen without spaces joins one name)
_GLOSS_AFTER = r"(?:[^\S\n]*\([^()\n]{1,40}\))?"
_ROUTE_RE = re.compile(
    rf"\broute[^\S\n]+(?:(?-i:[a-z]+)[^\S\n]+)?(?P<a>(?-i:[A-Z])[\w'’.-]*(?:[^\S\n]+(?-i:[A-Z])"
    rf"[\w'’.-]*)*){_GLOSS_AFTER}[^\S\n]+[-–—][^\S\n]+(?P<b>(?-i:[A-Z])[\w'’.-]*"
    rf"(?:[^\S\n]+(?-i:[A-Z])[\w'’.-]*)*)",
    re.IGNORECASE,
)


def _route_places(text: str, found: list[PlaceSpan]) -> list[PlaceSpan]:
    """Origin and destination of a route written "route A (country) - B (country)".

    >>> [(p.role, p.text) for p in _route_places(
    ...     "It runs on the route Sknyliv (Ukraine) - Slawkow (Poland).", [])]
    [('origin', 'Sknyliv'), ('destination', 'Slawkow')]
    """
    taken = {(p.start, p.end) for p in found}
    extra = []
    for m in _ROUTE_RE.finditer(text):
        for group, role in (("a", "origin"), ("b", "destination")):
            first, last = _trim_name(m[group])
            span = (m.start(group) + first, m.start(group) + last)
            if first == last or any(p.start <= span[0] < p.end for p in found):
                break
            if span not in taken:
                extra.append(PlaceSpan(role, text[span[0] : span[1]], *span, m.start()))
    return extra


def _with_route_lists(text: str, found: list[PlaceSpan]) -> list[PlaceSpan]:
    """Read the route lists of ``text`` into the places found, in text order.

    A list's first name is the origin, its last the destination and those between
    are passed (role ``crossing``, as a border crossing is), whatever a cue before a
    name had made of it ("Sending the train to Changsha (China)–Altynkol–Tehran").

    >>> [(p.role, p.text) for p in _with_route_lists(
    ...     "It went on the route Kum (Iran)—Etrek (Turkmenistan)—Yiwu (China).", [])]
    [('origin', 'Kum'), ('crossing', 'Etrek'), ('destination', 'Yiwu')]
    """
    from railtrack.extract.routelists import route_list_places

    listed = []
    for p in route_list_places(text, ("route",), is_broad=is_broad):
        first, last = _trim_name(p.text)
        if first != last:
            role = "crossing" if p.role == "at" else p.role
            start, end = p.start + first, p.start + last
            listed.append(PlaceSpan(role, text[start:end], start, end, p.start))
    if not listed:
        return found
    kept = [
        p
        for p in found
        if not any(q.start <= p.start < q.end or p.start <= q.start < p.end for q in listed)
    ]
    return sorted(kept + listed, key=lambda p: p.start)


def is_broad(place: Place | str) -> bool:
    """Whether a place is a country or region rather than one station.

    Examples
    --------
    >>> is_broad("Rostov region"), is_broad("Belarus"), is_broad("Slonim")
    (True, True, False)
    >>> is_broad("Southeast Asia"), is_broad("South Ossetia")
    (True, False)

    Any country is broad, named in any of the five languages ("Japan", "Китай"):
    the ISO country names of ``data/network/world/countries.csv``.

    >>> is_broad("Japan"), is_broad("the Netherlands")
    (True, True)
    """
    if isinstance(place, Place):
        if place.is_region:
            return True
        if place.station_id is not None:
            return False
        text = place.text
    else:
        text = place
    lowered = text.lower().strip()
    head, _, rest = lowered.partition(" ")
    if head in _COMPASS and rest:
        lowered = rest  # "Southeast Asia", "Northern Europe": part of a broad place
    last = lowered.rsplit(" ", 1)[-1].rstrip(".")  # ("Донецкой обл.": an abbreviation)
    if lowered in _BROAD_NAMES or last in _REGION_KINDS:
        return True
    stems, region_words = _other_broad()
    if lowered.startswith(stems) or last in region_words:
        return True
    if rest and head in region_words and text.strip().partition(" ")[2][:1].isupper():
        return True  # "провинции Хубэй", "Республики Беларусь": the region's word, its name
    from railtrack.world_places import is_country_name

    return is_country_name(lowered.removeprefix("the "))


@lru_cache(maxsize=1)
def _other_broad() -> tuple[tuple[str, ...], frozenset[str]]:
    """Country stems and region words of the other languages read ("Беларуси", "области")."""
    from railtrack.extract.lexicon import LANGUAGES, lexicon, tokens

    stems: list[str] = []
    words: set[str] = set()
    for lang in LANGUAGES[1:]:
        lex = lexicon(lang)
        stems.extend(lex.broad_stems)
        for form in lex.region_words:
            words.add(tokens(form)[0].low if tokens(form) else form)
    return tuple(stems), frozenset(words)


def resolve_place(
    text: str, network: RailNetwork | None, *, cache: dict[Any, Any], lang: str | None = None
) -> Place:
    """Return the :class:`~railtrack.models.Place` a name resolves to.

    An inflected name ("из Слонима", "do Kapustina Jaru") is tried in its candidate
    nominative forms (:func:`~railtrack.extract.morph.name_forms`); the form that
    resolves with the best score wins. The place's ``text`` is the name as written.

    Parameters
    ----------
    text
        The name as written.
    network
        The network whose gazetteer resolves the name; None keeps only ``text``.
    cache
        Resolutions already made, by name and language (filled in here): one
        gazetteer call per form and network.
    lang
        The language of the words around the name (None: English or unknown).

    Examples
    --------
    >>> resolve_place("Slonim", None, cache={}).text
    'Slonim'
    >>> resolve_place("Слонима", None, cache={}, lang="ru").text
    'Слонима'
    """
    key = (text, lang)
    if key in cache:
        place: Place = cache[key]
        return place
    from railtrack.extract.morph import name_forms

    if lang in (None, "en") and _CYRILLIC_RE.search(text):
        lang = "ru"  # a Cyrillic name quoted in English text
    forms = name_forms(text, lang)
    if network is None:
        place = Place(text=text)
    else:
        best = None
        for i, form in enumerate(forms):
            resolution = network.resolve(form)
            score = (resolution.score or 0) - (0.5 if i else 0)  # ties: as written
            if resolution.resolved and (best is None or score > best[0]):
                best = (score, resolution)
        resolution = best[1] if best is not None else network.resolve(forms[-1])
        place = resolution.to_place(text)
    cache[key] = place
    return place
