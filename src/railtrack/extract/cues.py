"""Cue words that say how a clause talks about trains.

Each function answers one question about a clause: does it introduce a new train
("one military shipment", "the second transport", "a military echelon")? does it
announce several trains at once ("two more military echelons", "5 echelons")? does
it speak of trains already named together ("in both trains", "altogether")? is it
a plan or an expectation? is it about something other than a shipment (sabotage,
freight statistics)? and which verb (left, arrived, crossed) governs a date?

Examples
--------
>>> [m.kind for m in new_train_markers("One train headed east; the second transport left.")]
['one', 'ordinal']
>>> group_announcement("Two more military echelons have left Belarus.").n_trains
2
>>> claim_kind("It is likely to reach Donbas shortly after March 8.")
'expected'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from railtrack.extract.casefold import blank_matches, fold_compile
from railtrack.extract.lexicon import first_span, lexicon
from railtrack.extract.numbers import _UNITS, _WORD, NUMBER_PATTERN, parse_number
from railtrack.extract.ordinals import GLOSS

__all__ = [
    "GroupAnnouncement",
    "TrainMarker",
    "VerbCue",
    "claim_kind",
    "denial_span",
    "duration_ranges",
    "generic_at",
    "group_announcement",
    "has_car_noun",
    "has_train_noun",
    "is_attribution",
    "is_each",
    "is_future",
    "is_group_reference",
    "is_hypothetical",
    "is_off_topic",
    "is_passage",
    "is_stamp",
    "is_statistic",
    "is_whole_train",
    "names_digest",
    "names_past_span",
    "names_week_count",
    "new_train_markers",
    "one_of_group",
    "place_stage",
    "recalls",
    "stands_now_at",
    "tells_years_ago",
    "train_number",
    "trip_durations",
    "verb_cues",
]

_UNITS_RE = rf"(?:\d|{_UNITS})"
# A convoy is a train only by rail ("a convoy by rail", "a rail convoy"): road convoys
# and columns of trucks are not shipments by train.
_CONVOY = r"(?:(?<=rail\s)|(?<=railway\s))convoy|convoy(?=\s+(?:by|on)\s+(?:rail|train))"
_CONVOYS = r"(?:(?<=rail\s)|(?<=railway\s))convoys|convoys(?=\s+(?:by|on)\s+(?:rail|train))"
# A freight service is a train ("the first direct freight service ... left Chengdu"); a
# service alone may be a timetable or a company's offer.
_FREIGHT_WORDS = ("freight", "container", "cargo", "intermodal", "block", "shuttle")
_AFTER_FREIGHT = "|".join(rf"(?<={w}\s)" for w in _FREIGHT_WORDS)
_SERVICE = rf"(?:(?:{_AFTER_FREIGHT})service)"
# a passenger word (a report of passengers tells of no freight train) and a freight word
# (a train named by its ends that carries one is no passenger service) are en.yaml's
# ``passenger`` and ``freight``, as in the other languages (review17 #5)
_SERVICES = rf"(?:(?:{_AFTER_FREIGHT})services)"
# "eshelon" is the Russian word transliterated; "composition" translates "sostav".
# "freight" is a freight train when it runs ("the 04.22 Tees Dock to Grangemouth freight
# running along the Up slow line"), else the goods a train carries
_FREIGHT_RUNNING = (
    r"freight(?=\s+(?:ran|runs|running|passed|passes|passing|departed|departs|arrived|"
    r"arrives|hauled|headed|heading|rolled|rolling)\b)"
)
# a locomotive hauling cars is the train they make up ("a solitary engine hauling a pair
# of tank-laden flatcars"); a locomotive alone is no train
_ENGINE_HAULING = (
    r"(?:locomotive|engine)(?=\s+(?:hauling|hauled|pulling|pulled|towing|towed)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:cars|flatcars|flats|wagons|railcars|carriages|platforms|boxcars)\b)"
)
# "shipped by rail from Fort Bliss to Fort Irwin", "will head by rail to Bremerhaven": the
# rail move is a train, as "by train" (after a verb of carrying or going only, the English
# lexicon's ``by_rail_verbs``: "reported by Railway Supply magazine" names a source)
_BY_RAIL = (
    "(?:"
    + "|".join(
        rf"(?<={verb}\s{by}\s)" for verb in lexicon("en").by_rail_verbs for by in ("by", "via")
    )
    + r")(?:rail|railway|railroad)"
    r"(?!\s+(?:line|lines|station|stations|network|bridge|workers|company|operator)\b)"
)
_NOUN_SINGULAR = (
    # ("the second cargo freightliner from Yinchuan": a container train)
    rf"(?:train|echelon|eshelon|ešelon|shipment|transport|trainload|consignment|freightliner|"
    rf"composition|batch|{_CONVOY}|{_SERVICE}|{_FREIGHT_RUNNING}|{_ENGINE_HAULING}|{_BY_RAIL})"
)
_NOUN_PLURAL = (
    rf"(?:trains|echelons|eshelons|ešelons|shipments|transports|trainloads|consignments|"
    rf"freightliners|"
    rf"compositions|batches|{_CONVOYS}|{_SERVICES})"
)
_NOUN_ANY = rf"(?:{_NOUN_SINGULAR}|{_NOUN_PLURAL})\b"
# Words that may stand between an article or number and the train noun.
# (an article starts another noun phrase: "A photo shows a train" is no train "A")
_MODIFIER = (
    r"(?:(?!(?:the|an?|of|after|before|with|from|to|for|and|in|on|at|by|was|is|were|are)\b)"
    r"[\w-]+\s+)"
)

_TRAIN_NOUN_RE = fold_compile(rf"\b{_NOUN_ANY}", re.IGNORECASE)
_SINGULAR_NOUN_RE = fold_compile(rf"\b{_NOUN_SINGULAR}\b", re.IGNORECASE)
_NUMBER_RE = fold_compile(
    r"\b(?:train|echelon)\s+(?:No\.?|number|nr\.?|#)\s*(?P<number>\d{2,5})\b", re.IGNORECASE
)

_OF_THEM = rf"of\s+(?:them|these|those|the\s+(?:\w+\s+)?{_NOUN_PLURAL})\b"
_FOLLOWING_VERB = (
    r"(?:came|left|departed|arrived|headed|heading|went|was|is|had|has|carried|consisted|"
    r"consists|stopped|reached|moved|passed|remained|stayed|stood|will|should|contained|"
    r"consisting|included|with|from|to|for)\b"
)
_BARE_COUNT = (
    rf"(?:(?:about|around|some|roughly|nearly|almost|over)\s+)?(?:\d{{1,3}}|{_WORD})"
    r"(?:[\s-]+[a-z]+)?(?:\s*[.;)]|\s*,\s+(?:the|and)\b|\s*$|\s+(?:[\w-]+\s+)?"
    r"(?:wagons|cars|railcars|platforms|flat-?cars|flats|box-?cars|carriages|cisterns)\b)"
)
_MARKER_RE = fold_compile(
    r"(?<![\w-])(?:"
    # ("the second one, consisting of 28 cars": "one" stands for the noun, one marker)
    rf"(?P<ordinal>(?:the\s+|a\s+)?(?:first|second|third|fourth|fifth|sixth|latter|former)"
    rf"(?:\s+one\b|(?=\s*(?:,|{_MODIFIER}{{0,3}}{_NOUN_SINGULAR}\b|{_OF_THEM}|{_FOLLOWING_VERB})"
    # ("the second (44 cars) arrived in Brest": judged past its count in brackets)
    rf"|{GLOSS}\s*(?:,|—|–|{_FOLLOWING_VERB}))))"
    # ("the exact route of the previous one, which had arrived in Vitebsk": an earlier
    # train, another than the one told)
    rf"|(?P<another>(?:another|one\s+more|yet\s+another|the\s+previous|an\s+earlier)"
    rf"(?=\s+{_MODIFIER}{{0,3}}"
    rf"{_NOUN_SINGULAR}\b|\s*,|\s+(?:one|left|departed|arrived|headed|on)\b))"
    rf"|(?P<one>one\s+(?={_MODIFIER}{{0,3}}{_NOUN_SINGULAR}\b|{_OF_THEM}))"
    # "two echelons were seen: one at Orsha, ...": a train only when a group has room
    # ("the second on 3 March from Gomel": an ordinal of a group, its noun left out)
    r"|(?P<weak>(?:one|another|the\s+other|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth))"
    rf"(?={GLOSS}?(?:\s+(?:at|in|on|near|from|to|with|heading|headed|"
    r"going|bound|carrying|"
    r"was|is|left|arrived|departed|came)\b|\s*[,:—–])"
    # ("The first had 28 flatcars, the second 41 cars": an ordinal's count, no verb;
    # the number ends the clause or counts cars: "the first 10 days" is no train)
    rf"|(?<=first|econd|third|ourth|fifth|sixth)\s+{_BARE_COUNT}))"
    rf"|(?P<other>the\s+other(?={GLOSS}?(?:\s+{_MODIFIER}{{0,3}}{_NOUN_SINGULAR}\b|\s*,|\s+one\b)|"
    rf"\s+{_FOLLOWING_VERB}))"
    # ("the military vehicles being pulled by a train": the train hauling the load told
    # of is the train told of, not a new one)
    r"|(?P<indefinite>(?<!pulled\sby\s)(?<!hauled\sby\s)(?<!towed\sby\s)(?<!drawn\sby\s)"
    rf"an?\s+(?=(?:\d+-car\s+)?{_MODIFIER}{{0,3}}{_NOUN_SINGULAR}\b))"
    r")",
    re.IGNORECASE,
)

# A modifier between a count and the train noun is never itself a number.
_COUNTED_MODIFIER = rf"(?:(?!{_UNITS_RE}\b){_MODIFIER})"
_PLURAL_RE = fold_compile(rf"\b{_NOUN_PLURAL}\b", re.IGNORECASE)
_GROUP_RE = fold_compile(
    # (after a possessive, a fleet: "one of Russia's two armoured trains", "its 12 trains")
    rf"(?<![\w-])(?P<lead>(?:the|these|those|both|all|of|its|their|[\w-]+['’]s?)\s+)?"
    rf"(?P<num>{NUMBER_PATTERN}|several|a\s+couple\s+of|a\s+few|a\s+pair\s+of)"
    # a range of trains ("3-4 echelons", "three or four trains"): the low end is listed
    rf"(?:\s*(?:-|–|—|\s+or\s+|\s+to\s+)\s*(?P<most>{NUMBER_PATTERN}))?\s+"
    rf"(?:(?:more|new|other|further|additional)\s+)?{_COUNTED_MODIFIER}{{0,3}}"
    rf"(?P<noun>{_NOUN_PLURAL})\b",
    re.IGNORECASE,
)
_GROUP_REF_RE = fold_compile(
    rf"\b(?:both(?:\s+{_MODIFIER}{{0,2}}{_NOUN_PLURAL})?|all\s+(?:the\s+)?(?:\w+\s+)?"
    rf"{_NOUN_PLURAL}|the\s+(?:\w+\s+){{0,2}}{_NOUN_PLURAL}|in\s+total|a\s+total\s+of|"
    rf"altogether|combined|together|in\s+all|between\s+them)\b",
    re.IGNORECASE,
)
_EACH_RE = fold_compile(r"\b(?:each|every\s+(?:one|train|echelon)|apiece)\b", re.IGNORECASE)

_PLANNED_RE = fold_compile(
    r"\b(?:plan(?:s|ned)?|scheduled|(?:should|must)\s+(?:arrive|reach|be|leave|depart|get|go)|"
    r"(?:is|are)\s+to\s+(?:arrive|reach|be|leave|depart|go|head)|due\s+(?:to|at|in|on|by)|"
    r"set\s+to\s+(?:arrive|leave|depart))\b",
    re.IGNORECASE,
)
_EXPECTED_RE = fold_compile(
    r"\b(?:expected|expects?|anticipated|likely|probably|presumably|supposedly|estimated|"
    # ("what is believed to be the largest grain train": a superlative hedged, no trip)
    r"believed\s+to(?!\s+be\s+(?:the|a|an|one|among)\b)|ETA|"
    r"(?:may|might|could|will|would)\s+(?:\w+\s+){0,2}?(?:arrive|reach|head|go|leave|depart|enter|cross|come|follow|"
    r"get|be\s+(?:sent|heading|delivered|unloaded|shipped|transported|carried)))\b",
    re.IGNORECASE,
)
# a word of expecting that describes a train ("the first of the two expected echelons
# arrived", "the long-awaited train"): the verb, not the adjective, is the claim
# (trial11 T3)
_ATTRIBUTIVE_RE = re.compile(
    r"\b(?:the|an?|two|three|four|five|both|these|those|this|that|\d+)\s+"
    rf"((?:long-)?(?:expected|awaited|anticipated))\s+(?:[\w-]+\s+)?{_NOUN_ANY}",
    re.IGNORECASE,
)
_OFF_TOPIC_RE = fold_compile(
    r"\b(?:derail\w*|sabotag\w*|saboteur\w*|partisans?|arson\w*|set\s+(?:on\s+)?fire|"
    r"relay\s+(?:cabinet|box)\w*|explosi\w+|blown\s+up|blew\s+up|delayed|disrupt\w*|"
    r"million|billion|per\s*cent|year[\s-]on[\s-]year|"
    r"(?:tonnes|tons)\s+of\s+(?:cargo|freight|goods)|"
    r"(?:wagons|cars|trains|tonnes|tons)\s+(?:a|per)\s+(?:day|month|year)|"
    r"turnover)\b|%",
    re.IGNORECASE,
)
# the words of _OFF_TOPIC_RE that count money, weight or shares, not trouble
_STATISTIC_WORD_RE = re.compile(
    r"million|billion|per\s*cent|%|year[\s-]on[\s-]year|turnover|(?:tonnes|tons)\s+of\s+\w+",
    re.IGNORECASE,
)
# An accident or an attack on a train, or a passenger service: never a shipment, military
# train or not (the lexicon languages' ``accident`` and ``service`` stems).
_NEVER_SHIPMENT_RE = fold_compile(
    r"\b(?:derail\w*|collided|collision|overturn\w*|jump(?:ed|s)?\s+the\s+tracks?|"
    r"(?:missile|rocket|drone|air)\s+(?:strike|attack)s?|airstrikes?|shell(?:ed|ing)|"
    r"struck|obliterated|"
    # a train that blew up ("exploded while passing near Kalinovka", "was blown up"): an
    # incident, whatever its load (issue 13, session 17); "explosives" is a load
    r"explod(?:ed|es|ing)|blew\s+up|blown\s+up|detonated|"
    # protests and vandalism at a train (grain spilled from its cars), a submarine's
    # voyage: an incident, not a shipment
    r"protesters|spill(?:ed|ing|s)?|spilt|vandal\w*|submarines?|warships?|"
    r"passengers|travell?ers|tourists|refugees|evacuat\w*|"
    # a train destroyed or burnt ("40 tank cars were destroyed", "the cars were set on
    # fire") and a suburban or passenger service: an incident, a timetable, no shipment
    r"destroy(?:ed|ing|s)?|destruction|set\s+on\s+fire|set\s+fire\s+to|caught\s+fire|"
    r"(?:a|the)\s+fire\s+(?:in|on|at)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:train|wagons?|cars|tank\s+cars)|"
    r"burn(?:ed|t)\s+(?:down|out)|suburban|commuter|passenger\s+trains?|partizans?|"
    # what a line or a train serves in general, not one trip: "a supply line used to
    # transport fuel from Crimea to Zaporizhzhia", "a train that had been crucial for the
    # transportation of ammunition from Crimea to Melitopol", "this train would carry"
    r"supply\s+(?:lines?|routes?|chains?)|(?:is|are|was|were|been|being)\s+used\s+"
    r"(?:to|for)\s+(?:transport|carry|carrie|deliver|ship|move|supply)\w*|"
    r"crucial\s+for|would\s+(?:carry|transport|bring|deliver|take)|"
    # an activity named by a gerund after a preposition ("no restrictions on sending
    # trains from Dostyk to Alashankou", "the possibility of redirecting exports to the
    # EU by rail"): sending in general, no trip told
    r"(?:on|of|for|about|in)\s+(?:sending|redirecting|rerouting|dispatching|transporting|"
    r"shipping|moving|delivering|carrying|exporting)\s+(?:(?:\w+\s+){0,2}?(?:trains|wagons|"
    r"cars|goods|cargo|cargoes|exports|grain|freight|containers)|(?:them|it)\s+by\s+rail))\b",
    re.IGNORECASE,
)
# A report that says the train it tells of is a fake ("It's not true", "Our rating:
# False", "was passed off as"): the claim it denies is no shipment
_DENIAL_RE = fold_compile(
    r"\b(?:(?:it['’]?s|it\s+is|this\s+is|that\s+is|is|was|are|were)\s+not\s+true|"
    r"fake\s+news|debunk\w*|fact[\s-]?check\w*|our\s+rating\s*:\s*false|"
    r"(?:was|were|is|are)\s+passed\s+off\s+as|hoax|"
    # a channel's retraction ("the report ... was not confirmed. There was no train",
    # trial15 T2)
    r"(?:(?:was|were)\s+(?:not|never)|(?:has|have)\s+not\s+been)\s+confirmed(?=\s*[.;:]|\s*$)|"
    r"(?:turned\s+out|proved)\s+(?:to\s+be\s+)?(?:false|fake|untrue|wrong)|"
    r"there\s+was\s+no\s+(?:such\s+)?(?:train|echelon)|no\s+(?:such\s+)?train\s+(?:ever\s+)?"
    r"(?:arrived|existed)|retract\w*)\b",
    re.IGNORECASE,
)


def denial_span(text: str) -> tuple[int, int] | None:
    """Where a report says the train it tells of is not real, if it does.

    Also a train that turned out to be no military train (``en.yaml``'s
    ``not_military``, trial18b T1), whichever comes first.

    >>> text = "The report of a train in Brest was not confirmed. There was no train."
    >>> text[slice(*denial_span(text))]
    'was not confirmed'
    >>> text = "The train turned out to be an ordinary freight train."
    >>> text[slice(*denial_span(text))]
    'turned out to be an ordinary'
    """
    return first_span(text, _DENIAL_RE, lexicon("en").not_military)


# A museum, heritage or re-enactment train: carries an exhibit or a show, no shipment
_EXHIBITION_RE = fold_compile(
    # ("a train loaded with hardware ... is currently touring Russia": a touring show)
    r"\b(?:museum\s+train|heritage\s+(?:train|railway|steam)|steam\s+special|touring|"
    r"on\s+(?:a\s+|its\s+)?tour\b|"
    r"re-?enact\w*|excursion\s+train|exhibition\s+train|vintage\s+(?:train|carriages|cars))\b",
    re.IGNORECASE,
)
# An incident at a train: what the never-shipment words name, and a wreck
_INCIDENT_RE = fold_compile(
    r"\b(?:derail\w*|collided|collision|overturn\w*|jump(?:ed|s)?\s+the\s+tracks?|"
    r"(?:came|went|ran)\s+off\s+the\s+(?:tracks?|rails)|wreck(?:ed|age)?|crash(?:ed)?|"
    r"struck|shell(?:ed|ing)|(?:missile|rocket|drone|air)\s+(?:strike|attack)s?|spill(?:ed)?|"
    r"explod(?:ed|es|ing)|blew\s+up|blown\s+up|detonated)\b",
    re.IGNORECASE,
)
# "the train", "the freight train", "this train": a train the text has already named
_DEFINITE_TRAIN_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:train|echelon|cars|wagons|consignment)\b",
    re.IGNORECASE,
)
_NEW_TRAIN_RE = re.compile(
    r"\b(?:an?|another|second|other|one\s+more)\s+(?:[\w-]+\s+){0,2}?(?:train|echelon)\b",
    re.IGNORECASE,
)


def is_denial(text: str) -> bool:
    """Whether a report says the train it tells of is not real (a debunked claim).

    >>> is_denial("Media claim a train arrived in Minsk. It's not true.")
    True
    >>> is_denial("The train arrived in Minsk on 3 March.")
    False
    >>> is_denial("It was not a military echelon but a passenger train.")
    True
    """
    return denial_span(text) is not None


def is_exhibition(text: str) -> bool:
    """Whether a report tells of a museum, heritage or re-enactment train.

    >>> is_exhibition("A heritage train with vintage carriages left York.")
    True
    >>> is_exhibition("A train with tanks left Slonim.")
    False
    """
    return _EXHIBITION_RE.search(text) is not None


def is_freight(text: str) -> bool:
    """Whether a text has a freight word ("container", "cargo", "freight", "grain").

    >>> is_freight("The Xi'an-Duisburg train with 41 containers arrived.")
    True
    >>> is_freight("The Kyiv-Przemyśl train with 10 coaches left.")
    False
    """
    pattern = lexicon("en").freight
    return pattern is not None and pattern.search(text) is not None


def has_passengers(text: str) -> bool:
    """Whether a text tells of passengers ("passengers", "tickets", "coaches").

    >>> has_passengers("The train with 10 coaches left."), has_passengers("It left.")
    (True, False)
    """
    pattern = lexicon("en").passenger
    return pattern is not None and pattern.search(text) is not None


def is_military(text: str) -> bool:
    """Whether a text has a military word ("military", "echelon", "troops", "T-72").

    >>> is_military("A military train with tanks left Slonim.")
    True
    >>> is_military("A heritage train with vintage carriages left York.")
    False
    """
    return _MILITARY_RE.search(text) is not None


def is_incident(text: str) -> bool:
    """Whether a sentence tells of an accident or an attack at a train.

    >>> is_incident("Nearly a dozen coal cars jumped the tracks in Elm Grove.")
    True
    >>> is_incident("A coal train left Elm Grove.")
    False
    """
    return _INCIDENT_RE.search(text) is not None


def names_the_same_train(text: str) -> bool:
    """Whether a clause speaks of a train already named ("the freight train"), not a new one.

    >>> names_the_same_train("Officials said the freight train had 126 cars.")
    True
    >>> names_the_same_train("Another train left Grafton.")
    False
    """
    return _DEFINITE_TRAIN_RE.search(text) is not None and _NEW_TRAIN_RE.search(text) is None


# Words that make a sentence about military rail shipments whatever else it says.
_MILITARY_RE = fold_compile(
    r"\b(?:military|echelons?|troops|soldiers|servicemen|personnel|mobili[sz]ed|equipment|"
    r"armou?red|ammunition|weapons|howitzers?|artillery|T-\d+|BMPs?|BTRs?|Ural|"
    r"air[\s-]defen[cs]e|missiles?|fuel)\b",
    re.IGNORECASE,
)

_VERB_RE = fold_compile(
    r"\b(?:(?P<dep>(?:spotted|seen|observed)\s+(?:leaving|departing)|left|leav(?:e|es|ing)|"
    # ("A reader sent a video to charter97.org": a message sent, no train)
    r"depart(?:ed|s|ing|ure)?|dispatched|sent(?!\s+(?:(?:us|me|him|her|them|in|a|an|the|"
    r"his|her|their)\s+)?(?:videos?|photos?|pictures?|messages?|letters?|reports?|footage|"
    r"requests?|notes?|emails?|documents?)\b)|set\s+(?:off|out)|formed|returned|went|"
    # "started its mammoth journey on 9th April", "began its journey"
    r"(?:started|began|begun)\s+(?:its|the|a|their)\s+(?:[a-z-]+\s+)?(?:journey|trip|run|voyage|way)|"
    # "A cargo train linking Germany and Urumqi began operation on Saturday": its first run
    r"(?:started|began|begun)\s+(?:operation|operating|running)|"
    r"moved|travell?ed|headed|rolled\s+out|followed|transferr(?:ed|ing)|transport(?:ed|ing)|"
    r"shipp(?:ed|ing)|redeploy(?:ed|ing)|relocat(?:ed|ing))"
    # a train "was moved to Belarus on the night of 6-7 January", "were transferred into
    # Crimea overnight": the passive of a transfer with its goal tells when it got there
    r"|(?P<arr>(?:was|were|been)\s+(?:moved|transferred|redeployed|relocated)"
    r"(?=\s+(?:to|into)\b)|arriv(?:ed|es|ing|e|al)|reach(?:ed|es|ing)?|"
    # "is due to leave Brest tomorrow": the leaving is what is due (trial13 T8)
    r"(?:expected|due)(?!\s+to\s+(?:leave|depart|set\s+(?:off|out)))|get\s+to|brought|"
    r"received|took\s+in|"
    r"unload(?:ed|ing)?|delivered)"
    # loading is no departure: the day a train is loaded is not the day it left
    # a stop on the way: "transshipped at Khorgos", "the first crew change takes place at
    # Salzburg Gnigl", "the next stop is in Schwarzach-St. Veit"
    r"|(?P<neutral>trans-?s?hipp(?:ed|ing)|transshipment|reship(?:ped|ment)|crew\s+change|"
    r"(?:next|first|second|last)\s+stop|"
    # "Witnesses took a video of a train ... in Brest", "made a photo of": seen there
    r"(?:took|made|shot|taken)\s+(?:a\s+)?(?:video|photo|picture|footage)s?(?=\s+of\b)|"
    # "A photo shows a train with guns in the yard in Homel", "Footage of a train ... in
    # Watsonville": seen there
    # ("A clip from 24 January shows the military vehicles being pulled by a train")
    r"(?:video|photo|picture|image|footage|clip)s?"
    r"(?:\s+(?:from|of|dated|taken\s+on)\s+(?:\d{1,2}\s+[a-z]+|[a-z]+\s+\d{1,2}))?"
    r"\s+(?:shows?|showed|showing|depicts?|"
    r"captured)|(?:video|photo|picture|footage|clip)s?(?=\s+of\s+(?:an?|the|two|three|"
    r"several)\s+(?:[\w-]+\s+){0,2}?(?:trains?|echelons?)\b)|"
    r"loaded(?!\s+with)|crossed|cross(?:es|ing)?|pass(?:ed|es|ing)|entered|spotted|seen|"
    # ("will pass through Orsha", not "Alataw Pass in Xinjiang": trial12 T2)
    r"pass(?=\s+(?:through|by|via|near|along|across)\b)|"
    r"observed|noticed|recorded|stood|photographed|filmed|sighted|standing|parked|stationed|"
    # "has not reached Brest and stands at Baranovichi": where it stands now (trial14 T5)
    r"stands?(?=\s+(?:still\s+)?(?:at|in|on|near)\b)|"
    # "moving through Rostov": seen on the way
    # ("running through a station in Mogilev", "going past Orsha", "came through Gomel")
    # ("will pass through Orsha", "will go through Orsha": a passage ahead, trial12 T2)
    r"(?:moving|travell?ing|rolling|heading|running|ran|going|driving|coming|came|"
    r"go|move|travel|roll|run|come)"
    r"(?=\s+(?:through|past|via|along|across)\b)))\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"^(?:left|departed|dispatched|sent|set off|set out|loaded|formed|returned|went|moved|"
    r"(?:started|began|begun) .*(?:journey|trip|run|voyage|way)|"
    r"(?:started|began|begun) (?:operation|operating|running)|"
    r"travell?ed|headed|rolled out|followed|transferred|transported|shipped|redeployed|"
    r"relocated|brought|arrived|reached|unloaded|received|took in|"
    r"(?:was|were|been) (?:moved|transferred|redeployed|relocated)|"
    r"delivered|(?:spotted|seen|observed) (?:leaving|departing)|leaving|departing)$"
)


@dataclass(frozen=True, slots=True)
class TrainMarker:
    """Words that introduce one train; ``kind`` says how (ordinal, another, ...)."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GroupAnnouncement:
    """Words that announce several trains at once ("two more military echelons").

    ``most`` is the high end when the count is a range ("3-4 эшелона", "three or four
    echelons"): ``n_trains`` is then its low end, the trains listed (trial12 T2).
    """

    n_trains: int
    start: int
    end: int
    text: str
    most: int | None = None
    # "ще три потяги", "three more trains": further trains, beside the one told before
    more: bool = False


