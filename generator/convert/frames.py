"""Engagement frames: every word that reports a meeting, call, visit or summit, with
what its own clause says about it.

A frame is the unit of evidence (the field's "event mention"): the trigger
word, its mode (it happened, it is announced, it is background, it is only
hoped for), the people acting in its clause, the time expression nearest to
it, the place it was held and the forum it was part of. Frames are built
clause by clause and know nothing of each other; ``engagements`` decides
which frames report one engagement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from generator.content.dates import FuzzyDate
from generator.convert.dates import Reading, TimeExpr, month_number, weekday_number
from generator.convert.forums import ForumHit
from generator.convert.people import SAY_VERBS, Mention, OfficeRef, fold
from generator.convert.places import NOT_PEOPLE, Gazetteer, Place, PlaceHit

_TRIGGERS = re.compile(
    r"\b(?P<video>video[\s-]?(?:call|conference|link|chat|meeting|summit)s?|videoconference|"
    r"(?:video\s+)?teleconference|(?-i:VTC)|"
    r"virtual(?:ly)?\s+(?:meeting|summit|talks|call|conference)|"
    r"virtually\s+(?:participate[sd]?|participating|attend(?:s|ed|ing)?|join(?:s|ed|ing)?)|"
    r"(?:met|meet|meeting|talks|"
    r"summit)\s+(?:virtually|online|via\s+video|by\s+video)|online\s+(?:meeting|summit|talks)|"
    r"(?:held|being\s+held|take\s+place|taking\s+place|took\s+place|conducted)\s+(?:largely\s+|"
    r"mostly\s+|entirely\s+)?(?:online|virtually|by\s+video(?:\s+link)?|via\s+video(?:\s+link)?)|"
    r"encrypted\s+video|Videokonferenz|Videogipfel|videoconferencia|videoconfer[êe]ncia|visioconf[ée]rence|"
    r"(?:par|por|per)\s+(?:vid[ée]o|visioconf[ée]rence|videoconferencia|videoconferenza)|"
    r"videochiamata|videochamada|videollamada|Videoanruf|Videotelefonat|(?:rencontre|r[ée]union|sommet|conf[ée]rence)\s+virtuel(?:le)?|sommet\s+en\s+ligne|"
    r"(?:cumbre|reuni[óo]n|c[úu]pula|reuni[ãa]o|encontro|vertice|incontro)\s+virtual[e]?|"
    r"virtuelle[rnms]?\s+(?:Gipfel|Treffen|Konferenz))\b"
    r"|\b(?P<phone>(?:held|hold|holds|holding|had)\s+talks\s+(?:via|by|over)\s+(?:the\s+)?(?:tele)?phone|"
    r"(?:tele)?phone(?:d)?(?:\s+(?:call|calls|conversation|talks))?|phone-call|telephonic(?:ally)?|"
    r"calls?(?!\s+(?:for|of|upon|off|out|to\s+\w+)\b)(?!\s+on\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
    r"Sun)day))|"
    r"called(?=\s+(?:up\s+)?(?:his|her|their|[A-Z][a-z]|@))|"
    r"(?:par|au)\s+t[ée]l[ée]phone|por\s+tel[ée]fono|por\s+telefone|per\s+telefono|telefonisch|"
    r"dialled|dialed|rang(?=\s+(?:up\s+)?(?:his|her|their|[A-Z]))|telephone\s+conversation|[Tt]elefonierte|[Tt]elefoniert|[Tt]elefonat|[Tt]elefongespr[äa]ch|"
    r"telefonata|telefonema|llamada(?:\s+telef[óo]nica)?|appel\s+t[ée]l[ée]phonique|"
    r"(?:entretien|[ée]change|conversation)\s+t[ée]l[ée]phonique|conversaci[óo]n\s+telef[óo]nica|"
    r"conversa\s+telef[ôo]nica|conversazione\s+telefonica|colloquio\s+telefonico|"
    r"s['\u2019]est\s+entretenu\s+par\s+t[ée]l[ée]phone|telefonou|ligou\s+para|a\s+t[ée]l[ée]phon[ée]|"
    r"ha\s+telefonato)\b"
    r"|\b(?P<talk>chat(?:s|ted|ting)?(?=\s+(?:[\w'\u2019-]+\s+){0,3}?with\b)|(?<=a\s)(?:aussi\s+|[ée]galement\s+)?[ée]chang[ée](?=\s+(?:[\w'\u2019-]+\s+){0,5}?avec\b)|conversation|spoke|spoken|speak|speaks|[Ss]peaking(?=\s+(?:with|to|again)\b)|talked|talk(?=\s+(?:to|with)\b)|"
    r"discussed|discuss|discusses|discussing|conferred|confers|exchanged\s+views|"
    r"exchange\s+views|gesprochen|conversaram|sprach\s+mit|sprachen|s['\u2019]est\s+entretenue?|se\s+sont\s+entretenus|"
    r"convers[óo]|conversou|conversaron|austauschen|ausgetauscht|tauschten?\s+sich)\b"
    r"|\b(?P<meet>pull-asides?|engaged(?=\s+with\b)|(?<=\s)agreed(?=\s+(?:to|on|that)\b)|(?:(?:co-)?chaired|attended)(?=\s+by\b)|"
    r"co-?chair(?:ed|s)(?=\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,6}?(?i:meeting|session|talks|consultations|dialogue|"
    r"commission|committee)\b)|(?:in\s+attendance|(?<=leaders\s)present)(?=\s+(?:included|were|was)\b)|(?<![\w,;] )(?-i:Meeting|Talks)(?=\s+with\b)|(?:held|hold|holds|holding|had)\s+(?:a|an|the|their)\s+(?:[A-Z][\w'\u2019.-]*\s+){1,3}(?-i:Meeting|Talks)\b|(?:(?:took|take|takes|taking)\s+part|joined|participated)(?=\s+(?:from|via|remotely|"
    r"virtually|online|by\s+video)\b)|courtesy\s+calls?|(?:held|hold|holds|holding)\s+(?:[\w-]+\s+){0,2}?consultations|"
    r"(?:held|hold|holds|holding|had)\s+(?:an?\s+)?(?:(?!(?:tele)?phone|video|virtual|online)[\w-]+\s+){0,2}?"
    r"discussion(?=\s+with\b)|(?:private\s+)?audience|"
    r"shook\s+hands|convened|met|meet|meets|meeting|meetings|gatherings?(?=\s+(?:was|were)\s+held\b)|interacted|encounter(?=\s+with\b)|(?<=bilateral\s)engagements?|interactions?(?=\s+with\s+(?:his|her|their|several|other|counterparts|leaders|[A-Z]))|held\s+talks|hold\s+talks|holds\s+talks|"
    r"holding\s+talks|talks|negotiations|(?<!into\s)(?<!for\s)(?<!to\s)dialogue|discussions|hosted|hosts|hosting|host(?=\s+(?:his|her|their|the|an?|[A-Z]))|"
    r"received(?!\s+(?:an?\s+)?(?:\w+\s+)?(?:phone|telephone|call|message|letter))|"
    r"receives(?!\s+(?:an?\s+)?(?:\w+\s+)?(?:phone|telephone|call|message|letter))|"
    r"receiving(?=\s+(?:heads\s+of|leaders|dignitaries|delegations|visiting|foreign|his\s+\w+\s+counterpart|"
    r"(?-i:[A-Z])))|welcomed|welcomes|called\s+on|calls\s+on|call\s+on(?=\s+(?:the\s+|his\s+|her\s+)?[A-Z])|bilateral(?=\s+(?:with|on|at)\b)|"
    r"bilaterals|tête-à-tête|"
    r"tete-a-tete|one-on-one|lunch|dinner|breakfast|sat\s+down\s+with|sits?\s+down\s+with|"
    r"jantar|almo[çc]o|d[îi]ner|d[ée]jeuner|almuerzo|Abendessen|Mittagessen|"
    r"(?<=ministerial\s)session|(?<=plenary\s)session|(?<=\dth\s)session|(?<=\dst\s)session|"
    r"(?<=\dnd\s)session|(?<=\drd\s)session|(?<=joined\sthe\s)session|(?<=attended\sthe\s)session|"
    r"zusammengekommen|zusammengetroffen|zusammengetreffen|zusammentreffen|zusammenkommen|kamen\s+zusammen|"
    r"kam\s+zusammen|"
    r"trafen\s+sich|traf\s+sich|"
    r"re[çc]u(?:e|s)?(?=\s+(?:(?:le|la|les|son|sa|ses|par|mardi|lundi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche|hier|ce)\s|l['\u2019]|M\.|Mme|(?-i:[A-Z])))|"  # "a reçu le président", not "reçu de bons retours"
    r"re[çc]oit(?=\s+(?:(?:le|la|les|son|sa|ses|ce)\s|l['\u2019]|M\.|Mme|(?-i:[A-Z])))|a\s+rencontr[ée]|ont\s+rencontr[ée]|"
    r"se\s+sont\s+r[ée]unis|s['\u2019]est\s+r[ée]uni|se\s+sont\s+retrouv[ée]s|se\s+r[ée]uniront|se\s+r[ée]unissent|"
    r"recibi[óo]|recibe|recibir[áa]n?|reciba|encuentro|se\s+reunieron|sostuvo|sostuvieron|mantuvo|mantuvieron|"
    r"receber[áa]|recevra|ricever[àa]|"
    r"recebeu|recebe|recepcion(?:ou|ó|a)|recepcionad[oa]|reuniu-se|se\s+reuniram|reuniram-se|encontraram-se|"
    r"ha\s+ricevuto|hanno\s+incontrato|ha\s+incontrato|"
    r"traf|trifft|trafen|treffen|getroffen|Treffen|Gespr[äa]ch|Gespr[äa]che|empfing|empfangen|"
    r"incontr(?:o|ato|a|ano|ava)|colloqui(?:o)?|ricevuto|reunió|reunion|reuni[óo]n(?:es)?|reuniu|reunião|"
    r"reuni[õo]es|se\s+entrevist(?:[óo]|aron)|esteve\s+com|r[ée]unions?|se\s+sont\s+rencontr[ée]e?s|"
    r"se\s+r[ée]unira|rencontrera|Unterredung|si\s+[èe]\s+riunit[oa]|riunione|si\s+sono\s+incontrati|"
    r"incontrer[àa]|reunir-se-[áa]|encontrar-se-[áa]|se\s+encontr(?:[óo]|aron)(?=\s+con\b)|"
    r"se\s+encontra(?:m|r[áa]|r[ãa]o)?(?=\s+com\b)|encontra-se(?=\s+com\b)|"
    r"encontro|encontrou|entrevista|entretiens?|rencontres|rencontr(?:e|é|ait)|encuentros|"
    r"se\s+reuni[óo]|reunir[áa]|dialog[óo])\b"
    r"|\b(?P<summit>(?i:summit|summits)|Gipfel|Gipfeltreffen|vertice|sommet|cumbre|c[úu]pula|"
    r"[Cc]imeira)\b"
    r"|\b(?P<visit>(?i:visit(?:s|ed|ing)?)|trip|tour|arrived|arrives|arriving|arrive(?=\s+in\s)|travell?ed\s+to|"
    r"lleg[\u00f3a]|llegar[\u00e1a]|arrib[\u00f3a]|arribar[\u00e1a]|chegou|chega|chegar[\u00e1a]|est\s+arriv[\u00e9e]e?|"
    r"[\u00e8e]\s+arrivat[oa]|"
    r"travels\s+to|travel\s+to|travell?ing\s+to|flew\s+to|fly\s+to|flies\s+to|flying\s+to|heads?\s+to(?=\s+[A-Z])|heading\s+to(?=\s+[A-Z])|"
    r"(?:depart(?:s|ed|ing)?|leaves|leave|left|leaving)\s+(?:(?-i:[A-Z])[\w'-]+\s+)?for(?=\s+[A-Z])|s['\u2019]est\s+rendue?|se\s+rendra|Besuch|besuchte|besucht|visita|visite|viaje|viagem|reise|Reise)\b"
    r"|\b(?P<statement>joint\s+(?:statement|declaration|communiqu[ée])|issued\s+a\s+(?:joint\s+)?"
    r"statement|Joint\s+Declaration|signed\s+a\s+(?:joint\s+)?declaration|"
    r"declaraci[óo]n\s+conjunta|d[ée]claration\s+commune|gemeinsame\s+Erkl[äa]rung)\b")
# Words that say two sides talked, not how: they fit a call as well as a meeting.
_TOOK_PART = re.compile(r"(?i)(?:took|take|takes|taking)\s+part|joined|participated|in\s+attendance|present|"
                        r"(?:co-)?chaired|attended")
NEUTRAL = re.compile(r"(?i)(?:took|take|takes|taking)\s+part|joined|participated|convened|[ée]chang[ée]|conversation|spoke|spoken|speak|speaks|speaking|talked|talk|discuss\w*|"
                     r"(?:held|hold|holds|holding)\s+talks|talks|negotiations|dialogue|"
                     r"discussions|conferred|confers|exchanged?\s+views|Gespr[äa]ch\w*|colloqui\w*|"
                     r"entretien|entrevista|s['\u2019]est\s+entretenue?|se\s+sont\s+entretenus|sostuvo|"
                     r"sostuvieron|mantuvo|mantuvieron|convers[óo]|conversou|conversaron|sprach\s+mit|"
                     r"sprachen|gesprochen")
KIND_OF_GROUP = {"video": "video call", "phone": "call", "talk": "meeting", "meet": "meeting",
                 "summit": "summit", "visit": "visit", "statement": "statement"}
# A verb reports the action ("met on Friday"); a noun may name a backdrop ("last week's summit").
_VERB = re.compile(r"(?i:met|meets|meet|engaged|spoke|spoken|speaks|talked|called|calls|phoned|telephoned|"
                   r"dialled|dialed|held\s+talks|holds?\s+talks|holding\s+talks|hosted|hosts|hosting|host|"
                   r"received|receives|welcomed|welcomes|visited|visits|arrived|arrives|called\s+on|interacted|"
                   r"traf|trafen|trifft|empfing|incontrato|incontra|ricevuto|reuniu|encontrou|"
                   r"rencontré|rencontre)")
_BEING_ARRANGED = r"being\s+(?:coordinated|arranged|planned|prepared|organi[sz]ed)"  # "is being arranged to"
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|would|is\s+to(?!\s+be\s+(?:recalled|noted|remembered|mentioned)\b)|are\s+to|(?:is|are|was|were|be)\s+(?:also\s+)?(?:set|scheduled|"
    r"slated|expected|due|poised|likely|going|planned|slotted)\s+to|plans?\s+to|planning\s+to|"
    rf"intends?\s+to|to\s+be\s+(?!(?:recalled|noted|remembered|mentioned)\b)(?:\w+ed|held)|{_BEING_ARRANGED}|planned|upcoming|forthcoming|future|next(?!\s+(?:day|morning))|later\s+(?:this|in\s+the|today)|"
    r"preparing\s+for|prepares\s+for|confirm\w*\s+(?:(?:their|his|her|its)\s+)?(?:participation|attendance|presence)|"
    r"look(?:s|ed|ing)?\s+forward\s+to|agree(?:d|s)?\s+(?:to|on)|"
    r"combin(?:aram|ou|am)|acord(?:aram|ou|aron|[óo])|set\s+to|scheduled\s+(?:to|for)|expected\s+to|due\s+to|"
    r"will\s+be|"
    r"wird|werden|soll|sollen|anstehend\w*|bevorstehend\w*|kommend\w*|pr[óo]xim[oa]s?|prochaine?s?|"
    r"prossim[oa]|dovrebbe|parteciperanno|incontrer[àa]|terrà|se\s+reunir[áa]|"
    r"va\s+(?:rencontrer|se\s+rendre)|rencontrera|vai\s+(?:se\s+)?(?:reunir|encontrar|visitar)|"
    r"doit\s+se\s+rendre|doit\s+rencontrer|devrait|aura\s+lieu|auront\s+lieu|se\s+rendra|"
    r"tendr[áa]\s+lugar|deber[áa]|ter[áa]|ter[ãa]o|ir[áa]|ir[ãa]o|far[áa]|seguir[áa]|doit|ser[áa]\s+recibid[oa])\b",
    re.I)
_BACKGROUND = re.compile(
    r"\bbuilding\s+on\s+(?:their|the|his|her)\b|\brecall(?:ed|ing|s)?\s+(?:the|their|his|her|its)\b|"
    r"\b(?:(?:had|['\u2019]d)\s+(?:also\s+)?(?:been\s+)?(?:met|held|spoken|visited|talked|hosted|received|called|"
    r"attended|travell?ed)|last\s+(?:met|spoke|visited|held|talked|hosted)|previously|"
    r"since\s+(?:they|the|their|he|she|his|her)|in\s+the\s+past|"
    r"over\s+the\s+past|former|earlier\s+this\s+year|last\s+year[\u2019']?s?|last\s+(?:week|month)[\u2019']s|years?\s+ago|"
    r"congratulat\w*\s+[^.;]{0,60}?\b(?:on|for)\s+(?:the\s+)?(?:successful\s+)?(?:hosting|holding|organi[sz]ing|chairing)\b|"
    r"months\s+ago|ha(?:ve|s)\s+(?:met|spoken|talked|held\s+talks)\s+(?:(?:a\s+total\s+of\s+)?\w+\s+times|twice|several|"
    r"repeatedly|on\s+several)|(?:spoken|talked|met)\s+(?:twice|\w+\s+times)|the\s+previous|earlier\s+(?:visit|meeting|talks)|"
    r"after\s+the\s+(?:[\w-]+\s+){0,2}(?:clash|war|deal|agreement)|had\s+taken\s+place|"
    r"the\s+last|recent\s+(?:visits?|trips?|meetings?|talks|calls?)|in\s+(?:19|20)\d\d\b(?!\s*,)|"
    r"follow[\s-]?up\s+(?:to|on|of)|results?\s+of|outcomes?\s+of|on\s+the\s+basis\s+of|"
    r"(?:recently|just)[\s-]+(?:concluded|ended|held)|(?:agreements?|decisions?|understandings?|accords?)\s+"
    r"reached\s+(?:during|at|in)\b)",
    re.I)
_WISH = re.compile(r"\b(?:could|might|(?-i:may)|possible|possibility|proposed|propose|hopes?\s+to|"
                   r"hoping\s+to|would\s+like|wants?\s+to|invit(?:e|es|ed|ing)|(?<!the\s)invitation|if|whether|"
                   r"aimed\s+at|in\s+order\s+to|urg(?:e|es|ed|ing)|"
                   r"(?:calls?|called)\s+for(?!\s+(?:(?:this|next)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|"
                   r"push(?:es|ed|ing)?\s+for|seek(?:s|ing)?|sought)\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|(?-i:may)|possible|possibility|proposed|propose|hopes?\s+to|hoping\s+to|"
    r"fail(?:ed|s|ing)?\s+to\s+(?:get|secure|obtain|win|land|arrange|hold)|"
    r"would\s+like|wants?\s+to|invit(?:e|es|ed|ing)|(?<!the\s)invitation|if\b|whether|did\s+not|didn't|"
    r"does\s+not|doesn't|no\s+plans?|not\s+(?:expected|planned|scheduled)|refused|cancell?ed|"
    r"called\s+off|postponed|put\s+off|ruled\s+out|urged|urging|"
    r"(?:calls?|called)\s+for(?!\s+(?:(?:this|next)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|"
    r"ready\s+(?:to|for)|readiness|willing|offer(?:ed|s)?\s+to|intends?\s+to\s+speak|"
    r"aimed\s+at|in\s+order\s+to|pave\s+the\s+way|paving|mediat\w+|congratulat\w+|urges|"
    r"progress\s+towards?|towards?\s+(?:a|an)|potential|prospective|prospects?\s+(?:of|for)|"
    r"will\s+not|won't|would\s+not|wouldn't|not\s+be\s+able|unable|cannot|can't|none\s+of|"
    r"instead\s+of|rather\s+than|skip(?:ped|s)?|boycott\w*|"
    r"no\s+(?:meeting|talks|call)|without\s+(?:meeting|a\s+meeting)|"
    r"(?:discuss|consider|review|mull|weigh|explor|support|back|favou?r|endors)\w*\s+"
    r"(?:the\s+(?:idea|option)\s+of\s+)?holding|"  # a plan, not a meeting
    r"should\s+not|shouldn't)\b", re.I)
_LONG_AGO = re.compile(r"^\W*(?:previously|most\s+recently|last\s+year|in\s+(?:19|20)\d\d|back\s+in\s+(?:(?:19|20)\d\d|the\s+(?:day|days|\d))|years?\s+ago|"
                       r"months\s+ago|since\s+then|in\s+the\s+past|historically|the\s+last\s+time|"
                       r"in\s+(?:early|late|mid-?)?\s*(?:19|20)\d\d)\b", re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:now\s+)?(?:\w+ing)\b", re.I)
_NOT_ENGAGEMENT = re.compile(
    r"^(?:talks|negotiations|dialogue|discussions|meetings|visit|trip|tour|summit|lunch|dinner|"
    r"breakfast|conversation)$", re.I)
_VENUE_THEN_CITY = re.compile(  # "at the Presidential Villa Abuja", "at State House, Nairobi"
    r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+(?:,\s*|\s+)$")
_SAID_WHEN = re.compile(r"\b(?:said|says|tweeted|wrote|posted|announced|added|stated|told|"
                        r"confirmed|reported|informed|claimed|announcement\s+was\s+made)"
                        r"(?:\s+(?:\w+\s+){0,3}?)?\s*$", re.I)
_PLACE_CUE = re.compile(
    r"(?:\b(?i:in|at|inside|near|on|visiting|visited|visit|visits|visit\s+to|trip\s+to|arrived\s+in|"
    r"(?:travel\w*|flew|fly|flies|went|go|goes|going|came|come|comes|coming|headed|heads|"
    r"return\w*|arriv\w*|journey\w*|trip|visit|tour|way|invitation)\s+(?:on\s+)?to|"
    r"arrives\s+in|arrived\s+at|held\s+in|hosted\s+in|reached|nach|in\s+der|im|à|en|em|na|no|"
    r"(?:arrib|lleg|cheg|viaj)\w*\s+a|a\s+la|(?:depart\w*|leaves?|left|leaving)\s+for|"
    r"nella|nel|alla|al|dans|la\s+ville\s+de)\s+(?:(?:the|la|el|le|les|lo)\s+)?(?:(?:[A-Z][\w'\u2019-]*|city|capital|"
    r"resort|town|port|of|beach|summer|winter|luxury|coastal|historic|northern|southern|eastern|"
    r"western|central|ancient|island|seaside|mountain|border)\s+|(?:city|capital|town|port|resort),\s+){0,4}?|"
    r"[A-Z][\w\u2019']*(?:'s|\u2019s)\s+(?:[A-Z][\w-]*\s+){0,2}?|"
    r"(?i:lleg\w*|cheg\w*)\s+(?:\w+\s+){0,3}?a\s+)$")  # "llegó este jueves a Bogotá"
_NOT_VENUE = re.compile(r"\b(?:from|departed|departs|departing|left|leaves|leaving|flew\s+from|"
                        r"return(?:ed|ing|s)?\s+(?:to|from)|back\s+(?:to|in|home\s+in)|via|based|de\s+regreso\s+en|"
                        r"de\s+vuelta\s+en|de\s+retour\s+[àa]|de\s+volta\s+a|zur[üu]ck\s+in)\s+"
                        r"(?:the\s+)?(?:[\w'-]+\s+){0,4}$|"
                        r"\b(?:after|before|following)\s+(?:(?:a|an|the|his|her|their|earlier|"
                        r"previous|brief)\s+)?(?:stops?|stopovers?|visits?|legs?)\s+(?:in|to|at)\s+"
                        r"(?:[\w'-]+(?:,\s+|\s+and\s+|\s+))?$|"  # "after stops in Manila and Seoul"
                        r"\b(?:situation|crisis|conflict|war|developments|tensions|unrest|violence|fighting|"
                        r"protests|events)\s+in\s+(?:the\s+)?(?:[\w'-]+\s+)?$",  # "the situation in Hong Kong"
                        re.I)
_TOPIC = re.compile(r"\b(?:discuss\w*|talk\w*\s+about|about|regarding|concerning|on\s+(?:the\s+)?"
                    r"(?:situation|crisis|war|conflict|developments|reconstruction|peace|ceasefire|"
                    r"security|relations|ties|issue)|situation\s+in|crisis\s+in|war\s+in|conflict\s+in|"
                    r"reconstruction\s+(?:in|of)|access\s+to|aid\s+to|ceasefire\s+in|peace\s+in|"
                    r"developments\s+in|link\s+to|route\s+to|corridor\s+to|port\s+of|"
                    r"investment\s+in|projects?\s+in|views\s+on|efforts\s+to|ways\s+to|civilians\s+in|"
                    r"people\s+in|protect\w*|humanitarian|strikes?\s+on|attacks?\s+on|escalation\s+in)\b",
                    re.I)
# German puts the verb second: "Zunächst wird er ... treffen" has "er" for its subject
GERMAN_PRONOUN_SUBJECT = re.compile(r"\b(?:wird|werden|hat|haben|ist|sind|traf|trifft|empfing)\s+(?:er|sie)\b")
_HERE = re.compile(r"\b(?:here|in\s+the\s+city|in\s+the\s+capital|"
                   r"in\s+this\s+(?:[\w-]+\s+){0,3}(?:city|capital|town|port|resort))\b", re.I)  # "in this Chinese port city"
_CAPITAL = re.compile(r"\bin\s+(?:the\s+(?:([A-Z][\w-]+)\s+capital\b(?![,]?\s+[A-Z])|"
                      r"capital\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))|"
                      r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['\u2019]s\s+capital\b(?![,]?\s+[A-Z]))")
_AHEAD = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|in\s+the\s+run-up\s+to|preparations?\s+for|"
                    r"after|following|on\s+the\s+eve\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}$",
                    re.I)
_SIDELINES = re.compile(r"\b(?:sidelines|margins|side-lines)\b", re.I)
_SETTING = re.compile(r"\b(?:(?:sidelines|margins|side-lines)\s+of\s+"
                      r"(?:the\s+|a\s+|this\s+year'?s\s+)?|(?:en\s+marge|au\s+c[œo]eur|lors)\s+d[eu]s?\s+|"
                      r"(?:al\s+margen|en\s+el\s+marco|[àa]\s+margem|no\s+[âa]mbito|[àa]\s+margem)\s+d[eoa]l?s?\s+)"
                      r"(?:\S+\s+){0,6}$", re.I)
_ATTEND = re.compile(r"\b(?:attend(?:ed|ing|s)?|participat(?:ed|ing|es?)\s+in|took\s+part\s+in|"
                     r"taking\s+part\s+in|address(?:ed|ing|es)?)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){0,4}$",
                     re.I)
TWO_SIDES = re.compile(r"(?i)\b(?:the\s+two|both|i\s+due|los\s+dos|las\s+dos|les\s+deux|os\s+dois|"
                       r"as\s+duas|die\s+beiden|ambos|ambas|entrambi)\b")  # "the two leaders", "i due leader"
_ANAPHOR = re.compile(r"\b(?:the|this|that|their|these|those|both|its)\s+(?:[\w'-]+\s+){0,3}$|"
                      r"(?:^|[.;:]\s*)(?-i:Das|Der|Die|Dieses|Dieser|Diese|Le|La|Cet|Cette|Ce|El|Este|Esta|"
                      r"Ese|Esa|Esse|Essa|Il|Questo|Questa)\s+$|"  # "Das Telefonat am Dienstag ..."
                      r"\b(?:the|this|that)\s+(?:meeting|talks|call|conversation|discussion|summit|"
                      r"visit|exchange)\s+(?:took\s+place|was\s+held|happened|lasted|came)\s+"
                      r"(?:\w+\s+){0,3}$|"
                      r"\b(?:they|the\s+two(?:\s+\w+)?|both(?:\s+\w+)?|the\s+(?:leaders|ministers|"
                      r"sides|delegations|presidents|diplomats))\s+(?:\w+\s+){0,2}$", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,]{0,60},\s+)?(?:they|(?:beide|die\s+beiden|ambos|ambas|los\s+dos|las\s+dos|"
                              r"les\s+deux|os\s+dois|as\s+duas|i\s+due|entrambi)\s+\w+|"
                              r"(?:the|both|all)\s+(?:[\w-]+\s+){0,4}?"
                              r"(?:leaders|ministers|officials|diplomats|delegations|sides|"
                              r"counterparts|presidents|heads|envoys|negotiators|men|women|"
                              r"countries|two|four|three)|the\s+two)\b", re.I)
_CANCELLED = re.compile(r"\b(?:was|were|has\s+been|had\s+been|have\s+been|been|is|are)\s+(?:\w+\s+){0,3}?"
                        r"(?:postponed|put\s+off|called\s+off|cancell?ed|scrapped|shelved|"
                        r"suspended|delayed|deferred)\b", re.I)
_JOINED = re.compile(r"\b(?:joined\s+by|along\s+with|accompanied\s+by|also\s+(?:attend(?:ed|s)?|"
                     r"t(?:ake|akes|ook)\s+part|participat(?:e|es|ed)|join(?:s|ed)?|be\s+present|present)|"
                     r"were\s+also\s+present)\b", re.I)


@dataclass
class Clause:
    """One clause of a sentence and everything it names."""

    text: str
    plain: str  # long quotations blanked (same offsets)
    sentence: int
    paragraph: int
    people: list[Mention] = field(default_factory=list)
    offices: list[OfficeRef] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    forums: list[ForumHit] = field(default_factory=list)
    caption: bool = False  # a photo caption: it may describe an earlier meeting
    headline: bool = False
    author: Mention | None = None  # a first-person post or quote: its author acts
    lead: bool = False  # a leading subordinate clause ("Close on the heels of his meeting ..., ")
    where: PlaceHit | None = None  # ", where ...": the place the clause before named
    elsewhere: bool = False  # "... after a visit to France where he met X": not the sentence's city
    quoted: bool = False  # a quotation
    subject: list[Mention] = field(default_factory=list)  # the sentence's subject, for clauses without one
    carried: list[Mention] = field(default_factory=list)  # the subject before: "her meeting with X"
    recent: list[Mention] = field(default_factory=list)  # "the two ministers": the last two named


@dataclass
class Frame:
    """One engagement word and what its clause says about it."""

    clause: int
    start: int
    end: int
    word: str
    group: str
    mode: str  # past | present | future | background | hypothetical
    people: list[Mention]
    offices: list[OfficeRef]
    time: TimeExpr | None
    place: PlaceHit | None
    place_text: str
    forums: list[str]
    verb: bool
    plural: bool  # "held bilateral meetings with ...": one engagement per counterpart
    sentence: int = 0
    caption: bool = False
    headline: bool = False
    here: bool = False  # the place is "here": the dateline city
    weak: bool = False  # context ("Before meeting X, ...") or attendance: joins, seldom begins
    quoted: bool = False  # inside a quotation: the speaker's "today" is not the article's
    pronoun: bool = False  # "They met", "The two leaders discussed": the people of the one before
    joined: bool = False  # "They were joined by X and Y for the talks": X and Y join them
    cancelled: bool = False  # "the meeting ... was put off": it did not take place
    inherited: str = ""  # lent by another sentence (where this clause says nothing): its text
    indefinite: bool = False  # "a meeting of the OIC": some other gathering
    own_people: int = 0  # people named in the clause itself (not carried over from the sentence)
    country: str | None = None  # a visit "to Bahrain": the country, when no city is named
    listed: bool = False  # "met A, B and C": taken as one meeting each, which the text does not say
    another: bool = False  # "In a meeting with X, Y said": a meeting not reported before
    topic: bool = False  # "(they spoke) to discuss the upcoming G20 meetings": what was discussed
    joint: bool = False  # "after which a joint meeting will follow": all of those just named, together
    bilateral: bool = False  # "in a bilateral meeting": two sides, never the three-way one beside it
    setting: bool = False  # "at the summit", "during the summit": where another engagement was held
    companions: list[str] = field(default_factory=list)  # "X, with the support of Y, will hold separate meetings"
    reported: TimeExpr | None = None  # "met X, diplomatic sources said Thursday": when it was told
    lent_because: str = ""  # why a lent place is this engagement's, when not said of a gathering

    @property
    def kind(self) -> str:
        return KIND_OF_GROUP[self.group]

    @property
    def future(self) -> bool:
        return self.mode == "future"


_CALL_BEFORE = re.compile(r"(?:\w['\u2019]s\s+$)|\b(?:a|the|his|her|their|its|phone|video|first|second|third|latest|"
                          r"separate|brief|[\w]+-minute|hour-long|lengthy|long|useful|productive|"
                          r"cordial|warm|good|this|that|both|two|these|another|telephone)\s+$", re.I)


_ARTICLE_NEXT = re.compile(r"\s+(?:the|a|an)\s")  # "co-chaired the meeting of ...", not "attended by"


def triggers(plain: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TRIGGERS.finditer(plain):
        group = next(g for g, v in m.groupdict().items() if v)
        word = m.group(0).lower()
        if plain[max(0, m.start() - 3):m.start()].lower() == "so-":
            continue  # "the so-called Weimar Triangle"
        if word in ("call", "calls") and not (_CALL_BEFORE.search(plain[max(0, m.start() - 25):
                                                                         m.start()])
                                              or plain[m.end():m.end() + 6].startswith(" with")):
            continue  # "the calls of many friends" is not a phone call; "a call" is
        if group == "talk" and word.startswith(("speak", "spoke")) and _SPEECH.match(plain, m.end()) and (
                plain[max(0, m.start() - 3):m.start()] == "to " or not _SPEECH.match(plain, m.end()).group(1)):
            continue  # "were also scheduled to speak.", "spoke at the opening session": a speech
        if word in ("attended", "chaired", "co-chaired") and not _ARTICLE_NEXT.match(plain, m.end()) \
                and not re.search(
                r"(?i)\b(?:meeting|summit|session|talks|conference|forum|gathering|dialogue|consultations)\b",
                plain[max(0, m.start() - 80):m.start()]):
            continue  # "the ceremony, which was attended by X": not the meeting's
        if word == "agreed" and not _HE_AND_X.search(plain, max(0, m.start() - 80), m.start()):
            continue  # only "he said he and X agreed to ...": the two met, though no word says how
        if word.startswith("welcome") and _WELCOMED_THING.match(plain, m.end()) and \
                not _WELCOMED_SOMEONE.match(plain, m.end()):
            continue  # "welcomed the successful vote": approval, not a guest
        if group == "summit" and _TOPIC_LEAD.search(plain, max(0, m.start() - 120), m.start()):
            continue  # "In addition to the Haiti mission and the Climate Summit, they discussed"
        if group == "summit" and m.group(0)[0].isupper() and _in_a_list_of_names(plain, m):
            continue  # "through the G20, the East Asia Summit, APEC and the UN": bodies named
        out.append((m.start(), m.end(), group))
    return out


_WELCOMED_SOMEONE = re.compile(
    r"\s+(?:(?:warmly|also|the|his|her|their|a|an|visiting|to\s+\w+)\s+)*(?:[A-Z@]|(?:\w+\s+){0,2}"
    r"(?:counterparts?|delegations?|guests?|leaders?|ministers?|presidents?|premier|prime|foreign|"
    r"envoys?|officials?|secretary|chancellor|king|queen|emir|crown|him|her|them|each\s+other))")
_SPEECH = re.compile(r"(\s*(?:[.;]|$))|\s+(?:at|before|to)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:summit|"
                     r"conference|forum|session|assembly|opening|ceremony|event|plenary|parliament|"
                     r"university|rally|gathering|media|press|nation|audience|delegates)\b")
_WELCOMED_THING = re.compile(r"\s+(?!(?:by|in|at|on|to|into|with|warmly|also|here|there)\b)[a-z]")
_HE_AND_X = re.compile(r"\b(?:he|she)\s+and\s+(?:[A-Z][\w.'\u2019-]*\s+){1,6}(?:(?:have|had|also)\s+)?$")
_TOPIC_LEAD = re.compile(r"(?i)\b(?:in\s+addition\s+to|besides|apart\s+from)\b[^,;.]{0,80}$")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){0,4}$")
_LIST_AFTER = re.compile(r"(?:,|\s+and\b|\s+or\b)\s+(?:the\s+)?[A-Z]")


def _in_a_list_of_names(plain: str, m: re.Match) -> bool:
    """A named summit between other names in a list ("the G20, the East Asia Summit, APEC")."""
    before = _LIST_BEFORE.search(plain, max(0, m.start() - 60), m.start())
    if not before:
        return False
    if _LIST_AFTER.match(plain, m.end()):
        return True
    return plain[before.start():before.start() + 1] != "," and "," in plain[max(0, before.start() - 40):before.start()]


_HEADLINE_FUTURE = re.compile(r"^[^,;:]{0,80}?\bto\s+(?:hold|meet|visit|travel|host|call|speak|"
                              r"attend|sign|open)\b", re.I)


def _mode(plain: str, s: int, e: int, group: str, headline: bool = False) -> str:
    """Whether the clause reports the engagement as done, announced, past history or a wish."""
    if headline and (_HEADLINE_FUTURE.match(plain) or re.search(r"\bto\s+$", plain[max(0, s - 4):s])):
        return "future"  # "Modi, Putin to hold informal summit", "X arrives in Y, to meet Z"
    if re.search(r"(?:r[\u00e1\u00e0]n?|r\u00e3o|-se-[\u00e1a]o?|(?:rencontre|r[\u00e9e]uni|rend|entretiend)ron?t?|"
                 r"(?:rencontre|r[\u00e9e]uni|rend|entretiend)ra)$", plain[s:e]):
        return "future"  # "se reunirá", "incontrerà", "se reunirão", "reunir-se-á", "rencontrera"
    before = plain[max(0, s - 70):s]
    window = before + plain[s:e] + plain[e:e + 25]
    near = plain[max(0, s - 40):e + 30]
    turn = max(plain.rfind(" but ", 0, s), plain.rfind("; ", 0, s))  # "sought a meeting, but Sunday's
    if _HYPOTHETICAL.search(plain[max(0, s - 50, turn):e + 15]) or _WISH.search(plain[max(0, turn):s]) or \
            re.search(r"(?i)\b(?:called|calls|calling)\s+on\s+[^.;]{0,100}?\b(?:not\s+)?to\s+$", plain[max(0, s - 130):s]):
        return "hypothetical"  # "called on Minister X not to meet her counterpart": a demand
    if re.match(r"(?i)\W*(?:no|there\s+(?:was|were)\s+no)\s+(?:[\w-]+\s+)?(?:bilaterals?|meetings?|talks|calls?)\s+"
                r"(?:took\s+place|was\s+held|were\s+held|happened|between)\b", plain):
        return "hypothetical"  # "No bilateral took place between X and Y, even though Y talked of ..."
    if _LONG_AGO.match(plain) or re.search(r"(?i)\bbuilding\s+on\b[^.;]{0,80}$", plain[:s]):
        return "background"  # "Previously Putin and Xi met ...", "In 2019, ...", "building on ... talks"
    background = _BACKGROUND.search(near)
    if background and not (background.group(0).lower().startswith("had") and re.search(
            r"\b(?:said|says|tweeted|told|posted|wrote|added|stated|confirmed|announced|revealed|"
            r"informed)\b[^.]{0,90}$", plain[:background.start()], re.I)):
        return "background"
    had = re.search(r"\b(?:had|['\u2019]d)\s+(?:\w+\s+)?(?:met|called|spoken|held|visited|talked|hosted|"
                    r"received|phoned|telephoned|congratulated)\b", plain[:s])
    if had and not re.search(r"\b(?:said|says|told|added|stated|announced|revealed|confirmed)\b",
                             plain[:had.start()]):
        return "background"  # "Earlier, Modi had called up Trump ..., thus beginning a series of discussions"
    if not _VERB.fullmatch(plain[s:e]) and re.search(
            r"\b(?:days|weeks|months|years)\s+(?:after|since)\s+(?:their|the|his|her|its|an?)\s+"
            r"(?:[\w-]+\s+){0,3}$", before, re.I):
        return "background"  # "just weeks after their trilateral summit with X"
    earlier = re.search(r"\b(?:following|after)\s+(?:their|his|her|the)\s+[^.;:]{0,60}$", plain[max(0, s - 90):s], re.I)
    if earlier and not _VERB.fullmatch(plain[s:e]) and re.search(
            r"\b(?:met|spoke|talked|held|hosted|received|called|phoned)\b", plain[max(0, s - 300):max(0, s - 90) + earlier.start()]):
        return "background"  # "spoke yesterday with X following their talks during the summit"
    if re.search(r"\b(?:following|after)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+)?$", before, re.I):
        return "past"  # "would widen the scheme, following talks with her counterpart"
    if not _VERB.fullmatch(plain[s:e]) and re.match(r"\s+(?:realizad[oa]|celebrad[oa]|mantid[oa]|held|"
                                                   r"conducted|tenu(?:e)?)\s+(?:\w+\s+){0,3}?(?:n[ao]|on|en|em|le|el|"
                                                   r"yesterday|today|this|last)\b", plain[e:e + 40]):
        return "past"  # "durante telefonema realizado na manhã desta quinta-feira": held
    if not _VERB.fullmatch(plain[s:e]) and re.search(r"\b(?:at\s+the\s+(?:end|close)\s+of|after|following)\s+"
                                                    r"(?:the\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}$",
                                                    before) and re.search(r"\bagree[ds]?\s+to\b", plain[max(0, s - 300):s]):
        return "past"  # "agreed to revive the commission ... at the end of talks in Abuja": held
    plan = _FUTURE.search(plain[:s])
    if plan and re.match(r"(?i)agree", plan.group(0)) and s - plan.end() > 30:
        plan = None  # "agreed to strengthen relations on the first day of the diplomat's tour": begun
    if not _VERB.fullmatch(plain[s:e]) and plan and \
            not re.fullmatch(r"(?i)discussed|talked|exchanged|conferred|held\s+talks", plain[s:e]) and \
            not re.search(r"\b(?:met|held|spoke|hosted|received|visited|was|were|had|did)\b",
                          plain[plan.end():s]):
        return "future"  # "plans to talk ... during a virtual summit on Wednesday"
    if re.search(r"(?i)\b(?:as|when|while)\s+(?:he|she|they)\s+(?:\w+\s+)?$", before) and \
            re.fullmatch(r"(?i)meets|visits|holds\s+talks|hosts|receives|speaks|talks|travels\s+to", plain[s:e]) and \
            re.search(r"\b(?:will|is\s+to|are\s+to|(?:is|are)\s+(?:set|expected|due|scheduled)\s+to)\b", plain[max(0, s - 300):s]):
        return "future"  # "Blinken will underscore ... on Tuesday as he meets with top officials"
    ahead = _FUTURE.search(before[-55:])
    if ahead and ahead.group(0).lower().startswith("later") and \
            re.fullmatch(r"(?i)met|spoke|talked|held\s+talks|sat\s+down\s+with|\w+ed", plain[s:e]):
        ahead = None  # "Later in the day he met X": it happened
    if ahead and re.match(r"(?i)upcoming|forthcoming|future|next|planned", ahead.group(0)) and \
            re.fullmatch(r"(?i)met|spoke|discussed|talked|exchanged|conferred|held\s+talks", plain[s:e]):
        ahead = None  # "met X, his upcoming counterpart, and discussed ...": the adjective is X's
    if ahead or re.match(r"^\s*(?:is|are|was|were)\s+(?:also\s+)?"
                                                 r"(?:planned|scheduled|expected|set|due|slated)",
                                                 plain[e:e + 40], re.I):
        return "future"
    if not _VERB.fullmatch(plain[s:e]) or re.search(r"(?i)\b(?:la|une|cette|das|ein|dieses)\s+$", before):
        ahead = re.search(r"\b(?:will|would|is\s+(?:set|scheduled|expected|due|slated|likely|"
                          rf"planned)\s+(?:to|for)|is\s+to|are\s+to|(?:is|are)\s+{_BEING_ARRANGED}|aura|auront|tendr[áa]n?|ter[áa]|"
                          r"ter[ãa]o|avr[àa]|avranno|wird|werden|ser[áa]n?)\b|\b(?:was|were|has|had|took|"
                          r"came|ended|began|lasted|is\s+(?:now\s+)?underway)\b",
                          re.split(r"[,;:(]", re.sub(r"(\d),(\s*\d{4})\b,?", r"\1 \2", plain[e:e + 110]),
                                   maxsplit=1)[0], re.I)  # (not at the comma of "Jan 1, 2023,")
        if ahead and (ahead.start() <= 30 or not re.search(  # "The meeting on May 8 held in the
                r"\b(?:said|says|told|and|who|which|that)\b", plain[e:e + ahead.start()])) and re.match(r"(?i)will|would|is\s+(?:set|sch|exp|due|sla|lik|pla)|is\s+to|"
                                                      r"are\s+to|(?:is|are)\s+being|aura|tendr|ter[áaã]|avr|wird|werden|ser[áa]",
                                                      ahead.group(0)):
            return "future"  # "The meeting between X and Y will be ..."
    if _PROGRESSIVE.search(window[-(e - s) - 30:]):
        return "present"
    return "past"


def _actors(clause: Clause, s: int, e: int) -> list[Mention]:
    """People acting in the clause: not reporters, senders, people quoted or named in passing."""
    out: dict[str, Mention] = {}
    for m in clause.people:
        if clause.plain[m.start:m.end].strip() == "" and clause.author is None:
            continue  # inside a long quotation
        if m.speaker or _reports(clause.text, m) or _sender(clause.text, m) or _REMARKS.match(clause.plain, m.end):
            continue
        if re.search(r"[\u2014\u2013]\s*$", clause.text[max(0, m.start - 3):m.start]) and \
                re.match(r"\s*\(@\w+\)", clause.text[m.end:m.end + 40]) and clause.author is None:
            continue  # "... President @RTErdogan discussed;\u2014 Name (@handle) March 17": who posted it
        if clause.text[m.start:m.start + 1] == "@" and clause.text[max(0, m.start - 1):m.start] == "(" and \
                clause.text[m.end:m.end + 1] == ")" and clause.author is None:
            continue  # (and the handle that signs it)
        if any(p.person != m.person and re.fullmatch(r"['\u2019]s\s+(?:[\w-]+\s+){0,3}", clause.plain[m.end:p.start])
               for p in clause.people):
            continue  # "Trump's NSA-designate Michael Flynn": Flynn is named, Trump only places him
        if re.match(r"\s+(?:administration|government|campaign|transition|presidency|era|camp|cabinet|"
                    r"regime|doctrine)\b", clause.plain[m.end:m.end + 16]):
            continue  # "his counterpart in the Trump administration"
        if _ENTOURAGE_OF.search(clause.plain[max(0, m.start - 50):m.start]) or \
                _ENTOURAGE_AFTER.match(clause.plain, m.end):
            continue  # "met the transition team of Trump", "Trump's aides": his people, not him
        out.setdefault(m.person, m)
    if clause.author is not None:
        out = {clause.author.person: clause.author, **out}
    return list(out.values())


_ENTOURAGE = (r"(?:(?:transition|negotiating|advance|security)\s+)?(?:team|teams|aides?|staff|delegation|"
              r"officials|envoys?|representatives?|advisers|advisors|emissar(?:y|ies))")
_ENTOURAGE_OF = re.compile(rf"\b{_ENTOURAGE}\s+of\s+(?:the\s+)?(?:(?:US\s+)?(?:president|prime\s+minister)"
                           r"(?:-elect)?\s+)?$", re.I)
_ENTOURAGE_AFTER = re.compile(rf"['\u2019]s?\s+{_ENTOURAGE}\b", re.I)


_REMARKS = re.compile(r"['\u2019]s?\s+(?:remarks|comments|words|statement|response|reply|announcement|"
                      r"criticism|warning)\s+(?:came|come|comes|followed|follow|were|was)\b")  # "X's remarks came after"
_SENDER = re.compile(r"\b(?:(?:letter|message|note|invitation|greetings|congratulations|"
                     r"condolences|envoy|emissary|statement|criticism|criticisms|pressure|threats?|"
                     r"warnings?|attacks?|demands?|objections?|opposition|praise)\s+from|[Bb]ehalf\s+of|[Aa]ccording\s+to|"
                     r"(?:message|letter|statement|remarks|comments|post|tweet|note|report|posted|"
                     r"tweeted|written|signed|delivered|sent|read\s+out|quoted|cited|issued|released)"
                     r"\s+(?:[\w-]+\s+){0,2}?by|[Rr]epresenting|"
                     r"(?:[Gg]overnment|[Aa]dministration|[Rr]egime|[Cc]abinet)\s+of|"
                     r"(?:[Gg]obiernos?|[Gg]overnos?|[Gg]ouvernements?)\s+d[eo]|[Ii]nstead\s+of|"
                     r"[Rr]ather\s+than|in\s+place\s+of|[Ww]ithout|[Rr]eplacing|"
                     r"[Uu]nlike)\s+(?:(?:[A-Z][\w.'\u2019-]*|y|e|and|et|und)\s+){0,8}$")


_RECIPIENT = re.compile(r"\b(?:sign|signal|message|warning|reminder|greetings|wishes|regards|"
                        r"congratulations|condolences|invitation|letter)\s+(?:of\s+[\w-]+\s+)?to\s+"
                        r"(?:[\w.'\u2019-]+\s+){0,4}$")


_ABSENT = re.compile(r"\s+(?:(?:was|were)\s+(?:notably\s+|conspicuously\s+)?absent|(?:did\s+not|didn['\u2019]t)\s+"
                     r"(?:attend|take\s+part|participate|join)|skipped|stayed\s+away)\b")
_SINCE_BEFORE = re.compile(r"\b(?:since|after|before|until|when)\s+(?:the\s+|former\s+|new\s+|then\s+|"
                           r"[A-Z][\w.'\u2019-]*\s+|[a-z]+\s+(?=[A-Z])){0,4}$")
_SINCE_AFTER = re.compile(r"\s+(?:was|were|had\s+been|has\s+been)\s+(?:sworn|inaugurated|elected|re-?elected|"
                          r"appointed|installed)|\s+(?:took|assumed|returned\s+to)\s+(?:office|power)|"
                          r"\s+(?:became|won|came\s+to\s+power)\b")


def in_time_clause(text: str, m: Mention) -> bool:
    """"since President Trump was sworn in", "after X took office": the person dates something."""
    return bool(_SINCE_AFTER.match(text, m.end) and _SINCE_BEFORE.search(text, max(0, m.start - 80), m.start))


_SENT = re.compile(r"['\u2019]s?\s+(?:(?:warm|personal|best)\s+)?(?:greetings|message|letter|"
                   r"invitation|wishes|regards|congratulations|condolences)\b")


def _sender(text: str, m: Mention) -> bool:
    """"a letter from Prime Minister X", "according to X", "to send a signal to X": X did not
    take part."""
    before = text[max(0, m.start - 100):m.start]
    if _ABSENT.match(text, m.end):
        return True  # "President X was absent as the leaders convened"
    if in_time_clause(text, m):
        return True  # "the second call since President Trump was sworn in": a time, not a party
    if _SENT.match(text, m.end):
        return True  # "conveyed King Abdullah's greetings to ...": the king sent them
    return bool(_SENDER.search(before[-60:]) or _RECIPIENT.search(before[-60:]) or
                re.search(r"\b[Aa]ccording\s+to\s+[^,.;()]{0,80}$", before))


def _reports(text: str, m: Mention) -> bool:
    """"..., Ned Price said" or "said Jen Psaki": the person reports the engagement (but
    "X informed about his conversation with Y" reports X's own)."""
    after = text[m.end:m.end + 40]
    if re.match(r"[^.;]{0,60}?\b(?:about|on|of)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}"
                r"(?:conversation|call|talks|meeting|visit|discussions?)\b", text[m.end:m.end + 120]):
        return False
    if re.match(r"[^.;]{0,120}?\b(?:as|when|while|after|before)\s+(?:he|she)\s+(?!said|says)\w+",
                text[m.end:m.end + 160]):
        return False  # "X highlighted the challenges as he opened the summit": X acts too
    if re.search(r"(?i)\b(?:in|during|at)\s+(?:a|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:meeting|talks|"
                 r"call|conversation|conversations)\s+with\s+[^,;]{3,80},\s*$", text[max(0, m.start - 140):m.start]):
        return False  # "In a meeting with President Herzog, Blinken said ...": Blinken met him
    before = text[max(0, m.start - 40):m.start]
    says = "|".join(SAY_VERBS)
    if re.match(rf"\s*,?\s*(?:,[^,]{{0,60}},\s*)?(?:(?:has|had|have|also|further|later|earlier|"
                rf"then|on\s+\w+day|today|yesterday|in\s+a\s+statement)\s+)*(?:{says})\b"
                rf"(?!\s+(?:(?:on\s+)?\w+day\s+|today\s+|yesterday\s+)?(?:that\s+)?(?:he|she|they)\s+"
                rf"(?:and\s+(?:[\w.'\u2019-]+\s+){{1,6}}?)?"
                rf"(?:met|had|held|spoke|will|would|is\s+to|was\s+to|plans|planned|intends|"
                rf"look(?:ed|s)?\s+forward|hoped|hope|agreed|expect(?:ed)?))", text[m.end:m.end + 120]):
        return not re.match(r"\s*(?:said|told)\s+(?:\w+\s+){0,3}(?:after|following)\b", after) and \
            not re.match(r"\s*(?:said|says|told)\s+(?:\w+\s+){0,3}(?:during|at|in)\s+(?:(?:a|the|his|her)\s+"
                         r"(?:[\w-]+\s+){0,2}(?:meeting|talks|call|conversation)\s+with|their\s+(?:[\w-]+\s+){0,2}"
                         r"(?:meeting|talks|call|conversation))\b", text[m.end:m.end + 90])
        # "X said on Saturday during a meeting with Y", "X told Y during their talks": X was at it
    if re.search(rf"\b(?:{says})\s*$", before) and not re.search(r"\b(?:that|told|tells|tell)\s*$", before) and \
            not re.match(r"\s+(?:had|has|have|was|were|is|will|would|also)\s", text[m.end:m.end + 12]):
        return True  # "said Jen Psaki", not "said Lavrov had arrived"
    return bool(re.search(r"\b(?:according\s+to|quoted|quoting|citing)\s*$", before))


_OTHER_EVENT = re.compile(r"\b(?:deal|agreement|accord|pact|ceasefire|truce|election|elections|war|"
                          r"invasion|attack|attacks|strike|strikes|announcement|decision|remarks|"
                          r"comments|vote|inauguration|re-election|sanctions|clash|clashes|"
                          r"protests?|earthquake|flood|crisis|standoff|stand-off|launch)\s*,?\s*$",
                          re.I)


def _nearest_time(clause: Clause, s: int, e: int) -> TimeExpr | None:
    """The time expression closest to the word; "said on Wednesday" dates the saying and
    "the deal last month" the deal."""
    times = [t for t in clause.times
             if not _SAID_WHEN.search(clause.plain[max(0, t.start - 45):t.start])
             and not (t.start > e + 3 and _OTHER_EVENT.search(clause.plain[max(0, t.start - 25):t.start]))
             and not re.search(r"(?i)(?:,\s*|\b(?:was|were|been)\s+)(?:signed|adopted|ratified|"
                               r"concluded|launched|elected|appointed|created|founded|established|formed|"
                               r"set\s+up)\s*$",
                               clause.plain[max(0, t.start - 25):t.start])  # "the pact, signed last August"
             and not (t.start > e and re.search(r"(?i)\b(?:sworn[\s-]+in|(?:took|taking|assumed|assuming)\s+office|"
                                                r"inaugurated|(?:re-?)?elected)\b[^.;,]{0,40}$",
                                                clause.plain[e:t.start]))  # "since being sworn in ... on January 20"
             and clause.plain[t.start:t.end].strip()]
    if not times:
        return None
    return min(times, key=lambda t: (max(0, t.start - e, s - t.end), t.start < s))


_REPORTED_THAT = re.compile(r"\b(?:said|says|reported|reports|announced|announces|confirmed|"
                            r"stated|told\s+\S+(?:\s+\S+)?)\s+(?:that|he|she|they|we|it)\b", re.I)


def _prepared(plain: str, s: int) -> bool:
    """"prepared the summit": the gathering is what another engagement was for."""
    return bool(re.search(r"(?i)\b(?:prepared|preparing|prepares|prepare)\s+(?:the|a|an|this)\s+"
                          r"(?:[\w-]+\s+){0,3}$", plain[max(0, s - 60):s]))


def _topic_holds(plain: str, e: int, s2: int, time: TimeExpr) -> bool:
    """"discussed plans for X's visit to Tokyo next month": the time is inside what was discussed."""
    topic = re.search(r"\b(?:plans?|preparations?|arrangements?|agenda|items?)\s+for\b|\babout\b",
                      plain[e:s2]) if s2 > e else None
    if s2 > e and time.start > s2 and re.search(r"(?i)\b(?:discuss\w*|review\w*)$", plain[:e]) and \
            re.fullmatch(r"[^,;.]{0,50}", plain[e:s2]):
        return True  # "discussed the Prime Minister's visit to the EU Council tomorrow": the visit's
    return topic is not None and time.start > e + topic.start()


# What a date put before a noun may belong to instead of the engagement: "the May 9 election".
_EVENT_NOUN = re.compile(
    r"\s+(?:coup|attacks?|elections?|votes?|referendum|bombings?|strikes?|earthquake|floods?|incident|"
    r"clash(?:es)?|massacre|killings?|assault|invasion|ceasefire|deal|agreement|accord|deadline|"
    r"polls?|shooting|explosion|blast|crash|protests?|uprising|inauguration|swearing-in)\b", re.I)


def _own_time(clause: Clause, s: int, e: int, words: list[tuple[int, int, str]],
              group: str) -> TimeExpr | None:
    """The time expression nearest to this word and not nearer to another engagement word:
    "in his upcoming visit" does not take "Blinken's meeting in Doha on Tuesday"'s Tuesday.
    A visit's time may also date what the visit is for ("will visit Russia on 21 May for an
    informal summit")."""
    time = _nearest_time(clause, s, e)
    later = next((t for t in clause.times if t.form == "next_day" and 0 <= t.start - e <= 90), None)
    if time is not None and time.end <= s and later is not None:
        time = later  # "leaves on Sunday, ahead of a meeting with X the next day"
    if time is not None and time.form == "next_day":
        time = _day_after(clause, time)
    if time is None or re.match(r"(?i)since\b", time.text) or \
            re.search(r"(?i)\bsince\s+$", clause.plain[max(0, time.start - 7):time.start]):
        return None  # "his first visit since Saturday's election": not when it is
    if time.end <= s and _REPORTED_THAT.search(clause.plain[time.end:s]):
        return None  # "Yesterday, the office reported that 25 countries will join the call"
    if time.end <= s and re.search(r"\b(?:said|says|told\s+\S+(?:\s+\S+)?|announced|confirmed)\s+$",
                                   clause.plain[max(0, time.start - 40):time.start]) and \
            re.match(r"\s*,?\s*(?:that|he|she|they|we|it)\b", clause.plain[time.end:s]):
        return None  # "Albanese said on Wednesday he will travel": the day he said it
    if time.start >= e and re.search(r"\b(?:after|before|when|since|while)\s+(?:\w+\s+){0,3}?\w+ed\b",
                                     clause.plain[e:time.start]):
        return None  # "agreed to hold talks after the latter congratulated him in May": the May is his
    if time.start >= e and re.search(r"\b(?:since|after|when)\s+[^,;.]{0,80}?\b(?:became|took\s+office|took\s+over|"
                                     r"came\s+to\s+power|won|returned|was\s+(?:elected|sworn|appointed|re-?elected))\b"
                                     r"[^,;.]*$", clause.plain[e:time.start]):
        return None  # "the first meeting since Tusk became prime minister again in December": his December
    if time.start >= e and re.search(r"\bfollowing\s+(?:the|a|an|his|her|their|its)\s+[^;.]{0,120}$",
                                     clause.plain[e:time.start]):
        return None  # "would discuss ECOWAS following the exit of three states in January"
    if re.search(r"(?i)\b(?:activities|plans|steps|measures|actions|work|agenda|priorities|projects|"
                 r"schedule)\s+for\s+$", clause.plain[max(0, time.start - 30):time.start]):
        return None  # "agreed on joint activities for the coming week": when they are, not the talk
    if _EVENT_NOUN.match(clause.plain, time.end):
        return None  # "in the wake of the December 7 coup attempt": the date is the coup's
    if time.start >= e and re.search(r"(?i)\b(?:comes?|came|coming|follows?|followed)\s+(?:\w+\s+){0,2}?"
                                     r"(?:after|as|amid|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of)\b",
                                     clause.plain[e:time.start]):
        return None  # "The meeting comes after South Africa last week referred ...": not its time
    if time.start >= e and re.fullmatch(r"(?:\s+\w+){0,2},?\s+(?:which|that)\s+(?:began|begins|started|starts|opened|"
                                        r"opens|kicked\s+off|kicks\s+off)\s+", clause.plain[e:time.start]):
        return time  # "his two-day state visit here, which began yesterday with meetings ...": its start
    gap = lambda a, b: max(0, time.start - b, a - time.end)  # noqa: E731
    mine = gap(s, e)
    rivals = [(s2, e2, g2) for s2, e2, g2 in words if (s2, e2) != (s, e) and gap(s2, e2) < mine
              and _nearest_time(clause, s2, e2) is time  # ("met ... yesterday and agreed to meet again today")
              and not NEUTRAL.fullmatch(clause.plain[s2:e2]) and not _prepared(clause.plain, s2)
              and not (s2 >= e and re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}",
                                                 clause.plain[e:s2]))  # "participate in the SCO summit"
              and not (e <= time.start and time.end <= s2 and  # "held a summit on Saturday and
                       re.match(r"\s*,?\s*and\b", clause.plain[time.end:s2]))]  # issued a statement"
    if not rivals:
        return time
    if group != "visit" and all(g2 == "visit" and not _topic_holds(clause.plain, e, s2, time)
                                for s2, _, g2 in rivals):
        return time  # (not "discussed plans for X's visit to Tokyo next month": the visit's)
    return None


