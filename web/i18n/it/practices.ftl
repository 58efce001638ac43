## Good practices: the catalogue
prac-catalogue-title = Buone pratiche
prac-catalogue-description = Buone pratiche delle città europee: che cosa è stato fatto, quanto è costato, quali risultati ha dato e come replicarlo nella propria città.
prac-new = Descrivere una buona pratica
prac-search-label = Cercare buone pratiche
prac-search-submit = Cercare
prac-filter-organization-kind = Tipo di organizzazione
prac-filter-year = Anno di avvio
prac-kind-any = Qualsiasi tipo
prac-kind-city = Città
prac-kind-region = Regione
prac-kind-company = Azienda
prac-kind-research = Ricerca
prac-kind-ngo = ONG
prac-kind-public-agency = Ente pubblico
prac-kind-citizen-group = Gruppo di cittadini
prac-kind-other = Altro
prac-results-count = { $count ->
    [0] Nessuna buona pratica trovata
    [one] Una buona pratica trovata
   *[other] { $count } buone pratiche trovate
}
prac-results-title = Risultati
prac-facets-title = Filtri
prac-facet-theme = Tema
prac-facet-country = Paese
prac-facet-status = Attuazione
prac-facet-language = Lingua
prac-facet-active = Selezione:
prac-active-filters = Filtri attivi (selezionarne uno per rimuoverlo):
prac-chip = { $filter }: { $value }
prac-chip-remove = (rimuovere questo filtro)
prac-keep-filter = Mantenere «{ $filter }» per la prossima ricerca
prac-filter-theme = Tema
prac-filter-country = Paese
prac-filter-language = Lingua
prac-filter-implementation-status = Attuazione
prac-filter-organization = Organizzazione
prac-sort-label = Ordinare per
prac-sort-relevance = Pertinenza
prac-sort-newest = Più recenti
prac-sort-endorsements = Più sostenute
prac-no-results = Nessuna buona pratica corrisponde. Provare con meno parole o rimuovere un filtro.
prac-pages-label = Pagine
prac-first-page = Prima pagina
prac-next-page = Pagina successiva
prac-endorsement-count = { $count ->
    [one] Un sostegno
   *[other] { $count } sostegni
}
prac-status-planned = Prevista
prac-status-ongoing = In corso
prac-status-completed = Conclusa
prac-language-en = Inglese
prac-language-es = Spagnolo
prac-language-fr = Francese
prac-language-de = Tedesco
prac-language-it = Italiano
prac-language-pt = Portoghese
prac-language-nl = Olandese
prac-language-pl = Polacco
prac-language-ca = Catalano
prac-language-el = Greco
prac-language-sv = Svedese
prac-language-da = Danese
prac-language-fi = Finlandese
prac-language-cs = Ceco
prac-language-hu = Ungherese
prac-language-ro = Rumeno

## A practice's page
prac-by = Di
prac-record-status-draft = Bozza
prac-record-status-published = Pubblicata
prac-record-status-archived = Archiviata
prac-hidden-reason = Nascosta da un moderatore: { $reason }
prac-edit = Modificare
prac-revisions = Revisioni
prac-publish = Pubblicare
prac-archive = Archiviare
prac-field-organization = Organizzazione
prac-field-title = Titolo
prac-field-summary = Sintesi
prac-field-body = Descrizione
prac-field-themes = Temi
prac-field-tags = Parole chiave
prac-field-language = Lingua del testo
prac-field-implementation-status = Attuazione
prac-field-dates = Date
prac-field-start-date = Data di inizio
prac-field-end-date = Data di fine
prac-field-location = Posizione
prac-field-place = Luogo
prac-field-lat = Latitudine
prac-field-lon = Longitudine
prac-field-budget = Budget
prac-field-budget-amount = Importo del budget
prac-field-budget-currency = Valuta
prac-field-funding = Fonti di finanziamento
prac-field-stakeholders = Soggetti coinvolti
prac-field-results = Risultati
prac-field-lessons-learned = Lezioni apprese
prac-field-transferability = Trasferibilità
prac-field-indicators = Indicatori
prac-field-links = Link
prac-field-contact = Contatto
prac-field-contact-name = Referente
prac-field-contact-email = Email del referente
prac-field-contact-role = Ruolo del referente
prac-field-other = Altro
prac-dates-from-to = Dal { $from } al { $to }
prac-dates-from = Dal { $from }
prac-dates-to = Fino al { $to }
prac-indicator-name = Indicatore
prac-indicator-baseline = Valore di partenza
prac-indicator-value = Valore
prac-indicator-unit = Unità
prac-indicator-year = Anno
prac-endorsements = Sostegni
prac-endorse = Sostenere questa buona pratica
prac-unendorse = Ritirare il proprio sostegno
prac-you-endorse = Ha già sostenuto questa buona pratica.
prac-adoptions = Adottata da
prac-adoptions-none = Nessuna organizzazione ha ancora registrato l'adozione di questa buona pratica.
prac-adoption-planned = Prevista
prac-adoption-in-progress = In corso
prac-adoption-completed = Conclusa
prac-adopt-legend = L'abbiamo adottata
prac-adopt-organization = Organizzazione
prac-adopt-status = Stato
prac-adopt-note = Nota (facoltativa)
prac-adopt-submit = Registrare l'adozione
prac-adopt-choose-organization = Scegliere l'organizzazione che l'ha adottata.
prac-adopt-choose-status = Indicare a che punto è l'adozione.
prac-adopt-already = Questa organizzazione ha già registrato l'adozione di questa buona pratica.
prac-documents = Documenti
prac-documents-link = Vedere i documenti di questa buona pratica
prac-comments = Commenti
prac-comment-count = { $count ->
    [0] Nessun commento
    [one] Un commento
   *[other] { $count } commenti
}
prac-comments-none = Nessun commento per ora: scrivere il primo.
prac-comments-more = Altri commenti
prac-comment-deleted = Questo commento è stato eliminato.
prac-comment-former-member = Un ex membro
prac-comment-label = Commento
prac-comment-hint = È possibile usare Markdown: **grassetto**, elenchi, link.
prac-comment-submit = Pubblicare il commento
prac-comment-sign-in = Accedere per commentare
prac-reply = Rispondere
prac-reply-to = Risposta a { $name }
prac-reply-submit = Pubblicare la risposta

