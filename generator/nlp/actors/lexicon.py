"""Word lists for actors: who a noun phrase can be, and which names are the same referent.

Hand-written, general lists (not taken from any evaluation text): head nouns of
agents by kind, capitals (for "Beijing said" -> the Chinese government; nationality
adjectives are in :mod:`generator.lexicon`), and well-known aliases.
"""

from __future__ import annotations

GOVERNMENT_HEADS = frozenset({
    "official", "officials", "authority", "authorities", "government", "governments",
    "ministry", "ministries", "minister", "ministers", "police", "policeman", "policemen",
    "officer", "officers", "army", "military", "troops", "soldier", "soldiers", "president",
    "presidents", "premier", "chancellor", "prime", "regime", "administration", "court",
    "courts", "judge", "judges", "prosecutor", "prosecutors", "council", "congress",
    "parliament", "senate", "senator", "senators", "lawmaker", "lawmakers", "legislator",
    "legislators", "department", "agency", "agencies", "governor", "governors", "mayor",
    "mayors", "cabinet", "spokesman", "spokeswoman", "spokesperson", "embassy", "ambassador",
    "diplomat", "diplomats", "state", "states", "leadership", "leader", "leaders", "secretary",
    "cia", "fbi", "regulators", "regulator", "commission", "officialdom",
})
MEDIA_HEADS = frozenset({
    "newspaper", "newspapers", "paper", "magazine", "broadcaster", "channel", "station",
    "agency", "outlet", "tabloid", "daily", "times", "news", "post", "journal", "herald",
    "tribune", "telegraph", "guardian", "gazette", "xinhua", "reuters", "cnn", "bbc", "press",
    "television", "tv", "radio", "website",
})
GROUP_HEADS = frozenset({
    "group", "groups", "militants", "militant", "rebels", "rebel", "insurgents", "insurgent",
    "fighters", "fighter", "jihadists", "protesters", "protestors", "activists", "activist",
    "residents", "people", "workers", "students", "supporters", "critics", "families",
    "victims", "witnesses", "campaigners", "organisation", "organisations", "organization",
    "organizations", "party", "parties", "movement", "movements", "union", "unions",
    "separatists", "separatist", "extremists", "terrorists", "minority", "minorities",
    "community", "communities", "members", "member", "opposition", "coalition", "network",
    "cell", "cells", "gang", "gangs", "voters", "citizens", "americans", "republicans",
    "democrats", "candidates", "rivals", "campaign", "camp", "team", "aides", "staff", "allies",
    "donors", "conservatives", "liberals", "progressives", "delegates", "parents", "fans",
})
PERSON_HEADS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "child", "children", "mother", "father",
    "wife", "husband", "son", "daughter", "brother", "sister", "friend", "neighbour",
    "neighbor", "doctor", "expert", "experts", "analyst", "analysts", "lawyer", "lawyers",
    "scientist", "scientists", "researcher", "researchers", "teacher", "author", "witness",
    "victim", "suspect", "suspects", "spokesman", "spokeswoman", "source", "sources",
    "resident", "chief", "director", "manager", "chairman", "ceo", "founder",
})
# Things that speak for someone: "the report said", "according to the poll".
DOCUMENT_HEADS = frozenset({
    "poll", "polls", "survey", "surveys", "report", "reports", "study", "studies", "statement",
    "statements", "document", "documents", "email", "emails", "memo", "letter", "letters", "ad",
    "ads", "advertisement", "data", "results", "filing", "filings", "records", "record", "tweet",
    "tweets", "video", "book", "article", "analysis", "findings", "release", "transcript",
    "complaint", "lawsuit", "indictment", "ruling", "order", "website", "message", "messages",
})
# Singular roles name one person ("the president"); their plurals are institutions.
ROLE_HEADS = frozenset({
    "president", "minister", "ambassador", "senator", "governor", "mayor", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "judge", "prosecutor", "officer", "chancellor",
    "premier", "leader", "chief", "official", "diplomat", "lawmaker", "legislator", "general",
    "commander", "chairman", "chairwoman", "director", "sheriff", "coroner", "inspector",
})
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "prince": "m", "king": "m", "duke": "m",
    "father": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "lady": "f",
    "dame": "f", "princess": "f", "queen": "f", "duchess": "f", "sister": "f",
    "dr": None, "dr.": None, "prof": None, "president": None, "senator": None, "sen.": None,
    "rep.": None, "gov.": None, "governor": None, "judge": None, "justice": None,
    "general": None, "gen.": None, "col.": None, "captain": None, "capt.": None, "sgt.": None,
    "officer": None, "chancellor": None, "minister": None, "secretary": None, "mayor": None,
    "pope": None, "rev.": None, "sheikh": None, "detective": None, "coach": None,
}
# Bare references that point back to an actor named earlier ("the group", "officials").
ANAPHORIC_HEADS = frozenset({
    "group", "organisation", "organization", "party", "movement", "government", "authorities",
    "officials", "official", "police", "company", "firm", "agency", "regime", "administration",
    "militants", "newspaper", "paper", "team", "club", "side", "squad",
})