def _day_after(clause: Clause, time: TimeExpr) -> TimeExpr:
    """"depart on Sunday, ahead of a meeting the next day": the day after the one said before."""
    before = [t for t in clause.times if t.end <= time.start and t.form != "next_day"]
    if not before:
        return time

    def shifted(r: Reading) -> Reading:
        if r.date is None or r.date.day is None:
            return Reading(None, r.how)
        d = r.date.first_day() + dt.timedelta(days=1)
        return Reading(FuzzyDate(d.year, d.month, d.day),
                       f'"{time.text}" read as the day after {r.date.iso()} ("{prev.text}")')
    prev = before[-1]
    return dataclasses.replace(time, past=shifted(prev.past), future=shifted(prev.future))


def _place(clause: Clause, s: int, e: int, group: str, gaz: Gazetteer,
           dateline_city: str | None) -> tuple[PlaceHit | None, bool]:
    """The city where the clause puts the engagement (a venue, a landmark's city, "here")."""
    best: tuple[int, PlaceHit] | None = None
    for hit in clause.places:
        before = clause.plain[max(0, hit.start - 40):hit.start]
        if not clause.plain[hit.start:hit.end].strip():
            continue  # inside a quotation
        tail = clause.headline and re.search(r"\s[-\u2013\u2014:|]\s*$", before) and \
            not clause.plain[hit.end:].strip(" .")  # "Opening remarks - Bilateral meeting - Canberra"
        if not tail and not _PLACE_CUE.search(before) and not _VENUE_THEN_CITY.search(before) and not (
                hit.place.kind == "landmark" and
                re.search(r"\b(?:a|ao|à|do|da|del|of\s+the)\s+$", before)):  # "a Palazzo Chigi", "rampa do Palácio"
            continue  # "as the White House unveiled": an institution, not a venue
        if hit.place.kind == "landmark" and re.match(r"\s+(?:official|officials|spokes\w+|press|statement|"
                                                     r"said|says|source|sources|readout)\b", clause.plain[hit.end:hit.end + 20]):
            continue  # "a State Department official said": who spoke, not where
        if any(m.start < hit.end and hit.start < m.end for m in clause.people) or \
                any(f.start < hit.end and hit.start < f.end for f in clause.forums):
            continue  # "Vladimir" of Vladimir Putin, "Shanghai" of the Shanghai Cooperation Organization
        if hit.place.kind == "city" and not re.search(r"['\u2019]s$", hit.text) and \
                re.match(r"\s+(?!(?:on|in|at|and|for|to|as|with|of|the)\b)"
                                                r"(?:(?:de|del|da|do|di|des|du)\s+)?[A-Z][a-z]",
                                                clause.plain[hit.end:hit.end + 8]) \
                and not any(h.start == 0 for h in gaz.find(clause.plain[hit.end:hit.end + 30].lstrip())):
            continue  # "Paris Agreement", "Washington Post", "Palacio de Torre Tagle": a longer name
        if _NOT_VENUE.search(before) or re.match(r"\s*-\s*based", clause.plain[hit.end:hit.end + 8]):
            continue
        if hit.start > e and re.fullmatch(r"(?i)discuss\w*|reviewed|covered|focused\s+on", clause.plain[s:e]) \
                and not re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?", clause.plain[e:hit.start]):
            continue  # "discussed the railway and the dry port at Kapiri Mposhi": a topic
        if hit.start > e and re.search(r"\s(?:and|while)\s+(?:also\s+)?(?:[a-z]+ed|said|told|spoke|wrote|took|"
                                       r"expressed|stressed|invited)\b", clause.plain[e:hit.start]):
            continue  # "held a meeting with X and expressed the wish to receive them in Putrajaya"
        if hit.start > e and re.search(r"\b(?:following|after)\s+(?:their|his|her)\s", clause.plain[e:hit.start]):
            continue  # "spoke with X following their talks in Los Angeles": the earlier meeting's
        if hit.start > e and _TOPIC.search(clause.plain[e:hit.start]):
            continue  # "met X to discuss reconstruction in Gaza": what they talked about
        if hit.start > e and re.fullmatch(r"\s+(?:on|about|over|regarding|concerning)\s+(?:the\s+)?"
                                          r"(?:[\w-]+\s+){0,2}", clause.plain[e:hit.start]):
            continue  # "for talks on Gaza": the subject of the talks
        if re.match(r"\s*(?:airport|Airport)\b", clause.plain[hit.end:hit.end + 10]) and group != "visit":
            continue
        named = re.match(r"\s+(?:talks|negotiations|process|format|declaration|agreement|accord|"
                         r"round|peace\s+talks)\b", clause.plain[hit.end:hit.end + 20])
        if named and hit.end + named.end() != e:
            continue  # "updates on the Muscat talks": another engagement's city, or a name
        gap = max(0, hit.start - e, s - hit.end)
        score = gap - (30 if hit.place.kind == "landmark" else 0)
        if best is None or score < best[0]:
            best = (score, hit)
    if best:
        return best[1], False
    if clause.where is not None and clause.where.place.kind != "country":
        return clause.where, False  # "visited Mexico City last month, where he met ..."
    if dateline_city and _HERE.search(clause.plain):
        place = gaz.lookup(dateline_city)
        if place:
            return PlaceHit(place, -1, -1, "here"), True
    unknown = _unknown_town(clause, s, e, gaz)
    if unknown is not None:
        return unknown, False
    cap = _CAPITAL.search(clause.plain)
    if cap:
        said = cap.group(1) or cap.group(2) or cap.group(3)  # "in Malaysia's capital"
        country = gaz.country_of(said) or gaz.country_of(said.split()[0])
        city = gaz.capital_of(country) if country else None
        place = gaz.lookup(city) if city else None
        if place:
            return PlaceHit(place, cap.start(), cap.end(), cap.group(0)), False
    return None, False


