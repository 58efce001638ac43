## Good practices: the catalogue
prac-catalogue-title = Praxisbeispiele
prac-catalogue-description = Praxisbeispiele aus europäischen Städten: was sie umgesetzt haben, was es gekostet hat, was dabei herausgekommen ist und wie es in Ihrer Stadt gelingen kann.
prac-new = Praxisbeispiel beschreiben
prac-search-label = Praxisbeispiele durchsuchen
prac-search-submit = Suchen
prac-filter-organization-kind = Art der Organisation
prac-filter-year = Begonnen im Jahr
prac-kind-any = Alle Arten
prac-kind-city = Stadt
prac-kind-region = Region
prac-kind-company = Unternehmen
prac-kind-research = Forschung
prac-kind-ngo = NGO
prac-kind-public-agency = Behörde
prac-kind-citizen-group = Bürgergruppe
prac-kind-other = Sonstige
prac-results-count = { $count ->
    [0] Keine Praxisbeispiele gefunden
    [one] Ein Praxisbeispiel gefunden
   *[other] { $count } Praxisbeispiele gefunden
}
prac-results-title = Ergebnisse
prac-facets-title = Filter
prac-facet-theme = Thema
prac-facet-country = Land
prac-facet-status = Umsetzung
prac-facet-language = Sprache
prac-facet-active = Ausgewählt:
prac-active-filters = Aktive Filter (zum Entfernen einen auswählen):
prac-chip = { $filter }: { $value }
prac-chip-remove = (diesen Filter entfernen)
prac-keep-filter = „{ $filter }“ für die nächste Suche beibehalten
prac-filter-theme = Thema
prac-filter-country = Land
prac-filter-language = Sprache
prac-filter-implementation-status = Umsetzung
prac-filter-organization = Organisation
prac-sort-label = Sortieren nach
prac-sort-relevance = Relevanz
prac-sort-newest = Neueste
prac-sort-endorsements = Meiste Empfehlungen
prac-no-results = Kein Praxisbeispiel gefunden. Versuchen Sie es mit weniger Wörtern oder entfernen Sie einen Filter.
prac-pages-label = Seiten
prac-first-page = Erste Seite
prac-next-page = Nächste Seite
prac-endorsement-count = { $count ->
    [one] Eine Empfehlung
   *[other] { $count } Empfehlungen
}
prac-status-planned = Geplant
prac-status-ongoing = Laufend
prac-status-completed = Abgeschlossen
prac-language-en = Englisch
prac-language-es = Spanisch
prac-language-fr = Französisch
prac-language-de = Deutsch
prac-language-it = Italienisch
prac-language-pt = Portugiesisch
prac-language-nl = Niederländisch
prac-language-pl = Polnisch
prac-language-ca = Katalanisch
prac-language-el = Griechisch
prac-language-sv = Schwedisch
prac-language-da = Dänisch
prac-language-fi = Finnisch
prac-language-cs = Tschechisch
prac-language-hu = Ungarisch
prac-language-ro = Rumänisch