CAPITALS = {
    "beijing": "china", "washington": "united states", "moscow": "russia", "kremlin": "russia",
    "london": "united kingdom", "downing street": "united kingdom", "whitehall": "united kingdom",
    "paris": "france", "berlin": "germany", "tokyo": "japan", "new delhi": "india",
    "delhi": "india", "islamabad": "pakistan", "kabul": "afghanistan", "baghdad": "iraq",
    "damascus": "syria", "tehran": "iran", "jerusalem": "israel", "ankara": "turkey",
    "cairo": "egypt", "riyadh": "saudi arabia", "seoul": "south korea",
    "pyongyang": "north korea", "rome": "italy", "madrid": "spain", "mexico city": "mexico",
    "ottawa": "canada", "canberra": "australia", "kiev": "ukraine", "kyiv": "ukraine",
    "brasilia": "brazil", "abuja": "nigeria", "nairobi": "kenya", "tripoli": "libya",
    "sanaa": "yemen", "beirut": "lebanon", "amman": "jordan", "athens": "greece",
    "dublin": "ireland", "brussels": "european union", "havana": "cuba", "caracas": "venezuela",
    "bangkok": "thailand", "hanoi": "vietnam", "jakarta": "indonesia", "manila": "philippines",
    "taipei": "taiwan", "doha": "qatar", "white house": "united states",
    "pentagon": "united states", "state department": "united states",
}
COUNTRY_NAMES = {
    "china": "China", "united states": "United States", "united kingdom": "United Kingdom",
    "european union": "European Union", "saudi arabia": "Saudi Arabia",
    "north korea": "North Korea", "south korea": "South Korea",
    "czech republic": "Czech Republic", "united arab emirates": "United Arab Emirates",
    "sri lanka": "Sri Lanka", "south africa": "South Africa", "new zealand": "New Zealand",
}
COUNTRY_ALIASES = {
    "us": "united states", "u.s.": "united states", "usa": "united states",
    "u.s.a.": "united states", "america": "united states", "the united states": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "prc": "china", "eu": "european union",
}
# Organisations known under several names: every alias maps to one canonical key.
ORGANISATION_ALIASES = {
    "isis": "islamic state", "isil": "islamic state", "is": "islamic state",
    "daesh": "islamic state", "islamic state of iraq and syria": "islamic state",
    "islamic state of iraq and the levant": "islamic state", "islamic state group": "islamic state",
    "un": "united nations", "u.n.": "united nations", "nato": "nato",
    "the north atlantic treaty organization": "nato", "gop": "republican party",
    "republicans": "republican party", "democrats": "democratic party",
    "communist party of china": "communist party", "chinese communist party": "communist party",
    "ccp": "communist party", "cpc": "communist party", "who": "world health organization",
    "fbi": "federal bureau of investigation", "cia": "central intelligence agency",
    "labour": "labour party", "tories": "conservative party", "tory": "conservative party",
}
MILITANT_NAMES = frozenset({
    "islamic state", "isis", "isil", "daesh", "al-qaeda", "al qaeda", "taliban", "hamas",
    "hezbollah", "boko haram", "al-shabaab", "al shabaab", "al-nusra", "al nusra",
    "nusra front", "pkk", "farc", "eta", "ira",
})
# Peoples and faiths: a NORP-like word names a group of people, whatever label NER gives it.
PEOPLES = frozenset({
    "uighur", "uyghur", "muslim", "christian", "jew", "jewish", "hindu", "sikh", "buddhist",
    "sunni", "shia", "shiite", "kurd", "kurdish", "tibetan", "han", "arab", "persian",
    "pashtun", "tamil", "rohingya", "yazidi", "druze", "alawite", "copt", "catholic",
    "protestant", "evangelical", "mormon", "latino", "hispanic", "black", "white", "asian",
    "african", "european", "indigenous", "aboriginal", "palestinian", "israeli", "immigrant",
    "migrant", "refugee", "scot", "briton", "brit",
})
PLACE_HEADS = frozenset({"capital", "city", "town", "village", "province", "region", "county",
                         "district", "port", "island", "suburb", "neighbourhood", "prefecture"})
# Names that NER tags as organisations but are not actors.
NOT_ACTORS = frozenset({"islam", "christianity", "judaism", "hinduism", "buddhism",
                        "sikhism", "god", "allah"})