_UNKNOWN_TOWN = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+([A-Z][a-z]{3,}(?:[- ][A-Z][a-z]{3,})?)(?=\s*[,.;]|\s+(?:on|at|for|"
                           r"with|and|where|last|this|today|yesterday|earlier|later)\b)")


_REGION = re.compile(r"\b(?:Asia|Africa|Europe|America|Americas|Oceania|Arctic|Antarctica|Caribbean|Balkans|"
                     r"Caucasus|Sahel|Maghreb|Levant|Scandinavia)\b")  # "in South America", "America Latina": no town


def _unknown_town(clause: Clause, s: int, e: int, gaz: Gazetteer) -> PlaceHit | None:
    """"On Tuesday in Trakai, X met Y": a town too small for the gazetteer is still the place
    the text gives (the entry says it was not checked)."""
    for m in _UNKNOWN_TOWN.finditer(clause.plain):
        if m.start() > e + 60 or m.end() < s - 60:
            continue
        name = m.group(1)
        before = clause.plain[max(0, m.start() - 40):m.start() + 3]
        if _TOPIC.search(before) or _NOT_VENUE.search(before[:-3]) or \
                re.search(r"(?i)\b(?:situation|war|conflict|crisis|fighting|violence|attacks?|strikes?|"
                          r"people|civilians|troops|forces|region|province|state)\s+(?:in|at)\s+$", before) or \
                (m.start() > e and re.search(r"(?i)\b(?:discuss\w*|about|on|over|regarding)\b",
                                             clause.plain[e:m.start()])):
            continue  # "discussed the situation in Donbas": a topic, not a venue
        if any(w in NOT_PEOPLE or month_number(w) or weekday_number(w) is not None
               for w in re.split(r"[- ]", name)) or gaz.country_of(name) or gaz.lookup(name) or \
                _REGION.search(name) or \
                any(p.start < m.end() and m.start(1) < p.end for p in clause.people) or \
                any(f.start < m.end() and m.start(1) < f.end for f in clause.forums):
            continue
        return PlaceHit(Place(name, "", "unknown"), m.start(1), m.end(1), name)
    return None


def _visited_country(after: str, gaz: Gazetteer, said_to: bool = False) -> str | None:
    """"a two-day visit to Bahrain", "arrived in Japan", "travel to Indonesia": the country,
    when that is all."""
    m = re.match(r"\s+(?:to\s+|in\s+)" + ("?" if said_to else "") +
                 r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)(?:ern)?\s+)?"
                 r"((?:[A-Z][\w'\u2019-]*\s*){1,4})", after)  # "visit northern Cyprus"
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        country = gaz.country_of(" ".join(words[:n]).strip(",.'\u2019"))
        if country:
            return country
    return None


