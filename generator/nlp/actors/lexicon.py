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
# Verbs that things do as well as people ("tests show", "the clip revealed"): their subject
# is an actor only when it names people.
EVIDENCE_VERBS = frozenset({
    "show", "reveal", "find", "suggest", "indicate", "highlight", "confirm", "prove",
    "demonstrate", "illustrate", "mean", "continue", "seem", "appear", "boast", "observe"})
# Nouns for bodies of people that show and find things as people do ("a panel found").
BODIES = frozenset({"panel", "jury", "committee", "board", "team", "court", "council",
                    "enemy", "public", "crowd", "family", "staff", "commission", "inquiry",
                    "tribunal", "audience", "voter", "crew", "squad", "side", "club"})
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
# Online platforms: the tagger often reads a bare one as a person ("took to Twitter").
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "snapchat", "youtube", "reddit",
                       "whatsapp", "tiktok", "linkedin", "tumblr", "pinterest", "weibo",
                       "wechat", "vine", "periscope", "flickr", "myspace", "craigslist",
                       "google", "netflix", "spotify", "telegram"})
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
# Events and states of affairs: the subject of "blamed" or "said" here is no actor ("attacks
# blamed on ...", "the violence continued", "the war showed").
EVENT_HEADS = frozenset({
    "attack", "attacks", "violence", "bombing", "bombings", "explosion", "explosions", "blast",
    "blasts", "crash", "crashes", "war", "wars", "fire", "fires", "fighting", "clash", "clashes",
    "unrest", "riot", "riots", "shooting", "shootings", "killing", "killings", "incident",
    "incidents", "accident", "accidents", "crisis", "storm", "earthquake", "flood", "floods",
    "tension", "tensions", "conflict", "conflicts", "protest", "protests", "election",
    "elections", "crackdown", "raid", "raids", "strike", "strikes", "case", "cases",
})
PLACE_HEADS = frozenset({"capital", "city", "town", "village", "province", "region", "county",
                         "district", "port", "island", "suburb", "neighbourhood", "prefecture"})
# Words before a colon at a paragraph's start that are no speaker ("UPDATE: ...", "Photo: ...").
NOT_SPEAKER_LABELS = frozenset({
    "update", "updated", "correction", "clarification", "note", "editor", "photo", "picture",
    "video", "source", "sources", "credit", "read", "more", "related", "watch", "breaking",
    "exclusive", "analysis", "opinion", "poll", "the", "latest", "transcript", "question",
    "answer", "warning", "live", "pictured", "caption", "by", "published",
})
# Names that NER tags as organisations but are not actors.
NOT_ACTORS = frozenset({"islam", "christianity", "judaism", "hinduism", "buddhism",
                        "sikhism", "god", "allah"})