@dataclass(frozen=True, slots=True)
class VerbCue:
    """A verb that governs nearby dates: ``role`` is departure, arrival or neutral."""

    role: str
    start: int
    end: int
    past: bool


def train_number(text: str) -> str | None:
    """Return the train number the text gives ("train No. 967"), if any.

    Examples
    --------
    >>> train_number("Military train No. 967 from Bekasovo"), train_number("A train left")
    ('967', None)
    """
    m = _NUMBER_RE.search(text)
    return None if m is None else m["number"]


_CAR_NOUN_RE = fold_compile(
    r"\b(?:wagons|cars|railcars|platforms|flat-?cars|flats|box-?cars|carriages|cisterns)\b",
    re.IGNORECASE,
)


def has_car_noun(text: str) -> bool:
    """Whether the text names railway cars ("wagons with equipment arrived ...")."""
    return _CAR_NOUN_RE.search(text) is not None


def train_noun_at(text: str) -> int | None:
    """Return the offset of the first train noun in the text, or None when it names none.

    The English train nouns ("train", "echelon", "shipment", "trains", ...); the
    lexicon languages' are :meth:`railtrack.extract.lexread.LexiconReader.train_noun_at`.

    Parameters
    ----------
    text : str
        A sentence or clause of an English report.

    Returns
    -------
    int or None
        The character offset of the first train noun's first letter.

    Examples
    --------
    >>> train_noun_at("The armored train carrying Kim left Hasan.")
    12
    >>> train_noun_at("Two echelons and a train left Orsha."), train_noun_at("Kim left Hasan.")
    (4, None)
    """
    found = _TRAIN_NOUN_RE.search(text)
    return None if found is None else found.start()


