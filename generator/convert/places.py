"""Cities and countries the converter recognises.

A place is only ever taken from the article's own words ("in Melbourne"), so
this list decides what counts as a city; it also keeps city and country names
out of the unknown-person candidates. Extend it freely: one name per item.
"""

from __future__ import annotations

CITIES = frozenset("""
Abu Dhabi|Abuja|Accra|Addis Ababa|Ahmedabad|Algiers|Almaty|Amman|Amsterdam|Ankara|Antalya|
Astana|Asuncion|Athens|Auckland|Baghdad|Baku|Bali|Bangalore|Bengaluru|Bangkok|Beijing|Beirut|
Belgrade|Berlin|Bern|Bishkek|Bogota|Bonn|Brasilia|Bratislava|Brisbane|Brussels|Bucharest|Budapest|
Buenos Aires|Cairo|Canberra|Cape Town|Caracas|Chennai|Chernihiv|Colombo|Copenhagen|Dakar|
Dhaka|Doha|Dubai|Dublin|Dushanbe|Geneva|Goa|Hanoi|Havana|Helsinki|Hiroshima|Ho Chi Minh City|
Hong Kong|Hyderabad|Islamabad|Istanbul|Jakarta|Jeddah|Jerusalem|Johannesburg|Kabul|Kathmandu|
Khartoum|Kigali|Kolkata|Kuala Lumpur|Kyiv|Kiev|La Paz|Lagos|Lahore|Lima|Lisbon|Ljubljana|London|
Los Angeles|Luanda|Madrid|Male|Malé|Manila|Melbourne|Mexico City|Minsk|Montevideo|Moscow|Mumbai|
Munich|Muscat|Nairobi|Nay Pyi Taw|New Delhi|Delhi|New York|Nur-Sultan|Osaka|Oslo|Ottawa|Paris|
Perth|Phnom Penh|Port Louis|Prague|Pretoria|Pyongyang|Quito|Rabat|Reykjavik|Riga|Rio de Janeiro|
Riyadh|Rome|Samarkand|San Francisco|Santiago|Sao Paulo|São Paulo|Seoul|Shanghai|Singapore|Sochi|
Sofia|St Petersburg|St. Petersburg|Stockholm|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|
Tel Aviv|Thimphu|Tokyo|Tunis|Ulaanbaatar|Vienna|Vientiane|Vilnius|Warsaw|Washington|
Washington DC|Wellington|Yerevan|Zagreb|Kazan|Vladivostok|Davos|Hamburg|Frankfurt|Marrakesh|
Sharm el-Sheikh|Lusaka|Harare|Gaborone|Windhoek|Maputo|Dar es Salaam|Kampala|Mogadishu|Djibouti|
Tripoli|Valletta|Nicosia|Podgorica|Skopje|Tirana|Sarajevo|Chisinau|Ashgabat|Kuwait City|Manama|
Sanaa|Damascus|Baghdad|Erbil|Varanasi|Kochi|Pune|Jaipur|Agra|Gandhinagar|Kandy|Karachi|Busan|
Kyoto|Yokohama|Nagoya|Ise-Shima|Cornwall|Carbis Bay|Glasgow|Edinburgh|Camp David|Hiroshima|
Strasbourg|Luxembourg|Monaco|Canberra|Honolulu|Anchorage|Chicago|Boston|Houston|Miami
""".replace("\n", "").split("|")) - {""}

# Country -> adjectives and short forms articles use ("US Secretary of State",
# "India's", "Indian counterpart").
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "American", "America", "United States",
                      "Washington"),
    "India": ("India", "Indian", "New Delhi"),
    "Russia": ("Russia", "Russian", "Moscow"),
    "China": ("China", "Chinese", "Beijing", "PRC"),
    "Japan": ("Japan", "Japanese", "Tokyo"),
    "Australia": ("Australia", "Australian", "Canberra"),
    "United Kingdom": ("UK", "U.K.", "British", "Britain", "United Kingdom", "London"),
    "France": ("France", "French", "Paris"),
    "Germany": ("Germany", "German", "Berlin"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv"),
    "Pakistan": ("Pakistan", "Pakistani", "Islamabad"),
    "Canada": ("Canada", "Canadian", "Ottawa"),
    "Brazil": ("Brazil", "Brazilian"),
    "South Africa": ("South Africa", "South African"),
    "Israel": ("Israel", "Israeli"),
    "Iran": ("Iran", "Iranian"),
    "Saudi Arabia": ("Saudi", "Saudi Arabia"),
    "United Arab Emirates": ("UAE", "Emirati", "United Arab Emirates"),
    "Italy": ("Italy", "Italian"),
    "Spain": ("Spain", "Spanish"),
    "Turkey": ("Turkey", "Turkish", "Türkiye"),
    "Indonesia": ("Indonesia", "Indonesian"),
    "South Korea": ("South Korea", "South Korean", "Korean"),
    "Singapore": ("Singapore", "Singaporean"),
    "Nepal": ("Nepal", "Nepali", "Nepalese"),
    "Sri Lanka": ("Sri Lanka", "Sri Lankan"),
    "Bangladesh": ("Bangladesh", "Bangladeshi"),
    "Egypt": ("Egypt", "Egyptian"),
    "Mexico": ("Mexico", "Mexican"),
    "Norway": ("Norway", "Norwegian"),
    "Kenya": ("Kenya", "Kenyan"),
    "Nigeria": ("Nigeria", "Nigerian"),
    "Vietnam": ("Vietnam", "Vietnamese"),
    "Greece": ("Greece", "Greek"),
    "Poland": ("Poland", "Polish"),
    "Sweden": ("Sweden", "Swedish"),
    "Finland": ("Finland", "Finnish"),
    "Netherlands": ("Netherlands", "Dutch"),
    "Mongolia": ("Mongolia", "Mongolian"),
    "Chile": ("Chile", "Chilean"),
    "Argentina": ("Argentina", "Argentine", "Argentinian"),
    "Qatar": ("Qatar", "Qatari"),
}

# Other capitalised words that start a name-like run but are never people.
NOT_PEOPLE = frozenset("""
Affairs|Africa|Asia|Asia-Pacific|Atlantic|Bank|Bureau|Cabinet|Capital|Chamber|Commission|
Committee|Conference|Congress|Council|Court|Day|Defence|Defense|Department|Dialogue|Embassy|
Europe|European|Foreign|Forum|Government|Group|Gulf|High|House|Indo-Pacific|Middle|East|West|
Ministry|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|
May|June|July|August|September|October|November|December|Nations|National|News|Ocean|
Office|Organisation|Organization|Pacific|Parliament|Party|Partnership|Pentagon|Republic|
Security|Senate|State|States|Summit|Times|Treaty|Union|United|University|White|World|Olympics|
Winter|Covid|Covid-19|Twitter|Facebook|Instagram|Telegram|YouTube|Youtube|Hamas|Quad|NATO|
Olympic|Games|Agency|Service|Services|Press|Post|Daily|Herald|Tribune|Live|Express|Standard
""".replace("\n", "").split("|")) - {""}


def is_city(name: str) -> bool:
    return name in CITIES


_COUNTRY_OF = {form: country for country, forms in COUNTRIES.items() for form in forms}


def country_of(word: str) -> str | None:
    """The country a word like 'US', 'Indian' or "India's" refers to, if any."""
    return _COUNTRY_OF.get(word.removesuffix("'s").removesuffix("\u2019s"))


def is_place_word(name: str) -> bool:
    """Cities, countries and their adjectives: never people."""
    return name in CITIES or country_of(name) is not None