# "interactions with counterparts, including A of X, B of Y": each one met on its own
_COUNTERPARTS_LISTED = re.compile(r"\s+with\s+(?:(?:his|her|their|several|other)\s+)*(?:[\w-]+\s+)?"
                                  r"counterparts,?\s+(?:including|among\s+them|such\s+as)\b", re.I)


def _listed_one_by_one(clause: Clause, e: int, word: str, after: list[Mention], home: str | None = None) -> bool:
    """"met with A of X, B of Y and C of Z upon his arrival": three or more people listed after
    the verb (two guests of two countries after "welcomed") are met one by one, unless the text
    makes it one sitting ("trilateral", "together")."""
    after = [m for m in after if fold(m.name.split()[-1]) in fold(m.text) or  # named, not "the US President"
             re.search(r"\((?:another|close) spelling\)", m.how)]
    if len(after) >= 2 and len({m.country for m in after}) == len(after) and re.search(
            r"(?i)\b(?:counterparts|hom[óo]log[oa]s|contra\s?partes|homologues|amtskolleg\w+|omologhi)\b",
            clause.plain[e:after[0].start]):
        return True  # "se reunió con sus contrapartes de Japón, X, y de Canadá, Y"
    hosting = bool(re.fullmatch(r"(?i)welcomed|welcomes|received|receives|hosted|hosts", word)) and \
        len({m.country for m in after}) == len(after)  # "X welcomed A of India and B of Brazil"
    hosting = hosting or (bool(re.fullmatch(r"(?i)met|meets|called\s+on", word)) and len(after) == 2 and
                          all(m.title for m in after) and after[0].country == after[1].country == home and
                          after[0].title != after[1].title and  # "met Prime Minister A and Security Adviser B"
                          len({p.person for p in clause.people if p.end <= e}) <= 1)  # (not a 2+2)
    # (two hosts, met by a visitor in their country; visitors met together are one delegation)
    apart = _talked_to_each(clause, e, word, after)
    bilateral = bool(re.search(r"(?i)\bbilateral\b", word)) and len({m.country for m in after}) == len(after)
    verb = _VERB.fullmatch(word) or re.fullmatch(  # ("conferred with A, B and C", "held a discussion with")
        r"(?i)conferred|confers|(?:held|hold|holds|holding|had)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?discussion", word)
    if len(after) < (2 if hosting or apart or bilateral else 3) or not verb and not apart or re.search(
            r"(?i)\b(?:trilateral|quadrilateral|multilateral|jointly|together|group|with\s+whom|"
            r"for\s+the\s+(?:[\w'\u2019-]+\s+){1,4}(?:meeting|summit|dialogue)|"  # "hosted A, B and C for the Quad meeting"
            r"collectively|round\s*table|session|joint\s+(?:[\w-]+\s+)?(?:call|meeting|talks|conference|"
            r"session|summit|press|statement|declaration|communiqu\w+|visit|appearance))\b", clause.plain):
        return False
    between = [clause.plain[a.end:b.start] for a, b in zip(after, after[1:])]
    return all(re.search(r",|\band\b", gap) for gap in between) and \
        (apart or re.match(r"\s+(?:with\s+)?", clause.plain[e:after[0].start]) is not None)