def has_train_noun(text: str, *, singular: bool = False) -> bool:
    """Whether the text names a train ("echelon", "shipment", "trains", ...).

    With ``singular``, only a train noun in the singular counts ("trains from China"
    speaks of trains in general).
    """
    if singular:
        return _SINGULAR_NOUN_RE.search(text) is not None
    return _TRAIN_NOUN_RE.search(text) is not None


def new_train_markers(text: str) -> list[TrainMarker]:
    """Return the words that introduce a new train, in order.

    Examples
    --------
    >>> [m.text for m in new_train_markers("A 47-car military train left; the first, with 48")]
    ['A ', 'the first']
    """
    markers = []
    for m in _MARKER_RE.finditer(text):
        kind = next(k for k in ("ordinal", "another", "one", "weak", "other", "indefinite") if m[k])
        markers.append(TrainMarker(kind, m.start(), m.end(), text[m.start() : m.end()]))
    return markers


def group_announcement(text: str) -> GroupAnnouncement | None:
    """Return the announcement of several new trains in the text, if any.

    "The two echelons" or "both trains" refer back to trains already named and are
    not announcements (see :func:`is_group_reference`).

    Examples
    --------
    >>> group_announcement("In total the two echelons have 86 cars.") is None
    True
    >>> group_announcement("Last week, five echelons left Belarus.").n_trains
    5
    """
    if _PLURAL_RE.search(text) is None:
        return None
    for m in _GROUP_RE.finditer(text):
        if m["lead"]:
            continue
        word = m["num"].lower()
        if word in ("several", "a few"):
            n = None
        elif word in ("a couple of", "a pair of"):
            n = 2
        else:
            n = parse_number(word)
        if n is None:
            continue
        most = parse_number(m["most"].lower()) if m["most"] else None
        if most is not None and most <= n:
            most = None
        if most is not None and not verb_cues(text):
            continue  # (a range with no verb of moving: a rate, "10-12 trains a shift")
        if n >= 2:
            said = text[m.start() : m.end()]
            return GroupAnnouncement(n, m.start(), m.end(), said, most, more=_further(text, m))
    return None