## A practice's page
prac-by = Von
prac-record-status-draft = Entwurf
prac-record-status-published = Veröffentlicht
prac-record-status-archived = Archiviert
prac-hidden-reason = Von der Moderation ausgeblendet: { $reason }
prac-edit = Bearbeiten
prac-revisions = Versionen
prac-publish = Veröffentlichen
prac-archive = Archivieren
prac-field-organization = Organisation
prac-field-title = Titel
prac-field-summary = Zusammenfassung
prac-field-body = Beschreibung
prac-field-themes = Themen
prac-field-tags = Schlagwörter
prac-field-language = Sprache der Beschreibung
prac-field-implementation-status = Umsetzung
prac-field-dates = Zeitraum
prac-field-start-date = Beginn
prac-field-end-date = Ende
prac-field-location = Standort
prac-field-place = Ort
prac-field-lat = Breitengrad
prac-field-lon = Längengrad
prac-field-budget = Budget
prac-field-budget-amount = Budgethöhe
prac-field-budget-currency = Währung
prac-field-funding = Finanzierungsquellen
prac-field-stakeholders = Beteiligte Akteure
prac-field-results = Ergebnisse
prac-field-lessons-learned = Erkenntnisse
prac-field-transferability = Übertragbarkeit
prac-field-indicators = Indikatoren
prac-field-links = Links
prac-field-contact = Kontakt
prac-field-contact-name = Name der Kontaktperson
prac-field-contact-email = E-Mail-Adresse der Kontaktperson
prac-field-contact-role = Funktion der Kontaktperson
prac-field-other = Sonstiges
prac-dates-from-to = { $from } bis { $to }
prac-dates-from = Seit { $from }
prac-dates-to = Bis { $to }
prac-indicator-name = Indikator
prac-indicator-baseline = Ausgangswert
prac-indicator-value = Wert
prac-indicator-unit = Einheit
prac-indicator-year = Jahr
prac-endorsements = Empfehlungen
prac-endorse = Dieses Praxisbeispiel empfehlen
prac-unendorse = Meine Empfehlung zurückziehen
prac-you-endorse = Sie empfehlen dieses Praxisbeispiel.
prac-adoptions = Übernommen von
prac-adoptions-none = Bisher hat keine Organisation die Übernahme dieses Praxisbeispiels eingetragen.
prac-adoption-planned = Geplant
prac-adoption-in-progress = In Umsetzung
prac-adoption-completed = Abgeschlossen
prac-adopt-legend = Wir haben es übernommen
prac-adopt-organization = Organisation
prac-adopt-status = Stand
prac-adopt-note = Anmerkung (optional)
prac-adopt-submit = Übernahme eintragen
prac-adopt-choose-organization = Wählen Sie die Organisation, die es übernommen hat.
prac-adopt-choose-status = Wählen Sie den Stand der Übernahme.
prac-adopt-already = Diese Organisation hat die Übernahme dieses Praxisbeispiels bereits eingetragen.
prac-documents = Dokumente
prac-documents-link = Dokumente zu diesem Praxisbeispiel ansehen
prac-comments = Kommentare
prac-comment-count = { $count ->
    [0] Keine Kommentare
    [one] Ein Kommentar
   *[other] { $count } Kommentare
}
prac-comments-none = Schreiben Sie den ersten Kommentar.
prac-comments-more = Weitere Kommentare
prac-comment-deleted = Dieser Kommentar wurde gelöscht.
prac-comment-former-member = Ein ehemaliges Mitglied
prac-comment-label = Ihr Kommentar
prac-comment-hint = Markdown wird unterstützt: **fett**, Listen, Links.
prac-comment-submit = Kommentar veröffentlichen
prac-comment-sign-in = Zum Kommentieren anmelden
prac-reply = Antworten
prac-reply-to = Ihre Antwort an { $name }
prac-reply-submit = Antwort veröffentlichen

## Writing a practice up
prac-new-title = Praxisbeispiel beschreiben
prac-edit-title = „{ $title }“ bearbeiten
prac-form-about = Das Praxisbeispiel
prac-form-when-where = Wann und wo
prac-form-money = Budget und Finanzierung
prac-form-outcomes = Ergebnisse
prac-form-links-contact = Links und Kontakt
prac-form-choose = Auswählen…
prac-form-create = Als Entwurf speichern
prac-form-save = Änderungen speichern
prac-form-preview = Vorschau
prac-form-cancel = Abbrechen
prac-form-no-organization = Um ein Praxisbeispiel zu beschreiben, müssen Sie in einer Organisation die Rolle Eigentümer oder Bearbeiter haben.
prac-form-choose-organization = Wählen Sie die Organisation, zu der dieses Praxisbeispiel gehört.
prac-form-choose-status = Wählen Sie den Stand der Umsetzung.
prac-form-bad-date = Geben Sie ein Datum im Format 2024-05-31 ein.
prac-form-bad-number = Geben Sie eine Zahl ein, zum Beispiel 1250000 oder 39.47.
prac-form-bad-indicator = Schreiben Sie jeden Indikator in eine eigene Zeile: Name | Einheit | Ausgangswert | Wert | Jahr.
prac-hint-summary = Nur Text, höchstens 1.000 Zeichen: erscheint in den Suchergebnissen.
prac-hint-markdown = Markdown: # Überschriften, **fett**, Listen, Links.
prac-hint-tags = Durch Kommas getrennt.
prac-hint-lines = Einer pro Zeile.
prac-hint-indicators = Einer pro Zeile: Name | Einheit | Ausgangswert | Wert | Jahr (der Ausgangswert darf leer bleiben).
prac-hint-links = Einer pro Zeile: zuerst die Adresse, dann der Titel.
prac-hint-currency = Ein Code wie EUR.
prac-hint-lat = Zwischen -90 und 90, z. B. 39.47.
prac-hint-lon = Zwischen -180 und 180, z. B. -0.376.
prac-preview-title = Vorschau