def _talked_to_each(clause: Clause, e: int, word: str, after: list[Mention]) -> bool:
    """"spoke with Canadian PM A and Mexican President B", "spoke separately with A and B": one
    talk each. Talks are held one counterpart at a time; a conference of three says so ("joint",
    "trilateral") or is a noun ("in a telephone conversation with A and B")."""
    separately = re.search(r"(?i)\bseparately\b", clause.plain[max(0, e - 30):after[0].start]) if after else None
    if len(after) != 2 or after[0].country == after[1].country and not separately:
        return False
    if not separately and not re.fullmatch(r"(?i)spoke|speaks|talked|discussed|phoned|telephoned|dialled|dialed",
                                           word):
        return False
    gap = clause.plain[e:after[0].start]  # "discussed projects with the Prime Ministers of A and B,"
    return len(gap) <= 120 and re.search(r"(?i)\bwith\b", gap) is not None


def _between_bodies(clause: Clause, e: int) -> list[str]:
    """"a joint meeting between the SADC and the EAC": two registered bodies, no one named."""
    m = re.match(r"\s+between\s+", clause.plain[e:e + 12])
    hits = list({h.forum: h for h in reversed(clause.forums)
                 if m and h.registered and e < h.start <= e + 160}.values())[::-1]  # first of each
    if len(hits) >= 2 and re.fullmatch(r"[^.;]{0,60}?\band\s+(?:the\s+)?", clause.plain[hits[0].end:hits[1].start]):
        return [hits[0].forum, hits[1].forum]
    return []