def _further(text: str, m: re.Match[str]) -> bool:
    """Whether a count of trains is of further ones ("three more trains", "another two")."""
    words = lexicon("en").more_trains
    before = text[: m.start()].split()
    inside = text[m.start() : m.end()].lower().split()
    return bool(before and before[-1].lower() in words) or any(w in words for w in inside)


def is_group_reference(text: str) -> bool:
    """Whether the text speaks of trains already named, together ("in both trains").

    Trains in general ("the usual grain trains") are no trains already named.

    Examples
    --------
    >>> is_group_reference("In both trains, 86 cars."), is_group_reference("the usual trains")
    (True, False)
    """
    at = generic_at(text)
    if at is not None:
        text = text[:at]
    return _GROUP_REF_RE.search(text) is not None


# Trains in general, said to compare ("twice as long as the usual grain trains ..., which
# sit at 40 wagons", "trains normally carry 57 cars", "on average"): no train told of.
# ("regular" only of trains in the plural: "a regular freight train" may be the one told.)
_GENERIC_RE = fold_compile(
    r"\b(?:usual|typical|normal|ordinary|average|conventional|customary)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_NOUN_ANY}|"
    rf"\bregular\s+(?:[\w-]+\s+){{0,2}}?{_NOUN_PLURAL}\b|"
    rf"\b{_NOUN_PLURAL}\s+(?:usually|normally|typically|generally|ordinarily)\b|"
    r"\b(?:on\s+average|as\s+a\s+rule)\b",
    re.IGNORECASE,
)


