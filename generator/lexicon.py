"""Word lists that several components read, kept once so that they cannot drift apart.

Each list says what it holds. A component that needs a variant writes it where it uses the
list (``DETERMINERS | {"every", ...}``), so every difference is visible and deliberate. All
words are lower case. The module imports nothing of the project: ingest, text, nlp and
evaluation all read it.
"""

from __future__ import annotations

import re

# Personal pronouns, subject and object forms.
PERSONAL_PRONOUNS = frozenset({"i", "me", "you", "he", "him", "she", "her", "it", "we", "us",
                               "they", "them"})
# Third-person pronouns that point back to an actor: one person, or a plural agent.
PRONOUN_REFERENTS = {"he": "person", "him": "person", "she": "person", "her": "person",
                     "they": "plural", "them": "plural"}
# Pronouns that can only stand for a single person.
PERSON_PRONOUNS = frozenset({"i", "me", "he", "him", "she", "her"})
POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# People known by their tie to someone ("her friend", "Smith's ex"): never that someone.
RELATIVES = frozenset({
    "ex", "wife", "husband", "mother", "father", "son", "daughter", "brother", "sister", "parent",
    "child", "sibling", "cousin", "uncle", "aunt", "niece", "nephew", "grandmother",
    "grandfather", "grandson", "granddaughter", "stepfather", "stepmother", "stepson",
    "stepdaughter", "widow", "widower", "fiance", "fiancee", "girlfriend", "boyfriend", "partner",
    "friend", "pal", "neighbour", "neighbor", "relative", "family", "colleague", "teammate",
    "classmate", "roommate", "flatmate", "rival", "opponent", "critic", "victim", "accuser",
    "biographer", "mum", "mom", "dad"
})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Articles, demonstratives and possessives: the words that open a noun phrase.
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"}) | POSSESSIVES
# Quantity words that head a phrase naming part of a group ("many of the residents").
PARTITIVES = frozenset({"many", "some", "most", "few", "all", "one", "several", "none",
                        "members"})

# Nouns that describe a person next to a name and stay lower-case in news text
# ("Sunderland striker Jermain Defoe", "the Togo international", "the Los Angeles native"):
# what case counts cannot tell from a name head ("Hubble Space Telescope").
PERSON_DESCRIPTORS = frozenset(re.findall(r"[\w-]+", """
    striker midfielder defender winger goalkeeper keeper forward prop flanker hooker fly-half
    skipper captain coach manager boss chairman veteran rookie champion star singer actor
    actress presenter host model designer player driver rider jockey trainer batsman bowler
    spokesman spokeswoman spokesperson lawyer attorney barrister solicitor officer detective
    sergeant constable investigator expert professor researcher scientist doctor surgeon
    nurse teacher pupil student mother father son daughter wife husband brother sister
    friend girlfriend boyfriend partner fiancée fiance widow seeker resident neighbour
    neighbor victim suspect director producer writer author journalist reporter editor
    photographer worker employee owner founder chef pilot soldier commander official leader
    candidate rival teammate colleague pastor priest fielder wicketkeeper centre-back
    full-back fullback scrum-half wideman international native national youngster teenager
    schoolboy schoolgirl holidaymaker tourist mum dad
"""))

# Endings of nouns for people ("investigators", "student", "trainee", "chairman").
PERSON_SUFFIXES = tuple(end + plural for end in (
    "er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "woman", "women", "people")
    for plural in ("", "s"))

# Abbreviations that end with a full stop which does not end the sentence ("Mr.", "Jan.",
# "U.S."), written without that stop.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "a.m", "p.m", "e.g", "i.e", "mt", "ft", "ave", "blvd", "dept", "univ", "fig", "approx",
})

# Nationality adjectives and the country each names ("Chinese officials" are China's).
DEMONYMS = {
    "chinese": "china", "american": "united states", "british": "united kingdom",
    "russian": "russia", "french": "france", "german": "germany", "japanese": "japan",
    "indian": "india", "pakistani": "pakistan", "afghan": "afghanistan", "iraqi": "iraq",
    "syrian": "syria", "iranian": "iran", "israeli": "israel", "palestinian": "palestine",
    "turkish": "turkey", "egyptian": "egypt", "saudi": "saudi arabia", "korean": "korea",
    "north korean": "north korea", "south korean": "south korea", "italian": "italy",
    "spanish": "spain", "mexican": "mexico", "canadian": "canada", "australian": "australia",
    "ukrainian": "ukraine", "brazilian": "brazil", "nigerian": "nigeria", "kenyan": "kenya",
    "libyan": "libya", "yemeni": "yemen", "lebanese": "lebanon", "jordanian": "jordan",
    "greek": "greece", "irish": "ireland", "scottish": "scotland", "welsh": "wales",
    "dutch": "netherlands", "belgian": "belgium", "swiss": "switzerland", "swedish": "sweden",
    "norwegian": "norway", "danish": "denmark", "polish": "poland", "cuban": "cuba",
    "venezuelan": "venezuela", "colombian": "colombia", "argentine": "argentina",
    "thai": "thailand", "vietnamese": "vietnam", "indonesian": "indonesia",
    "malaysian": "malaysia", "filipino": "philippines", "taiwanese": "taiwan",
    "european": "european union", "somali": "somalia", "sudanese": "sudan",
    "ethiopian": "ethiopia", "algerian": "algeria", "moroccan": "morocco", "tunisian": "tunisia",
    "qatari": "qatar", "emirati": "united arab emirates", "kuwaiti": "kuwait",
    "omani": "oman", "bangladeshi": "bangladesh", "sri lankan": "sri lanka",
    "nepalese": "nepal", "nepali": "nepal", "burmese": "myanmar", "kazakh": "kazakhstan",
    "uzbek": "uzbekistan", "hungarian": "hungary", "czech": "czech republic",
    "austrian": "austria", "portuguese": "portugal", "finnish": "finland",
    "romanian": "romania", "serbian": "serbia", "croatian": "croatia", "chilean": "chile",
    "peruvian": "peru", "zimbabwean": "zimbabwe", "south african": "south africa",
    "ghanaian": "ghana", "new zealand": "new zealand",
}

# Average days in one calendar unit, by TIMEX3 unit letter: D day, W week, M month,
# Q quarter, H half-year, Y year, E decade, C century. (Hours are no calendar unit: a
# duration in hours is written ``PT5H``, with the T, and never looked up here.)
DAYS_PER_UNIT = {"D": 1, "W": 7, "M": 30.44, "Q": 91.3, "H": 182.6, "Y": 365.25, "E": 3652.5,
                 "C": 36525.0}
