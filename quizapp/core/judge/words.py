"""Small built-in word lists: leading articles, and common words that are never typos.

A typed word that is itself a real word ("influenza", "pane") is not read as a typo of the
expected one ("inferenza", "cane"): the learner wrote something else. Italian words that
differ only by an accent (e/è, da/dà, se/sé, papa/papà...) are both listed, so writing one for
the other is a different word, not an accent slip. Words are stored as `normalise` leaves
them: lower case, accents kept.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ARTICLES: dict[str, frozenset[str]] = {
    # "l'" and "un'" arrive here as "l" and "un": the apostrophe splits words.
    "it": _set("il lo la i gli le l un uno una"),
    "en": _set("the a an"),
}
ANY_ARTICLE = ARTICLES["it"] | ARTICLES["en"]

_IT = """
e è ed o od ma se sé si sì no né ne non che chi cui come dove quando perché poiché
perciò però pero più meno già mai sempre anche ancora solo molto poco tanto troppo
bene male qui qua lì li là la lo le gli il un uno una i di dì da dà a al allo alla ai
agli alle del dello della dei degli delle dal dallo dalla dai dagli dalle in nel nello
nella nei negli nelle con col su sul sullo sulla sui sugli sulle per tra fra te tè me
mi ti ci vi io tu lui lei noi voi loro esso essa suo sua suoi sue mio mia tuo tua
nostro nostra questo questa quello quella altro altra ogni tutto tutti tutte nulla
niente qualche alcuni alcune stesso stessa do dò fa fai sto sta stai va vai ho ha hai
hanno sono sei siamo siete era erano fu furono essere avere fare dire andare venire
potere volere dovere sapere vedere dare stare dice detto fatto stato visto dato
papa papà meta metà principi principio subito capito capitò parlo parlò
pane cane cena pena penna mano mani mare male mele mela sole sale sala sera anno anni
ano casa cosa case cose caso così vita vista voce volta volte tempo tempi giorno
giorni notte mese mesi ora ore oggi ieri domani prima dopo poi sopra sotto dentro fuori
uomo uomini donna donne figlio figlia padre madre amico amica gente persona persone
mondo paese paesi città stato stati governo legge leggi lavoro lavori scuola libro
libri lettera parola parole lingua lingue nome nomi numero numeri parte parti punto
punti modo modi idea idee fine inizio storia storie forza forze guerra pace problema
problemi sistema sistemi mercato mercati prezzo prezzi costo costi valore valori
azienda aziende impresa imprese società banca banche fondo fondi borsa borse titolo
titoli azione azioni capitale capitali soldi denaro dollaro dollari euro yuan milione
milioni miliardo miliardi mille cento due tre quattro cinque sette otto nove dieci
influenza inferenza inferno interno esterno intero interesse intelligenza scienza
esperienza presenza assenza potenza partenza conferenza differenza coscienza pazienza
modello modelli modella modo moda moto motore mondi dati dato data date dote
ricerca ricercatore ricercatori studio studi studente studenti università professore
chip chips chiave chiavi rete reti linea linee linguaggio calcolo calcoli computer
macchina macchine robot robotica codice codici programma programmi software hardware
tecnologia tecnologie tecnico tecnica energia batteria batterie pannello pannelli
veicolo veicoli auto automobile motore treno aereo nave strada strade porto ponte
cinese cinesi americano americani italiano italiana inglese europeo europea
grande grandi piccolo piccola nuovo nuova vecchio vecchia buono buona cattivo bello
bella alto alta basso bassa lungo lunga breve forte debole ricco ricca povero povera
primo prima secondo seconda terzo ultimo ultima unico unica vero vera falso falsa
aperto aperta chiuso chiusa libero libera pubblico pubblica privato privata
economico economica politico politica sociale globale locale nazionale mondiale
lento lenta veloce rapido rapida facile difficile possibile pronto pronta
presidente ministro leader capo fondatore fondatrice direttore impiegato operaio
sede sedi sete seta sette rete rate rata tasse tassa tasso tassi corsa corse corso
cambio cambiamento crescita calo crollo picco salita discesa aumento rialzo ribasso
ombra ombre onda onde ondata oro ora orso osso ossa pesce pesci carne latte vino acqua
fuoco terra aria cielo mare monte monti fiume lago isola campo campi bosco albero
fiore fiori frutto frutta pera pero mela uva sale pepe olio riso pasta pizza
occhio occhi bocca testa cuore corpo piede piedi braccio gamba dito naso orecchio
rosso rossa verde blu nero nera bianco bianca giallo grigio azzurro
nord sud est ovest centro centri lato lati fronte retro base basi cima fondo
legno ferro vetro carta plastica pietra pelle tela tessuto filo fili
"""

_EN = """
a an the and or but if of to in on at by for from with without into onto over under
as is are was were be been being am do does did done have has had having can could
will would shall should may might must not no yes so than then that this these those
there here where when why how what which who whom whose it its he she they them their
his her him we us our you your me my mine i all any each every some many much more
most less least few one two three four five six seven eight nine ten hundred thousand
million billion trillion first second third last next new old good bad big small
large great little long short high low right left up down out off again still just
only also very too well even back after before now then ever never always often
man men woman women child children people person friend family home house city town
country state states world nation government law work job company companies firm
market markets price prices cost costs value money dollar dollars euro yuan bank
fund funds stock stocks share shares capital investor investors trade deal
year years month months week weeks day days time times hour hours night morning
name names word words number numbers part parts point points way ways idea ideas
end start story history power force war peace problem problems system systems
influence inference influenza interest internal external entire intelligence
science experience presence absence conference difference patience
model models mode modes mood moon motor data date dates database
research researcher researchers study studies student students university professor
chip chips key keys network line lines language calculation computer computers
machine machines robot robots code codes program programs software hardware
technology technologies technical energy battery batteries panel panels
vehicle vehicles car cars train plane ship road roads port bridge
chinese american italian english european
rich poor strong weak fast slow easy hard open closed free public private
economic political social global local national true false real
leader founder director president minister chief head
training train trained rain brain drain grain gain pain main mail
learning learn earning earn yearning
cat cut cot hat hit hot bat bet bit but pet pit pot put
bread bead read red road rod bed bad bag big bug
dog dig dug fog log leg lag
cane pane lane line lone mine mind find fine kind wind wine
water fire earth air sky sea mountain river lake island field tree flower fruit
eye eyes mouth head heart body foot feet arm leg finger nose ear
red green blue black white yellow grey gray
north south east west center centre side front base top bottom
wood iron glass paper plastic stone skin cloth thread
boom bust rise fall peak drop growth crash surge rally
wave waves tiger tigers dragon dragons
"""

COMMON_WORDS: dict[str, frozenset[str]] = {
    "it": _set(_IT),
    "en": _set(_EN),
}
ANY_COMMON_WORD = COMMON_WORDS["it"] | COMMON_WORDS["en"]


def common_words(lang: str) -> frozenset[str]:
    return COMMON_WORDS.get(lang, ANY_COMMON_WORD)


def articles(lang: str) -> frozenset[str]:
    return ARTICLES.get(lang, ANY_ARTICLE)