# What would have happened, or would if something were so ("If they were going to
# Afghanistan, they would have left from the West Coast"): no train's facts
_HYPOTHETICAL_RE = fold_compile(
    r"\bwould\s+(?:not\s+|never\s+)?have\s+(?:been\s+)?[a-z]+(?:ed|en|ft|ne|nt|wn)\b|"
    r"\bif\s+(?:it|they|he|she|we|the\s+[\w-]+)\s+(?:were|had\s+been)\b",
    re.IGNORECASE,
)


def is_hypothetical(text: str) -> bool:
    """Whether a sentence tells what would have happened, not what did.

    Examples
    --------
    >>> is_hypothetical("If they were going to Asia, they would have left from the West Coast.")
    True
    >>> is_hypothetical("The train would leave Gomel on Monday."), is_hypothetical("It left.")
    (False, False)
    """
    return _HYPOTHETICAL_RE.search(text) is not None


# "This was one of four trains operated to Port Adelaide": the train told is one of a
# group of that many (no possessive before the number: "one of Russia's two armoured
# trains" is a fleet)
_ONE_OF_RE = fold_compile(
    rf"\b(?:was|is|as|being|became)\s+(?:the\s+)?one\s+of\s+(?:the\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    rf"{_COUNTED_MODIFIER}{{0,3}}{_NOUN_PLURAL}\b",
    re.IGNORECASE,
)


def one_of_group(text: str) -> int | None:
    """Return N when the text says the train told is one of N trains, else None.

    Examples
    --------
    >>> one_of_group("This was one of four trains operated to Port Adelaide.")
    4
    >>> one_of_group("the Baikal, one of Russia's two armoured trains") is None
    True
    """
    found = _ONE_OF_RE.search(text)
    if found is None:
        return None
    n = parse_number(found["num"].lower())
    return n if n is not None and 2 <= n <= 20 else None


def generic_at(text: str) -> int | None:
    """Where a text starts to speak of trains in general, else None.

    What follows ("the usual grain trains ..., which sit at 650m long and 40 wagons")
    compares the train told of with others: its counts are no train's of the report.

    Examples
    --------
    >>> generic_at("A 73-car train, twice as long as the usual trains of 40 wagons")
    37
    >>> generic_at("A regular freight train left Narrabri.") is None
    True
    """
    found = _GENERIC_RE.search(text)
    return None if found is None else found.start()


_WHOLE_RE = fold_compile(
    rf"\b{_NOUN_ANY}\s+(?:of|consisting\s+of|made\s+up\s+of|comprising)\s+$|"
    r"\b(?:consist(?:s|ed)?|consisting|made\s+up|composed)\s+(?:entirely\s+|only\s+)?of\s+$|"
    # "a container train numbering 56 open-top cars", "The train has 23 platforms", "the
    # train, which includes 23 platforms": the train's own make-up ("also has" is a part)
    rf"\b{_NOUN_ANY}\s+(?:(?:which|that)\s+)?(?:numbering|totall?ing|has|had|have|"
    r"includes|included|contains|contained)\s+$|"
    r"\b(?:which|that)\s+(?:includes|included|contains|contained|has|had)\s+$",
    re.IGNORECASE,
)


_SAME_ROUTE_RE = fold_compile(
    r"\b(?:(?:along|by|on|over|via|following)\s+)?(?:the\s+(?:very\s+)?(?:same|exact|identical)|"
    r"a\s+similar)\s+(?:route|way|path|itinerary)\b",
    re.IGNORECASE,
)


def same_route(text: str) -> bool:
    """Whether the text says a train took the route of the one before ("the same route").

    Examples
    --------
    >>> same_route("a similar train passed along the same route"), same_route("a train left")
    (True, False)
    """
    return _SAME_ROUTE_RE.search(text) is not None