def _summit_session(clause: Clause, s: int, e: int) -> bool:
    """The word names the session of a leaders' summit format: "the EPC meeting", "the
    Pacific Islands Leaders Meeting" (a summit's own session, not a bilateral beside it)."""
    if re.fullmatch(r"(?i)convened|met|meet|meets|gathered", clause.plain[s:e]):
        lead = re.search(r"\b(?:leaders|heads\s+of\s+(?:state|government))\s+(?:\w+\s+)?$",
                         clause.plain[max(0, s - 40):s], re.I)
        start = max(0, s - 40) + lead.start() if lead else -1
        return lead is not None and any(h.registered and re.fullmatch(
            r"\s*(?:['\u2019]s\s+)?", clause.plain[h.end:start]) for h in clause.forums if h.end <= start)
    if not re.fullmatch(r"(?i)meeting|session|gathering", clause.plain[s:e]):
        return False
    if re.search(r"(?i)\b(?:leaders['\u2019]?|heads\s+of\s+(?:state|government))\s+$",
                 clause.plain[max(0, s - 30):s]) and any(h.start < s for h in clause.forums):
        return True  # "the Pacific Islands Forum Leaders Meeting", "the ASEAN leaders' meeting"
    return any(h.summit and h.registered and h.start < e and
               (h.end >= e or re.fullmatch(r"\s*(?:['\u2019]s\s+)?(?:leaders['\u2019]?\s+)?",
                                            clause.plain[h.end:s], re.I))
               for h in clause.forums)


def _at_summit(clause: Clause, e: int) -> bool:
    """"to continue the conversation at the Forum Leaders Meeting": they will both be there."""
    return any(h.registered and (h.summit or re.search(
        r"(?i)leaders['\u2019]?\s+meeting|heads\s+of\s+(?:state|government)", h.text)) and
        re.fullmatch(r"\s+(?:[\w'\u2019-]+\s+){0,3}?at\s+(?:the\s+)?(?:upcoming\s+|next\s+)?",
                     clause.plain[e:h.start]) for h in clause.forums)