## Revisions
prac-revisions-title = Versionen von „{ $title }“
prac-back-to-practice = Zurück zum Praxisbeispiel
prac-revision = Version
prac-revision-number = Version { $number }
prac-revision-author = Von
prac-revision-when = Wann
prac-revision-fields = Geändert
prac-revisions-more = Ältere Versionen
prac-compare-from = Version
prac-compare-to = mit Version
prac-compare-submit = Vergleichen
prac-compare-title = Version { $from } und Version { $to }
prac-compare-same = Diese Versionen haben denselben Text.
prac-diff-removed = Entfernt:
prac-diff-added = Hinzugefügt:

## Notices after an action
notice-prac-created = Ihr Praxisbeispiel ist als Entwurf gespeichert. Veröffentlichen Sie es, sobald es fertig ist.
notice-prac-saved = Ihre Änderungen sind gespeichert.
notice-prac-published = Das Praxisbeispiel ist veröffentlicht.
notice-prac-archived = Das Praxisbeispiel ist archiviert.
notice-prac-commented = Ihr Kommentar ist veröffentlicht.
notice-prac-endorsed = Sie empfehlen dieses Praxisbeispiel.
notice-prac-unendorsed = Ihre Empfehlung ist zurückgezogen.
notice-prac-adopted = Die Übernahme ist eingetragen.

## Messages of the server's checks (key: v- and the English message as a slug)
v-is-required = Füllen Sie dieses Pflichtfeld aus.
v-must-not-be-blank = Füllen Sie dieses Feld aus.
v-must-be-at-least-3-characters = Verwenden Sie mindestens 3 Zeichen.
v-must-be-at-most-200-characters = Verwenden Sie höchstens 200 Zeichen.
v-must-be-at-most-1000-characters = Verwenden Sie höchstens 1.000 Zeichen.
v-must-be-at-most-5000-characters = Verwenden Sie höchstens 5.000 Zeichen.
v-must-be-at-most-50000-characters = Verwenden Sie höchstens 50.000 Zeichen.
v-must-name-1-to-16-themes = Wählen Sie zwischen 1 und 16 Themen.
v-must-be-between-the-years-1900-and-2100 = Geben Sie ein Datum zwischen den Jahren 1900 und 2100 ein.
v-must-not-be-before-start-date = Geben Sie ein Enddatum ein, das nicht vor dem Beginn liegt.
v-relevance-needs-a-query-q = Geben Sie Suchbegriffe ein, um nach Relevanz zu sortieren.
v-must-be-a-year = Geben Sie ein Jahr ein, zum Beispiel 2021.
v-must-be-between-1900-and-2100 = Geben Sie ein Jahr zwischen 1900 und 2100 ein.
v-an-organization-cannot-adopt-its-own-practice = Wählen Sie eine andere Organisation: Eine Organisation kann ihr eigenes Praxisbeispiel nicht übernehmen.
v-no-such-organization = Wählen Sie eine Ihrer Organisationen.