## Writing a practice up
prac-new-title = Descrivere una buona pratica
prac-edit-title = Modificare «{ $title }»
prac-form-about = La buona pratica
prac-form-when-where = Quando e dove
prac-form-money = Budget e finanziamento
prac-form-outcomes = Esiti
prac-form-links-contact = Link e contatto
prac-form-choose = Scegliere…
prac-form-create = Salvare come bozza
prac-form-save = Salvare le modifiche
prac-form-preview = Anteprima
prac-form-cancel = Annullare
prac-form-no-organization = Per descrivere una buona pratica occorre essere proprietario o redattore di un'organizzazione.
prac-form-choose-organization = Scegliere l'organizzazione a cui appartiene questa buona pratica.
prac-form-choose-status = Indicare a che punto è la buona pratica.
prac-form-bad-date = Inserire una data nel formato 2024-05-31.
prac-form-bad-number = Inserire un numero, ad esempio 1250000 o 39.47.
prac-form-bad-indicator = Scrivere ogni indicatore su una riga, così: nome | unità | valore di partenza | valore | anno.
prac-hint-summary = Testo semplice, fino a 1.000 caratteri: compare nei risultati di ricerca.
prac-hint-markdown = Markdown: # titoli, **grassetto**, elenchi, link.
prac-hint-tags = Separate da virgole.
prac-hint-lines = Una voce per riga.
prac-hint-indicators = Uno per riga: nome | unità | valore di partenza | valore | anno (il valore di partenza può restare vuoto).
prac-hint-links = Uno per riga: l'indirizzo, seguito dal titolo.
prac-hint-currency = Un codice come EUR.
prac-hint-lat = Tra -90 e 90, ad esempio 39.47.
prac-hint-lon = Tra -180 e 180, ad esempio -0.376.
prac-preview-title = Anteprima

## Revisions
prac-revisions-title = Revisioni di «{ $title }»
prac-back-to-practice = Tornare alla buona pratica
prac-revision = Revisione
prac-revision-number = Revisione { $number }
prac-revision-author = Autore
prac-revision-when = Data
prac-revision-fields = Modifiche
prac-revisions-more = Revisioni precedenti
prac-compare-from = Confrontare la revisione
prac-compare-to = con la revisione
prac-compare-submit = Confrontare
prac-compare-title = Revisione { $from } e revisione { $to }
prac-compare-same = Queste revisioni hanno lo stesso testo.
prac-diff-removed = Rimosso:
prac-diff-added = Aggiunto:

## Notices after an action
notice-prac-created = Buona pratica salvata come bozza. Pubblicarla quando è pronta.
notice-prac-saved = Modifiche salvate.
notice-prac-published = Buona pratica pubblicata.
notice-prac-archived = Buona pratica archiviata.
notice-prac-commented = Commento pubblicato.
notice-prac-endorsed = Sostegno registrato.
notice-prac-unendorsed = Sostegno ritirato.
notice-prac-adopted = Adozione registrata.

## Messages of the server's checks (key: v- and the English message as a slug)
v-is-required = Compilare questo campo.
v-must-not-be-blank = Scrivere un testo: i soli spazi non bastano.
v-must-be-at-least-3-characters = Usare almeno 3 caratteri.
v-must-be-at-most-200-characters = Usare al massimo 200 caratteri.
v-must-be-at-most-1000-characters = Usare al massimo 1.000 caratteri.
v-must-be-at-most-5000-characters = Usare al massimo 5.000 caratteri.
v-must-be-at-most-50000-characters = Usare al massimo 50.000 caratteri.
v-must-name-1-to-16-themes = Scegliere da 1 a 16 temi.
v-must-be-between-the-years-1900-and-2100 = Inserire una data compresa tra il 1900 e il 2100.
v-must-not-be-before-start-date = Inserire una data di fine non anteriore alla data di inizio.
v-relevance-needs-a-query-q = Inserire parole di ricerca per ordinare per pertinenza.
v-must-be-a-year = Inserire un anno, ad esempio 2021.
v-must-be-between-1900-and-2100 = Inserire un anno compreso tra 1900 e 2100.
v-an-organization-cannot-adopt-its-own-practice = Scegliere un'altra organizzazione: un'organizzazione non può adottare una propria buona pratica.
v-no-such-organization = Scegliere una delle proprie organizzazioni.