def _forums(clause: Clause, place: PlaceHit | None, s: int, e: int,
            words: list[tuple[int, int, str]]) -> list[str]:
    """Forums the clause puts the engagement in ("on the sidelines of", "at the summit"): a
    forum named next to another engagement word ("a planned 2+2 meeting") is that one's."""
    out = []
    for hit in clause.forums:
        if not hit.gathering or hit.forum in out:
            continue
        mine = max(0, hit.start - e, s - hit.end)
        sidelines = re.search(r"(?i)\b(?:sidelines|margins)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                              clause.plain[max(0, hit.start - 50):hit.start])
        if sidelines and s >= hit.end and any(e2 <= hit.start for _, e2, _ in words):
            continue  # the sidelines of the word before it
        setting = sidelines and e <= hit.start
        if any(max(0, hit.start - e2, s2 - hit.end) < mine and (s2, e2) != (s, e)
               and not (setting and s2 >= hit.end) for s2, e2, _ in words):
            continue  # nearer another engagement word: that one's (not a later one: "met X on the
            # sidelines of the summit yesterday and agreed to meet again today")
        if not clause.plain[hit.start:hit.end].strip():
            continue
        before = clause.plain[max(0, hit.start - 50):hit.start]
        if _TOPIC_LEAD.search(clause.plain, max(0, hit.start - 120), hit.start):
            continue  # "In addition to the Climate Summit, they discussed ...": a topic
        if hit.start > e and re.search(r"(?i)\b(?:discuss\w*|about|on|for|review\w*)\s+(?:the\s+)?(?:upcoming|"
                                       r"forthcoming|coming|next)\s+(?:[\w-]+\s+)?$", before):
            continue  # "discussed the upcoming G20 meeting": what they talked about, not where
        if _TITLE_OF.search(before) and re.match(r",?\s+[A-Z][\w.'-]+\s+[A-Z]", clause.plain[hit.end:hit.end + 40]):
            continue  # "the President of the European Council, Charles Michel": a title
        ahead = _AHEAD.search(before)
        if ahead:
            after = clause.plain[hit.end:hit.end + 40]
            elsewhere = re.match(r"[^.;]{0,25}?\b(?:in|at)\s+([A-Z][\w'-]+)", after)
            if elsewhere and place is not None and elsewhere.group(1) not in place.text:
                continue  # "ahead of the SCO meeting in Tianjin": another place, another event
            if not re.search(r"\bahead\s+of\b", ahead.group(0), re.I):
                continue
        out.append(hit.forum)
    if not out and re.search(r"(?i)\b(?:organi[sz]ation|bloc|group|grouping|alliance|union|"
                             r"association)['\u2019]s\s+(?:[\w-]+\s+){0,2}$", clause.plain[max(0, s - 60):s]):
        named = [h for h in clause.forums if h.end <= s]  # "the leaders of BRICS ... the bloc's summit"
        out = [named[-1].forum] if named else []
    if not out and any((s2, e2) == (s, e) and g in ("summit", "video") for s2, e2, g in words):
        out = [h.forum for h in clause.forums if h.end <= s and _MEMBERS_OF.search(
            clause.plain[max(0, h.start - 120):h.start])][:1]  # "the leaders of ASEAN held a summit"
    return out


_MEMBERS_OF = re.compile(
    r"(?i)\b(?:leaders|heads\s+of\s+(?:state|government)|members?|member\s+(?:states|countries)|"
    r"dirigeants|chefs\s+d['\u2019][ée]tat|[ée]tats\s+membres|l[íi]deres|mandatarios|jefes\s+de\s+"
    r"Estado|pa[íi]ses\s+miembros|Staats-\s+und\s+Regierungschefs|Mitgliedstaaten)\b[^.;]{0,100}$")


_TITLE_OF = re.compile(r"(?i)\b(?:president|secretary[- ]general|director[- ]general|head|"
                       r"chair(?:man|woman|person)?|commissioner|spokes(?:man|woman|person)|"
                       r"ambassador|envoy|representative)\s+(?:of|to|at)\s+(?:the\s+)?$")
MAX_TRIGGERS = 24  # per clause: news clauses have a few; a page without full stops has thousands


_SETTING_OWNER_BEFORE = re.compile(
    r"\b(?:during|amid|at\s+the\s+same\s+time\s+(?:of|as)|on\s+the\s+eve\s+of|ahead\s+of|"
    r"in\s+the\s+(?:midst|course)\s+of|as\s+part\s+of|for|about|on|regarding|preparing)\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w.-]+\s+){0,4}$", re.I)


def _setting_owner(clause: Clause, m: Mention) -> bool:
    """"... spoke during Ukrainian President Zelensky's visit": Zelensky's visit is when the
    engagement happened, not a part of it; "discussed plans for X's visit": its topic."""
    return bool(re.match(r"['\u2019]s?\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour|arrival|stay)\b",
                         clause.plain[m.end:m.end + 50]) and
                _SETTING_OWNER_BEFORE.search(clause.plain[max(0, m.start - 60):m.start]))


def _visited_person(clause: Clause, e: int) -> Mention | None:
    """The person a visit went to ("visited NSA Ajit Doval's office", "paid a visit to Prime
    Minister X"): a call on that person, not a trip."""
    return next((p for p in clause.people if 0 < p.start - e <= 60 and (re.match(
        r"['\u2019]s?\s+(?:official\s+)?(?:office|residence|home|house|dacha|palace)\b",
        clause.plain[p.end:p.end + 30]) or re.fullmatch(
        r"\s+to\s+(?:(?:[A-Z][\w.'\u2019-]*|of|the)\s+){0,5}", clause.plain[e:p.start]) and not re.match(
        r"['\u2019]s?\s+(?:country|homeland|nation|capital)\b", clause.plain[p.end:p.end + 20]))), None)


def frames_of(clause: Clause, index: int, gaz: Gazetteer, dateline_city: str | None) -> list[Frame]:
    out = []
    words = triggers(clause.plain)[:MAX_TRIGGERS]
    named = [(h.start, h.end) for h in clause.forums]
    words = [(s, e, g) for s, e, g in words if not (  # "on the sidelines of the AU summit", "en marge
        any(a <= s and e <= b + 8 or 0 <= a - e <= 5 for a, b in named) and  # du sommet du G20"
        _SETTING.search(clause.plain[:s]))]
    acting = _actors(clause, 0, 0) if words else []
    unnamed = clause.plain  # a forum's name says nothing of mode: "coalition of the willing"
    for a, b in named:
        unnamed = unnamed[:a] + "X" * (b - a) + unnamed[b:]
    for s, e, group in words:
        word = clause.plain[s:e]
        if group == "talk" and clause.plain[max(0, s - 3):s].lower() == "to " and \
                any(g == "visit" and b <= s for _, b, g in words):
            continue  # "X's visit to Japan next month to discuss ...": what the visit is for
        mode = _mode(unnamed, s, e, group, clause.headline)
        people = list(acting)
        own = len(people)
        if clause.subject and (mode != "future" and re.match(r"(?i)\s*(?:he|she|il|elle|ele|ela|er|sie)\s",
                                                             clause.plain) or
                               GERMAN_PRONOUN_SUBJECT.search(clause.plain[:s])) and \
                all(p.person != clause.subject[0].person for p in people):
            people.insert(0, clause.subject[0])  # "Il a eu avec son homologue, Joe Biden, un entretien"
        if not any(p.start < s for p in people if p is not clause.author) and clause.subject:
            for p in clause.subject:  # "..., before meeting Jaishankar": the sentence's subject
                if p.person not in {x.person for x in people}:
                    people.insert(0, p)
        lead_in = re.match(r"(?i)\W*(?:during|in|at|after|following|on)\s+(?:his|her)\b[^,]{0,80},\s*", clause.plain)
        named = [p for p in clause.people if lead_in and p.start == lead_in.end()]  # "During his meeting
        sayer = [p for p in clause.people if p.end <= s and not p.speaker and re.search(  # with X, Y said": Y's;
            r"\b(?:said|says|stated|told\s+\w+)\b", clause.plain[p.end:s])][:1]  # "X said that his meeting": X's
        owner = named or sayer or clause.carried
        if re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", clause.plain[max(0, s - 30):s],
                     re.I) and owner and not any(p.start < s for p in people):
            for p in owner:  # "The high point was her meeting with President Ruto"
                if p.person not in {x.person for x in people}:
                    people.insert(0, p)
        if group != "visit":  # "spoke during Zelensky's visit": the visitor is the setting
            others = [p for p in people if not _setting_owner(clause, p)]
            if len(others) >= 2 or not others and _PRONOUN_SUBJECT.match(clause.plain):
                people = others  # ("The two leaders discussed plans for X's visit": theirs)
        host = _visited_person(clause, e) if group == "visit" else None
        if host is not None:  # "visited NSA Ajit Doval's office", "paid a visit to X": a meeting
            group = "meet"
            people = [p for p in people if p.start < s][:1] or list(clause.subject[:1])
            people += [host] if all(p.person != host.person for p in people) else []
        if re.match(r"\s+with\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}(?:counterpart|colleague)s?\b",
                    clause.plain[e:e + 60]):
            owner = next((p for p in clause.people if p.end <= s and p is not clause.author), None)
            if owner is not None and all(p.person != owner.person for p in people):
                people.insert(0, owner)  # "X said ..., following talks with her counterpart"
        if group == "visit":  # a visit is the traveller's: "Putin's visit", else the subject
            owner = [p for p in clause.people if 0 <= s - p.end <= 25 and
                     re.match(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}$", clause.plain[p.end:s])]
            if not owner and re.search(r"\b(?:his|her|sua|seu|su|sa|son|seine[mrn]?|ihre[mrn]?)\s+(?:[\w-]+\s+){0,3}$",
                                       clause.plain[max(0, s - 40):s], re.I):
                hosted = re.search(r"(?i)\b(?:receiv|welcom|host|greet|recib|recev|empf)\w*", clause.plain[:s])
                owner = ([] if hosted else list(clause.subject[:1])) or \
                    [p for p in clause.people if p.end <= s][-1:] or [  # "receive Merz ... on his
                    p for p in clause.people if p.start > e and  # first visit"; "On the eve of his
                    re.fullmatch(r"[^,;.]*,\s*(?:[\w.'\u2019-]+\s+){0,4}", clause.plain[e:p.start])][:1]  # trip, X"
            guest = [p for p in clause.people if re.fullmatch(r"(?i)visiting", word) and
                     0 <= p.start - e <= 45 and re.fullmatch(r"[^,;.]*,?\s*", clause.plain[e:p.start])]
            if guest and any(g != "visit" for _, _, g in words):
                continue  # "X and visiting Y held talks": the talks are the news, the visit their setting
            before = [p for p in people if p.start < s and not re.search(  # "to meet with his
                r"(?i)\b(?:with|met|meet|meets|meeting|by)\s+(?:(?:his|her|their)\s+)?(?:[\w-]+,?\s+){0,3}$",
                clause.plain[max(0, p.start - 40):p.start]) and  # counterpart, X": X is the host
                not re.match(r"['\u2019]s?\s+(?!(?:[\w-]+\s+){0,2}(?:visit|trip|tour))",
                             clause.plain[p.end:p.end + 30])]  # "Pandor's department said X arrived"
            right = [p for p in before if re.fullmatch(  # "Xi in Bali ..., tomorrow Penny Wong will travel"
                r"\s+(?:(?:will|would|is|was|has|had|also|then|to|set|due|expected|scheduled|later|soon|"
                r"first|reportedly|on\s+\w+day)\s+){0,4}", clause.plain[p.end:s])]
            people = guest[:1] or owner[:1] or right[-1:] or before[:1] or \
                [p for p in clause.subject][:1]  # "visiting Russian Foreign Minister X": X's visit
            by = re.match(r"(?:\s+to\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?\s+by\s+"
                          r"([^,.;]{0,60})", clause.plain[e:])
            visitor = [p for p in clause.people if by and e + by.start(1) <= p.start <= e + by.end()]
            if by and not visitor:
                people = []  # "a visit by French industry leaders": no one to name
            elif visitor and not owner:
                people = visitor[:1]  # "an official visit to Australia by Prime Minister X"
        bodies = _between_bodies(clause, e) if group in ("meet", "summit") else []
        if bodies:
            group, people = "summit", []  # "the joint meeting between SADC and the EAC": the blocs meet
        elif group == "meet" and _summit_session(clause, s, e) or \
                group == "talk" and mode == "future" and _at_summit(clause, e):
            group = "summit"  # "the European Political Community meeting": the summit itself
        place, here = _place(clause, s, e, group, gaz, dateline_city)
        if group in ("phone", "video"):
            place, here = None, False
        time = _own_time(clause, s, e, words, group)
        if time is not None and mode in ("past", "present") and \
                re.match(r"(?i)(?:next|the\s+coming|coming|later\s+this)\b", time.text.strip()):
            mode = "future"  # "the summit the government is organizing in Belem next month"
        plural = bool(re.match(r"(?i)(?:courtesy\s+calls)$", word)) or bool(
            re.fullmatch(r"(?i)(?:phone|telephone|video)\s+(?:talks|calls|conversations)", word) and
            re.search(r"(?i)\b(?:separate|individual)\s+$", clause.plain[max(0, s - 20):s])) or \
            bool(re.match(r"(?i)(?:meetings|bilaterals|talks|discussions|calls|conversations|interactions|rencontres|"
                               r"entretiens|reuniones|reuni[õo]es|encuentros|encontros)$", word)) \
            and (bool(re.search(r"\b(?:bilateral|separate|separately|respectively|individual|bilat[ée]ra(?:l|les|is|ux)|"
                                r"series\s+of|rounds?\s+of)\b",
                                clause.plain[max(0, s - 30):e + 60], re.I)) or
                 bool(_COUNTERPARTS_LISTED.match(clause.plain[e:e + 80]))) or \
            bool(re.search(r"\balso\s+(?:held\s+talks|met)\s+(?:separately\s+)?with\b", clause.plain[max(0, s - 6):e + 20])
                 and len({p.country for p in people if p.start > e}) >= 2) or \
            any(o.plural and len(o.countries) >= (2 if "counterpart" in o.office else 3) and o.start > e and
                re.fullmatch(r"\s+(?:\w+\s+){0,5}?with\s+(?:\S+\s+){0,3}", clause.plain[e:o.start])
                for o in clause.offices)  # "met with his Uzbek and Kazakh counterparts", "with the leaders of
        # A, B and C" ("will meet with the leaders of A and B" is more often the three together)
        city = place.place if place is not None else gaz.lookup(dateline_city) if dateline_city else None
        listed = _listed_one_by_one(clause, e, word, [p for p in people if p.start > e and not any(
            p is q for q in clause.subject)],  # (the subject carried from the sentence before)
                                    city.country if city is not None else None)
        plural = plural or listed
        if group == "meet" and re.search(r"(?i)receiv|welcom|ricev|accolt|recib|recebe|re[çc]u|empf", word) \
                and (re.search(r"(?i)\b(?:airport|aeroporto|aeropuerto|a[ée]roport|Flughafen|tarmac)\b",
                               clause.plain) or
                     re.match(r"\s+(?:an?\s+|un[ao]?\s+)?(?:ceremonial\s+|official\s+)?(?:guard|guardia|"
                              r"welcome|honou?rs?|salute|gun\s+salute)\b", clause.plain[e:e + 40], re.I)):
            continue  # "received at the airport by", "received a guard of honour": protocol
        if re.fullmatch(r"(?i)sostuvo|sostuvieron|mantuvo|mantuvieron", word) and any(
                g in ("phone", "video") and 0 < s2 - e <= 60 for s2, _, g in words):
            continue  # "sostuvo ... una llamada telefónica": the call says what it was
        if group == "summit" and (re.match(r"\s+(?:venue|site|hall|centre|center|grounds|hotel|"
                                           r"media\s+cent(?:re|er))\b", clause.plain[e:e + 20]) or
                                  re.search(r"\b(?:venue|site|hall|room)\s+(?:for|of)\s+(?:the\s+)?"
                                            r"(?:[\w-]+\s+){0,2}$", clause.plain[max(0, s - 40):s])):
            continue  # "met Trump at the summit venue", "at the venue for bilateral summits": where
        if group == "meet" and re.match(
                r"\s+(?:with\s+)?(?:the\s+|members\s+of\s+the\s+|a\s+group\s+of\s+)?(?:[A-Z]\w+\s+|local\s+)?"
                r"(?:business\s+(?:community|leaders|people|persons|executives)|business(?:persons|men|women)|"
                r"diaspora|students|civil\s+society|"
                r"journalists|reporters|press|media|investors|executives|CEOs|entrepreneurs|"
                r"community\s+leaders|members\s+of\s+the\s+community)\b", clause.plain[e:e + 60]):
            continue  # "will meet with the business community": not a diplomatic engagement
        if group in ("meet", "talk", "summit") and not _VERB.fullmatch(word) and re.search(
                r"\b(?:updates?|updated|briefed|briefing|informed|positions?|views?|assessment|"
                r"outcomes?|results?|progress|preparations?|agenda)\s+(?:\w+\s+){0,2}?"
                r"(?:on|about|regarding|of|from|for)\s+"
                r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$", clause.plain[max(0, s - 60):s], re.I):
            continue  # "shared updates on the Muscat talks": what the call was about
        if re.fullmatch(r"(?i)calls?\s+on|called\s+on", word) and re.match(
                r"\s+(?:[\w'\u2019.-]+\s+){1,8}?to\s+(?!discuss|review|exchange)[a-z]+",
                clause.plain[e:e + 90]):
            continue  # "called on world leaders to keep up pressure": urged, not visited
        if group == "statement" and not re.search(
                r"\b(?:adopt(?:ed|s)?|issu(?:ed|es)|sign(?:ed|s)?|releas(?:ed|es)|agreed\s+(?:on|to)|"
                r"unveil(?:ed|s)?|put\s+out|approv(?:ed|es)|endors(?:ed|es))\b", clause.plain, re.I):
            continue  # "a joint statement ... called for": what it said, not that it was adopted
        frame = Frame(index, s, e, word, group, mode, people, list(clause.offices), time, place,
                      place.text if place else "", _forums(clause, place, s, e, words),
                      bool(_VERB.fullmatch(word)), plural, clause.sentence, clause.caption,
                      clause.headline, here)
        frame.listed = listed
        if bodies:
            frame.forums, frame.offices = bodies, []
        attended = bool(_ATTEND.search(clause.plain[max(0, s - 60):s])) and not (
            group in ("summit", "video") and re.match(r"\s+with\b", clause.plain[e:e + 6]) and
            not any(g in ("meet", "talk", "phone") for _, _, g in words)) and not (
            group == "meet" and any(0 <= p.start - e <= 40 and re.match(r"\s+with\s", clause.plain[e:p.start])
                                    for p in people))  # "attended a closed meeting with Defence Minister X"
        # ("attended a virtual summit with the leaders of X and Y": the summit is what he did)
        frame.weak = clause.lead or attended or bool(
            re.fullmatch(r"(?i)greeted|welcomed|received", word) and re.search(  # at the airport: the
                r"(?i)\bat\s+the\s+airport\b|\bwhen\s+(?:he|she|they)\s+landed\b|\bguard\s+of\s+honou?r\b",
                clause.plain)) or (  # arrival, not a meeting
            not _VERB.fullmatch(word) and bool(re.search(  # "discussed X ahead of the NATO Summit"
                r"(?i)\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for|on\s+the\s+eve\s+of)"
                r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$", clause.plain[max(0, s - 60):s])) and
            not re.match(r"\s+(?:\w+\s+){0,2}with\b", clause.plain[e:e + 30]))  # "ahead of a meeting with X"
        if re.match(r"\s+(?:with\s+)?(?:all\s+)?(?:the\s+)?(?:others|rest)\b", clause.plain[e:e + 20]) or \
                re.search(r"\b(?:others|rest)\s+(?:over|at|during)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
                          clause.plain[max(0, s - 40):s]):  # ("... meeting the others over dinner")
            frame.weak = True  # "met X and said he looked forward to meeting the others": no one named
            frame.people = [p for p in people if any(p is q for q in clause.subject)]
        frame.own_people = own
        frame.indefinite = not frame.verb and bool(re.search(r"\b(?:a|an|another|any)\s+(?:\S+\s+){0,2}$",
                                                             clause.plain[max(0, s - 30):s], re.I)) and \
            not re.fullmatch(r"(?i)(?:(?:aussi|[ée]galement)\s+)?(?:re[çc]u[es]?|rencontr[ée]e?s?|accueilli[es]?|"
                             r"[ée]chang[ée])|a\s+rencontr[ée]", word)  # "il a reçu": "has received", not "a"
        if frame.indefinite and re.search(r"(?i)\b(?:travell?ed|came|come|went|go|flew)\s+(?:to\s+[\w -]{2,30}\s+)?"
                                          r"for\s+an?\s+(?:\S+\s+){0,2}$", clause.plain[max(0, s - 70):s]):
            frame.weak = True  # "the first time a minister has travelled to X for a multilateral meeting"
            if group == "visit":  # "who went to India yesterday for a two-day visit": the trip itself
                frame.weak = frame.indefinite = False
                went = re.search(r"(?i)\b(?:travell?ed|came|come|went|go|flew)(\s+to\s+[^,;]{2,40}?)\s+for\s+an?\s",
                                 clause.plain[max(0, s - 70):s])
                frame.country = frame.country or (_visited_country(went.group(1), gaz) if went else None)
        if frame.indefinite and s < 40 and re.match(
                r"\s+(?:\w+\s+){0,4}?(?:kicked\s+off|kicks\s+off|began|begins|opened|opens|was\s+held|"
                r"is\s+being\s+held|took\s+place|is\s+taking\s+place|got\s+under\s*way|"
                r"is\s+under\s*way|was\s+convened|convened)\b", clause.plain[e:e + 80]):
            frame.indefinite = False  # "A two-day NATO summit kicked off in Vilnius": the news itself
        if group == "visit" and re.search(r"(?i)\b(?:on\s+the\s+eve\s+of|ahead\s+of|in\s+the\s+run-up\s+to|"
                                          r"before)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}$",
                                          clause.plain[max(0, s - 50):s]):
            frame.time = None  # "On the eve of his trip, X said on Thursday": the trip came later
        frame.quoted = clause.quoted
        if frame.time is None and not frame.future:
            frame.reported = next((t for t in clause.times if t.start >= e and t.weekday is not None and re.search(
                r"\b(?:said|told\s+\w+|announced|reported|confirmed)\s+(?:on\s+)?$", clause.plain[:t.start])), None)
        if plural:  # "with the support of Y", "accompanied by Y": at X's side in every one of them
            frame.companions = [p.person for p in people if p.end <= s and re.search(
                r"(?i)\b(?:with\s+the\s+support\s+of|accompanied\s+by|together\s+with|alongside|"
                r"assisted\s+by)\s+(?:[\w.'\u2019-]+\s+){0,6}$", clause.plain[max(0, p.start - 80):p.start])]
        frame.joint = not frame.verb and bool(re.search(r"(?i)\b(?:joint|trilateral|three-way|four-way)\s+$",
                                                        clause.plain[max(0, s - 15):s]))
        if frame.joint:
            frame.plural = frame.listed = False  # "a trilateral meeting with his A and B counterparts": one
        frame.topic = bool(re.search(r"(?i)\b(?:discuss\w*|talk\w*\s+about|review\w*|prepar\w*\s+for|"
                                     r"about)\s+(?:[^.;]{0,60}?\s(?:and|as\s+well\s+as)\s+)?(?:the\s+|an?\s+)?"
                                     r"(?:upcoming|forthcoming|coming|next)\s+(?:[\w-]+\s+){0,4}$",
                                     clause.plain[max(0, s - 140):s]))  # ("discuss X and the next summit")
        if group == "summit" and re.search(r"(?i)\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for)\s+"
                                        r"(?:the\s+)?(?:[\w'-]+\s+){0,4}$", clause.plain[max(0, s - 60):s]):
            frame.topic = True  # "coordinated positions ahead of the NATO summit in X": another gathering
        if frame.topic and frame.time is not None and frame.time.end <= s:
            frame.time = None  # "spoke on Thursday about an upcoming meeting": the talk's Thursday
        if frame.topic and frame.time is None and place is None:
            frame.weak = True  # what they talked about: an engagement only when dated or placed
        if not frame.verb and _prepared(clause.plain, s):
            frame.topic = frame.weak = True  # "had prepared the summit in a call with X": the call's
        frame.another = bool(re.search(r"(?i)(?:^|[.;]\s*)\W*(?:in|during|at)\s+an?\s+(?:[\w-]+\s+)?$",
                                       clause.plain[max(0, s - 30):s]))
        if group == "visit" and place is None:
            frame.country = frame.country or _visited_country(clause.plain[e:e + 60], gaz,  # "to visit Sri Lanka"
                                             bool(re.search(r"\bto$|^(?i:visit(?:s|ed|ing)?)$", word)))
        frame.joined = bool(_JOINED.search(clause.plain)) or bool(_TOOK_PART.fullmatch(word))
        frame.bilateral = bool(re.search(r"(?i)\bbilateral\s+(?:[\w-]+\s+)?$", clause.plain[max(0, s - 30):s]))
        frame.setting = group == "summit" and bool(re.search(
            r"(?i)\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|in)\s+(?:the|this|that|its)\s+"
            r"(?:[\w-]+\s+){0,3}$", clause.plain[max(0, s - 60):s]))
        frame.cancelled = bool(_CANCELLED.search(clause.plain[e:]))
        if group == "visit" and re.search(r"\b(?:wrapp\w*\s+up|conclud\w*|end(?:s|ed|ing)?|"
                                          r"clos\w*|the\s+end\s+of|after|following|return\w*)"
                                          r"\s+(?:[\w-]+\s+){0,3}$", clause.plain[max(0, s - 40):s],
                                          re.I):
            frame.mode = "ended"  # "wrapped up her visit on Wednesday": not when it began
        if group == "visit" and re.match(r"(?:\s+(?:to|in)\s+(?:[A-Z][\w'\u2019-]*\s*){1,3})?\s*"
                                         r"(?:ends|ended|concludes|concluded|wraps\s+up|wrapped\s+up)\b",
                                         clause.plain[e:e + 60]):
            frame.mode = "ended"  # "Her visit to Norway ends on Wednesday"
        frame.pronoun = bool(_TOOK_PART.fullmatch(word)) or (not people or frame.joined) and (
            bool(_PRONOUN_SUBJECT.match(clause.plain)) or
            bool(_ANAPHOR.search(clause.plain[max(0, s - 40):s])))
        if re.match(r"\s+of\s+(?:the\s+)?", clause.plain[e:]) and \
                any(0 < h.start - e <= 12 for h in clause.forums):
            frame.pronoun = False  # "The meeting of the SCO was also attended by": its own gathering
        if bodies:
            frame.pronoun = False  # the blocs' own meeting: no one before it is its people
        if not people and not bodies and clause.recent and TWO_SIDES.search(clause.plain[:s]) and \
                (frame.pronoun or TWO_SIDES.match(clause.plain.lstrip())):
            frame.people = list(clause.recent)  # "The two ministers held talks": the last two named
        out.append(frame)
    return out