def is_whole_train(before: str) -> bool:
    """Whether a count right after ``before`` is the whole train ("an echelon of 48 ...").

    Examples
    --------
    >>> is_whole_train("an echelon of "), is_whole_train("a train with ")
    (True, False)
    >>> is_whole_train("The train has "), is_whole_train("The train also has ")
    (True, False)
    """
    return _WHOLE_RE.search(before) is not None


def is_each(text: str) -> bool:
    """Whether counts in the text hold for each train of a group ("each had 8 cars")."""
    return _EACH_RE.search(text) is not None


def claim_kind(text: str) -> str | None:
    """Return ``planned`` or ``expected`` if the text plans or expects, else None.

    The first cue in the text wins.

    Examples
    --------
    >>> claim_kind("Its planned arrival is on March 4."), claim_kind("It left Orsha.")
    ('planned', None)
    """
    text = _ATTRIBUTIVE_RE.sub(lambda m: m[0].replace(m[1], " " * len(m[1]), 1), text)
    planned = _PLANNED_RE.search(text)
    expected = _EXPECTED_RE.search(text)
    if planned and (not expected or planned.start() <= expected.start()):
        return "planned"
    if expected:
        return "expected"
    return None


def is_off_topic(text: str) -> bool:
    """Whether a sentence is about sabotage, disruption or freight statistics.

    An accident or an attack on a train, and a passenger service, are never a
    shipment, military train or not; the rest is off topic only without military
    rail words.

    Examples
    --------
    >>> is_off_topic("A freight train derailed near Bryansk.")
    True
    >>> is_off_topic("A military train left Gomel.")
    False
    >>> is_off_topic("The echelon with tanks was delayed at Orsha.")
    False
    >>> is_off_topic("A missile strike hit an ammunition train at Kazanka.")
    True
    >>> is_off_topic("Saboteurs set on fire the tank cars of a Russian fuel train.")
    True
    >>> is_off_topic("Freight traffic grew by 5 per cent to 12 million tonnes.")
    True
    >>> is_off_topic("A cargo train carrying goods worth 4 million yuan left Chongqing.")
    False
    """
    vehicles = lexicon("en").service_vehicles  # "evacuation vehicles": a load, no people
    searched = text if vehicles is None else blank_matches(vehicles, text)
    if _NEVER_SHIPMENT_RE.search(searched) is not None:
        return True
    found = [m[0] for m in _OFF_TOPIC_RE.finditer(text)]
    if not found or _MILITARY_RE.search(text) is not None:
        return False
    # one train on its way is the topic, whatever its load is worth or weighs ("the
    # first cargo train, carrying goods worth 4 million yuan, departed Xiaonanya"), as
    # in the lexicon languages; sabotage and disruption words stay off topic
    if all(_STATISTIC_WORD_RE.fullmatch(word) for word in found):
        moving = any(cue.role != "neutral" for cue in verb_cues(text))
        return not (moving and has_train_noun(text, singular=True))
    return True


# A train (un)loaded at a place: the place is the train's origin or destination, a train
# is there even when no train noun is written ("tanks loaded onto rail cars at Fort
# Stewart"), and the day of loading is not the day it left.
_RAIL_VEHICLES = (
    r"(?:rail\s*(?:road\s+|way\s+)?cars?|railcars?|rail\s+wagons?|flat\s*cars?|flatbeds?|"
    r"platforms?|wagons?|trains?|echelons?)"
)
_UNLOADING_RE = fold_compile(
    rf"\b(?:unload(?:ed|ing)?|offload(?:ed|ing)?)\b(?:\s+\w+){{0,3}}?\s+(?:from|off)\s+"
    rf"(?:the\s+|its\s+)?(?:[\w-]+\s+)?{_RAIL_VEHICLES}\b|\bunload(?:ed|ing)?\s+(?:at|in)\b",
    re.IGNORECASE,
)
_LOADING_RE = fold_compile(
    rf"\b(?:load(?:ed|ing)?|rail-?load(?:ed|ing)?)\b(?:\s+[\w,-]+){{0,8}}?\s+(?:onto|on|into|on\s+to)"
    rf"\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?{_RAIL_VEHICLES}\b",
    re.IGNORECASE,
)


def place_stage(text: str) -> str | None:
    """Return ``unloading`` or ``loading`` when a text says a train is (un)loaded.

    Parameters
    ----------
    text : str
        One clause.

    Returns
    -------
    str or None
        ``unloading`` ("unloaded from the flatcars", "unloaded at Polonka"),
        ``loading`` ("loaded onto rail cars", "loading tanks onto railroad cars"),
        else None.

    Examples
    --------
    >>> place_stage("Tanks were loaded onto rail cars at Fort Stewart.")
    'loading'
    >>> place_stage("The vehicles were unloaded from the flatcars at Polonka.")
    'unloading'
    >>> place_stage("A train loaded with tanks left Gomel.") is None
    True
    """
    if _UNLOADING_RE.search(text) is not None:
        return "unloading"
    if _LOADING_RE.search(text) is not None:
        return "loading"
    return None


# Trains counted over a period, at a rate or as a running total ("has operated almost 300
# trains since then", "three or four trains/week", "a total of 3,557 freight trains have
# run so far"): a statistic, not trains described (the lexicon languages' ``period``)
_STATISTIC_RE = fold_compile(
    r"\b(?:since\s+(?:then|(?:the\s+)?(?:beginning|start|launch)|its\s+(?:launch|start)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|\d{4})\b)|so\s+far|to\s+date|"
    r"(?:per|a|each|every)\s+(?:day|week|month|year)|"
    rf"{_NOUN_PLURAL}\s*/\s*(?:day|week|month|year)|"
    # a part of a month counted as a period ("in the first ten days of December", "over
    # the last decade of May"): trains counted there are a tally, not trains described
    r"(?:first|second|third|last|final)\s+(?:(?:ten|10|five|5|fifteen|15)[\s-]+days?|"
    r"decade)\s+of\s+(?:the\s+month|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december))|"
    # a running total ("we have already brought up 33 trains", "already 13 trains have
    # arrived"): the trains so far, not a group described
    # ("already sent two more echelons" adds trains to those told: no total)
    rf"already\s+(?:[a-z]+\s+){{0,2}}?(?:\d+|a\s+total\s+of\s+\d+)\s+"
    r"(?!(?:more|new|further|additional|other)\b)"
    rf"{_COUNTED_MODIFIER}{{0,3}}{_NOUN_PLURAL})\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
# a count of trains past any group a report describes ("more than 550 container trains")
_TRAFFIC_COUNT_RE = fold_compile(
    rf"(?<![\w#№])(?:[2-9]\d\d|\d{{1,3}}(?:[,\s]\d{{3}})+|\d{{4,}})\s+"
    rf"{_COUNTED_MODIFIER}{{0,3}}{_NOUN_PLURAL}\b",
    re.IGNORECASE,
)


# a verb of a train on its way ("passed from Zhlobin to Gomel on March 13"): with an
# origin named, the day dates its departure (the lexicon languages' ``passage``)
_PASSAGE_RE = re.compile(
    r"^(?:passed|passing|travel+ed|travel+ing|moved|moving|rolled|rolling)$", re.IGNORECASE
)


# a train standing now ("it has been standing at Luninets station for two days", "is
# stuck at Orsha", "stands at"): where it stands is where it was last seen (trial12 T4)
_STANDS_NOW_RE = re.compile(
    r"\b(?:(?:is|are|has\s+been|have\s+been)\s+(?:still\s+)?(?:standing|parked|stuck|"
    r"waiting|idling|stationary)|stands)\b",
    re.IGNORECASE,
)


def stands_now_at(text: str) -> int | None:
    """Where a text tells a train standing now, if it does (trial12 T4, trial14 T5).

    Where it stands is where it was last seen, on the report's day.

    Parameters
    ----------
    text : str
        One clause (English).

    Returns
    -------
    int or None
        The offset of the words telling it ("stands", "has been standing"), else None.

    Examples
    --------
    >>> stands_now_at("It has not reached Brest to this day and stands at Baranovichi.")
    41
    >>> stands_now_at("It has been standing at Luninets station for two days.")
    3
    >>> stands_now_at("It stood at Luninets for two days.") is None
    True
    """
    found = _STANDS_NOW_RE.search(text)
    return found.start() if found is not None else None


def is_passage(word: str) -> bool:
    """Whether a verb is one of a train on its way ("passed", "travelled"), not of one seen.

    >>> is_passage("passed"), is_passage("spotted")
    (True, False)
    """
    return _PASSAGE_RE.match(word) is not None


# the future right before a verb ("will leave", "will soon depart", "is to leave", "are
# set to depart", "is going to leave"): a move not made yet
_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set\s+|scheduled\s+|due\s+|going\s+)?to)"
    r"\s+(?:\w+\s+)?(?:be\s+)?$",
    re.IGNORECASE,
)