# Finer roles than the kind (``Actor.role``), by a word of the mention, of its appositive or of
# the name. Singular, lower case; the first word of a phrase that has one decides (see
# :mod:`generator.nlp.actors.roles`). Plural and singular agents share a role.
ROLE_WORDS = {
    # militant and armed groups
    "militant": "militant group", "militants": "militant group", "insurgent": "militant group",
    "insurgents": "militant group", "jihadist": "militant group", "jihadists": "militant group",
    "rebel": "militant group", "rebels": "militant group", "terrorist": "militant group",
    "terrorists": "militant group", "extremist": "militant group", "extremists": "militant group",
    "separatist": "militant group", "separatists": "militant group", "guerrilla": "militant group",
    "guerrillas": "militant group", "militia": "militant group", "militias": "militant group",
    "fighters": "fighters", "fighter": "fighters",
    # advocacy, campaigns, civil society
    "activist": "activist", "activists": "advocacy group", "campaigners": "advocacy group",
    "advocates": "advocacy group", "lobby": "advocacy group", "watchdog": "advocacy group",
    "charity": "charity", "charities": "charity", "foundation": "charity", "ngo": "advocacy group",
    "union": "trade union", "unions": "trade union",
    # politics
    "party": "political party", "parties": "political party", "democrats": "political party",
    "republicans": "political party", "campaign": "election campaign",
    "senator": "politician", "senators": "legislature", "lawmaker": "politician",
    "lawmakers": "legislature", "legislator": "politician", "legislators": "legislature",
    "congressman": "politician", "congresswoman": "politician", "mp": "politician",
    "candidate": "politician", "candidates": "politicians", "politician": "politician",
    "politicians": "politicians", "congress": "legislature", "parliament": "legislature",
    "senate": "legislature", "assembly": "legislature",
    # the state
    "police": "police", "policeman": "police officer", "policemen": "police",
    "officer": "police officer", "officers": "police", "sheriff": "police", "detective":
    "police officer", "detectives": "police", "army": "military", "military": "military",
    "troops": "military", "soldier": "soldier", "soldiers": "military", "navy": "military",
    "forces": "military", "court": "court", "courts": "court", "judge": "judge", "judges": "court",
    "jury": "court", "prosecutor": "prosecutor", "prosecutors": "prosecutors",
    "ministry": "ministry", "minister": "minister", "ministers": "ministers",
    "department": "government department", "agency": "government agency",
    "regulator": "regulator", "regulators": "regulator", "commission": "government agency",
    "embassy": "embassy", "ambassador": "diplomat", "diplomat": "diplomat", "diplomats":
    "diplomats", "president": "head of state", "premier": "head of government",
    "chancellor": "head of government", "mayor": "mayor", "governor": "governor",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "official": "official", "officials": "officials", "administration": "national government",
    "regime": "national government", "cabinet": "national government",
    # media
    "newspaper": "newspaper", "paper": "newspaper", "tabloid": "newspaper", "daily": "newspaper",
    "magazine": "magazine", "broadcaster": "broadcaster", "channel": "broadcaster",
    "network": "broadcaster", "station": "broadcaster", "television": "broadcaster",
    "tv": "broadcaster", "radio": "broadcaster", "website": "news website", "outlet": "news outlet",
    "times": "newspaper", "post": "newspaper", "journal": "newspaper", "herald": "newspaper",
    "tribune": "newspaper", "telegraph": "newspaper", "guardian": "newspaper",
    "gazette": "newspaper", "mail": "newspaper", "mirror": "newspaper", "sun": "newspaper",
    "reuters": "news agency", "xinhua": "news agency", "afp": "news agency",
    "press": "news agency", "bbc": "broadcaster", "cnn": "broadcaster", "abc": "broadcaster",
    "nbc": "broadcaster", "cbs": "broadcaster", "fox": "broadcaster", "msnbc": "broadcaster",
    "reporter": "journalist", "journalist": "journalist", "journalists": "journalists",
    "editor": "journalist", "columnist": "journalist",
    # other organisations and people
    "company": "company", "firm": "company", "corporation": "company", "bank": "company",
    "airline": "company", "inc": "company", "corp": "company", "ltd": "company",
    "university": "university", "college": "university", "school": "school",
    "hospital": "hospital", "club": "sports club", "team": "sports team",
    "poll": "poll", "survey": "poll", "report": "report", "study": "study",
    "lawyer": "lawyer", "lawyers": "lawyers", "attorney": "lawyer", "expert": "expert",
    "experts": "experts", "analyst": "expert", "analysts": "experts", "scientist": "expert",
    "researchers": "experts", "witness": "witness", "witnesses": "witnesses", "victim": "victim",
    "victims": "victims", "suspect": "suspect", "suspects": "suspects",
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "residents": "residents", "voters": "voters", "supporters": "supporters",
    "respondents": "poll respondents", "percent": "poll respondents", "critics": "critics",
    "community": "community", "communities": "community", "minority": "ethnic group",
}
# Peoples by what makes them one: an ethnic group or a faith (``group:`` keys, see PEOPLES).
ETHNIC_PEOPLES = frozenset({
    "uighur", "uyghur", "kurd", "kurdish", "tibetan", "han", "arab", "persian", "pashtun",
    "tamil", "rohingya", "yazidi", "druze", "latino", "hispanic", "black", "white", "asian",
    "african", "european", "indigenous", "aboriginal", "palestinian", "scot", "briton", "brit",
    "roma", "berber", "hutu", "tutsi", "maori", "inuit", "uzbek", "kazakh", "tatar", "chechen",
})
FAITHS = frozenset({
    "muslim", "christian", "jew", "jewish", "hindu", "sikh", "buddhist", "sunni", "shia",
    "shiite", "alawite", "copt", "catholic", "protestant", "evangelical", "mormon",
})
# International bodies, by canonical name.
INTERNATIONAL = frozenset({"united nations", "nato", "world health organization",
                           "european union", "world bank", "international monetary fund",
                           "imf", "red cross", "amnesty international", "human rights watch"})
ADVOCACY_NAMES = frozenset({"amnesty international", "human rights watch", "greenpeace",
                            "world uyghur congress", "naacp", "aclu"})