def is_future(text: str, at: int) -> bool:
    """Whether the verb at ``at`` is told in the future ("will leave", "is to depart").

    Examples
    --------
    >>> is_future("Two trains will leave Baranovichi soon.", 16)
    True
    >>> is_future("A train is heading to Bryansk.", 10)
    False
    """
    return _FUTURE_BEFORE_RE.search(text[max(0, at - 40) : at]) is not None


# a past span ("over the past week", "in the last few days", "during the previous
# month"): trains counted over it, with no station named and none described after, are
# a tally (the lexicon languages' ``past_span``; trial10 T2)
_PAST_SPAN_RE = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)


def names_past_span(text: str) -> bool:
    """Whether a text names a past span of days, weeks or months.

    Examples
    --------
    >>> names_past_span("Over the past week, at least five trains left Belarus.")
    True
    >>> names_past_span("Two trains left Belarus on March 17.")
    False
    """
    return _PAST_SPAN_RE.search(text) is not None


# a channel's digest of a week or a period ("Weekly summary:", "Week in review",
# "Monthly round-up"): trains it counts are a tally (the lexicon languages' ``digest``;
# trial11 T2)
_DIGEST_RE = re.compile(
    r"\b(?:(?:weekly|monthly|daily)\s+(?:summary|digest|round-?up|recap|review|report|update|"
    r"tally|totals?|results?)|"
    r"(?:week|month)\s+in\s+review|summary\s+of\s+the\s+(?:past\s+|last\s+)?(?:week|month)|"
    r"(?:week|month)(?:'s|’s)?\s+(?:summary|digest|round-?up|recap|results|tally|totals?))\b",
    re.IGNORECASE,
)


_YEARS_AGO = re.compile(r"\b(?:a\s+)?years?\s+ago\b", re.IGNORECASE)


def tells_years_ago(text: str) -> bool:
    """Whether a text dates what it tells years back ("two years ago"): history.

    Examples
    --------
    >>> tells_years_ago("The train that crossed Europe three years ago")
    True
    >>> tells_years_ago("The train left two days ago")
    False
    """
    return _YEARS_AGO.search(text) is not None


def names_digest(text: str) -> bool:
    """Whether a text is headed as a digest of a week or a period ("Weekly summary").

    Examples
    --------
    >>> names_digest("Weekly summary: 3 echelons arrived in Belarus.")
    True
    >>> names_digest("The week's round-up: two trains left Belarus.")
    True
    >>> names_digest("Two trains left Belarus this week.")
    False
    """
    return _DIGEST_RE.search(text) is not None


# one week as the span trains are counted over ("within one week", "over the week"):
# trains told arrived or left over it are a tally whatever the places (the lexicon
# languages' ``week_count``; trial12 T13)
_WEEK_COUNT_RE = re.compile(
    r"\b(?:(?:with)?in\s+(?:one|a|a\s+single)\s+week|over\s+the\s+(?:past\s+|last\s+)?week|"
    r"during\s+the\s+(?:past\s+|last\s+)?week|in\s+the\s+(?:past|last)\s+week)\b",
    re.IGNORECASE,
)
# an earlier count recalled ("Recall that in February ...", "As a reminder, ..."): the
# lexicon languages' ``recall`` (trial12 T13)
_RECALL_RE = re.compile(
    r"\b(?:recall\s+that|to\s+recall|as\s+a\s+reminder|as\s+(?:we|was)\s+(?:reported|wrote)"
    r"\s+(?:earlier|before|previously))\b",
    re.IGNORECASE,
)


def names_week_count(text: str) -> bool:
    """Whether a text counts trains over one week ("within one week", "over the week").

    Examples
    --------
    >>> names_week_count("Four trains arrived in Baranavichy within one week.")
    True
    >>> names_week_count("Last week, five echelons left Belarus.")
    False
    """
    return _WEEK_COUNT_RE.search(text) is not None


def recalls(text: str) -> bool:
    """Whether a text recalls an earlier count ("Recall that in February ...").

    Examples
    --------
    >>> recalls("Recall that in February four trains arrived in Baranavichy.")
    True
    >>> recalls("Four trains arrived in Baranavichy in February.")
    False
    """
    return _RECALL_RE.search(text) is not None


def is_statistic(text: str) -> bool:
    """Whether a sentence counts trains over a period, at a rate, or past any group.

    Such trains are counted, not described: no group and no shipment (the real
    corpus's ``aggregate`` rule, as ``LexiconReader.is_statistic`` for the other
    languages).

    Parameters
    ----------
    text : str
        One sentence or clause.

    Returns
    -------
    bool
        True for a period or rate word ("since then", "so far", "per week",
        "trains/week") or a count of over 200 trains.

    Examples
    --------
    >>> is_statistic("Since then it has operated almost 300 trains on the network.")
    True
    >>> is_statistic("A weekly service is envisaged, increasing to four trains/week.")
    True
    >>> is_statistic("More than 550 container trains have travelled on the route.")
    True
    >>> is_statistic("In the first ten days of May, 33 trains were sent to Dostyk.")
    True
    >>> is_statistic("Two trains left Slonim for Valuyki on 3 March.")
    False
    """
    if _STATISTIC_RE.search(text) is not None:
        return True
    # (a count past any group is written in digits: most clauses have none)
    return _DIGIT_RE.search(text) is not None and _TRAFFIC_COUNT_RE.search(text) is not None


# Who reported and when, or the page's own stamp ("Release time: 2018-09-04"): a date
# there is the announcement's, not the train's
_REPORTING_RE = fold_compile(
    r"\b(?:reported|said|says|announced|stated|wrote|posted|published|release\s+time|"
    r"updated|last\s+modified)\b(?!\s+that\b)",
    re.IGNORECASE,
)


_STAMP_RE = re.compile(
    r"(?:release\s+time|published|updated|posted|last\s+modified|date)\s*:\s*$", re.IGNORECASE
)


def is_stamp(before: str) -> bool:
    """Whether the words just before a date label the page's own time ("Release time:").

    >>> is_stamp("10,000th train arrives. Release time:"), is_stamp("arrived on ")
    (True, False)
    """
    return _STAMP_RE.search(before[-40:]) is not None


# a date right after a verb of telling ("It was reported on March 3 that", "posted on
# YouTube yesterday"), or a date opening a sentence whose verb is one of telling ("On
# January 8, it was reported about the arrival ...", "On March 3, Hajun reported that
# ..."): the day of the report, not of the train
_TOLD = (
    r"(?:reported|posted|published|announced|said|wrote|stated|informed|uploaded|shared|tweeted)"
)
_TOLD_BEFORE_RE = re.compile(
    rf"\b{_TOLD}\s+(?:(?:on|to)\s+(?:YouTube|Telegram|Twitter|X|Facebook|TikTok|social\s+media)\s+)?"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)
_TOLD_AFTER_RE = re.compile(
    rf"\s*,?\s*(?:(?:it|this)\s+(?:was|has\s+been)\s+{_TOLD}|"
    rf"(?:the\s+)?(?:[\w'’.-]+\s+){{0,4}}?{_TOLD}(?:\s+on\s+\w+)?)\b(?!\s+(?:leaving|departing))",
    re.IGNORECASE,
)
_OPENING_RE = re.compile(r"(?:^|[.!?\n]\s*)(?:on\s+)?$", re.IGNORECASE)


def is_report_date(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start``-``end`` is the day something was told, not a train's.

    Examples
    --------
    >>> t = "On March 3, Hajun reported that a train arrived in Minsk."
    >>> is_report_date(t, 3, 10)
    True
    >>> t = "It was reported on March 3 that a train arrived in Minsk."
    >>> is_report_date(t, 19, 26)
    True
    >>> t = "A train arrived in Minsk on March 3, Hajun reported."
    >>> is_report_date(t, 28, 35)
    False
    """
    if _TOLD_BEFORE_RE.search(text, max(0, start - 60), start) is not None:
        return True
    if _OPENING_RE.search(text, max(0, start - 8), start) is None:
        return False
    after = _TOLD_AFTER_RE.match(text, end)
    return after is not None and not any(
        cue.role != "neutral" for cue in verb_cues(text[end : after.end()])
    )


def is_attribution(text: str) -> bool:
    """Whether a clause only says who reported, and when, with no train moving.

    Examples
    --------
    >>> is_attribution("Release time:2018-09-04 15:25:49")
    True
    >>> is_attribution("the Belarusian Hajun reported on Dec. 14")
    True
    >>> is_attribution("Hajun reported that a train arrived in Gomel on 3 March")
    False
    >>> is_attribution("It is reported that on 14 May")
    False
    """
    if _REPORTING_RE.search(text) is None:
        return False
    return not any(cue.role != "neutral" for cue in verb_cues(text))


def verb_cues(text: str) -> list[VerbCue]:
    """Return the verbs that say whether a nearby date is a departure or an arrival."""
    cues = []
    for m in _VERB_RE.finditer(text):
        role = "departure" if m["dep"] else "arrival" if m["arr"] else "neutral"
        word = " ".join(m[0].lower().split())
        cues.append(VerbCue(role, m.start(), m.end(), _PAST_RE.match(word) is not None))
    if _APPEAR_RE.search(text) is not None and has_train_noun(text):
        # "three more trains will appear in Rostock": a train that appears somewhere came
        # there (only where a train is named: "30 people appeared in Warsaw")
        for m in _APPEAR_RE.finditer(text):
            cues.append(VerbCue("arrival", m.start(), m.end(), m[0].lower() == "appeared"))
        cues.sort(key=lambda cue: cue.start)
    return cues


# a train that appears at a place (the lexicons' ``verbs.appear``)
_APPEAR_RE = re.compile(r"\bappear(?:ed|s|ing)?(?=\s+(?:in|at)\b)", re.IGNORECASE)


_DURATION_RE = fold_compile(
    rf"\b(?:(?P<n>{NUMBER_PATTERN}|a|one)\s+days?\s+later|after\s+(?P<n2>{NUMBER_PATTERN})\s+days"
    r"|(?P<next>the\s+(?:next|following)\s+day)"
    # "It takes ten days for the train to reach Duisburg", "took 12 days to get to Lodz"
    r"|(?:takes?|took|taking)\s+(?:it\s+|the\s+train\s+)?(?:about\s+|around\s+|some\s+|only\s+|just\s+)?"
    rf"(?P<n3>{NUMBER_PATTERN})\s+days(?:\s+for\s+(?:the|a|this|each)\s+(?:[\w-]+\s+)?train)?"
    r"(?=\s+to\s+(?:reach|get\s+to|arrive)))\b",
    re.IGNORECASE,
)


_RETURN_RE = fold_compile(
    r"\b(?:returned|returns|returning|(?:went|came|headed|sent)\s+back|"
    # "left this evening back towards Smolensk" (trial12 T3)
    r"(?:left|departed|set\s+off|set\s+out)(?=(?:\s+[\w-]+){0,3}\s+back\b)|"
    r"return\s+(?:trip|journey|leg|run|voyage)|"
    r"(?:on\s+)?(?:the|its)\s+way\s+back)\b",
    re.IGNORECASE,
)


def return_at(text: str) -> int | None:
    """Return where words of going back start ("returned to", "the return trip to").

    Examples
    --------
    >>> return_at("It was loaded for the return trip to Barcelona.")
    22
    >>> return_at("It left Madrid for Chelm.") is None
    True
    """
    found = _RETURN_RE.search(text)
    return found.start() if found else None


# "within 2-3 days", "in the next 2-3 days", "over the next 3 to 5 days", "within 3 days":
# how long a trip is expected to take (the lexicon languages' ``duration``; S11 of trial12)
_DURATION_RANGE_RE = re.compile(
    r"\b(?P<kind>within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<low>\d{1,2})"
    r"(?:\s*(?:-|–|—|\s+to\s+|\s+or\s+)\s*(?P<high>\d{1,2}))?\s+(?P<unit>days?|weeks?)\b",
    re.IGNORECASE,
)


def duration_ranges(text: str) -> list[tuple[int, int, int, int]]:
    """Return each "within 2-3 days" as (least, most days, start, end).

    A range, or one number after "within" or "the next" (from no days to that many),
    is how long a trip takes; one number after a bare "in" is a day
    (:mod:`~railtrack.extract.dates`).

    Examples
    --------
    >>> duration_ranges("It is expected to arrive in the next 2-3 days.")
    [(2, 3, 25, 45)]
    >>> duration_ranges("It should arrive within 3 days.")
    [(0, 3, 17, 30)]
    >>> duration_ranges("It arrives in 3 days.")
    []
    """
    found: list[tuple[int, int, int, int]] = []
    for m in _DURATION_RANGE_RE.finditer(text):
        low = int(m["low"])
        high = int(m["high"]) if m["high"] else None
        if high is None:
            if m["kind"].lower() == "in" and "next" not in m[0].lower():
                continue
            low, high = 0, low
        days = 7 if m["unit"].lower().startswith("week") else 1
        if 0 <= low < high:
            found.append((low * days, high * days, m.start(), m.end()))
    return found


def trip_durations(text: str) -> list[tuple[int, int, int]]:
    """Return each time after a known date ("two days later") as (days, start, end).

    Examples
    --------
    >>> trip_durations("It left Kursk on 2 March and reached Gomel two days later.")
    [(2, 43, 57)]
    >>> trip_durations("It arrived the next day; after 17 days it returned.")
    [(1, 11, 23), (17, 25, 38)]
    """
    found: list[tuple[int, int, int]] = []
    for m in _DURATION_RE.finditer(text):
        if m["next"]:
            days: int | None = 1
        else:
            word = (m["n"] or m["n2"] or m["n3"] or "").lower()
            days = 1 if word in ("a", "one") else parse_number(word)
        if days is not None:
            found.append((days, m.start(), m.end()))
    return found
